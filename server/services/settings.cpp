#include "services/settings.hpp"

#include <algorithm>

#include "api/json_fields.hpp"
#include "api/cors.hpp"
#include "api/setting_choices.hpp"
#include "core/text.hpp"
#include "core/promise_messages.hpp"
#include "core/validation_messages.hpp"
#include "http/client_address.hpp"
#include "http/customer_address.hpp"
#include "services/activity_log.hpp"
#include "services/attachments.hpp"
#include "services/tickets.hpp"
#include "services/email_outbox.hpp"
#include "services/secret_destinations.hpp"
#include "store/settings_store.hpp"
#include "whatsapp/messenger.hpp"
#include "billing/bank_accounts.hpp"
#include "billing/invoice_number.hpp"
#include "billing/outage_credit.hpp"
#include "core/outage_messages.hpp"
#include "billing/rounding.hpp"
#include "billing/tax.hpp"
#include "billing/tax_rules.hpp"
#include "core/tax_messages.hpp"
#include "core/inventory_messages.hpp"
#include "inventory/web_mercator.hpp"
#include "customers/tax_identity.hpp"
#include "jobs/cron.hpp"
#include "network/isolir_settings.hpp"
#include "network/radius_reply.hpp"
#include "payments/gateway_rules.hpp"

namespace kimonet::services {

const std::vector<SettingDefinition>& setting_definitions() {
    static const std::vector<SettingDefinition> all = {
        {"company_name", "Kimonet Net", false, "ISP name on invoices and messages"},
        {"company_address", "Jl. Merdeka No. 1, Bandung", false, "Address on invoices"},
        {"company_phone", "6281200000000", false, "Contact number"},
        {"service_number_prefix", "CUST", false, "Prefix for new nomor layanan"},
        {"default_due_day", "10", false, "Due day of month when a customer has none"},
        {"timezone", "", false, "Time zone of dates, numbers, printed times and schedules: WIB, WITA, WIT or +08:00 (empty = KIMONET_TZ, default WIB)"},
        {"isolir_rate_limit", "512k/512k", false, "Rate limit (rx/tx) of the isolir PPP profile created on routers"},
        {"isolir_schedule", "0 8 * * *", false, "Cron schedule of the automatic isolir run (default daily 08:00)"},
        {"isolir_grace_days", "3", false, "Days after the due date before an unpaid customer is isolated"},
        {"isolir_skip_sundays", "1", false, "1 = no automatic isolir on Sundays"},
        {"isolir_holidays", "", false, "Dates without automatic isolir, comma-separated YYYY-MM-DD"},
        {"isolir_hours", "08:00-20:00", false, "Local hours in which automatic isolir may run (HH:MM-HH:MM or off)"},
        {"isolir_max_per_run", "200", false, "At most this many customers isolated per automatic run"},
        {"dunning_enabled", "1", false,
         "1 = the daily dunning run sends reminders, adds late fees and isolates by the schedules (the fixed grace-day auto-isolir job then rests)"},
        {"dunning_schedule", "0 9 * * *", false, "Cron schedule of the daily dunning run (default 09:00: reminders, fees, isolation)"},
        {"dunning_promise_enabled", "0", false,
         "1 = customers may postpone isolation with a promise to pay (janji bayar) from the portal, the isolir page or the WhatsApp bot"},
        {"dunning_promise_days", "3", false, "Days a customer's promise to pay postpones isolation (1-14)"},
        {"dunning_promise_frequency", "invoice", false,
         "How often a customer may promise: invoice (once per invoice), month (once per calendar month) or 90_days (once in 90 days)"},
        {"dunning_promise_customers", "all", false,
         "Who may promise: all, without_broken (no broken promise in the last 365 days) or staff_only (only staff grant promises)"},
        {"network_retry_schedule", "* * * * *", false, "Cron schedule for retrying network actions routers have not applied"},
        {"company_email", "billing@kimonet.id", false, "Contact email on invoices"},
        {"company_logo", "", false, "PNG logo printed on invoices: a file path on the server (empty: none); an uploaded logo (POST /api/settings/logo) takes its place"},
        {"bank_accounts", "BCA 1234567890 a.n. PT Kimonet Net|Mandiri 1300012345678 a.n. PT Kimonet Net", false,
         "Bank accounts for transfers on invoices: rows \"BANK NUMBER a.n. HOLDER\" separated by | (at most 10; number 5-20 digits)"},
        {"transfer_unique_code", "0", false,
         "1 = each new invoice asks for a transfer of its amount plus a unique code of 1-999 rupiah (kept as the customer's credit), "
         "so the bank statement import pays it by amount alone"},
        {"payment_instructions", "Transfer sesuai total tagihan dan cantumkan nomor tagihan pada berita transfer.", false,
         "Payment instructions printed on invoices"},
        {"public_base_url", "", false, "Base URL of public links (empty: the server's own address)"},
        {"tax_rate", "0", false, "PPN rate: percent (11, 11.5%) or basis points (1100bp); 0 = no tax"},
        {"tax_mode", "exclusive", false, "exclusive (tax added on top) or inclusive (prices contain tax)"},
        {"pkp", "legacy", false,
         "PKP switch: on = a PKP, PPN by the dated ppn_rules on every invoice; off = not a PKP, no PPN anywhere; "
         "legacy = the flat tax_rate as before this switch existed"},
        {"ppn_rules", billing::kDefaultPpnRules.data(), false,
         "Dated PPN rules when pkp is on: rows \"YYYY-MM-DD,rate_bp,numerator/denominator\" (berlaku mulai, tariff, DPP fraction) "
         "separated by ; (PMK 131/2024: 2025-01-01,1200,11/12); each invoice keeps the rule it was made with"},
        {"company_npwp", "", false, "The company's 16-digit NPWP (the seller's TIN in the Coretax export)"},
        {"company_nitku", "", false, "The company's 22-digit NITKU (SellerIDTKU; empty: NPWP + 000000, the head office)"},
        {"coretax_service_code", "000000", false, "Goods/service code (Kode Barang/Jasa) of internet service lines in the Coretax export"},
        {"proration_rounding", "nearest", false, "nearest, up, down, up_100 or up_1000"},
        {"invoice_number_format", "INV-{YYYY}{MM}-{NNNNN}", false, "Tokens {YYYY} {YY} {MM} {NNNNN}"},
        {"credit_note_number_format", "NK/{YYYY}/{MM}/{NNNN}", false,
         "Credit note (nota kredit) numbers, their own series: tokens {YYYY} {YY} {MM} {NNNN}"},
        {"invoice_schedule", "1 0 1 * *", false, "Cron schedule (minute hour day month weekday) of the monthly invoice run"},
        {"invoice_run_mode", "direct", false,
         "direct = the monthly run numbers and issues the invoices at once; approve = it prepares them as drafts that someone "
         "with invoices.approve_run approves (numbered, issued, sent) or discards"},
        {"invoice_run_four_eyes", "0", false, "1 = a prepared run must be approved by someone other than the person who prepared it"},
        {"whatsapp_driver", "mpwa", false, "WhatsApp gateway: mpwa, fonnte, gowa (go-whatsapp-web-multidevice), wablas, waha or meta (WhatsApp Cloud API)"},
        {"whatsapp_api_url", "", false, "Base URL of the WhatsApp gateway (empty: messages stay queued)"},
        {"whatsapp_sender", "", false, "Sender device number (mpwa sender / fonnte device)"},
        {"whatsapp_api_key", "", true, "Gateway key: mpwa api_key, fonnte token, gowa user:password"},
        {"whatsapp_webhook_secret", "", true, "Secret for inbound webhooks (gowa HMAC key; fonnte and mpwa ?token=); empty = webhooks closed"},
        {"whatsapp_rate_limit_seconds", "2", false, "Seconds between two messages on one gateway"},
        {"whatsapp_quiet_hours", "21:00-07:00", false,
         "Local window (HH:MM-HH:MM or off) in which bulk messages (reminders, new-invoice notices, broadcasts) wait for its end; "
         "payment receipts, isolir/restore notices, registration confirmations and bot replies still go unless "
         "whatsapp_quiet_hours_transactional is 1"},
        {"whatsapp_quiet_hours_transactional", "0", false,
         "1 = payment receipts, isolir/restore notices, registration confirmations and bot replies also wait for the end of the quiet hours"},
        {"whatsapp_max_attempts", "8", false, "Delivery attempts before a message is marked failed"},
        {"whatsapp_timeout_seconds", "10", false, "Gateway request timeout in seconds"},
        {"flip_enabled", "0", false, "1 = offer Flip (Accept Payment) on the public bill page"},
        {"flip_mode", "sandbox", false, "sandbox or production"},
        {"flip_base_url", "", false, "Flip API base override (empty: the sandbox/production host; a simulator URL for demos)"},
        {"flip_secret_key", "", true, "Flip secret key (Basic auth user)"},
        {"flip_validation_token", "", true, "Flip callback validation token"},
        {"flip_methods", "bca_va:0,bni_va:0,bri_va:0,mandiri_va:0,qris:0", false, "Methods offered through Flip, code:fee, comma-separated"},
        {"midtrans_enabled", "0", false, "1 = offer Midtrans (Core API) on the public bill page"},
        {"midtrans_mode", "sandbox", false, "sandbox or production"},
        {"midtrans_base_url", "", false, "Midtrans Core API base override (empty: the sandbox/production host)"},
        {"midtrans_api", "core", false, "core = Core API (VA number/QR shown on our page), snap = Snap (redirect to Midtrans' payment page)"},
        {"midtrans_server_key", "", true, "Midtrans server key (Basic auth user, notification signatures)"},
        {"midtrans_methods", "bca_va:4000,bni_va:4000,bri_va:4000,mandiri_va:4000,qris:0", false, "Methods offered through Midtrans, code:fee"},
        {"duitku_enabled", "0", false, "1 = offer Duitku on the public bill page"},
        {"duitku_mode", "sandbox", false, "sandbox or production"},
        {"duitku_base_url", "", false, "Duitku API base override (empty: the sandbox/production host)"},
        {"duitku_merchant_code", "", false, "Duitku merchant code"},
        {"duitku_api_key", "", true, "Duitku API key (request and callback signatures)"},
        {"duitku_methods", "bca_va:4000,bni_va:3000,mandiri_va:4000,qris:0,alfamart:2500", false, "Methods offered through Duitku, code:fee"},
        {"payment_callback_base_url", "", false, "Base URL gateways call back (empty: public_base_url or the server's address)"},
        {"payment_expiry_minutes", "1440", false, "How long a created payment (VA, QR) stays valid"},
        {"payment_gateway_timeout_seconds", "15", false, "Payment gateway request timeout in seconds"},
        {"payment_reconcile_schedule", "*/5 * * * *", false, "Cron schedule of payment reconciliation with the gateways"},
        {"payment_reconcile_after_minutes", "5", false, "Pending payments older than this are checked with the gateway"},
        {"billing_check_rate_per_minute", "30", false, "Public bill check and pay requests per minute per IP address; 0 = no limit (benchmarks, trusted proxies)"},
        {"cors_allowed_origins", "", false,
         "Origins (scheme://host[:port], comma-separated) of a separately hosted landing page allowed to call the public API"},
        {"register_rate_per_minute", "3", false, "Landing page registrations per minute per IP address (burst; refills evenly)"},
        {"register_email_required", "0", false, "1 = the registration form asks for an email address and requires it; 0 = name and WhatsApp number are enough"},
        {"billing_base_domain", "", false,
         "Customer addresses: with billing.example.id, {nomor_layanan}.billing.example.id opens that customer's bill page "
         "(needs a wildcard DNS record and the reverse proxy passing Host); empty = off"},
        {"hotspot_login_url", "http://10.5.50.1/login", false,
         "Hotspot login page printed as the QR code on voucher cards (with username and password added)"},
        {"report_totals_schedule", "*/10 * * * *", false,
         "Cron schedule of folding PostgreSQL's running report totals into one row per group (nothing to do on SQLite)"},
        {"voucher_schedule", "*/10 * * * *", false,
         "Cron schedule of the voucher job: resumes interrupted pushes, reads usage back and removes used-up or expired vouchers"},
        {"radius_api_secret", "", true,
         "Credential FreeRADIUS presents (HTTP Basic, user freeradius) when it asks Kimonet about a RADIUS customer; empty = the RADIUS endpoints are closed. `kimonet radius config` makes one"},
        {"radius_isolir_pool", "isolir", false, "Address pool (Framed-Pool) an isolated RADIUS customer gets; empty = keep the usual address and change only the rate limit (by CoA)"},
        {"radius_isolir_rate_limit", "512k/512k", false, "Mikrotik-Rate-Limit (rx/tx) of an isolated RADIUS customer; empty = the package's speed"},
        {"radius_coa_timeout_ms", "1000", false, "How long Kimonet waits for a NAS to answer one CoA / Disconnect-Request before sending it again (3 tries)"},
        {"radius_drift_max_per_run", "100", false,
         "Most CoA / Disconnect-Requests one drift repair sends to the NASes (the rest wait for the next run, oldest attempt first)"},
        {"router_probe_seconds", "60", false, "Seconds between reachability checks of every router (public network status); 0 = off"},
        {"trusted_proxies", "", false,
         "IP addresses or CIDRs of our own reverse proxies (comma-separated); only their X-Forwarded-For is believed"},
        {"attachments_max_kb", "5120", false, "Largest uploaded photo or signature (JPEG, PNG, WebP) in KB, 1-20480"},
        {"attachments_per_owner", "10", false, "At most this many photos per ticket or job, 1-100"},
        {"ticket_sla_response_hours", "urgent=1,high=2,normal=4,low=8", false,
         "Trouble tickets: hours until the first response (assignment or a reply the customer sees), per priority"},
        {"ticket_sla_resolve_hours", "urgent=4,high=8,normal=24,low=72", false, "Trouble tickets: hours until the ticket is closed, per priority"},
        {"ticket_report_rate_per_minute", "3", false, "Landing page trouble reports per minute per IP address (burst; refills evenly), 1-100"},
        // Outages that pause billing (docs/outages.md).
        {"outage_schedule", "* * * * *", false,
         "Cron schedule of the outage job: start/end WhatsApp notices and SLA credits an opened or closed outage still owes"},
        {"outage_credit_rule", "off", false,
         "SLA credit for customers under an outage, on their next invoice: off, prorata (the monthly price for the outage time "
         "beyond outage_credit_after_hours, over a 30-day month) or fixed (outage_credit_fixed_amount once it lasted longer than that)"},
        {"outage_credit_after_hours", "4", false, "Hours of an outage that earn no credit (0-720)"},
        {"outage_credit_fixed_amount", "0", false, "Rupiah the fixed outage credit gives (0-10000000; never more than the monthly price)"},
        {"map_tile_url", "", false,
         "The map's tile server, a Web Mercator z/x/y template (https://…/{z}/{x}/{y}.png); empty = the app draws a schematic and "
         "asks no tile server"},
        // Email as a channel (issue 22, docs/email.md).
        {"smtp_url", "", false, "Mail server: smtp://host:587 (STARTTLS by smtp_tls) or smtps://host:465 (implicit TLS); empty = no email"},
        {"smtp_username", "", false, "SMTP login (empty: no AUTH)"},
        {"smtp_password", "", true, "SMTP password (sealed; never shown again)"},
        {"smtp_from", "", false, "Sender address of invoices and receipts (billing@example.id)"},
        {"smtp_from_name", "", false, "Sender name (empty: company_name)"},
        {"smtp_tls", "starttls", false, "starttls = STARTTLS required on smtp:// (refuse to send in clear); none = plain (a relay on loopback only)"},
        {"smtp_verify_certificate", "1", false, "1 = check the mail server's TLS certificate; 0 = accept a self-signed one (a local relay)"},
        {"smtp_timeout_seconds", "30", false, "Mail server timeout in seconds (1-300)"},
        {"smtp_max_attempts", "8", false, "Delivery attempts of an email (4xx answers, dropped connections) before it is marked failed (1-20)"},
        // WhatsApp providers Wablas, WAHA and the Meta WhatsApp Cloud API (docs/integrations/whatsapp-*.md).
        {"whatsapp_waha_session", "default", false, "WAHA: the session that sends and receives (its name in WAHA)"},
        {"whatsapp_meta_phone_number_id", "", false, "Meta WhatsApp Cloud API: the sending number's Phone number ID (digits, from the app's WhatsApp setup)"},
        {"whatsapp_meta_app_secret", "", true, "Meta: the app secret that signs webhooks (X-Hub-Signature-256); empty = the Meta webhook is closed"},
        {"whatsapp_meta_verify_token", "", true, "Meta: the verify token entered at Meta for the webhook URL check (hub.verify_token)"},
        {"whatsapp_meta_templates", "", false,
         "Meta: message kind=template name pairs, comma-separated, overriding the default kimonet_<kind>; - = send that kind as free text"},
        {"whatsapp_meta_language", "id", false, "Meta: the language code of the approved templates (id, en_US, …)"},
        {"map_tile_attribution", "© OpenStreetMap contributors", false,
         "The credit the tile server asks for, drawn on the map over its tiles (at most 200 characters)"},
        // WhatsApp failover, session health and opt-out (docs/integrations/whatsapp-failover.md#failover).
        {"whatsapp_backup_driver", "", false, "Backup WhatsApp gateway, used when the primary fails or its session is lost: empty (none) or a driver like whatsapp_driver"},
        {"whatsapp_backup_api_url", "", false, "Base URL of the backup WhatsApp gateway"},
        {"whatsapp_backup_sender", "", false, "Backup gateway's sender device number"},
        {"whatsapp_backup_api_key", "", true, "Backup gateway's key (as whatsapp_api_key)"},
        {"whatsapp_backup_timeout_seconds", "10", false, "Backup gateway request timeout in seconds"},
        {"whatsapp_owner_phone", "", false,
         "The owner's WhatsApp number: alerted through the backup gateway when the primary's session is lost or its QR must be scanned again"},
        {"whatsapp_health_schedule", "*/5 * * * *", false, "Cron schedule of the WhatsApp session health check of the primary gateway"},
    };
    return all;
}

const SettingDefinition* find_setting_definition(std::string_view key) {
    for (const auto& definition : setting_definitions())
        if (key == definition.key) return &definition;
    return nullptr;
}

static Result<std::optional<std::string>> stored_value(store::Database& db, std::string_view key) {
    return store::find_setting_value(db, key);
}

// The outage settings (docs/outages.md): the job's cron, the credit rule and its numbers.
static std::optional<std::string> outage_setting_problem(std::string_view key, std::string_view value) {
    auto whole_number_within = [&](std::int64_t low, std::int64_t high) {
        if (value.empty() || value.size() > 12 || value.find_first_not_of("0123456789") != std::string_view::npos) return false;
        const std::int64_t number = std::atoll(std::string(value).c_str());
        return number >= low && number <= high;
    };
    if (key == "outage_schedule") {
        if (auto schedule = jobs::parse_cron(value); !schedule) return schedule.error().fields.empty() ? schedule.error().message() : schedule.error().fields.begin()->second;
    } else if (key == "outage_credit_rule") {
        if (!billing::parse_outage_credit_rule(value)) return std::string(messages::kOutageCreditRule);
    } else if (key == "outage_credit_after_hours") {
        if (!whole_number_within(0, 720)) return std::string(messages::kOutageCreditHours);
    } else if (key == "outage_credit_fixed_amount") {
        if (!whole_number_within(0, 10'000'000)) return std::string(messages::kOutageCreditAmount);
    }
    return std::nullopt;
}

static std::optional<std::string> value_problem_of(std::string_view key, std::string_view value) {
    if (key == "company_logo" && !value.empty() && !(value.size() > 4 && value.substr(value.size() - 4) == ".png"))
        return "logo harus file PNG (.png)";
    auto first_field_message = [](const Error& error) {
        return error.fields.empty() ? error.message() : error.fields.begin()->second;
    };
    if (key == "tax_rate") {
        if (auto rate = billing::parse_tax_rate(value); !rate) return first_field_message(rate.error());
    } else if (key == "ppn_rules") {
        if (auto rules = billing::parse_ppn_rules(value); !rules) return first_field_message(rules.error());
    } else if (key == "company_npwp" && !value.empty()) {
        if (auto npwp = customers::validate_npwp(value); !npwp || npwp->size() != 16) return std::string(messages::kCompanyNpwpMissing);
    } else if (key == "company_nitku" && !value.empty()) {
        if (!customers::validate_nitku(value)) return std::string(messages::kNitkuFormat);
    } else if (key == "coretax_service_code") {
        if (value.size() != 6 || value.find_first_not_of("0123456789") != std::string_view::npos) return std::string(messages::kInvalid);
    } else if (key == "tax_mode") {
        if (!billing::parse_tax_mode(value)) return std::string("exclusive atau inclusive");
    } else if (key == "proration_rounding") {
        if (!billing::parse_rounding_mode(value)) return std::string("nearest, up, down, up_100 atau up_1000");
    } else if (key == "invoice_number_format") {
        if (auto valid = billing::validate_invoice_number_format(value); !valid) return first_field_message(valid.error());
    } else if (key == "credit_note_number_format") {
        if (auto valid = billing::validate_invoice_number_format(value); !valid) return first_field_message(valid.error());
    } else if (key == "invoice_schedule" || key == "isolir_schedule" || key == "network_retry_schedule" || key == "dunning_schedule" ||
               key == "voucher_schedule" || key == "report_totals_schedule") {
        if (auto schedule = jobs::parse_cron(value); !schedule) return first_field_message(schedule.error());
    } else if (key == "bank_accounts") {
        return billing::bank_accounts_problem(value);
    } else if (key == "dunning_promise_days") {
        const int days = std::atoi(std::string(value).c_str());
        if (days < 1 || days > 14 || std::to_string(days) != value) return std::string(messages::kPromiseCustomerDays);
    } else if (key == "dunning_enabled" || key == "register_email_required") {
        if (value != "0" && value != "1") return std::string("0 atau 1");
    } else if (key == "timezone") {
        if (!value.empty() && !parse_utc_offset(value)) return std::string(messages::kExpectedOffset);
    } else if (key == "default_due_day") {
        const int day = std::atoi(std::string(value).c_str());
        if (day < 1 || day > 31 || std::to_string(day) != value) return std::string(messages::kDueDay);
    }
    if (key == "cors_allowed_origins") return api::allowed_origins_problem(value);
    if (key == "trusted_proxies") return http::trusted_proxies_problem(value);
    if (key == "billing_base_domain") return http::base_domain_problem(value);
    if (key == "register_rate_per_minute" || key == "router_probe_seconds") {
        const bool probe = key == "router_probe_seconds";
        const int number = std::atoi(std::string(value).c_str());
        if (std::to_string(number) != value || number < (probe ? 0 : 1) || number > (probe ? 86400 : 10000))
            return std::string(probe ? "detik 0-86400 (0 = mati)" : "angka 1-10000");
    }
    if (key.starts_with("isolir_")) return network::isolir_setting_problem(key, value);
    if (key.starts_with("radius_isolir_")) return network::radius_setting_problem(key, value);
    if (key == "radius_coa_timeout_ms" || key == "radius_drift_max_per_run") {
        const int number = std::atoi(std::string(value).c_str());
        const int lowest = key == "radius_coa_timeout_ms" ? 50 : 1;
        if (std::to_string(number) != value || number < lowest || number > 10000) return std::string(lowest == 50 ? "angka 50-10000" : "angka 1-10000");
    }
    if (key == "map_tile_url" && !value.empty() && !inventory::valid_tile_url_template(value)) return std::string(messages::kTileUrlTemplate);
    if (key == "map_tile_attribution" && value.size() > 200) return std::string(messages::kTileAttributionLength);
    if (key.starts_with("whatsapp_")) return whatsapp::whatsapp_setting_problem(key, value);
    if (key.starts_with("smtp_")) return email_setting_problem(key, value);
    if (auto problem = outage_setting_problem(key, value)) return problem;
    if (auto problem = payments::gateway_setting_problem(key, value)) return problem;
    if (key.starts_with("attachments_")) return attachment_setting_problem(key, value);
    if (key.starts_with("ticket_")) return ticket_setting_problem(key, value);
    return std::nullopt;
}

// Each setting's own rule first (its message says what it wants), then, for a setting with a fixed
// set of values (api/setting_choices.hpp), one of them and nothing else: the settings screen
// offers only those.
std::optional<std::string> setting_value_problem(std::string_view key, std::string_view value) {
    if (auto problem = value_problem_of(key, value)) return problem;
    const auto* choices = api::find_setting_choices(key);
    if (!choices || std::find(choices->values.begin(), choices->values.end(), value) != choices->values.end()) return std::nullopt;
    std::string allowed;
    for (const auto& choice : choices->values) allowed += (allowed.empty() ? "" : ", ") + std::string(choice);
    return messages::with_detail(messages::kInvalid, allowed);
}

Result<std::string> get_setting(store::Database& db, std::string_view key) {
    const auto* definition = find_setting_definition(key);
    if (!definition) return make_error(ErrorCode::Internal, messages::with_detail(messages::kUnknownSetting, key));
    auto stored = TRY(stored_value(db, key));
    return stored ? *stored : std::string(definition->default_value);
}

Result<std::int64_t> get_setting_int(store::Database& db, std::string_view key) {
    const std::string value = TRY(get_setting(db, key));
    return std::atoll(value.c_str());
}

Result<std::string> get_secret_setting(store::Database& db, const security::SecretBox& secrets, std::string_view key) {
    auto stored = TRY(stored_value(db, key));
    if (!stored || stored->empty()) return std::string();
    return secrets.open(*stored);
}

Result<void> update_settings(app::Context& context, const std::map<std::string, std::string>& requested) {
    FieldErrors fields;
    for (const auto& [key, value] : requested)
        if (!find_setting_definition(key)) fields[key] = messages::kUnknownField;
    for (const auto& [key, value] : requested) {
        // Addresses and instructions are printed on several lines; nothing else carries a line break.
        const bool multi_line = key == "company_address" || key == "payment_instructions";
        if (has_control_characters(value, multi_line)) fields[key] = messages::kControlCharacters;
        else if (auto problem = setting_value_problem(key, value)) fields[key] = *problem;
    }
    if (!fields.empty()) return validation_error(std::move(fields));
    return context.db.transaction([&]() -> Result<void> {
        std::map<std::string, std::string> values = requested;
        TRY_VOID(follow_secret_destinations(context, values));
        api::Json before = api::Json::object(), after = api::Json::object();
        for (const auto& [key, value] : values) {
            const auto* definition = find_setting_definition(key);
            const std::string stored = definition->secret ? (value.empty() ? "" : context.secrets.seal(value)) : value;
            if (!definition->secret) before[key] = TRY(get_setting(context.db, key));
            TRY_VOID(store::save_setting_value(context.db, key, stored, definition->secret, context.now));
            after[key] = definition->secret ? api::Json("***") : api::Json(value);
        }
        return log_activity(context, "settings.update", "settings", std::nullopt, before, after);
    });
}

Result<api::Json> settings_for_api(store::Database& db) {
    api::Json out = api::Json::object();
    for (const auto& definition : setting_definitions()) {
        if (definition.secret) {
            auto stored = TRY(stored_value(db, definition.key));
            out[definition.key] = {{"set", stored && !stored->empty()}};
        } else {
            out[definition.key] = TRY(get_setting(db, definition.key));
        }
    }
    return out;
}

}  // namespace kimonet::services
