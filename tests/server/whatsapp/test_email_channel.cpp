// Email as a channel and "send this invoice" (issue 22, docs/email.md): the SMTP adapter against the
// SMTP simulator (STARTTLS, implicit TLS, AUTH PLAIN and LOGIN), the MIME it carries read back with
// a parser of this file's own, retries (4xx, dropped connection) and no retry (5xx), the send over
// HTTP for each channel with its log, and the refusals (roles, bad input, header injection, relay bounds).
#include <boost/test/unit_test.hpp>

#include "core/validation_messages.hpp"
#include "email/mailer.hpp"
#include "services/email_outbox.hpp"
#include "services/invoice_pdf_link.hpp"
#include "services/invoice_send.hpp"
#include "sim/sim_crypto.hpp"
#include "sim/smtp/smtp_simulator.hpp"
#include "support/whatsapp_fixture.hpp"

using namespace kimonet;
using kimonet::testing::WhatsAppFixture;

namespace {

// A message part: its header block (lower-cased names kept as written) and body.
struct MailPart {
    std::string headers;
    std::string body;
};

MailPart split_part(const std::string& text) {
    const auto blank = text.find("\r\n\r\n");
    if (blank == std::string::npos) return {text, ""};
    return {text.substr(0, blank + 2), text.substr(blank + 4)};
}

// A header's value (unfolded), empty when absent.
std::string header_value(const std::string& headers, const std::string& name) {
    std::size_t at = 0;
    while ((at = headers.find(name + ":", at)) != std::string::npos) {
        if (at == 0 || headers[at - 1] == '\n') break;
        ++at;
    }
    if (at == std::string::npos) return {};
    std::string value;
    std::size_t position = at + name.size() + 1;
    for (;;) {
        const auto end = headers.find("\r\n", position);
        value += headers.substr(position, end - position);
        if (end == std::string::npos || end + 2 >= headers.size() || (headers[end + 2] != ' ' && headers[end + 2] != '\t')) break;
        position = end + 2;
    }
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    return value;
}

std::string boundary_of(const std::string& content_type) {
    const auto at = content_type.find("boundary=\"");
    if (at == std::string::npos) return {};
    const auto start = at + 10;
    return content_type.substr(start, content_type.find('"', start) - start);
}

std::vector<MailPart> multipart_parts(const MailPart& part) {
    const std::string boundary = "--" + boundary_of(header_value(part.headers, "Content-Type"));
    std::vector<MailPart> parts;
    std::size_t at = part.body.find(boundary);
    while (at != std::string::npos) {
        const std::size_t start = at + boundary.size();
        if (part.body.compare(start, 2, "--") == 0) break;
        const std::size_t next = part.body.find(boundary, start);
        parts.push_back(split_part(part.body.substr(start + 2, next - start - 2)));
        at = next;
    }
    return parts;
}

std::string base64_body(const std::string& body, std::size_t& longest_line) {
    std::string joined;
    std::size_t start = 0;
    longest_line = 0;
    while (start < body.size()) {
        auto end = body.find("\r\n", start);
        if (end == std::string::npos) end = body.size();
        longest_line = std::max(longest_line, end - start);
        joined += body.substr(start, end - start);
        start = end + 2;
    }
    return sim::base64_decode(joined).value_or("<not base64>");
}

struct EmailFixture : WhatsAppFixture {
    sim::SmtpSimulator smtp;

    explicit EmailFixture(sim::SmtpSimulatorOptions options = {}) : smtp(options) {
        BOOST_TEST_REQUIRE(smtp.start().ok());
        configure_email(smtp, options.password);
    }

    void configure_email(const sim::SmtpSimulator& server, const std::string& password) {
        std::map<std::string, std::string> values = {{"smtp_url", server.url()},          {"smtp_username", server.options().username},
                                                     {"smtp_password", password},         {"smtp_from", "tagihan@kimonet.id"},
                                                     {"smtp_verify_certificate", "0"},    {"smtp_timeout_seconds", "5"}};
        with_context([&](app::Context& context) {
            auto updated = services::update_settings(context, values);
            BOOST_TEST_REQUIRE(updated.ok(), (updated ? "" : updated.error().message()));
        });
    }

