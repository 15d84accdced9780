#pragma once
// The first invoice a new customer will get, computed in the browser by shared/billing (the same
// monthly_invoice() the server runs): prorated from the join date, taxed with the ISP's settings,
// numbered "preview". No request is made, so it keeps working while the server is unreachable.
#include <optional>
#include <string>

#include "catalog.hpp"

namespace kimonet {

struct InvoicePreviewInput {
    const Package* package = nullptr;
    std::string join_date;  // as typed, "YYYY-MM-DD"
    std::optional<int> due_day;
};

void draw_invoice_preview(const InvoicePreviewInput& input, const Catalog& catalog);

}  // namespace kimonet
