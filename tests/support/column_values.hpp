#pragma once
// Reading every row of a test query, for assertions that must run the same on both engines.
#include <string>
#include <vector>

#include "support/test_server_support.hpp"

namespace kimonet::testing {

// The first column of every row `sql` returns, in the query's order. Tests join, sum or parse these
// in C++ instead of group_concat / string_agg / json_extract, which differ between the engines.
std::vector<std::string> column_values(TestServer& server, const std::string& sql);

}  // namespace kimonet::testing
