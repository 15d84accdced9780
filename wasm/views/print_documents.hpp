#pragma once
// The documents a cashier prints, as print_view documents: an invoice (A4, what the invoice modal
// shows: customer, dates, lines, totals, payments) and a payment receipt (a 58 mm thermal slip).
#include "api/billing_dto.hpp"
#include "session.hpp"
#include "widgets/print_view.hpp"

namespace kimonet {

// Both are issued in the ISP's name (`printer.company`, from the session; "Kimonet Billing" without).
print_view::Document invoice_document(const api::InvoiceResource& record, const SessionUser& printer);
// `payment` of `record`'s invoice, printed by `printer` (who received the money is on the slip: the
// printing cashier's own name for their own payment, else the recorder's account).
print_view::Document receipt_document(const api::PaymentResource& payment, const api::InvoiceResource& record,
                                      const SessionUser& printer);
// The newest payment of `record` (highest id), or nullptr when it has none.
const api::PaymentResource* latest_payment(const api::InvoiceResource& record);

}  // namespace kimonet
