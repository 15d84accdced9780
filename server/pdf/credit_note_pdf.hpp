#pragma once
// A credit note (nota kredit, issue 20) as PDF (libharu, the invoice's and receipt's canvas): its own
// number, the invoice it corrects, the reason, the credited lines, the amount split into DPP and
// PPN as the invoice's own tax had it, and where the amount went (off the invoice, or to credit).
#include <string>

#include "billing/credit_note.hpp"
#include "store/database.hpp"

namespace kimonet::pdf {

// Company details come from settings; times are written in `offset`.
Result<std::string> render_credit_note_pdf(store::Database& db, const billing::CreditNote& note, UtcOffset offset);

}  // namespace kimonet::pdf
