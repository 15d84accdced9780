#pragma once
// "Transfer tepat Rp 150.123" under an invoice's totals when it carries a unique code (issue 20;
// docs/bank-transfers.md): the amount still open plus the code, and why the last digits matter.
// Nothing when the invoice has no code or nothing is open. Registry ids "<id>" and "<id>.hint".
#include <string>

#include "api/billing_dto.hpp"

namespace kimonet {

void transfer_note(const std::string& id, const api::InvoiceResource& resource);

}  // namespace kimonet