    services::EmailDrainReport drain_email() {
        auto lease = server.app().database();
        BOOST_TEST_REQUIRE(lease.ok());
        auto settings = services::mailer_settings(**lease, server.app().secrets());
        BOOST_TEST_REQUIRE(settings.ok());
        auto mailer = email::make_smtp_mailer(*settings);
        auto limits = services::email_limits(**lease);
        BOOST_TEST_REQUIRE(limits.ok());
        // The ISP's zone, as the email worker reads it (jobs/email_runner.cpp).
        auto report = services::drain_email_outbox(**lease, server.clock(), server.app().offset(**lease), *mailer, *settings, *limits,
                                                   server.app().config().public_base_url);
        BOOST_TEST_REQUIRE(report.ok(), (report ? "" : report.error().message()));
        return *report;
    }

    // A manual invoice for CUST001 (one line of Rp 150.000); its id.
    std::int64_t invoice(const std::string& token) {
        const std::string customer = server.scalar("SELECT id FROM customers WHERE service_number = 'CUST001'");
        auto created = server.post("/api/invoices",
                                   R"({"customer_id":)" + customer + R"(,"lines":[{"description":"Internet Januari","quantity":1,"unit_price":150000}]})",
                                   token);
        BOOST_TEST_REQUIRE(created.status == 201, created.body);
        return created.json()["data"]["id"].get<std::int64_t>();
    }

    kimonet::testing::HttpReply send(std::int64_t invoice_id, const api::Json& body, const std::string& token) {
        return server.post("/api/invoices/" + std::to_string(invoice_id) + "/send", body.dump(), token);
    }

