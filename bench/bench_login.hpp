#pragma once
// Login throughput over HTTP with the real argon2id cost, against raw crypto_pwhash_str_verify.
#include "bench_support.hpp"

namespace kimonet::bench {

// `hash` is the stored argon2id hash of `password` for `username`.
std::vector<Row> run_login_bench(HttpClient& http, const std::string& username, const std::string& password, const std::string& hash,
                                 int logins);

}  // namespace kimonet::bench
