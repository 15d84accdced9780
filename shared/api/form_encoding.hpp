#pragma once
// application/x-www-form-urlencoded bodies, built on THE URL encoder (api::url_encode).
#include <string>
#include <utility>
#include <vector>

namespace kimonet::api {

// Name/value pairs in order, each side url_encode'd: "title=Tagihan%20Januari&amount=150000".
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace kimonet::api
