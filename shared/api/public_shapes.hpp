#pragma once
// The names the original system published, kept as they are on purpose: landing pages, printed
// links, customers' bookmarks and operators' message templates already use them. Inside, and in
// every staff API shape, the one name of the customer's number is `service_number`; only the public
// shapes below say `nomor_layanan` (and its neighbours `nama_pelanggan`, `periode`).
// Source: the seed — the original system's user guide, "API Documentation → Check Billing"
// (request {"customer_number"}, answer {"customer":{"nomor_layanan","nama_pelanggan"},
// "invoices":[{"periode",…}]}) and "Cek Tagihan Publik" (`<input name="nomor_layanan">`,
// `/billing/{nomor_layanan}`); docs/integrations/public-api.md lists them. Do not "fix" these
// spellings: it would break deployed landing pages and links.
namespace kimonet::api {

// POST /billing/check {"customer_number": "CUST001"} (the seed's request key) …
inline constexpr const char* kBillCheckCustomerNumberKey = "customer_number";
// … which also accepts the answer's own key, as the landing page's form field sends it.
inline constexpr const char* kPublicServiceNumberKey = "nomor_layanan";
// The answer: {"customer":{"nomor_layanan","nama_pelanggan"},"invoices":[{…,"periode",…}]}.
inline constexpr const char* kPublicCustomerNameKey = "nama_pelanggan";
inline constexpr const char* kPublicPeriodKey = "periode";
// GET /billing?nomor_layanan=… and GET /billing/{nomor_layanan}: the bill page's form field, query
// parameter and path parameter (the same word: kPublicServiceNumberKey).

// The message template placeholder {nomor_layanan}: operators wrote their templates with it.
inline constexpr const char* kServiceNumberPlaceholder = "nomor_layanan";

}  // namespace kimonet::api
