// UI text of the customer's connection method, the router's RouterOS interface and the router
// test's answer in plain words (issue 19): key, Indonesian (default), English.
// A part of the catalogue of its own (i18n.hpp), like i18n_catalogue_customer.cpp.
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> network_catalogue() {
    static const std::initializer_list<Entry> entries = {
        // The customer form and screens (views/connection_methods.cpp lists the methods).
        {"field.connection_method", "Cara koneksi", "Connection method"},
        {"connection.method.pppoe", "PPPoE", "PPPoE"},
        {"connection.method.static", "IP statis", "Static IP"},
        {"connection.method.dhcp", "DHCP", "DHCP"},
        {"connection.method.radius", "RADIUS", "RADIUS"},
        {"field.ip_address", "Alamat IP", "IP address"},
        {"field.mac_address", "Alamat MAC", "MAC address"},
        {"field.mac_address_optional", "Alamat MAC (opsional)", "MAC address (optional)"},
        // The router form.
        {"field.router_api_mode", "Cara menghubungi router", "How to reach the router"},
        {"router_form.mode.api", "API (port 8728 / 8729)", "API (port 8728 / 8729)"},
        {"router_form.mode.rest", "REST (RouterOS 7)", "REST (RouterOS 7)"},
        {"router_form.mode.auto", "Otomatis (API, lalu REST)", "Automatic (API, then REST)"},
        {"router_form.mode.api_hint", "API RouterOS di /ip service api (atau api-ssl dengan TLS). Untuk RouterOS 6 dan 7.",
         "The RouterOS API at /ip service api (or api-ssl with TLS). For RouterOS 6 and 7."},
        {"router_form.mode.rest_hint", "REST API RouterOS 7.1+ di /ip service www-ssl (atau www). User router perlu policy rest-api.",
         "The RouterOS 7.1+ REST API at /ip service www-ssl (or www). The router user needs the rest-api policy."},
        {"router_form.mode.auto_hint", "Memakai API; bila port API tidak dapat dihubungi, memakai REST.",
         "Uses the API; when the API port cannot be reached, REST."},
        {"field.rest_port", "Port REST (www-ssl / www)", "REST port (www-ssl / www)"},
        {"field.rest_tls", "REST lewat HTTPS (www-ssl)", "REST over HTTPS (www-ssl)"},
        // The router test (views/router_test_panel.cpp): one line per interface, then the verdict.
        {"router_test.button", "Uji koneksi", "Test connection"},
        {"router_test.testing", "Menguji…", "Testing…"},
        {"router_test.saved_only", "Uji koneksi memakai pengaturan yang tersimpan; simpan dulu perubahan Anda.",
         "The test uses the saved settings; save your changes first."},
        {"router_test.works", "berfungsi (RouterOS {version})", "works (RouterOS {version})"},
        {"router_test.problem.cannot_resolve", "nama host tidak dikenal — periksa alamat router",
         "the host name is unknown — check the router's address"},
        {"router_test.problem.port_closed", "Port {port} tertutup — aktifkan /ip service {service} di router, atau periksa nomor port",
         "Port {port} is closed — enable /ip service {service} on the router, or check the port number"},
        {"router_test.problem.no_answer", "tidak ada jawaban di port {port} — periksa alamat, apakah router menyala, dan firewall di antaranya",
         "no answer on port {port} — check the address, that the router is up, and any firewall in between"},
        {"router_test.problem.connection_reset",
         "router memutus koneksi — tambahkan alamat server billing ke available-from di /ip service {service}, atau periksa firewall router",
         "the router cut the connection — add the billing server's address to available-from of /ip service {service}, or check the router's firewall"},
        {"router_test.problem.port_speaks_tls", "port {port} memakai TLS — nyalakan TLS di formulir ini, atau pakai port tanpa TLS",
         "port {port} speaks TLS — turn TLS on in this form, or use the plain port"},
        {"router_test.problem.port_speaks_plain", "port {port} tidak memakai TLS — matikan TLS di formulir ini, atau pakai port TLS",
         "port {port} does not speak TLS — turn TLS off in this form, or use the TLS port"},
        {"router_test.problem.tls_failed", "TLS gagal — periksa sertifikat di /ip service {service}",
         "TLS failed — check the certificate of /ip service {service}"},
        {"router_test.problem.bad_credentials", "username atau password router salah — periksa user di /user, lalu isi ulang password di sini",
         "wrong router user name or password — check the user in /user, then enter the password here again"},
        {"router_test.problem.missing_policy", "user router tidak punya policy {policies} — tambahkan di /user group",
         "the router user lacks the policy {policies} — add it in /user group"},
        {"router_test.problem.no_rest_api", "REST API tidak ada — perlu RouterOS 7.1 atau lebih baru; pakai mode API",
         "no REST API — RouterOS 7.1 or newer is needed; use the API mode"},
        {"router_test.problem.hostile_answer", "jawaban router ditolak (dialihkan atau tidak wajar) — periksa alamat dan port",
         "the router's answer was refused (redirected or malformed) — check the address and port"},
        {"router_test.ok", "Terhubung lewat {transport}: RouterOS {version}, {board}, menyala {uptime}",
         "Connected over {transport}: RouterOS {version}, {board}, up {uptime}"},
        {"router_test.other_works",
         "Mode yang dipilih tidak berfungsi, tetapi {transport} berfungsi — pilih {transport} atau Otomatis di atas lalu simpan (atau jalankan kimonet mikrotik test --fix)",
         "The chosen mode does not work, but {transport} does — choose {transport} or Automatic above and save (or run kimonet mikrotik test --fix)"},
        {"router_test.none_works", "Router belum dapat dihubungi — perbaiki salah satu hal di atas, lalu uji lagi",
         "The router cannot be reached yet — fix one of the points above, then test again"},
        {"router_test.failed", "Uji koneksi gagal", "The connection test failed"},
    };
    return entries;
}

}  // namespace kimonet::i18n
