#include "leads/registration.hpp"

#include <cmath>
#include <cstdlib>

#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "customers/customer.hpp"

namespace kimonet::leads {

namespace {

constexpr const char* kPackageRequired = "pilih paket internet";
constexpr const char* kAddressRequired = "alamat pemasangan wajib diisi";
constexpr const char* kLatitude = "garis lintang harus -90 sampai 90";
constexpr const char* kLongitude = "garis bujur harus -180 sampai 180";
constexpr const char* kCoordinatePair = "isi garis lintang dan garis bujur bersama-sama";
constexpr const char* kNotesTooLong = "maksimal 500 karakter";

// A coordinate arrives as a JSON number or, from a plain form, as numeric text ("" = absent).
std::optional<double> read_coordinate(const api::Json& body, const char* name, FieldErrors& fields, const char* range_message) {
    auto it = body.find(name);
    if (it == body.end() || it->is_null()) return std::nullopt;
    double value = 0;
    if (it->is_number()) {
        value = it->get<double>();
    } else if (it->is_string()) {
        const std::string text = trim_copy(it->get<std::string>());
        if (text.empty()) return std::nullopt;
        char* end = nullptr;
        value = std::strtod(text.c_str(), &end);
        if (end != text.c_str() + text.size()) {
            fields[name] = range_message;
            return std::nullopt;
        }
    } else {
        fields[name] = messages::kWrongType;
        return std::nullopt;
    }
    const double limit = std::string_view(name) == "latitude" ? 90.0 : 180.0;
    if (!std::isfinite(value) || value < -limit || value > limit) {
        fields[name] = range_message;
        return std::nullopt;
    }
    return value;
}

// package_id as an integer, or integer text from a plain form.
std::int64_t read_package_id(const api::Json& body, FieldErrors& fields) {
    auto it = body.find("package_id");
    if (it == body.end() || it->is_null()) return 0;
    if (it->is_number_integer()) return it->get<std::int64_t>();
    if (it->is_string()) {
        const std::string text = trim_copy(it->get<std::string>());
        if (text.empty()) return 0;
        char* end = nullptr;
        const long long value = std::strtoll(text.c_str(), &end, 10);
        if (end == text.c_str() + text.size()) return value;
    }
    fields["package_id"] = messages::kInvalid;
    return -1;
}

}  // namespace

bool is_bot_submission(const api::Json& body) {
    auto it = body.find(kHoneypotField);
    if (it == body.end() || it->is_null()) return false;
    return !it->is_string() || !trim_copy(it->get<std::string>()).empty();
}

Result<Registration> registration_from_json(const api::Json& body, bool email_required) {
    if (!body.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    Registration registration;
    api::FieldReader reader(body);
    reader.read("name", registration.name);
    reader.read("phone", registration.phone);
    reader.read("email", registration.email);
    reader.read("address", registration.address);
    reader.read("notes", registration.notes);
    FieldErrors fields = reader.errors();
    registration.package_id = read_package_id(body, fields);
    registration.latitude = read_coordinate(body, "latitude", fields, kLatitude);
    registration.longitude = read_coordinate(body, "longitude", fields, kLongitude);

    // The customer rules decide what a good name, phone, email and address are, so a lead that
    // passes here also passes when it is converted into a customer.
    Customer candidate;
    candidate.service_number = "LEAD";
    candidate.name = registration.name;
    candidate.phone = registration.phone;
    candidate.email = registration.email;
    candidate.address = registration.address;
    candidate.package_id = 1;
    candidate.join_date = Date{2026, 1, 1};
    auto checked = validate_customer(candidate);
    if (checked) {
        registration.name = checked->name;
        registration.phone = checked->phone;
        registration.email = checked->email;
        registration.address = checked->address;
    } else {
        api::merge_field_errors(fields, checked.error().fields);
    }
    if (email_required && trim_copy(registration.email).empty()) fields.emplace("email", messages::kRequired);
    if (trim_copy(registration.address).empty()) fields.emplace("address", kAddressRequired);
    if (registration.package_id == 0) fields.emplace("package_id", kPackageRequired);
    else if (registration.package_id < 0) fields.emplace("package_id", messages::kInvalid);
    if (registration.latitude.has_value() != registration.longitude.has_value() && !fields.contains("latitude") &&
        !fields.contains("longitude"))
        fields[registration.latitude ? "longitude" : "latitude"] = kCoordinatePair;
    registration.notes = trim_copy(registration.notes);
    if (utf8_length(registration.notes) > 500 || !is_valid_utf8(registration.notes)) fields.emplace("notes", kNotesTooLong);

    if (!fields.empty()) return validation_error(std::move(fields), messages::kCheckTheForm);
    return registration;
}

api::Json to_json(const Registration& registration) {
    api::Json out = {{"name", registration.name},       {"phone", registration.phone},
                     {"email", registration.email},     {"address", registration.address},
                     {"package_id", registration.package_id}, {"notes", registration.notes}};
    out["latitude"] = registration.latitude ? api::Json(*registration.latitude) : api::Json(nullptr);
    out["longitude"] = registration.longitude ? api::Json(*registration.longitude) : api::Json(nullptr);
    return out;
}

std::string greeting_name(std::string_view name) {
    const std::string trimmed = trim_copy(name);
    bool letter = false, reads_as_name = !trimmed.empty() && trimmed.size() <= 40;
    for (std::size_t i = 0; reads_as_name && i < trimmed.size(); ++i) {
        const char c = trimmed[i];
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        letter = letter || alpha;
        if (c == '.') reads_as_name = i + 1 == trimmed.size() || trimmed[i + 1] == ' ';  // "Moh. Rizki", never "bit.ly"
        else reads_as_name = alpha || c == ' ' || c == '\'' || c == '-';
    }
    return reads_as_name && letter ? trimmed : std::string(kUnverifiedGreeting);
}

}  // namespace kimonet::leads
