#pragma once
// An invoice's PDF by a signed link, for the WhatsApp providers that take a document only as a link
// they fetch themselves (Meta, Fonnte, Wablas): <base>/billing/invoice/<id>-<expires>-<signature>.pdf.
// The signature is HMAC-SHA256 over the invoice id and the expiry (unix seconds) with a random key
// made on the first link and kept sealed in settings (`invoice_link_key`, not an API setting), the
// same for every server on the database. A link opens its one invoice until it expires; a forged,
// altered or expired one is refused before anything else is read, and no key is ever made by
// checking one.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/context.hpp"

namespace kimonet::services {

// How long a link opens its invoice: the provider fetches it within minutes; a week covers a
// customer who opens the message late on a phone that did not download it yet.
inline constexpr std::int64_t kInvoiceLinkSeconds = 7 * 86400;

// `base_url` + "/billing/invoice/…", valid from context.now for kInvoiceLinkSeconds.
Result<std::string> invoice_pdf_link(app::Context& context, const std::string& base_url, std::int64_t invoice_id);

// The invoice named by a link's last path segment ("<id>-<expires>-<signature>.pdf") when the
// signature holds and the link has not expired; nullopt otherwise.
Result<std::optional<std::int64_t>> invoice_of_pdf_link(app::Context& context, std::string_view segment);

}  // namespace kimonet::services
