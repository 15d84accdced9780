#pragma once
// The same database spelt differently: to this process, another server's connections. They do not
// share the first server's commit counter (store::commit_counter is per URL), so only what the
// database itself tells the first server can help it, as with a second `kimonet serve` on the same
// PostgreSQL. Open one with TestServer{TestServer::Existing{another_servers_url(first.db_path()), first.secret_key_file()}}.
#include <string>

#include "store/database.hpp"

namespace kimonet::testing {

inline std::string another_servers_url(const std::string& url) {
    if (store::is_postgresql_url(url)) return url + (url.find('?') == std::string::npos ? "?" : "&") + "application_name=second_server";
    return "sqlite:" + url;
}

}  // namespace kimonet::testing
