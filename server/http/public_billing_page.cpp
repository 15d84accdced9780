#include "http/public_billing_page.hpp"

#include <algorithm>
#include <vector>

#include "api/public_shapes.hpp"
#include "core/date.hpp"
#include "core/money.hpp"
#include "http/html.hpp"
#include "http/qr_svg.hpp"
#include "http/rendered_page_blocks.hpp"
#include "payments/gateway_rules.hpp"

namespace kimonet::http {

namespace {

std::string text_of(const api::Json& object, const char* name) {
    auto found = object.find(name);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

// One button per method: when several gateways offer it, the customer sees the cheapest
// (the first enabled one on a tie), so the page never lists "BNI Virtual Account" three times.
std::vector<BillingPageMethod> cheapest_per_method(const std::vector<BillingPageMethod>& methods) {
    std::vector<BillingPageMethod> out;
    for (const auto& method : methods) {
        auto same = std::find_if(out.begin(), out.end(), [&](const BillingPageMethod& kept) { return kept.code == method.code; });
        if (same == out.end()) out.push_back(method);
        else if (method.fee < same->fee) *same = method;
    }
    return out;
}

// What the customer pays with: a QRIS code as a QR image to scan (its text is for machines, and
// some gateways repeat it as the "account number"), a virtual account number or a payment code.
static std::string payment_details(const std::string& method, const std::string& payment_code, const std::string& qr_string) {
    std::string out;
    if (!qr_string.empty()) {
        if (auto image = qr_svg(qr_string, "Kode QRIS"))
            out += "<p>Pindai kode QRIS ini dengan aplikasi m-banking atau e-wallet:</p><div class=\"qr-box\">" + *image + "</div>";
        else
            out += "<p>QRIS:</p><div class=\"code\">" + html_escape(qr_string) + "</div>";
    }
    if (!payment_code.empty() && payment_code != qr_string)
        out += std::string("<p>") + (method.ends_with("_va") ? "Nomor virtual account:" : "Kode bayar:") + "</p><div class=\"code\">" +
               html_escape(payment_code) + "</div><button type=\"button\" class=\"copy\" data-copy=\"" + html_escape(payment_code) +
               "\">Salin nomor</button>";
    return out;
}

// "BNI Virtual Account" rather than our code; the customer never needs the gateway's name.
static std::string method_name(const std::string& code) {
    const auto* method = payments::find_method(code);
    return method ? std::string(method->name) : code;
}

std::string render_billing_page(const std::string& company, const api::Json& bill, const std::vector<BillingPageMethod>& methods,
                                const api::Json& pending, const std::string& message, bool show_logo,
                                const std::string& today) {
    std::string page =
        "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        // No icon request: one round trip less (and no 404) on an isolated 512 kbps line.
        "<link rel=\"icon\" href=\"data:,\">"
        "<title>Cek Tagihan - " + html_escape(company) + "</title><style>" + kBillPageStyle + "</style></head><body><main>" +
        (show_logo ? std::string("<img class=\"logo\" src=\"/api/logo\" alt=\"Logo " + html_escape(company) + "\" height=\"48\">") : std::string()) + "<h1>Cek Tagihan " +
        html_escape(company) + "</h1>"
        "<form class=\"card\" method=\"get\" action=\"/billing\"><label>Nomor layanan<br><input name=\"" + std::string(api::kPublicServiceNumberKey) + "\" value=\"" +
        html_escape(bill.is_object() && bill.contains("customer") ? text_of(bill["customer"], api::kPublicServiceNumberKey) : std::string()) +
        "\" autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\"></label><button type=\"submit\">Cek tagihan</button></form>";
    if (!message.empty()) page += "<div class=\"card\" role=\"status\">" + html_escape(message) + "</div>";
    if (bill.is_object() && bill.contains("customer")) {
        const api::Json& customer = bill["customer"];
        page += "<div class=\"card\"><b>" + html_escape(text_of(customer, api::kPublicCustomerNameKey)) + "</b><br><small>" +
                html_escape(text_of(customer, api::kPublicServiceNumberKey)) + "</small></div>";
        bool any_unpaid = false;
        int upcoming = 0;
        const std::vector<BillingPageMethod> offered = cheapest_per_method(methods);
        // The invoices' cards are written after the summary ("Lunas…"), which comes first on a phone.
        const std::size_t summary_at = page.size();
        std::string earliest_period;  // of every bill on the page ("YYYY-MM" compares as text)
        for (const auto& invoice : bill["invoices"]) {
            const std::string period = text_of(invoice, api::kPublicPeriodKey);
            if (earliest_period.empty() || period < earliest_period) earliest_period = period;
        }
        // Bills owed first, the oldest of them first (the one dunning acts on first, and what a
        // customer pays first); then the paid ones, newest first (as the check lists them).
        std::vector<const api::Json*> shown;
        for (const auto& invoice : bill["invoices"]) shown.push_back(&invoice);
        std::stable_sort(shown.begin(), shown.end(), [](const api::Json* a, const api::Json* b) {
            const bool a_open = text_of(*a, "status") != "paid", b_open = text_of(*b, "status") != "paid";
            if (a_open != b_open) return a_open;
            return a_open && text_of(*a, api::kPublicPeriodKey) < text_of(*b, api::kPublicPeriodKey);
        });
        for (const api::Json* listed : shown) {
            const api::Json& invoice = *listed;
            const std::string status = text_of(invoice, "status");
            const std::string id = std::to_string(invoice.value("invoice_id", 0LL));
            page += "<div class=\"card\"><b>" + html_escape(text_of(invoice, "invoice_no")) + "</b> · periode " + html_escape(indonesian_period(text_of(invoice, api::kPublicPeriodKey))) +
                    "<br>Tagihan: <b>" + format_rupiah(invoice.value("bill", 0LL)) + "</b><br>";
            if (status == "paid") {
                page += "<span class=\"paid\">LUNAS ✓</span></div>";
                continue;
            }
            // A bill not yet due is the next bill: information, not a red warning (ISO dates compare as text).
            const bool not_due = !today.empty() && text_of(invoice, "due_date") > today;
            if (not_due) ++upcoming;
            else any_unpaid = true;
            // "Tagihan berikutnya" only when an earlier period is on the page too (the bill after the
            // one just paid); the current bill not yet due is just that, not the next one.
            const bool later_than_another = text_of(invoice, api::kPublicPeriodKey) > earliest_period;
            if (not_due)
                page += std::string(later_than_another ? "Tagihan berikutnya, belum jatuh tempo" : "Belum jatuh tempo") + "<br>Sisa: <b>" + format_rupiah(invoice.value("outstanding", 0LL)) + "</b> · jatuh tempo <b>" +
                        html_escape(indonesian_date(text_of(invoice, "due_date"))) + "</b>";
            else
                page += "Sisa: <span class=\"due\">" + format_rupiah(invoice.value("outstanding", 0LL)) + "</span> · jatuh tempo " +
                        html_escape(indonesian_date(text_of(invoice, "due_date")));
            // Where a started payment's details appear (also by JavaScript): announced when they do.
            page += "<div id=\"pay-" + id + "\" aria-live=\"polite\">";
            if (pending.contains(id))
                for (const auto& transaction : pending[id]) {
                    page += "<div data-poll=\"" + html_escape(text_of(transaction, "order_id")) + "\"><p>" + html_escape(method_name(text_of(transaction, "method"))) + ", bayar " +
                            format_rupiah(transaction.value("amount", 0LL)) + ":</p>";
                    page += payment_details(text_of(transaction, "method"), text_of(transaction, "payment_code"), text_of(transaction, "qr_string"));
                    if (!text_of(transaction, "payment_url").empty())
                        page += "<p><a href=\"" + html_escape(text_of(transaction, "payment_url")) + "\">Buka halaman pembayaran</a></p>";
                    // "6 Desember 2026 pukul 23.57 WIB" (routes_payments.cpp), in the configured time zone.
                    const std::string expires = text_of(transaction, "expires_text");
                    page += "<small>Berlaku sampai " + html_escape(expires.empty() ? text_of(transaction, "expires_at") : expires) + "</small></div>";
                }
            page += "</div>";
            if (methods.empty()) page += "<p><small>Pembayaran online belum tersedia. Hubungi kami untuk membayar.</small></p>";
            // Without JavaScript the form posts and the server redirects back here. With a payment
            // already waiting for this bill, the other methods are folded under a summary: the page
            // shows how to pay what was started, and a second payment is a deliberate choice.
            const bool waiting = pending.contains(id) && !pending[id].empty();
            if (waiting && !offered.empty()) page += "<details><summary>Pilih metode pembayaran lain</summary>";
            page += "<form method=\"post\" action=\"/billing/pay\" data-invoice=\"" + id + "\">"
                    "<input type=\"hidden\" name=\"invoice_id\" value=\"" + id + "\">"
                    // Where to come back to (the server checks it is this invoice's customer).
                    "<input type=\"hidden\" name=\"" + std::string(api::kPublicServiceNumberKey) + "\" value=\"" +
                    html_escape(text_of(customer, api::kPublicServiceNumberKey)) + "\">";
            // Each button names the bill it pays: with two bills on the page a screen reader's list of
            // buttons would otherwise say "Bayar dengan BCA Virtual Account" twice, for different bills.
            const std::string pays = "Bayar " + text_of(invoice, "invoice_no") + " (" + indonesian_period(text_of(invoice, api::kPublicPeriodKey)) + ") dengan ";
            for (const auto& method : offered)
                page += "<button type=\"submit\" name=\"choice\" value=\"" + html_escape(method.gateway + ":" + method.code) + "\" data-gateway=\"" +
                        html_escape(method.gateway) + "\" data-method=\"" + html_escape(method.code) + "\" aria-label=\"" +
                        html_escape(pays + method.name + (method.fee > 0 ? " (+" + format_rupiah(method.fee) + ")" : std::string())) + "\">Bayar dengan " + html_escape(method.name) +
                        (method.fee > 0 ? " (+" + format_rupiah(method.fee) + ")" : std::string()) + "</button>";
            page += "</form>";
            if (waiting && !offered.empty()) page += "</details>";
            page += "</div>";
        }
        if (!any_unpaid && upcoming == 0) page.insert(summary_at, "<div class=\"card paid\">Lunas. Tidak ada tagihan yang belum dibayar. Terima kasih!</div>");
        // A bill not yet due is no reason for a summary: "Lunas" would be untrue of it, a warning too.
        if (any_unpaid || upcoming > 0) page += "<noscript><meta http-equiv=\"refresh\" content=\"20\"></noscript>";
    }
    page += "<p><small>Halaman ini diperbarui otomatis setelah pembayaran diterima.</small></p></main><script>" + std::string(kBillPageScript) +
            "</script></body></html>";
    return page;
}

}  // namespace kimonet::http
