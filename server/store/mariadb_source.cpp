#include "store/mariadb_source.hpp"

#include <mariadb/mysql.h>

#include <cctype>
#include <memory>

#include "core/import_messages.hpp"

namespace kimonet::imports {

namespace {

std::string mariadb_percent_decoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

struct MariadbCloser {
    void operator()(MYSQL* connection) const { mysql_close(connection); }
};
struct MariadbResultFree {
    void operator()(MYSQL_RES* result) const { mysql_free_result(result); }
};

}  // namespace

Result<MariadbTarget> parse_mariadb_url(const std::string& url) {
    const Error bad = make_error(ErrorCode::ValidationFailed, messages::kMariadbUrl);
    constexpr std::string_view kScheme = "mariadb://", kMysqlScheme = "mysql://";
    std::string_view rest = url;
    if (rest.starts_with(kScheme)) rest.remove_prefix(kScheme.size());
    else if (rest.starts_with(kMysqlScheme)) rest.remove_prefix(kMysqlScheme.size());
    else return bad;
    MariadbTarget target;
    const auto at = rest.rfind('@');
    if (at == std::string_view::npos) return bad;
    const std::string_view credentials = rest.substr(0, at);
    rest.remove_prefix(at + 1);
    const auto colon = credentials.find(':');
    target.user = mariadb_percent_decoded(credentials.substr(0, colon));
    if (colon != std::string_view::npos) target.password = mariadb_percent_decoded(credentials.substr(colon + 1));
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos || target.user.empty()) return bad;
    std::string_view host = rest.substr(0, slash), path = rest.substr(slash + 1);
    const auto question = path.find('?');
    if (question != std::string_view::npos) {
        const std::string_view query = path.substr(question + 1);
        path = path.substr(0, question);
        if (!query.starts_with("socket=")) return bad;
        target.socket = mariadb_percent_decoded(query.substr(7));
    }
    target.database = mariadb_percent_decoded(path);
    if (const auto port = host.rfind(':'); port != std::string_view::npos) {
        const std::string digits(host.substr(port + 1));
        if (digits.empty() || digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string::npos) return bad;
        target.port = static_cast<unsigned>(std::stoul(digits));
        host = host.substr(0, port);
    }
    if (!host.empty()) target.host = std::string(host);
    if (target.database.empty()) return bad;
    return target;
}

Result<PhpnuxbillData> read_phpnuxbill_mariadb(const MariadbTarget& target) {
    std::unique_ptr<MYSQL, MariadbCloser> connection(mysql_init(nullptr));
    if (!connection) return make_error(ErrorCode::Internal, messages::kMariadbConnectFailed);
    const unsigned timeout = 10;
    mysql_options(connection.get(), MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
    mysql_options(connection.get(), MYSQL_SET_CHARSET_NAME, "utf8mb4");
    if (!mysql_real_connect(connection.get(), target.socket.empty() ? target.host.c_str() : nullptr, target.user.c_str(),
                            target.password.c_str(), target.database.c_str(), target.port,
                            target.socket.empty() ? nullptr : target.socket.c_str(), 0))
        return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kMariadbConnectFailed, mysql_error(connection.get())));
    // Read everything in one consistent snapshot, so a busy PHPNuxBill cannot change rows between tables.
    if (mysql_query(connection.get(), "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY") != 0)
        return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kMariadbQueryFailed, mysql_error(connection.get())));
    PhpnuxbillData data;
    for (const auto& table : phpnuxbill_tables()) {
        const std::string sql = "SELECT * FROM `" + table + "` ORDER BY 1";
        if (mysql_query(connection.get(), sql.c_str()) != 0) {
            if (mysql_errno(connection.get()) == 1146) continue;  // ER_NO_SUCH_TABLE: an older PHPNuxBill
            return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kMariadbQueryFailed, mysql_error(connection.get())));
        }
        std::unique_ptr<MYSQL_RES, MariadbResultFree> result(mysql_use_result(connection.get()));
        if (!result) return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kMariadbQueryFailed, mysql_error(connection.get())));
        const unsigned count = mysql_num_fields(result.get());
        const MYSQL_FIELD* fields = mysql_fetch_fields(result.get());
        std::vector<std::string> columns;
        for (unsigned i = 0; i < count; ++i) columns.emplace_back(fields[i].name);
        std::vector<std::optional<std::string>> values(count);
        data.tables_seen.insert(table);
        while (MYSQL_ROW row = mysql_fetch_row(result.get())) {
            const unsigned long* lengths = mysql_fetch_lengths(result.get());
            for (unsigned i = 0; i < count; ++i)
                values[i] = row[i] ? std::optional<std::string>(std::string(row[i], lengths[i])) : std::nullopt;
            TRY_VOID(add_phpnuxbill_row(data, table, columns, values, 0));
        }
        if (mysql_errno(connection.get()) != 0)
            return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kMariadbQueryFailed, mysql_error(connection.get())));
    }
    if (!data.tables_seen.contains("tbl_customers")) return make_error(ErrorCode::ValidationFailed, messages::kDumpNotPhpnuxbill);
    return data;
}

}  // namespace kimonet::imports
