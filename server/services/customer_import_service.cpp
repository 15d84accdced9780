#include "services/customer_import_service.hpp"

#include <charconv>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "api/dto.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"
#include "services/activity_log.hpp"
#include "services/settings.hpp"
#include "spreadsheets/import_limits.hpp"
#include "spreadsheets/uploaded_table.hpp"
#include "store/customer_bulk_store.hpp"
#include "store/customer_store.hpp"
#include "store/import_store.hpp"
#include "store/report_store.hpp"

namespace kimonet::services {

namespace {

constexpr std::size_t kPreviewRows = 20;
constexpr std::size_t kMaxErrorsReported = 1000;

Result<spreadsheets::UploadedTable> read_table(std::string_view file) {
    return spreadsheets::read_uploaded_table(file, CsvLimits{spreadsheets::kMaxImportColumns, spreadsheets::kMaxSheetRows});
}

bool blank(const std::vector<std::string>& row) {
    for (const auto& cell : row)
        if (!trim_copy(cell).empty()) return false;
    return true;
}

std::string lower(std::string_view text) { return to_lower_ascii(trim_copy(text)); }

// Looks a package or router up by name (case-insensitive) or by id.
std::optional<std::int64_t> lookup(const std::unordered_map<std::string, std::int64_t>& by_name, const std::string& text) {
    auto it = by_name.find(lower(text));
    if (it != by_name.end()) return it->second;
    return std::nullopt;
}

// Lower-case name → id, and the id's own text → id (a later name wins, an id text never).
std::unordered_map<std::string, std::int64_t> names_and_ids(const std::map<std::int64_t, std::string>& names) {
    std::unordered_map<std::string, std::int64_t> out;
    for (const auto& [id, name] : names) {
        out[lower(name)] = id;
        out.emplace(std::to_string(id), id);
    }
    return out;
}

// The customer validation names package_id/router_id; the import speaks of its columns.
std::string import_field_name(const std::string& field) {
    if (field == "package_id") return "package";
    if (field == "router_id") return "router";
    return field;
}

// The trailing number of "CUST042" → 42 (for numbering rows without a nomor layanan).
std::int64_t number_after(std::string_view number, std::string_view prefix) {
    std::int64_t value = 0;
    const std::string_view digits = number.substr(std::min(prefix.size(), number.size()));
    std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return value;
}

// What the rows are checked against: the packages and routers by name or id, the service numbers
// and PPPoE usernames already taken, and where unnumbered rows start counting.
struct ImportReference {
    std::unordered_map<std::string, std::int64_t> packages, routers;
    std::unordered_set<std::string> taken_numbers, taken_pppoe;
    std::string prefix;
    std::int64_t next_number = 0;
};

Result<ImportReference> read_reference(store::Database& db) {
    ImportReference reference;
    const auto names = TRY(store::list_package_and_router_names(db));
    reference.packages = names_and_ids(names.packages);
    reference.routers = names_and_ids(names.routers);
    TRY_VOID(store::scan_customer_identities(db, [&](const store::CustomerIdentityRow& row) {
        reference.taken_numbers.emplace(row.service_number);
        if (!row.pppoe_username.empty()) reference.taken_pppoe.insert(std::to_string(row.router_id) + "/" + std::string(row.pppoe_username));
    }));
    reference.prefix = TRY(get_setting(db, "service_number_prefix"));
    reference.next_number = number_after(TRY(store::next_service_number(db, reference.prefix)), reference.prefix);
    return reference;
}

// Valid rows handed from the thread that checks them to the one that writes them, in chunks: the
// database writes one chunk (PostgreSQL: a COPY, in the server's process) while the next is
// checked, so the import costs about the longer of the two rather than their sum (bench_reports).
// `next()` ends (nullopt) when every row is checked, or at once when a row has failed: then
// nothing more is written and the caller rolls back.
class ValidatedChunks {
public:
    static constexpr std::size_t kRows = 5000;

    void add(Customer customer) {
        m_filling.push_back(std::move(customer));
        if (m_filling.size() == kRows) hand_over();
    }
    void fail() {
        const std::lock_guard lock(m_mutex);
        m_failed = true;
        m_ready.notify_one();
    }
    void finish() {
        hand_over();
        const std::lock_guard lock(m_mutex);
        m_finished = true;
        m_ready.notify_one();
    }
    std::optional<std::vector<Customer>> next() {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return m_failed || m_finished || !m_chunks.empty(); });
        if (m_failed || m_chunks.empty()) return std::nullopt;
        std::vector<Customer> chunk = std::move(m_chunks.front());
        m_chunks.pop_front();
        return chunk;
    }

private:
    void hand_over() {
        if (m_filling.empty()) return;
        const std::lock_guard lock(m_mutex);
        m_chunks.push_back(std::move(m_filling));
        m_filling.clear();
        m_filling.reserve(kRows);
        m_ready.notify_one();
    }

