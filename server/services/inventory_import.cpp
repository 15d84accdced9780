#include "services/inventory_import.hpp"

#include <array>
#include <charconv>
#include <map>

#include "core/inventory_messages.hpp"
#include "core/text.hpp"
#include "services/activity_log.hpp"
#include "services/inventory_records.hpp"
#include "spreadsheets/import_limits.hpp"
#include "spreadsheets/uploaded_table.hpp"
#include "store/router_store.hpp"

namespace kimonet::services {

namespace {

using store::InventoryLevel;

constexpr std::size_t kMaxInventoryImportErrors = 1000;

enum InventoryColumn : std::size_t { kColumnType, kColumnName, kColumnOlt, kColumnPon, kColumnOdc, kColumnPortCount, kColumnLatitude, kColumnLongitude, kColumnRouter, kColumnSite, kInventoryColumnCount };
constexpr std::array<std::string_view, kInventoryColumnCount> kInventoryColumnNames{"type", "name", "olt", "pon", "odc", "port_count",
                                                                          "latitude", "longitude", "router", "site"};

// A parent by name: its id in the database, or the index of the earlier row that creates it.
struct InventoryParentRef {
    std::int64_t id = 0;
    std::size_t row_index = 0;  // into the rows to insert, when id == 0
};

struct InventoryPlannedRow {
    InventoryLevel level = InventoryLevel::Olt;
    InventoryItem item;
    InventoryParentRef parent;
};

std::optional<InventoryLevel> inventory_import_type(std::string_view text) {
    const std::string type = to_lower_ascii(trim_copy(text));
    if (type == "olt") return InventoryLevel::Olt;
    if (type == "pon" || type == "pon_port") return InventoryLevel::PonPort;
    if (type == "odc") return InventoryLevel::Odc;
    if (type == "odp") return InventoryLevel::Odp;
    return std::nullopt;
}

// A number cell ("-7.2575", or "-7,2575" as a spreadsheet in an Indonesian locale writes it).
std::optional<double> inventory_number_cell(std::string text) {
    if (text.find('.') == std::string::npos && std::count(text.begin(), text.end(), ',') == 1) text[text.find(',')] = '.';
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

bool inventory_row_blank(const std::vector<std::string>& row) {
    for (const auto& cell : row)
        if (!trim_copy(cell).empty()) return false;
    return true;
}

// What is known by name: the database's items, then each valid row's as it is planned.
struct InventoryNames {
    std::map<std::string, InventoryParentRef> olts, pon_ports, odcs, odps;  // pon_ports by "olt name\nlabel"
    std::map<std::string, std::int64_t> routers;
    std::map<std::string, InventoryParentRef>& of(InventoryLevel level) {
        switch (level) {
            case InventoryLevel::Olt: return olts;
            case InventoryLevel::PonPort: return pon_ports;
            case InventoryLevel::Odc: return odcs;
            default: return odps;
        }
    }
};

Result<InventoryNames> known_inventory_names(app::Context& context) {
    InventoryNames names;
    std::map<std::int64_t, std::string> olt_names;
    for (const auto& olt : TRY(store::list_olts(context.db))) {
        names.olts[to_lower_ascii(olt.name)] = {olt.id, 0};
        olt_names[olt.id] = to_lower_ascii(olt.name);
    }
    for (const auto& port : TRY(store::list_pon_ports(context.db, std::nullopt)))
        names.pon_ports[olt_names[port.olt_id] + "\n" + to_lower_ascii(port.label)] = {port.id, 0};
    for (const auto& odc : TRY(store::list_odcs(context.db, std::nullopt))) names.odcs[to_lower_ascii(odc.name)] = {odc.id, 0};
    for (const auto& odp : TRY(store::list_odps(context.db, std::nullopt))) names.odps[to_lower_ascii(odp.name)] = {odp.id, 0};
    for (const auto& router : TRY(store::list_routers(context.db))) names.routers[to_lower_ascii(router.name)] = router.id;
    return names;
}

// The row as the item it creates, with its parent looked up; errors per column.
InventoryPlannedRow plan_inventory_row(InventoryLevel level, const std::array<std::string, kInventoryColumnCount>& cells, InventoryNames& names, FieldErrors& errors) {
    InventoryPlannedRow planned;
    planned.level = level;
    std::optional<double> latitude, longitude;
    if (!cells[kColumnLatitude].empty() && !(latitude = inventory_number_cell(cells[kColumnLatitude]))) errors.emplace("latitude", messages::kLatitudeRange);
    if (!cells[kColumnLongitude].empty() && !(longitude = inventory_number_cell(cells[kColumnLongitude])))
        errors.emplace("longitude", messages::kLongitudeRange);
    const auto location = errors.empty() ? store_point_of(inventory::checked_coordinates(latitude, longitude, errors)) : std::nullopt;
    const auto parent = [&](std::map<std::string, InventoryParentRef>& known, const std::string& key, const char* column) {
        const auto it = known.find(key);
        if (it == known.end()) errors.emplace(column, messages::kInventoryParentUnknown);
        else planned.parent = it->second;
    };
    auto& item = planned.item;
    switch (level) {
        case InventoryLevel::Olt:
            item.olt = {0, cells[kColumnName], std::nullopt, cells[kColumnSite], location};
            if (!cells[kColumnRouter].empty()) {
                const auto router = names.routers.find(to_lower_ascii(cells[kColumnRouter]));
                if (router == names.routers.end()) errors.emplace("router", messages::kRouterNotFoundField);
                else item.olt.router_id = router->second;
            }
            break;
        case InventoryLevel::PonPort:
            item.pon_port = {0, 1, cells[kColumnName]};
            parent(names.olts, to_lower_ascii(cells[kColumnOlt]), "olt");
            break;
        case InventoryLevel::Odc:
            item.odc = {0, cells[kColumnName], 1, location};
            parent(names.pon_ports, to_lower_ascii(cells[kColumnOlt]) + "\n" + to_lower_ascii(cells[kColumnPon]), "pon");
            break;
        case InventoryLevel::Odp: {
            int ports = 0;
            const auto [end, error] = std::from_chars(cells[kColumnPortCount].data(), cells[kColumnPortCount].data() + cells[kColumnPortCount].size(), ports);
            if (error != std::errc() || end != cells[kColumnPortCount].data() + cells[kColumnPortCount].size()) ports = 0;
            item.odp = {0, cells[kColumnName], 1, ports, location, 0};
            parent(names.odcs, to_lower_ascii(cells[kColumnOdc]), "odc");
            break;
        }
        case InventoryLevel::Router: break;
    }
    api::merge_field_errors(errors, check_inventory_item(level, item));
    return planned;
}

// The key a row's item is known by (PON ports by their OLT's name and label).
std::string inventory_planned_key(InventoryLevel level, const std::array<std::string, kInventoryColumnCount>& cells) {
    if (level == InventoryLevel::PonPort) return to_lower_ascii(cells[kColumnOlt]) + "\n" + to_lower_ascii(cells[kColumnName]);
    return to_lower_ascii(cells[kColumnName]);
}

Result<std::int64_t> insert_planned_inventory_row(app::Context& context, InventoryPlannedRow& row, const std::vector<std::int64_t>& created) {
    if (row.level == InventoryLevel::Olt) return store::insert_olt(context.db, row.item.olt);
    // A parent from an earlier row of the file was planned (and so inserted) before this row.
    const std::int64_t parent = row.parent.id ? row.parent.id : created.at(row.parent.row_index);
    switch (row.level) {
        case InventoryLevel::PonPort: row.item.pon_port.olt_id = parent; return store::insert_pon_port(context.db, row.item.pon_port);
        case InventoryLevel::Odc: row.item.odc.pon_port_id = parent; return store::insert_odc(context.db, row.item.odc);
        case InventoryLevel::Odp: row.item.odp.odc_id = parent; return store::insert_odp(context.db, row.item.odp);
        default: break;
    }
    return make_error(ErrorCode::Internal);
}

}  // namespace

Result<InventoryImportOutcome> import_inventory(app::Context& context, std::string_view file, bool dry_run) {
    auto table = TRY(spreadsheets::read_uploaded_table(file, CsvLimits{spreadsheets::kMaxImportColumns, spreadsheets::kMaxSheetRows}));
    const auto& rows = table.sheet.rows;
    std::size_t header_index = 0;
    while (header_index < rows.size() && inventory_row_blank(rows[header_index])) ++header_index;
    if (header_index == rows.size()) return validation_error({{"file", messages::kFileNoHeaderRow}});
    std::array<std::optional<std::size_t>, kInventoryColumnCount> column_of{};
    for (std::size_t index = 0; index < rows[header_index].size(); ++index)
        for (std::size_t column = 0; column < kInventoryColumnCount; ++column)
            if (to_lower_ascii(trim_copy(rows[header_index][index])) == kInventoryColumnNames[column] && !column_of[column]) column_of[column] = index;
    if (!column_of[kColumnType] || !column_of[kColumnName])
        return validation_error({{"file", messages::with_detail(messages::kRequiredColumnsMissing, "type, name")}});

    InventoryImportOutcome outcome;
    outcome.dry_run = dry_run;
    outcome.format = table.format;
    InventoryNames names = TRY(known_inventory_names(context));
    std::map<std::string, std::size_t> first_row_of;  // "<level>\n<key>" → sheet row, for duplicates in the file
    std::vector<InventoryPlannedRow> planned;
    for (std::size_t index = header_index + 1; index < rows.size(); ++index) {
        if (inventory_row_blank(rows[index])) continue;
        ++outcome.rows;
        const std::size_t row_number = table.sheet.row_numbers[index];
        std::array<std::string, kInventoryColumnCount> cells;
        for (std::size_t column = 0; column < kInventoryColumnCount; ++column)
            if (column_of[column] && *column_of[column] < rows[index].size()) cells[column] = trim_copy(rows[index][*column_of[column]]);
        FieldErrors errors;
        const auto level = inventory_import_type(cells[kColumnType]);
        if (!level) errors.emplace("type", messages::kInventoryTypeChoice);
        InventoryPlannedRow row;
        if (level) {
            row = plan_inventory_row(*level, cells, names, errors);
            const std::string key = inventory_planned_key(*level, cells);
            const auto [first, inserted] = first_row_of.emplace(std::string(store::inventory_level_name(*level)) + "\n" + key, row_number);
            if (!inserted) errors.emplace("name", messages::with_detail(messages::kInventoryDuplicateInFile, std::to_string(first->second)));
            else if (names.of(*level).contains(key)) errors.emplace("name", *level == InventoryLevel::PonPort ? messages::kPonLabelTaken : messages::kInventoryNameTaken);
            if (errors.empty()) names.of(*level)[key] = InventoryParentRef{0, planned.size()};
        }
        if (!errors.empty()) {
            if (outcome.errors.size() < kMaxInventoryImportErrors) outcome.errors.push_back({row_number, std::move(errors)});
            continue;
        }
        ++outcome.valid;
        switch (row.level) {
            case InventoryLevel::Olt: ++outcome.olts; break;
            case InventoryLevel::PonPort: ++outcome.pon_ports; break;
            case InventoryLevel::Odc: ++outcome.odcs; break;
            default: ++outcome.odps; break;
        }
        planned.push_back(std::move(row));
    }
    if (outcome.rows == 0) return validation_error({{"file", messages::kFileNoDataRows}});
    if (dry_run || !outcome.errors.empty()) return outcome;

    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        std::vector<std::int64_t> created;
        created.reserve(planned.size());
        for (auto& row : planned) created.push_back(TRY(insert_planned_inventory_row(context, row, created)));
        return log_activity(context, "inventory.import", "inventory", std::nullopt, nullptr,
                            {{"format", outcome.format}, {"olts", outcome.olts}, {"pon_ports", outcome.pon_ports}, {"odcs", outcome.odcs},
                             {"odps", outcome.odps}});
    }));
    outcome.imported = outcome.valid;
    return outcome;
}

api::Json to_json(const InventoryImportOutcome& outcome) {
    api::Json errors = api::Json::array();
    for (const auto& error : outcome.errors) errors.push_back({{"row", error.row}, {"fields", error.fields}});
    return {{"dry_run", outcome.dry_run}, {"format", outcome.format}, {"rows", outcome.rows},
            {"valid", outcome.valid},     {"invalid", static_cast<std::int64_t>(outcome.errors.size())},
            {"imported", outcome.imported}, {"olts", outcome.olts}, {"pon_ports", outcome.pon_ports},
            {"odcs", outcome.odcs},       {"odps", outcome.odps}, {"errors", errors}};
}

}  // namespace kimonet::services
