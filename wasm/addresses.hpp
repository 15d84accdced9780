#pragma once
// The addresses (hash routes, without "#/") of what the app opens by id, written once: the route
// App writes when it opens one and the link the page offers for it (ui_registry::set_href) are
// the same text.
#include <cstdint>
#include <string>

namespace kimonet {

inline std::string customer_address(std::int64_t customer_id) { return "customers/" + std::to_string(customer_id); }
inline std::string invoice_address(std::int64_t invoice_id) { return "invoices/" + std::to_string(invoice_id); }

}  // namespace kimonet