    std::vector<Customer> m_filling;  // the checking thread's own
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::vector<Customer>> m_chunks;
    bool m_failed = false, m_finished = false;
};

// Checks every data row of `table` (after the header) into `outcome` (counts, errors with their
// row numbers, preview) and hands the valid customers to `valid` in file order, until the first
// bad row (`valid` is null for a dry run, which writes nothing).
void check_rows(const spreadsheets::UploadedTable& table, std::size_t header_index, const ImportReference& reference, Date today,
                ImportOutcome& outcome, ValidatedChunks* valid) {
    const auto& rows = table.sheet.rows;
    const auto& packages = reference.packages;
    const auto& routers = reference.routers;
    const auto& taken_numbers = reference.taken_numbers;
    const auto& taken_pppoe = reference.taken_pppoe;
    const std::string& prefix = reference.prefix;
    std::int64_t next_number = reference.next_number;
    std::set<std::pair<std::size_t, std::size_t>> uncached;
    for (const auto& position : table.sheet.formulas_without_value) uncached.insert({position.row, position.column});
    std::unordered_map<std::string, std::size_t> numbers_in_file, pppoe_in_file;

    for (std::size_t index = header_index + 1; index < rows.size(); ++index) {
        const auto& row = rows[index];
        if (blank(row)) continue;
        ++outcome.rows;
        const std::size_t row_number = table.sheet.row_numbers[index];
        FieldErrors errors;
        const auto cell = [&](ImportField field) -> std::string {
            auto column = outcome.mapping.column_of(field);
            if (!column) return {};
            if (uncached.contains({index, *column})) errors[std::string(to_string(field))] = "rumus tanpa nilai tersimpan: buka dan simpan ulang di Excel";
            return *column < row.size() ? trim_copy(row[*column]) : std::string();
        };
        Customer customer;
        customer.service_number = to_upper_ascii(cell(ImportField::ServiceNumber));
        customer.name = cell(ImportField::Name);
        customer.phone = phone_from_cell(cell(ImportField::Phone));
        customer.email = cell(ImportField::Email);
        customer.address = cell(ImportField::Address);
        customer.pppoe_username = cell(ImportField::PppoeUsername);
        customer.join_date = today;
        const std::string package = cell(ImportField::Package), router = cell(ImportField::Router), join = cell(ImportField::JoinDate),
                          due = cell(ImportField::DueDay);
        if (auto id = lookup(packages, package)) customer.package_id = *id;
        else errors["package"] = package.empty() ? "paket wajib diisi" : "paket tidak dikenal: " + package;
        if (!router.empty()) {
            if (auto id = lookup(routers, router)) customer.router_id = *id;
            else errors["router"] = "router tidak dikenal: " + router;
        }
        if (!join.empty()) {
            auto date = parse_import_date(join);
            if (date) customer.join_date = *date;
            else errors["join_date"] = date.error().fields.begin()->second;
        }
        if (!due.empty()) {
            int day = 0;
            auto [end, error] = std::from_chars(due.data(), due.data() + due.size(), day);
            if (error != std::errc() || end != due.data() + due.size()) errors["due_day"] = "tanggal jatuh tempo 1-31";
            else customer.due_day = day;
        }
        const bool numbered = !customer.service_number.empty();
        if (!numbered) customer.service_number = format_service_number(prefix, next_number);
        if (!customer.package_id) customer.package_id = 1;  // already reported; lets validation check the rest
        auto validated = validate_customer(customer);
        if (validated) customer = std::move(*validated);
        else
            for (const auto& [field, message] : validated.error().fields) errors.emplace(import_field_name(field), message);
        if (numbered) {
            if (auto [it, inserted] = numbers_in_file.emplace(customer.service_number, row_number); !inserted)
                errors["service_number"] = "nomor layanan ganda di berkas (baris " + std::to_string(it->second) + ")";
            else if (taken_numbers.contains(customer.service_number))
                errors["service_number"] = "nomor layanan sudah dipakai";
        } else {
            while (taken_numbers.contains(customer.service_number) || numbers_in_file.contains(customer.service_number))
                customer.service_number = format_service_number(prefix, ++next_number);
            numbers_in_file.emplace(customer.service_number, row_number);
            ++next_number;
        }
        if (!customer.pppoe_username.empty()) {
            const std::string key = std::to_string(customer.router_id.value_or(0)) + "/" + customer.pppoe_username;
            if (auto [it, inserted] = pppoe_in_file.emplace(key, row_number); !inserted)
                errors["pppoe_username"] = "username PPPoE ganda di berkas (baris " + std::to_string(it->second) + ")";
            else if (taken_pppoe.contains(key))
                errors["pppoe_username"] = "username PPPoE sudah dipakai di router ini";
        }
        if (!errors.empty()) {
            if (outcome.errors.empty() && valid) valid->fail();
            if (outcome.errors.size() < kMaxErrorsReported) outcome.errors.push_back({row_number, std::move(errors)});
            else outcome.errors.back().fields.emplace("more", "dan baris lain");
            continue;
        }
        ++outcome.valid;
        if (outcome.preview.size() < kPreviewRows) outcome.preview.push_back(customer);
        if (valid && outcome.errors.empty()) valid->add(std::move(customer));
    }
    if (valid) valid->finish();
}

