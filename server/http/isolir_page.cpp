// The isolir (captive) page for isolated customers, and the RouterOS snippets an admin pastes
// into the router so isolated customers land on it.
#include "core/date.hpp"
#include "api/public_shapes.hpp"
#include "core/money.hpp"
#include "customers/customer.hpp"
#include "customers/typed_lookup.hpp"
#include "customers/name_mask.hpp"
#include "http/client_address.hpp"
#include "http/html.hpp"
#include "http/rendered_page_blocks.hpp"
#include "http/routes.hpp"
#include "services/active_sessions.hpp"
#include "services/settings.hpp"
#include "store/network_store.hpp"

namespace kimonet::http {

namespace {

struct Found {
    std::int64_t id = 0;
    std::string name, service_number, status;
};

Result<Found> find_by_pppoe(store::Database& db, const std::string& username) {
    const auto customer = TRY(store::find_customer_by_pppoe(db, username));
    Found found;
    if (customer) found = {customer->id, customer->name, customer->service_number, customer->status};
    return found;
}

// Without ?u=, the customer is the one whose PPP session has the visitor's address, as the
// routers last reported it to the background refresh: a request never waits on a router.
std::string pppoe_user_of_address(const app::App& app, std::int64_t now, const std::string& address) {
    if (address.empty()) return {};
    return services::active_sessions(app).user_at(address, now).value_or("");
}

// A static-IP or DHCP customer is the one whose address the visitor comes from: the router's
// redirect keeps the customer's own source address, and request.client_ip believes
// X-Forwarded-For only from a configured proxy. An address two customers share (the same private
// range behind two routers) names no one: the generic page, never a guess.
// The address of one of our own reverse proxies (`trusted_proxies`) is never a customer's: a
// request it forwards without X-Forwarded-For would otherwise show everyone that customer's bill.
Result<Found> find_by_address(store::Database& db, std::string address) {
    if (address.starts_with("::ffff:")) address = address.substr(7);
    if (!is_valid_ipv4(address)) return Found{};
    const std::string proxies_text = services::get_setting(db, "trusted_proxies").value_or("");
    if (!proxies_text.empty()) {
        auto proxies = parse_trusted_proxies(proxies_text);
        if (!proxies || is_trusted_proxy(*proxies, address)) return Found{};
    }
    const auto matches = TRY(store::find_customers_by_address(db, address, 2));
    if (matches.size() != 1) return Found{};
    return Found{matches[0].id, matches[0].name, matches[0].service_number, matches[0].status};
}

}  // namespace

std::string isolir_promise_section(app::Context& context, std::int64_t customer_id, const std::string& client_ip);

// The customer behind the request's own source address (their PPP session's address, or their
// static/DHCP address), never a ?u= name: only this visitor may make a promise on the isolir page.
std::int64_t customer_behind_address(const app::App& app, app::Context& context, const std::string& client_ip) {
    const std::string username = pppoe_user_of_address(app, context.now, client_ip);
    Found customer = username.empty() ? Found{} : find_by_pppoe(context.db, username).value_or(Found{});
    if (customer.id == 0) customer = find_by_address(context.db, client_ip).value_or(Found{});
    return customer.id;
}

std::string isolir_page(const app::App& app, app::Context& context, const Request& request) {
    std::string username = request.query_value("u");
    if (username.empty()) username = pppoe_user_of_address(app, context.now, request.client_ip);
    Found customer = username.empty() ? Found{} : find_by_pppoe(context.db, username).value_or(Found{});
    if (customer.id == 0 && request.query_value("u").empty()) customer = find_by_address(context.db, request.client_ip).value_or(Found{});
    const std::string company = services::get_setting(context.db, "company_name").value_or("Kimonet Net");
    const std::string phone = services::get_setting(context.db, "company_phone").value_or("");
    std::string body;
    body += "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
    body += "<link rel=\"icon\" href=\"data:,\">";  // no icon request (and no 404) on an isolated line
    body += "<title>Layanan internet diisolir - " + html_escape(company) + "</title><style>";
    body += std::string(kIsolirPageStyle) + "</style></head><body><main>";
    body += "<h1>Layanan internet Anda sedang diisolir</h1>";
    if (customer.id == 0) {
        body += "<p>Koneksi internet Anda dibatasi karena ada tagihan yang belum dibayar.</p>";
        body += "<p>Kami tidak dapat mengenali akun Anda otomatis. Silakan cek tagihan dengan nomor layanan Anda atau hubungi kami.</p>";
        // The bill check right here (the public bill page, which also pays): an isolated line can reach it.
        body += "<form method=\"get\" action=\"/billing\"><label>Nomor layanan<br><input name=\"" + std::string(api::kPublicServiceNumberKey) +
                "\" placeholder=\"CUST001\" autocomplete=\"off\" required></label> <button type=\"submit\">Cek tagihan</button></form>";
    } else {
        // Anyone can ask for any ?u=: a masked name is enough for the customer to recognise themselves.
        body += "<p>Halo <strong>" + html_escape(customers::mask_name(customer.name)) + "</strong> (nomor layanan <strong>" + html_escape(customer.service_number) + "</strong>),</p>";
        body += customer.status == "isolated" ? "<p>koneksi internet Anda dibatasi karena ada tagihan yang belum dibayar.</p>"
                                              : "<p>status layanan Anda saat ini aktif. Jika internet masih lambat, putuskan lalu sambungkan ulang modem Anda.</p>";
        if (store::invoices_table_ready(context.db)) {
            auto invoices = store::open_invoice_summaries(context.db, customer.id);
            if (invoices) {
                std::string rows;
                for (const auto& invoice : *invoices) {
                    const std::string& number = invoice.invoice_no;
                    rows += "<tr><td data-label=\"Tagihan\">" + html_escape(number) + "</td><td data-label=\"Periode\">" +
                            html_escape(indonesian_period(invoice.period)) + "</td><td data-label=\"Jatuh tempo\">" +
                            html_escape(indonesian_date(invoice.due_date)) + "</td><td class=\"amount\" data-label=\"Sisa\">" +
                            html_escape(format_rupiah(invoice.outstanding)) + "</td><td class=\"action\"><a class=\"pay\" href=\"/billing?nomor=" +
                            html_escape(customer.service_number) + "&amp;invoice=" + html_escape(number) + "\">Bayar</a></td></tr>";
                }
                if (!rows.empty())
                    body += "<table><thead><tr><th>Tagihan</th><th>Periode</th><th>Jatuh tempo</th><th class=\"amount\">Sisa</th><th></th></tr></thead><tbody>" +
                            rows + "</tbody></table>";
            }
        }
        // The promise to pay, only for the visitor recognised by their own address (never by ?u=).
        if (request.query_value("u").empty()) body += isolir_promise_section(context, customer.id, request.client_ip);
    }
    body += "<p class=\"note\">Setelah pembayaran diterima, layanan internet Anda <strong>kembali normal secara otomatis</strong> dalam beberapa detik. "
            "Jika belum, putuskan lalu sambungkan ulang modem Anda.</p>";
    if (!phone.empty()) {
        // wa.me takes the international digits (62…); people read the number as they write it (0812-1002-3757).
        const std::string digits = normalize_phone(phone);
        const std::string shown = digits.empty() ? phone : customers::format_phone(digits);
        body += "<p>Bantuan: WhatsApp <a href=\"https://wa.me/" + html_escape(digits.empty() ? phone : digits) + "\">" + html_escape(shown) + "</a></p>";
    }
    body += "<p><small>" + html_escape(company) + "</small></p></main></body></html>";
    return body;
}

api::Json routeros_snippets(app::Context& context) {
    std::string base = services::get_setting(context.db, "public_base_url").value_or("");
    if (base.empty()) base = "http://billing.example.id";
    std::string host = base.substr(base.find("://") == std::string::npos ? 0 : base.find("://") + 3);
    if (auto slash = host.find('/'); slash != std::string::npos) host.resize(slash);
    const std::string port = host.find(':') == std::string::npos ? "80" : host.substr(host.find(':') + 1);
    const std::string server = host.substr(0, host.find(':'));
    const std::string rate = services::get_setting(context.db, "isolir_rate_limit").value_or("512k/512k");
    api::Json out = api::Json::array();
    const auto add = [&out](const std::string& title, const std::string& commands) { out.push_back({{"title", title}, {"commands", commands}}); };
    add("Profil PPP isolir (kecepatan dibatasi, alamat masuk address-list ISOLIR)",
        "/ip pool add name=pool-isolir ranges=10.255.0.2-10.255.255.254\n"
        "/ppp profile add name=ISOLIR local-address=10.255.0.1 remote-address=pool-isolir rate-limit=" + rate + " address-list=ISOLIR");
    add("Walled garden: pelanggan isolir hanya boleh ke DNS dan server billing",
        "/ip firewall filter add chain=forward src-address-list=ISOLIR protocol=udp dst-port=53 action=accept comment=\"isolir: DNS\"\n"
        "/ip firewall filter add chain=forward src-address-list=ISOLIR dst-address=" + server + " action=accept comment=\"isolir: billing\"\n"
        "/ip firewall filter add chain=forward src-address-list=ISOLIR action=drop comment=\"isolir: blok lainnya\"");
    add("Alihkan HTTP pelanggan isolir ke halaman isolir",
        "/ip firewall nat add chain=dstnat src-address-list=ISOLIR protocol=tcp dst-port=80 dst-address=!" + server +
            " action=dst-nat to-addresses=" + server + " to-ports=" + port + " comment=\"isolir: redirect\"\n"
            "# Halaman: " + base + "/isolir  (pelanggan dikenali dari alamat IP sesi PPP, atau ?u=<user PPPoE>)");
    add("Pelanggan IP statis / DHCP: Kimonet memasukkan alamatnya ke address-list ISOLIR saat isolir (dan menghapusnya saat dibuka)",
        "# otomatis; secara manual:\n/ip firewall address-list add list=ISOLIR address=10.10.10.5 comment=cust001");
    add("Hotspot: izinkan server billing tanpa login",
        "/ip hotspot walled-garden ip add dst-address=" + server + " action=accept comment=\"billing\"");
    add("User API untuk Kimonet (ganti password)",
        "/user group add name=billing policy=api,read,write,test\n/user add name=billing group=billing password=GANTI-PASSWORD\n"
        "/ip service set api address=" + server + "/32 disabled=no\n"
        "# RouterOS 7 REST API (www-ssl): /user group set billing policy=api,rest-api,read,write,test\n"
        "# /ip service set www-ssl address=" + server + "/32 certificate=<sertifikat> disabled=no");
    return out;
}

}  // namespace kimonet::http
