#pragma once
// A registration from the landing page ("daftar berlangganan"): who wants which package where.
// Pure validation shared by the server (POST /api/register) and anything that previews it; the
// field messages are Indonesian because the applicant reads them next to the form fields.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api/json_fields.hpp"
#include "core/result.hpp"

namespace kimonet::leads {

struct Registration {
    std::string name;
    std::string phone;  // normalised 62…
    std::string email;  // lower-cased
    std::string address;
    std::int64_t package_id = 0;
    std::optional<double> latitude;  // both or neither
    std::optional<double> longitude;
    std::string notes;
};

// The name of the hidden form field only bots fill in.
inline constexpr const char* kHoneypotField = "website";

// True when the honeypot field carries anything: the request is refused and nothing is stored.
bool is_bot_submission(const api::Json& body);

// Reads and validates every field at once: name, phone (Indonesian WhatsApp number, normalised to
// 62…) and address are required, email only when `email_required` (the operator's
// register_email_required setting; a given email is validated either way), package_id a positive
// integer, latitude/longitude optional (numbers or numeric text, both or neither, within range).
// Unknown fields are ignored; all problems come back together.
Result<Registration> registration_from_json(const api::Json& body, bool email_required = true);

api::Json to_json(const Registration& registration);

// How the confirmation sent to the typed WhatsApp number greets the applicant. The form is public
// and the number anybody's, so the message must not carry a visitor's free text from the ISP's
// number: the name is used only when it reads as a name (ASCII letters, spaces, ' and -, a dot
// only before a space or at the end, 1-40 characters); anything else ("Tagihan Rp750rb, bayar di
// bit.ly/x") is greeted as kUnverifiedGreeting.
inline constexpr const char* kUnverifiedGreeting = "Bapak/Ibu";
std::string greeting_name(std::string_view name);

}  // namespace kimonet::leads
