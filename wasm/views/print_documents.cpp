#include "views/print_documents.hpp"

#include <algorithm>

#include "core/date_time_text.hpp"
#include "core/money.hpp"
#include "i18n.hpp"
#include "views/billing_widgets.hpp"

namespace kimonet {

using i18n::tr;

namespace {

std::string customer_line(const api::InvoiceResource& record) {
    return record.service_number.empty() ? record.customer_name : record.customer_name + " (" + record.service_number + ")";
}

// Who issues the document: the ISP.
std::string issuer(const SessionUser& printer) { return printer.company.empty() ? tr("print.issuer") : printer.company; }

// Who took the money, as the slip (handed to the customer) names them: the cashier printing their
// own payment, by their name. Nobody otherwise: the payment keeps another cashier's login name
// only, half of a staff sign-in, and a gateway's says how it came by its method.
std::string received_by(const payments::Payment& payment, const SessionUser& printer) {
    if (payment.recorded_by.empty() || payment.recorded_by != printer.username) return {};
    return printer.name;
}

}  // namespace

print_view::Document invoice_document(const api::InvoiceResource& record, const SessionUser& printer) {
    const billing::Invoice& invoice = record.invoice;
    print_view::Document document;
    document.title = i18n::tr_format("invoice.title", {{"number", invoice.invoice_no}});
    document.subtitle = issuer(printer);
    document.stamp = invoice_status_label(invoice.status);
    document.facts = {{tr("print.customer"), customer_line(record)},
                      {tr("invoice.period"), i18n::format_period(invoice.period)},
                      {tr("invoice.issue_date"), i18n::format_date(invoice.issue_date)},
                      {tr("invoice.due_date"), i18n::format_date(invoice.due_date)}};
    print_view::Table lines{{}, {tr("invoice.col.description"), tr("invoice.col.quantity"), tr("invoice.col.unit_price"), tr("invoice.col.amount")}, {}};
    for (const billing::InvoiceLine& line : invoice.lines)
        lines.rows.push_back({line.description, std::to_string(line.quantity), format_rupiah(line.unit_price), format_rupiah(line.amount)});
    document.tables.push_back(std::move(lines));
    document.totals.push_back({tr("invoice.subtotal"), format_rupiah(invoice.totals.subtotal)});
    if (invoice.tax.rate_basis_points > 0) document.totals.push_back({tr("print.tax"), format_rupiah(invoice.totals.tax)});
    document.totals.push_back({tr("invoice.total"), format_rupiah(invoice.totals.total)});
    document.totals.push_back({tr("invoice.paid_amount"), format_rupiah(invoice.paid_amount)});
    document.totals.push_back({tr("invoice.outstanding"), format_rupiah(invoice.outstanding())});
    for (const api::PaymentResource& payment : record.payments)
        document.notes.push_back(i18n::tr_format("print.payment_note", {{"receipt", payment.payment.receipt_no},
                                                                        {"date", format_paid_at(payment)},
                                                                        {"method", payment_method_label(payment.payment.method)},
                                                                        {"amount", format_rupiah(payment.payment.amount)}}));
    if (invoice.status == billing::InvoiceStatus::Void && !invoice.void_reason.empty())
        document.notes.push_back(i18n::tr_format("invoice.void_reason", {{"reason", invoice.void_reason}}));
    return document;
}


print_view::Document receipt_document(const api::PaymentResource& payment, const api::InvoiceResource& record,
                                      const SessionUser& printer) {
    print_view::Document document;
    document.layout = print_view::Layout::Thermal58;
    document.title = tr("print.receipt_title");
    document.subtitle = issuer(printer);
    document.facts = {{tr("print.receipt_no"), payment.payment.receipt_no},
                      {tr("print.paid_at"), format_paid_at(payment) + " " + zone_name(payment.offset)},
                      {tr("print.customer"), customer_line(record)},
                      {tr("print.invoice"), record.invoice.invoice_no},
                      {tr("invoice.period"), i18n::format_period(record.invoice.period)},
                      {tr("print.method"), payment_method_label(payment.payment.method)}};
    if (const std::string cashier = received_by(payment.payment, printer); !cashier.empty())
        document.facts.push_back({tr("print.received_by"), cashier});
    document.totals = {{tr("invoice.total"), format_rupiah(record.invoice.totals.total)},
                       {tr("invoice.outstanding"), format_rupiah(record.invoice.outstanding())},
                       {tr("print.amount_paid"), format_rupiah(payment.payment.amount)}};
    if (payment.payment.amount != payment.payment.applied_amount)
        document.notes.push_back(i18n::tr_format("print.credit_note", {{"amount", format_rupiah(payment.payment.amount - payment.payment.applied_amount)}}));
    document.notes.push_back(tr("print.thanks"));
    return document;
}

const api::PaymentResource* latest_payment(const api::InvoiceResource& record) {
    const auto latest = std::max_element(record.payments.begin(), record.payments.end(),
                                         [](const auto& a, const auto& b) { return a.payment.id < b.payment.id; });
    return latest == record.payments.end() ? nullptr : &*latest;
}

}  // namespace kimonet
