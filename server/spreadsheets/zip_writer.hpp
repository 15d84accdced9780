#pragma once
// A zip archive built in memory (libzip), for downloads of several files in one (the Coretax
// export of a month with more than 1,000 fakturs).
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace kimonet::spreadsheets {

// (name, content) pairs into one deflated archive's bytes.
Result<std::string> zip_archive(const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace kimonet::spreadsheets
