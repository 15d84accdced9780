#include "customers/customer_import.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/text.hpp"

namespace kimonet {

namespace {

struct FieldName {
    ImportField field;
    std::string_view name;
};
constexpr FieldName kFieldNames[] = {
    {ImportField::ServiceNumber, "service_number"}, {ImportField::Name, "name"},       {ImportField::Phone, "phone"},
    {ImportField::Email, "email"},                   {ImportField::Address, "address"}, {ImportField::Package, "package"},
    {ImportField::Router, "router"},                 {ImportField::JoinDate, "join_date"},
    {ImportField::PppoeUsername, "pppoe_username"},  {ImportField::DueDay, "due_day"},
};

// Headers reduced to lower-case letters and digits ("No. Layanan" → "nolayanan").
struct Synonym {
    std::string_view key;
    ImportField field;
};
constexpr Synonym kSynonyms[] = {
    {"nolayanan", ImportField::ServiceNumber},     {"nomorlayanan", ImportField::ServiceNumber},
    {"nomerlayanan", ImportField::ServiceNumber},  {"servicenumber", ImportField::ServiceNumber},
    {"idpelanggan", ImportField::ServiceNumber},   {"kodepelanggan", ImportField::ServiceNumber},
    {"nopelanggan", ImportField::ServiceNumber},   {"customerid", ImportField::ServiceNumber},
    {"nama", ImportField::Name},                   {"namapelanggan", ImportField::Name},
    {"name", ImportField::Name},                   {"customername", ImportField::Name},
    {"fullname", ImportField::Name},               {"namalengkap", ImportField::Name},
    {"telepon", ImportField::Phone},               {"telp", ImportField::Phone},
    {"notelp", ImportField::Phone},                {"notelepon", ImportField::Phone},
    {"hp", ImportField::Phone},                    {"nohp", ImportField::Phone},
    {"nomorhp", ImportField::Phone},               {"wa", ImportField::Phone},
    {"nowa", ImportField::Phone},                  {"nomorwa", ImportField::Phone},
    {"whatsapp", ImportField::Phone},              {"teleponhpwa", ImportField::Phone},
    {"hpwa", ImportField::Phone},                  {"phone", ImportField::Phone},
    {"phonenumber", ImportField::Phone},           {"mobile", ImportField::Phone},
    {"handphone", ImportField::Phone},             {"email", ImportField::Email},
    {"surel", ImportField::Email},                 {"alamat", ImportField::Address},
    {"address", ImportField::Address},             {"alamatpemasangan", ImportField::Address},
    {"paket", ImportField::Package},               {"paketinternet", ImportField::Package},
    {"package", ImportField::Package},             {"plan", ImportField::Package},
    {"router", ImportField::Router},               {"lokasi", ImportField::Router},
    {"lokasiserver", ImportField::Router},         {"routerlokasi", ImportField::Router},
    {"server", ImportField::Router},               {"location", ImportField::Router},
    {"tanggaldaftar", ImportField::JoinDate},      {"tgldaftar", ImportField::JoinDate},
    {"tanggalbergabung", ImportField::JoinDate},   {"tanggalpasang", ImportField::JoinDate},
    {"joindate", ImportField::JoinDate},           {"joined", ImportField::JoinDate},
    {"pppoe", ImportField::PppoeUsername},         {"userpppoe", ImportField::PppoeUsername},
    {"pppoeusername", ImportField::PppoeUsername}, {"usernamepppoe", ImportField::PppoeUsername},
    {"jatuhtempo", ImportField::DueDay},           {"tanggaljatuhtempo", ImportField::DueDay},
    {"tgljatuhtempo", ImportField::DueDay},        {"dueday", ImportField::DueDay},
};

std::string header_key(std::string_view header) {
    std::string key;
    for (unsigned char c : header) {
        if (c >= 'A' && c <= 'Z') key += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += static_cast<char>(c);
    }
    return key;
}

std::optional<int> parse_int(std::string_view text) {
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

std::string_view to_string(ImportField field) {
    for (const auto& entry : kFieldNames)
        if (entry.field == field) return entry.name;
    return "";
}

std::optional<ImportField> parse_import_field(std::string_view text) {
    for (const auto& entry : kFieldNames)
        if (entry.name == text) return entry.field;
    return std::nullopt;
}

std::optional<ImportField> detect_import_field(std::string_view header) {
    const std::string key = header_key(header);
    for (const auto& synonym : kSynonyms)
        if (synonym.key == key) return synonym.field;
    if (auto field = parse_import_field(trim_copy(header))) return field;
    return std::nullopt;
}

std::optional<std::size_t> ColumnMapping::column_of(ImportField field) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == field) return i;
    return std::nullopt;
}

ColumnMapping detect_columns(const std::vector<std::string>& headers) {
    ColumnMapping mapping;
    for (const auto& header : headers) {
        auto field = detect_import_field(header);
        if (field && mapping.column_of(*field)) field.reset();
        mapping.columns.push_back(field);
    }
    return mapping;
}

Result<void> check_required_columns(const ColumnMapping& mapping) {
    FieldErrors fields;
    if (!mapping.column_of(ImportField::Name)) fields["name"] = messages::kNameColumnMissing;
    if (!mapping.column_of(ImportField::Phone)) fields["phone"] = messages::kPhoneColumnMissing;
    if (!mapping.column_of(ImportField::Package)) fields["package"] = messages::kPackageColumnMissing;
    if (!fields.empty()) return validation_error(std::move(fields), messages::kRequiredColumnsMissing);
    return {};
}

Result<Date> parse_import_date(std::string_view raw) {
    const std::string text = trim_copy(raw);
    if (auto iso = parse_date(text)) return *iso;
    // An Excel serial (1900 date system, day 0 = 1899-12-30); fractions are times of day.
    if (!text.empty() && text.find_first_not_of("0123456789.") == std::string::npos) {
        const double serial = std::strtod(text.c_str(), nullptr);
        if (serial >= 1 && serial < 2958466) {
            const Date excel_epoch{1899, 12, 30};
            return add_days(excel_epoch, static_cast<std::int64_t>(std::floor(serial)));
        }
    }
    // d/m/yyyy or d-m-yyyy.
    const char separator = text.find('/') != std::string::npos ? '/' : '-';
    const auto first = text.find(separator), second = text.find(separator, first == std::string::npos ? 0 : first + 1);
    if (first != std::string::npos && second != std::string::npos) {
        auto day = parse_int(std::string_view(text).substr(0, first));
        auto month = parse_int(std::string_view(text).substr(first + 1, second - first - 1));
        auto year = parse_int(std::string_view(text).substr(second + 1));
        if (day && month && year && *year >= 1900 && is_valid_date(*year, *month, *day)) return Date{*year, *month, *day};
    }
    return validation_error({{"join_date", messages::kImportDate}});
}

std::string phone_from_cell(std::string_view raw) {
    std::string text = trim_copy(raw);
    if (text.find_first_of("eE") != std::string::npos && text.find_first_not_of("0123456789.eE+-") == std::string::npos) {
        const double value = std::strtod(text.c_str(), nullptr);
        if (value > 0 && value < 1e16) {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%.0f", value);
            return buffer;
        }
    }
    return text;
}

}  // namespace kimonet