    void queue_plain(const std::string& key, const std::string& to) {
        with_context([&](app::Context& context) {
            services::EmailRequest request;
            request.key = key;
            request.to = to;
            request.subject = "Kwitansi pembayaran";
            request.text = "Terima kasih.";
            auto queued = services::queue_email(context, request);
            BOOST_TEST_REQUIRE(queued.ok(), (queued ? "" : queued.error().message()));
        });
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(email_channel)

BOOST_AUTO_TEST_CASE(an_isp_in_makassar_dates_its_emails_in_wita) {
    EmailFixture fixture;
    fixture.with_context([&](app::Context& context) {
        auto updated = services::update_settings(context, {{"timezone", "WITA"}});
        BOOST_TEST_REQUIRE(updated.ok(), (updated ? "" : updated.error().message()));
    });
    const std::string token = fixture.server.login("finance");
    const std::int64_t invoice = fixture.invoice(token);
    auto sent = fixture.send(invoice, {{"channel", "email"}, {"to", "budi@example.co.id"}, {"idempotency_key", "send-email-wita"}}, token);
    BOOST_TEST_REQUIRE(sent.status == 201, sent.body);
    BOOST_TEST(fixture.drain_email().sent == 1);
    const auto messages = fixture.smtp.messages();
    BOOST_TEST_REQUIRE(messages.size() == 1u);
    // 2026-01-15 09:00 WIB on the ManualClock is 10:00 in Makassar.
    BOOST_TEST(header_value(split_part(messages[0].data).headers, "Date") == "Thu, 15 Jan 2026 10:00:00 +0800");
}

BOOST_AUTO_TEST_CASE(invoice_sent_by_email_over_starttls_carries_its_pdf_and_is_logged) {
    EmailFixture fixture;
    const std::string token = fixture.server.login("finance");
    const std::int64_t invoice = fixture.invoice(token);
    auto sent = fixture.send(invoice, {{"channel", "email"}, {"to", "Budi@Example.CO.ID"}, {"idempotency_key", "send-email-0001"}}, token);
    BOOST_TEST_REQUIRE(sent.status == 201, sent.body);
    BOOST_TEST(sent.json()["data"]["outcome"] == "queued");
    BOOST_TEST(sent.json()["data"]["to"] == "Budi@example.co.id");
    BOOST_TEST(sent.json()["data"]["sent_as"] == "pdf_attachment");
    // The same key again: the same send, nothing new queued.
    auto replay = fixture.send(invoice, {{"channel", "email"}, {"to", "Budi@Example.CO.ID"}, {"idempotency_key", "send-email-0001"}}, token);
    BOOST_TEST_REQUIRE(replay.status == 201, replay.body);
    BOOST_TEST(replay.json()["data"]["replayed"] == true);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM email_outbox") == 1);

    const auto report = fixture.drain_email();
    BOOST_TEST(report.sent == 1);
    const auto messages = fixture.smtp.messages();
    BOOST_TEST_REQUIRE(messages.size() == 1u);
    const auto& received = messages[0];
    BOOST_TEST(received.tls, "STARTTLS before AUTH and MAIL");
    BOOST_TEST(received.authenticated == "kimonet");
    BOOST_TEST(received.mail_from == "tagihan@kimonet.id");
    BOOST_TEST(received.recipients == std::vector<std::string>{"Budi@example.co.id"});
    const auto commands = fixture.smtp.commands();
    BOOST_TEST(std::count(commands.begin(), commands.end(), "STARTTLS") == 1);

    const MailPart message = split_part(received.data);
    // 2026-01-15 09:00 WIB on the ManualClock.
    BOOST_TEST(header_value(message.headers, "Date") == "Thu, 15 Jan 2026 09:00:00 +0700");
    const std::string subject = header_value(message.headers, "Subject");
    BOOST_TEST(subject.starts_with("=?UTF-8?B?"), subject);
    BOOST_TEST(header_value(message.headers, "From") == "\"Kimonet Net\" <tagihan@kimonet.id>");
    const std::string message_id = header_value(message.headers, "Message-ID");
    BOOST_TEST((message_id.starts_with("<") && message_id.ends_with("@kimonet.id>")), message_id);
    BOOST_TEST(header_value(message.headers, "Content-Type").starts_with("multipart/mixed;"));

    const auto parts = multipart_parts(message);
    BOOST_TEST_REQUIRE(parts.size() == 2u);
    const auto alternatives = multipart_parts(parts[0]);
    BOOST_TEST_REQUIRE(alternatives.size() == 2u);
    const std::string invoice_no = fixture.server.scalar("SELECT invoice_no FROM invoices WHERE id = " + std::to_string(invoice));
    std::size_t longest = 0;
    BOOST_TEST(header_value(alternatives[0].headers, "Content-Type") == "text/plain; charset=UTF-8");
    const std::string text = base64_body(alternatives[0].body, longest);
    BOOST_TEST(text.find(invoice_no) != std::string::npos, text);
    BOOST_TEST(text.find("Rp 150.000") != std::string::npos, text);
    BOOST_TEST(text.find("/billing/CUST001") != std::string::npos, text);
    BOOST_TEST(header_value(alternatives[1].headers, "Content-Type") == "text/html; charset=UTF-8");
    BOOST_TEST(base64_body(alternatives[1].body, longest).find("<b>" + invoice_no + "</b>") != std::string::npos);

    BOOST_TEST(header_value(parts[1].headers, "Content-Type") == "application/pdf; name=\"" + invoice_no + ".pdf\"");
    BOOST_TEST(header_value(parts[1].headers, "Content-Disposition") == "attachment; filename=\"" + invoice_no + ".pdf\"");
    const std::string pdf = base64_body(parts[1].body, longest);
    BOOST_TEST(longest <= 76u);
    BOOST_TEST(pdf.starts_with("%PDF-"));
    BOOST_TEST(pdf == fixture.server.get("/api/invoices/" + std::to_string(invoice) + "/pdf", token).body, "the invoice's own PDF");

    auto log = fixture.server.get("/api/invoices/" + std::to_string(invoice) + "/sends", token);
    BOOST_TEST_REQUIRE(log.status == 200, log.body);
    BOOST_TEST_REQUIRE(log.json()["data"].size() == 1u);
    const api::Json row = log.json()["data"][0];
    BOOST_TEST(row["outcome"] == "sent");
    BOOST_TEST(row["by"] == "finance");
    BOOST_TEST(row["channel"] == "email");
    BOOST_TEST(row["at"] == fixture.server.clock().now());
}

BOOST_AUTO_TEST_CASE(implicit_tls_with_auth_login_and_a_wrong_password_is_retried) {
    EmailFixture fixture(sim::SmtpSimulatorOptions{.implicit_tls = true, .mechanisms = "LOGIN"});
    BOOST_TEST(fixture.smtp.url().starts_with("smtps://"));
    fixture.queue_plain("receipt-login-1", "ani@example.id");
    BOOST_TEST(fixture.drain_email().sent == 1);
    BOOST_TEST_REQUIRE(fixture.smtp.messages().size() == 1u);
    BOOST_TEST(fixture.smtp.messages()[0].mechanism == "LOGIN");
    BOOST_TEST(fixture.smtp.messages()[0].tls);
    // Plain-ASCII subjects stay readable.
    BOOST_TEST(header_value(split_part(fixture.smtp.messages()[0].data).headers, "Subject") == "Kwitansi pembayaran");

    fixture.configure_email(fixture.smtp, "wrong-password");
    fixture.queue_plain("receipt-login-2", "ani@example.id");
    const auto report = fixture.drain_email();
    BOOST_TEST(report.retried == 1);
    BOOST_TEST(fixture.server.scalar("SELECT status FROM email_outbox WHERE idempotency_key = 'receipt-login-2'") == "queued");
    BOOST_TEST(fixture.smtp.messages().size() == 1u);
}

BOOST_AUTO_TEST_CASE(temporary_failures_are_retried_and_permanent_ones_are_not) {
    EmailFixture fixture;
    fixture.smtp.fail_next(sim::SmtpFault::TemporaryAtData);
    fixture.queue_plain("receipt-451", "ani@example.id");
    auto report = fixture.drain_email();
    BOOST_TEST(report.retried == 1);
    BOOST_TEST(fixture.server.scalar("SELECT status || ':' || attempts FROM email_outbox") == "queued:1");
    BOOST_TEST(fixture.server.scalar("SELECT last_error FROM email_outbox").find("451") != std::string::npos);
    BOOST_TEST(fixture.drain_email().sent == 0, "not due before its backoff");
    fixture.server.clock().advance(60);
    BOOST_TEST(fixture.drain_email().sent == 1);
    BOOST_TEST(fixture.smtp.messages().size() == 1u);

    fixture.smtp.fail_next(sim::SmtpFault::PermanentAtRcpt);
    fixture.queue_plain("receipt-550", "nobody@example.id");
    report = fixture.drain_email();
    BOOST_TEST(report.failed == 1);
    fixture.server.clock().advance(7200);
    BOOST_TEST(fixture.drain_email().sent == 0);
    BOOST_TEST(fixture.server.scalar("SELECT status || ':' || attempts FROM email_outbox WHERE idempotency_key = 'receipt-550'") == "failed:1");

    fixture.smtp.fail_next(sim::SmtpFault::DropAtData);
    fixture.queue_plain("receipt-drop", "budi@example.id");
    BOOST_TEST(fixture.drain_email().retried == 1);
    fixture.server.clock().advance(60);
    BOOST_TEST(fixture.drain_email().sent == 1);
    BOOST_TEST(fixture.smtp.messages().size() == 2u);
    BOOST_TEST(fixture.smtp.messages()[1].recipients[0] == "budi@example.id");
}

BOOST_AUTO_TEST_CASE(invoice_sent_by_whatsapp_goes_as_its_pay_link_and_is_logged) {
    EmailFixture fixture;
    const std::string token = fixture.server.login("admin");
    const std::int64_t invoice = fixture.invoice(token);
    auto sent = fixture.send(invoice, {{"channel", "whatsapp"}, {"to", "0812-9999-0001"}, {"idempotency_key", "send-wa-00001"}}, token);
    BOOST_TEST_REQUIRE(sent.status == 201, sent.body);
    // Fonnte takes documents only by a link it fetches, and without public_base_url nothing says where
    // it could reach this server: the pay link goes instead.
    BOOST_TEST(sent.json()["data"]["sent_as"] == "pay_link");
    BOOST_TEST(sent.json()["data"]["to"] == "6281299990001");
    fixture.drain();
    BOOST_TEST_REQUIRE(fixture.simulator.messages().size() == 1u);
    BOOST_TEST(fixture.simulator.messages()[0].to == "6281299990001");
    BOOST_TEST(fixture.simulator.messages()[0].message.find("/billing/CUST001") != std::string::npos);
    auto log = fixture.server.get("/api/invoices/" + std::to_string(invoice) + "/sends", token);
    BOOST_TEST(log.json()["data"][0]["outcome"] == "sent");
    BOOST_TEST(log.json()["data"][0]["channel"] == "whatsapp");
}

BOOST_AUTO_TEST_CASE(invoice_sent_by_whatsapp_through_a_gateway_that_takes_uploads_goes_as_its_pdf) {
    EmailFixture fixture;
    fixture.configure("waha");
    const std::string token = fixture.server.login("admin");
    const std::int64_t invoice = fixture.invoice(token);
    const auto pdf = fixture.server.get("/api/invoices/" + std::to_string(invoice) + "/pdf", token);
    BOOST_TEST_REQUIRE(pdf.status == 200);
    auto sent = fixture.send(invoice, {{"channel", "whatsapp"}, {"to", "0812-9999-0002"}, {"idempotency_key", "send-wa-doc-1"}}, token);
    BOOST_TEST_REQUIRE(sent.status == 201, sent.body);
    BOOST_TEST(sent.json()["data"]["sent_as"] == "document");
    BOOST_TEST(sent.json()["data"]["outcome"] == "sent");
    const auto messages = fixture.simulator.messages();
    BOOST_TEST_REQUIRE(messages.size() == 1u, "the PDF went at once, nothing through the outbox");
    BOOST_TEST(messages[0].driver == "waha");
    BOOST_TEST(messages[0].type == "document");
    BOOST_TEST(messages[0].to == "6281299990002");
    BOOST_TEST(messages[0].document == "data:" + std::to_string(pdf.body.size()), "the uploaded file is the invoice's own PDF");
    BOOST_TEST(messages[0].filename.ends_with(".pdf"));

    // The gateway down: the customer still gets the pay link, through the outbox.
    fixture.simulator.set_mode(sim::SimMode::Error500, 1);
    auto fallback = fixture.send(invoice, {{"channel", "whatsapp"}, {"to", "0812-9999-0002"}, {"idempotency_key", "send-wa-doc-2"}}, token);
    BOOST_TEST_REQUIRE(fallback.status == 201, fallback.body);
    BOOST_TEST(fallback.json()["data"]["sent_as"] == "pay_link");
    fixture.drain();
    const auto after = fixture.simulator.messages();
    BOOST_TEST_REQUIRE(after.size() == 2u);
    BOOST_TEST(after[1].type == "text");
    BOOST_TEST(after[1].message.find("/billing/CUST001") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(invoice_sent_through_a_gateway_that_fetches_links_goes_as_its_signed_pdf_link) {
    EmailFixture fixture;
    const std::string token = fixture.server.login("admin");
    const std::int64_t invoice = fixture.invoice(token);
    // Where the internet reaches this server: the provider fetches the document from there.
    fixture.with_context([&](app::Context& context) {
        BOOST_TEST_REQUIRE(services::update_settings(context, {{"public_base_url", fixture.server.url("")}}).ok());
    });
    const auto staff_pdf = fixture.server.get("/api/invoices/" + std::to_string(invoice) + "/pdf", token);
    BOOST_TEST_REQUIRE(staff_pdf.status == 200);
    auto sent = fixture.send(invoice, {{"channel", "whatsapp"}, {"to", "0812-9999-0003"}, {"idempotency_key", "send-wa-link-1"}}, token);
    BOOST_TEST_REQUIRE(sent.status == 201, sent.body);
    BOOST_TEST(sent.json()["data"]["sent_as"] == "document");
    BOOST_TEST(sent.json()["data"]["outcome"] == "sent");
    const auto messages = fixture.simulator.messages();
    BOOST_TEST_REQUIRE(messages.size() == 1u, "the document went at once, nothing through the outbox");
    BOOST_TEST(messages[0].driver == "fonnte");
    BOOST_TEST(messages[0].type == "document");
    const std::string link = messages[0].document;
    BOOST_TEST_REQUIRE(link.starts_with(fixture.server.url("/billing/invoice/" + std::to_string(invoice) + "-")), link);
    BOOST_TEST(link.ends_with(".pdf"));

    // The provider fetches it with no login, and gets the invoice's own PDF.
    const auto fetched = fixture.server.get(link.substr(fixture.server.url("").size()));
    BOOST_TEST_REQUIRE(fetched.status == 200, fetched.body.substr(0, 200));
    BOOST_TEST(fetched.headers.at("content-type") == "application/pdf");
    BOOST_TEST(fetched.body == staff_pdf.body);

    // A week later the link has expired; the staff can send a fresh one.
    fixture.server.clock().advance(services::kInvoiceLinkSeconds);
    BOOST_TEST(fixture.server.get(link.substr(fixture.server.url("").size())).status == 404);
}

BOOST_AUTO_TEST_CASE(refusals_bad_input_and_relay_bounds_change_nothing) {
    EmailFixture fixture;
    const std::string admin = fixture.server.login("admin");
    const std::int64_t invoice = fixture.invoice(admin);
    const std::string technician = fixture.server.login("technician");
    const std::string customer = fixture.server.login("CUST001");
    const api::Json good = {{"channel", "email"}, {"to", "budi@example.id"}, {"idempotency_key", "send-refused-1"}};
    const std::string before = fixture.server.snapshot();
    BOOST_TEST(fixture.send(invoice, good, technician).status == 403);
    BOOST_TEST(fixture.send(invoice, good, customer).status == 403, "the staff route");
    BOOST_TEST(fixture.send(invoice, good, "").status == 401);
    const std::vector<std::pair<api::Json, std::string>> bad = {
        {{{"channel", "email"}, {"to", "budi@example.id\r\nBcc: all@example.id"}, {"idempotency_key", "send-bad-0001"}}, "to"},
        {{{"channel", "email"}, {"to", "budi@example.id, ani@example.id"}, {"idempotency_key", "send-bad-0002"}}, "to"},
        {{{"channel", "email"}, {"to", "not an address"}, {"idempotency_key", "send-bad-0003"}}, "to"},
        {{{"channel", "whatsapp"}, {"to", "halo"}, {"idempotency_key", "send-bad-0004"}}, "to"},
        {{{"channel", "fax"}, {"idempotency_key", "send-bad-0005"}}, "channel"},
        {{{"channel", "email"}, {"to", "budi@example.id"}}, "idempotency_key"},
    };
    for (const auto& [body, field] : bad) {
        auto refused = fixture.send(invoice, body, admin);
        BOOST_TEST(refused.status == 422, body.dump());
        BOOST_TEST(refused.json()["error"]["fields"].contains(field), refused.body);
    }
    auto injected = fixture.send(invoice, bad[0].first, admin);
    // The JSON reader refuses control characters in any text field before the service sees it.
    BOOST_TEST(injected.json()["error"]["fields"]["to"] == kimonet::messages::kControlCharacters);
    auto bad_setting = fixture.server.put("/api/settings", R"({"smtp_url":"http://mail.example.id","smtp_from_name":"A\r\nBcc: x@y.id"})", admin);
    BOOST_TEST(bad_setting.status == 422, bad_setting.body);
    BOOST_TEST(bad_setting.json()["error"]["fields"].contains("smtp_url"));
    BOOST_TEST(fixture.server.snapshot() == before);

    // The portal: one's own invoice to one's own number only.
    auto portal_other = fixture.server.post("/api/portal/invoices/" + std::to_string(invoice) + "/send",
                                            R"({"channel":"whatsapp","to":"081299990002","idempotency_key":"portal-send-1"})", customer);
    BOOST_TEST(portal_other.status == 403, portal_other.body);
    auto portal_own = fixture.server.post("/api/portal/invoices/" + std::to_string(invoice) + "/send",
                                          R"({"channel":"whatsapp","idempotency_key":"portal-send-2"})", customer);
    BOOST_TEST(portal_own.status == 201, portal_own.body);

    // The per-invoice bound: five sends an hour (the portal's one counts), then 429.
    for (int index = 0; index < 4; ++index)
        BOOST_TEST(fixture.send(invoice, {{"channel", "email"}, {"to", "budi@example.id"}, {"idempotency_key", "bound-" + std::to_string(index) + "-xx"}}, admin).status == 201);
    auto limited = fixture.send(invoice, {{"channel", "email"}, {"to", "budi@example.id"}, {"idempotency_key", "bound-9-xxxx"}}, admin);
    BOOST_TEST(limited.status == 429, limited.body);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM invoice_sends") == 5);
    // The password is sealed at rest and never shown.
    BOOST_TEST(fixture.server.scalar("SELECT value FROM settings WHERE key = 'smtp_password'") != "sim-smtp-secret");
    BOOST_TEST(fixture.server.get("/api/settings", admin).body.find("sim-smtp-secret") == std::string::npos);
}

// A customer may send an invoice only to their own number, but they can change that number in
// their profile: changing it before every send would make the ISP's WhatsApp a relay to anyone.
// The portal's sends count towards the distinct recipients a day like typed-in ones.
BOOST_AUTO_TEST_CASE(a_customer_changing_their_number_before_each_send_is_held_at_the_recipients_bound) {
    EmailFixture fixture;
    const std::int64_t invoice = fixture.invoice(fixture.server.login("admin"));
    const std::string customer = fixture.server.login("CUST001");
    int sent = 0, refused = 0;
    for (int i = 0; i <= services::kTypedRecipientsPerDay; ++i) {
        if (i > 0 && i % 4 == 0) fixture.server.clock().advance(3601);  // under the per-invoice bound of an hour
        char phone[16];
        std::snprintf(phone, sizeof phone, "08129999%04d", 1000 + i);
        BOOST_TEST_REQUIRE(fixture.server.put("/api/portal/profile", api::Json{{"phone", phone}}.dump(), customer).status == 200);
        auto reply = fixture.server.post("/api/portal/invoices/" + std::to_string(invoice) + "/send",
                                         api::Json{{"channel", "whatsapp"}, {"idempotency_key", "relay-" + std::to_string(i) + "-x"}}.dump(), customer);
        if (reply.status == 201) ++sent;
        else if (reply.status == 429) ++refused;
    }
    BOOST_TEST(sent == services::kTypedRecipientsPerDay);
    BOOST_TEST(refused == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM invoice_sends") == services::kTypedRecipientsPerDay);
}

BOOST_AUTO_TEST_CASE(a_customer_who_prefers_email_gets_the_receipt_by_email_and_no_whatsapp) {
    EmailFixture fixture;
    const std::string admin = fixture.server.login("admin");
    const std::string customer = fixture.server.scalar("SELECT id FROM customers WHERE service_number = 'CUST001'");
    BOOST_TEST_REQUIRE(fixture.server.put("/api/customers/" + customer, R"({"email":"budi@example.id"})", admin).status == 200);
    const std::string path = "/api/customers/" + customer + "/channel";
    auto refused = fixture.server.put(path, R"({"channel_preference":"fax"})", admin);
    BOOST_TEST(refused.status == 422, refused.body);
    BOOST_TEST(refused.json()["error"]["fields"].contains("channel_preference"));
    BOOST_TEST(fixture.server.put(path, R"({"channel_preference":"email"})", fixture.server.login("finance")).status == 403);
    auto chosen = fixture.server.put(path, R"({"channel_preference":"email"})", admin);
    BOOST_TEST_REQUIRE(chosen.status == 200, chosen.body);
    BOOST_TEST(chosen.json()["data"]["effective"]["email"] == true);
    BOOST_TEST(chosen.json()["data"]["effective"]["whatsapp"] == false);

    const std::int64_t invoice = fixture.invoice(admin);
    const std::int64_t whatsapp_before = fixture.count("SELECT COUNT(*) FROM notifications WHERE customer_id = " + customer);
    auto paid = fixture.server.post("/api/payments", api::Json{{"invoice_id", invoice}, {"amount", 150000}, {"method", "cash"}}.dump(), admin);
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE customer_id = " + customer) == whatsapp_before, "no WhatsApp receipt");
    BOOST_TEST(fixture.drain_email().sent == 1);
    BOOST_TEST_REQUIRE(fixture.smtp.messages().size() == 1u);
    const auto received = fixture.smtp.messages()[0];
    BOOST_TEST(received.recipients == std::vector<std::string>{"budi@example.id"});
    const std::string subject = header_value(split_part(received.data).headers, "Subject");
    const std::string encoded = subject.substr(10, subject.find("?=") - 10);
    BOOST_TEST(sim::base64_decode(encoded).value_or("").starts_with("Kwitansi pembayaran INV"), subject);
}

BOOST_AUTO_TEST_SUITE_END()
