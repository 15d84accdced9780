#pragma once
// The company logo, uploaded from the settings screen (POST /api/settings/logo) and used by the
// invoice PDF and the public pages (GET /logo). Only PNG and JPEG, recognised by their bytes —
// never by the file name or the Content-Type the browser sent — and only when the whole file has
// the structure of its format: a PNG's chunks end at IEND with nothing after it, a JPEG's
// segments are in bounds and it ends at EOI. Anything carrying markup (an SVG, a PNG or JPEG with
// "<script" in a text chunk or after its end: a polyglot a browser could be tricked into running)
// is refused. Bounded: at most kMaxLogoBytes and kMaxLogoSide pixels a side.
#include <optional>
#include <string>
#include <string_view>

#include "api/json_fields.hpp"
#include "app/context.hpp"

namespace kimonet::services {

inline constexpr std::size_t kMaxLogoBytes = 256u << 10;
inline constexpr int kMaxLogoSide = 1024;
inline constexpr int kMinLogoSide = 16;

struct LogoImage {
    std::string content_type;  // image/png or image/jpeg
    int width = 0, height = 0;
};

// What the bytes are, or why they are refused (an Indonesian field message).
struct LogoCheck {
    std::optional<LogoImage> image;
    std::string problem;
};
LogoCheck inspect_logo(std::string_view bytes);

// Checks, stores (replacing the previous upload) and logs "settings.logo". 422 {logo: …} when refused.
Result<LogoImage> save_company_logo(app::Context& context, std::string_view bytes);
// Removes the uploaded logo (the company_logo file path, if set, applies again); logged.
Result<void> remove_company_logo(app::Context& context);
// The logo to print and serve: the uploaded one, else the PNG at the company_logo path when it
// passes the same checks; nothing when there is none.
struct CompanyLogo {
    std::string bytes;
    LogoImage image;
};
Result<std::optional<CompanyLogo>> company_logo(store::Database& db);

}  // namespace kimonet::services
