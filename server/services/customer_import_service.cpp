#include "services/customer_import_service.hpp"

#include <charconv>
#include <map>
#include <set>
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

    const auto names = TRY(store::list_package_and_router_names(context.db));
    const auto packages = names_and_ids(names.packages);
    const auto routers = names_and_ids(names.routers);
    std::unordered_set<std::string> taken_numbers, taken_pppoe;
    TRY_VOID(store::scan_customer_identities(context.db, [&](const store::CustomerIdentityRow& row) {
        taken_numbers.emplace(row.service_number);
        if (!row.pppoe_username.empty()) taken_pppoe.insert(std::to_string(row.router_id) + "/" + std::string(row.pppoe_username));
    }));
    const std::string prefix = TRY(get_setting(context.db, "service_number_prefix"));
    std::int64_t next_number = number_after(TRY(store::next_service_number(context.db, prefix)), prefix);

    std::set<std::pair<std::size_t, std::size_t>> uncached;
    for (const auto& position : table.sheet.formulas_without_value) uncached.insert({position.row, position.column});
    std::unordered_map<std::string, std::size_t> numbers_in_file, pppoe_in_file;
    std::vector<Customer> customers;
    const Date today = context.today();

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
        if (validated) customer = *validated;
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
            if (outcome.errors.size() < kMaxErrorsReported) outcome.errors.push_back({row_number, std::move(errors)});
            else outcome.errors.back().fields.emplace("more", "dan baris lain");
            continue;
        }
        ++outcome.valid;
        if (outcome.preview.size() < kPreviewRows) outcome.preview.push_back(customer);
        if (!dry_run) customers.push_back(std::move(customer));
    }
    if (outcome.rows == 0) return validation_error({{"file", messages::kFileNoDataRows}});
    if (dry_run || !outcome.errors.empty()) return outcome;

    const auto total = static_cast<std::int64_t>(customers.size());
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        TRY_VOID(store::insert_customers(context.db, customers, context.now, [&](std::int64_t done) {
            if (progress) progress(done, total);
        }));
        // One entry for the whole import: who imported what, with the range of numbers created.
        return log_activity(context, "customer.import", "customer", std::nullopt, nullptr,
                            {{"format", outcome.format}, {"imported", total},
                             {"first", customers.front().service_number}, {"last", customers.back().service_number}});
    }));
    outcome.imported = total;
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
