#include "imports/phpnuxbill_data.hpp"

#include <charconv>
#include <cstdio>

#include "core/import_messages.hpp"
#include "imports/sql_dump.hpp"

namespace kimonet::imports {

namespace {

// One row's values by column name, with the line for errors.
class NuxRow {
public:
    NuxRow(std::string_view table, const std::vector<std::string>& columns, const std::vector<std::optional<std::string>>& values, std::size_t line)
        : m_table(table), m_columns(columns), m_values(values), m_line(line) {}

    Result<std::string> text(std::string_view column, bool required = true) const {
        for (std::size_t i = 0; i < m_columns.size(); ++i)
            if (m_columns[i] == column) return m_values[i] ? *m_values[i] : std::string();
        if (!required) return std::string();
        return make_error(ErrorCode::ValidationFailed, messages::with_detail(messages::kDumpMissingColumn, std::string(m_table) + "." + std::string(column)));
    }
    // An integer, or the integer part of a decimal ("150000.00"); NULL or absent (when not required) is 0.
    Result<std::int64_t> number(std::string_view column, bool required = true) const {
        const std::string value = TRY(text(column, required));
        if (value.empty()) return std::int64_t{0};
        std::int64_t number = 0;
        const char* end = value.data() + value.size();
        auto [stop, error] = std::from_chars(value.data(), end, number);
        if (error == std::errc() && stop != end && *stop == '.') {
            const char* fraction = stop + 1;
            while (fraction != end && *fraction >= '0' && *fraction <= '9') ++fraction;
            if (fraction == end && fraction != stop + 1) stop = end;
        }
        if (error != std::errc() || stop != end || number < -kMaxMoney || number > kMaxMoney) return bad(messages::kDumpBadNumber, column);
        return number;
    }
    // A DATE or the date part of a DATETIME/TIMESTAMP; MySQL's zero date is no date.
    Result<std::optional<Date>> date(std::string_view column, bool required = true) const {
        const std::string value = TRY(text(column, required));
        if (value.empty() || value.starts_with("0000-00-00")) return std::optional<Date>();
        auto parsed = parse_date(std::string_view(value).substr(0, 10));
        if (!parsed) return bad(messages::kDumpBadDate, column);
        return std::optional<Date>(*parsed);
    }
    Result<Date> required_date(std::string_view column) const {
        auto value = TRY(date(column));
        if (!value) return bad(messages::kDumpBadDate, column);
        return *value;
    }
    std::size_t line() const { return m_line; }

private:
    Error bad(const char* message, std::string_view column) const {
        return make_error(ErrorCode::ValidationFailed,
                          messages::with_detail(message, std::to_string(m_line) + " (" + std::string(m_table) + "." + std::string(column) + ")"));
    }
    std::string_view m_table;
    const std::vector<std::string>& m_columns;
    const std::vector<std::optional<std::string>>& m_values;
    std::size_t m_line;
};

std::int64_t nux_kbps(std::int64_t rate, const std::string& unit) { return unit == "Mbps" ? rate * 1000 : rate; }

std::int64_t nux_seconds_of_day(const std::string& time) {
    int hours = 0, minutes = 0, seconds = 0;
    if (std::sscanf(time.c_str(), "%d:%d:%d", &hours, &minutes, &seconds) != 3) return 0;
    return hours * 3600 + minutes * 60 + seconds;
}

}  // namespace

const std::set<std::string, std::less<>>& phpnuxbill_tables() {
    static const std::set<std::string, std::less<>> tables = {"tbl_customers", "tbl_bandwidth", "tbl_plans", "tbl_routers",
                                                              "tbl_user_recharges", "tbl_transactions", "tbl_voucher"};
    return tables;
}

Result<void> add_phpnuxbill_row(PhpnuxbillData& data, std::string_view table, const std::vector<std::string>& columns,
                                const std::vector<std::optional<std::string>>& values, std::size_t line) {
    const NuxRow row(table, columns, values, line);
    data.tables_seen.emplace(table);
    if (table == "tbl_customers") {
        NuxCustomer customer;
        customer.id = TRY(row.number("id"));
        customer.username = TRY(row.text("username"));
        customer.password = TRY(row.text("password"));
        customer.pppoe_password = TRY(row.text("pppoe_password", false));
        customer.fullname = TRY(row.text("fullname"));
        customer.address = TRY(row.text("address", false));
        customer.phonenumber = TRY(row.text("phonenumber"));
        customer.email = TRY(row.text("email", false));
        customer.service_type = TRY(row.text("service_type", false));
        customer.status = TRY(row.text("status", false));
        customer.balance = TRY(row.number("balance", false));
        customer.created = TRY(row.date("created_at", false));
        customer.line = line;
        data.customers.push_back(std::move(customer));
    } else if (table == "tbl_bandwidth") {
        NuxBandwidth bandwidth;
        bandwidth.id = TRY(row.number("id"));
        bandwidth.download_kbps = nux_kbps(TRY(row.number("rate_down")), TRY(row.text("rate_down_unit")));
        bandwidth.upload_kbps = nux_kbps(TRY(row.number("rate_up")), TRY(row.text("rate_up_unit")));
        data.bandwidths.push_back(bandwidth);
    } else if (table == "tbl_plans") {
        NuxPlan plan;
        plan.id = TRY(row.number("id"));
        plan.name = TRY(row.text("name_plan"));
        plan.bandwidth_id = TRY(row.number("id_bw"));
        plan.price = TRY(row.number("price"));
        plan.type = TRY(row.text("type"));
        plan.validity = TRY(row.number("validity"));
        plan.validity_unit = TRY(row.text("validity_unit"));
        plan.router = TRY(row.text("routers"));
        plan.enabled = TRY(row.number("enabled", false)) != 0 || TRY(row.text("enabled", false)).empty();
        plan.line = line;
        data.plans.push_back(std::move(plan));
    } else if (table == "tbl_routers") {
        NuxRouter router;
        router.id = TRY(row.number("id"));
        router.name = TRY(row.text("name"));
        router.address = TRY(row.text("ip_address"));
        router.username = TRY(row.text("username"));
        router.password = TRY(row.text("password"));
        router.description = TRY(row.text("description", false));
        router.enabled = TRY(row.number("enabled", false)) != 0 || TRY(row.text("enabled", false)).empty();
        router.line = line;
        data.routers.push_back(std::move(router));
    } else if (table == "tbl_user_recharges") {
        NuxRecharge recharge;
        recharge.id = TRY(row.number("id"));
        recharge.customer_id = TRY(row.number("customer_id"));
        recharge.username = TRY(row.text("username"));
        recharge.plan_id = TRY(row.number("plan_id"));
        recharge.plan_name = TRY(row.text("namebp"));
        recharge.recharged_on = TRY(row.required_date("recharged_on"));
        recharge.expiration = TRY(row.required_date("expiration"));
        recharge.status = TRY(row.text("status"));
        recharge.router = TRY(row.text("routers"));
        recharge.type = TRY(row.text("type"));
        recharge.line = line;
        data.recharges.push_back(std::move(recharge));
    } else if (table == "tbl_transactions") {
        NuxTransaction transaction;
        transaction.id = TRY(row.number("id"));
        transaction.invoice = TRY(row.text("invoice"));
        transaction.username = TRY(row.text("username"));
        transaction.plan_name = TRY(row.text("plan_name"));
        transaction.price = TRY(row.number("price"));
        transaction.recharged_on = TRY(row.required_date("recharged_on"));
        transaction.seconds_of_day = nux_seconds_of_day(TRY(row.text("recharged_time", false)));
        transaction.method = TRY(row.text("method"));
        transaction.router = TRY(row.text("routers"));
        transaction.type = TRY(row.text("type"));
        transaction.line = line;
        data.transactions.push_back(std::move(transaction));
    } else if (table == "tbl_voucher") {
        ++data.vouchers;
    }
    return {};
}

Result<PhpnuxbillData> read_phpnuxbill_dump(std::istream& in) {
    PhpnuxbillData data;
    TRY_VOID(read_sql_dump(in, phpnuxbill_tables(), [&](const SqlDumpRow& row) -> Result<void> {
        return add_phpnuxbill_row(data, row.table, row.columns, row.values, row.line);
    }));
    if (!data.tables_seen.contains("tbl_customers")) return make_error(ErrorCode::ValidationFailed, messages::kDumpNotPhpnuxbill);
    return data;
}

}  // namespace kimonet::imports