// Joins the checking thread on every way out of import_customers.
struct JoinOnExit {
    std::thread& thread;
    ~JoinOnExit() {
        if (thread.joinable()) thread.join();
    }
};

}  // namespace

Result<ImportOutcome> import_customers(app::Context& context, std::string_view file, bool dry_run, const ImportProgress& progress) {
    spreadsheets::UploadedTable table = TRY(read_table(file));
    auto& rows = table.sheet.rows;
    std::size_t header_index = 0;
    while (header_index < rows.size() && blank(rows[header_index])) ++header_index;
    if (header_index == rows.size()) return validation_error({{"file", messages::kFileNoHeaderRow}});

    ImportOutcome outcome;
    outcome.dry_run = dry_run;
    outcome.format = table.format;
    outcome.encoding = table.encoding;
    outcome.headers = rows[header_index];
    outcome.mapping = detect_columns(outcome.headers);
    TRY_VOID(check_required_columns(outcome.mapping));
    const ImportReference reference = TRY(read_reference(context.db));
    const Date today = context.today();

    if (dry_run) {
        check_rows(table, header_index, reference, today, outcome, nullptr);
        if (outcome.rows == 0) return validation_error({{"file", messages::kFileNoDataRows}});
        return outcome;
    }

    // Rows are written as they are found valid, in one transaction: the first bad row stops the
    // writing, the rest are still checked (every error is reported), and everything rolls back.
    ValidatedChunks chunks;
    std::exception_ptr checking_failed;
    std::thread checking([&] {
        try {
            check_rows(table, header_index, reference, today, outcome, &chunks);
        } catch (...) {
            checking_failed = std::current_exception();
            chunks.fail();
        }
    });
    const JoinOnExit join{checking};
    const auto data_rows = static_cast<std::int64_t>(rows.size() - header_index - 1);  // blank rows included: progress only
    std::int64_t written = 0;
    std::string first, last;
    bool rejected = false;
    auto transaction = context.db.transaction([&]() -> Result<void> {
        while (auto chunk = chunks.next()) {
            TRY_VOID(store::insert_customers(context.db, *chunk, context.now, [&](std::int64_t done) {
                if (progress) progress(written + done, std::max(data_rows, written + done));
            }));
            if (first.empty()) first = chunk->front().service_number;
            last = chunk->back().service_number;
            written += static_cast<std::int64_t>(chunk->size());
        }
        checking.join();
        if (checking_failed) return make_error(ErrorCode::Internal);  // rolls back; rethrown below
        rejected = !outcome.errors.empty() || written == 0;
        if (rejected) return make_error(ErrorCode::ValidationFailed);  // rolls back; the outcome has the rows
        // One entry for the whole import: who imported what, with the range of numbers created.
        return log_activity(context, "customer.import", "customer", std::nullopt, nullptr,
                            {{"format", outcome.format}, {"imported", written}, {"first", first}, {"last", last}});
    });
    if (checking.joinable()) checking.join();  // a failed write left the checking to finish: outcome is its
    if (checking_failed) std::rethrow_exception(checking_failed);  // as when the rows were checked on this thread
    if (rejected) {
        if (outcome.rows == 0) return validation_error({{"file", messages::kFileNoDataRows}});
        return outcome;
    }
    TRY_VOID(transaction);
    if (progress) progress(written, written);
    outcome.imported = written;
    return outcome;
}

api::Json to_json(const ImportOutcome& outcome) {
    api::Json columns = api::Json::array(), errors = api::Json::array(), preview = api::Json::array();
    for (std::size_t i = 0; i < outcome.headers.size(); ++i) {
        const auto& field = i < outcome.mapping.columns.size() ? outcome.mapping.columns[i] : std::nullopt;
        columns.push_back({{"header", outcome.headers[i]}, {"field", field ? api::Json(std::string(to_string(*field))) : api::Json(nullptr)}});
    }
    for (const auto& error : outcome.errors) errors.push_back({{"row", error.row}, {"fields", error.fields}});
    for (const auto& customer : outcome.preview) preview.push_back(api::to_json(customer));
    return {{"dry_run", outcome.dry_run}, {"format", outcome.format}, {"encoding", outcome.encoding}, {"columns", columns},
            {"rows", outcome.rows}, {"valid", outcome.valid}, {"invalid", static_cast<std::int64_t>(outcome.errors.size())},
            {"imported", outcome.imported}, {"errors", errors}, {"preview", preview}};
}

}  // namespace kimonet::services
