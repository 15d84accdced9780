#include "store/customer_bulk_store.hpp"

#include <optional>
#include <string>

#include "store/copy_rows.hpp"
#include "store/customer_columns.hpp"
#include "store/multi_row_insert.hpp"
#include "store/store_time.hpp"

namespace kimonet::store {

namespace {

// One COPY text line, the columns of kCustomerInsertColumns in their order.
void add_customer_row(std::string& rows, const Customer& customer, const std::string& at) {
    add_copy_text(rows, customer.service_number);
    add_copy_text(rows, customer.name);
    add_copy_text(rows, customer.phone);
    add_copy_text(rows, customer.email);
    add_copy_text(rows, customer.address);
    add_copy_number(rows, customer.package_id);
    add_copy_number(rows, customer.router_id);
    add_copy_text(rows, customer.pppoe_username);
    add_copy_text(rows, to_string(customer.status));
    add_copy_text(rows, to_string(customer.join_date));
    add_copy_number(rows, customer.due_day ? std::optional<std::int64_t>(*customer.due_day) : std::nullopt);
    add_copy_text(rows, to_string(customer.connection_method));
    add_copy_text(rows, customer.ip_address);
    add_copy_text(rows, customer.mac_address);
    add_copy_text(rows, customer.tax.npwp);
    add_copy_text(rows, customer.tax.nik);
    add_copy_text(rows, customer.tax.nitku);
    add_copy_number(rows, customer.tax.needs_faktur ? 1 : 0);
    add_copy_text(rows, at);
    add_copy_text(rows, at, '\n');
}

}  // namespace

Result<void> insert_customers(Database& db, const std::vector<Customer>& customers, std::int64_t now,
                              const std::function<void(std::int64_t done)>& progress, std::int64_t progress_every) {
    const std::string at = utc_timestamp_text(now);
    const auto total = static_cast<std::int64_t>(customers.size());
    std::int64_t done = 0;
    if (db.engine() == Engine::Postgresql) {
        // In slices, so a progress bar moves and the text of a slice, not of the whole file, is held.
        constexpr std::size_t kRowsPerCopy = 10000;
        std::string rows;
        for (const Customer& customer : customers) {
            add_customer_row(rows, customer, at);
            if (++done % static_cast<std::int64_t>(kRowsPerCopy) == 0 || done == total) {
                TRY_VOID(db.copy_in(std::string("customers(") + kCustomerInsertColumns + ")", rows));
                rows.clear();
                if (progress) progress(done);
            }
        }
        return {};
    }
    // Many rows per INSERT: SQLite's FTS5 (the customer search, migration 0006) writes its pending
    // index out at the end of every statement, so 100,000 one-row INSERTs cost 3.5 times what the
    // same rows cost 100 at a time (bench_reports). 100 rows are 2,000 parameters.
    constexpr std::size_t kRowsPerInsert = 100;
    const auto every = static_cast<std::size_t>(progress_every);
    std::size_t reported = 0;
    return insert_rows(
        db, std::string("customers(") + kCustomerInsertColumns + ")", kCustomerInsertParameters, customers.size(), kRowsPerInsert,
        [&](Statement& statement, int first, std::size_t i) {
            bind_customer_columns(statement, customers[i], first);
            statement.bind(first + 18, at).bind(first + 19, at);
        },
        [&](std::size_t written) {
            if (progress && (written / every != reported / every || written == customers.size())) progress(static_cast<std::int64_t>(written));
            reported = written;
        });
}

}  // namespace kimonet::store
