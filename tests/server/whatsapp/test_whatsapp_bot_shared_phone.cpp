// One WhatsApp number, several subscriptions: a landlord with a kos, a family with two houses, a
// shop. Before, the bot answered for one of them ("the active one, then the newest"): TAGIHAN
// showed one room's bill and BAYAR one room's link, so the others stayed unpaid and were isolated
// although the person paid what the bot showed. Here the customer writes to the real webhook
// through the gateway simulator and reads what comes back.
#include <boost/test/unit_test.hpp>

#include "core/money.hpp"
#include "core/text.hpp"
#include "services/notification_service.hpp"
#include "support/whatsapp_fixture.hpp"

using namespace kimonet;
using kimonet::testing::WhatsAppFixture;

namespace {

std::string converse(WhatsAppFixture& fixture, const std::string& phone, const std::string& text, const std::string& id = {}) {
    return fixture.converse("fonnte", phone, text, id);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
    return count;
}

void execute(WhatsAppFixture& fixture, const std::string& sql) {
    fixture.with_context([&](app::Context& context) {
        auto done = context.db.execute(sql);
        BOOST_TEST_REQUIRE(done.ok(), (done ? "" : done.error().message()) << " in " << sql);
    });
}

// Gives every listed subscription CUST001's number and voids the invoices the seed made for them,
// so the bot reads only the invoices each test adds. Returns the shared number.
std::string share_number(WhatsAppFixture& fixture, const std::vector<std::string>& service_numbers) {
    const std::string phone = fixture.phone_of("CUST001");
    std::string list;
    for (const auto& number : service_numbers) list += (list.empty() ? "'" : ", '") + number + "'";
    execute(fixture, "UPDATE customers SET phone = '" + phone + "' WHERE service_number IN (" + list + ")");
    execute(fixture, "UPDATE invoices SET status = 'void' WHERE customer_id IN (SELECT id FROM customers WHERE phone = '" + phone + "')");
    return phone;
}

// A monthly invoice of `service_number`: unpaid, partly paid or paid as `paid` says.
void add_invoice(WhatsAppFixture& fixture, const std::string& service_number, const std::string& invoice_no, const std::string& period,
                 std::int64_t total, std::int64_t paid = 0) {
    static int sequence = 9100;
    const std::string status = paid == 0 ? "unpaid" : paid < total ? "partial" : "paid";
    execute(fixture,
            "INSERT INTO invoices(invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, paid_amount, "
            "status, created_at) SELECT '" + invoice_no + "', id, '" + period + "', 'monthly', " + std::to_string(++sequence) + ", '" +
                period + "-01', '" + period + "-10', " + std::to_string(total) + ", 0, " + std::to_string(total) + ", " +
                std::to_string(paid) + ", '" + status + "', 0 FROM customers WHERE service_number = '" + service_number + "'");
}

std::string name_of(WhatsAppFixture& fixture, const std::string& service_number) {
    return fixture.server.scalar("SELECT name FROM customers WHERE service_number = '" + service_number + "'");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(whatsapp_bot_shared_phone)

BOOST_AUTO_TEST_CASE(tagihan_from_a_number_two_subscriptions_share_lists_both_with_the_grand_total) {
    WhatsAppFixture fixture;
    const std::string phone = share_number(fixture, {"CUST001", "CUST002"});
    add_invoice(fixture, "CUST001", "INV-KOS-A1", "2025-12", 100000);
    add_invoice(fixture, "CUST002", "INV-KOS-B1", "2025-12", 200000);
    add_invoice(fixture, "CUST002", "INV-KOS-B2", "2026-01", 200000, 150000);

    const std::string reply = converse(fixture, phone, "TAGIHAN", "shared-1");
    // Grouped by nomor layanan and name, in registration order, each with its own pay link.
    const auto first = reply.find("CUST001"), second = reply.find("CUST002");
    BOOST_TEST_REQUIRE(first != std::string::npos, reply);
    BOOST_TEST_REQUIRE(second != std::string::npos, reply);
    BOOST_TEST(first < second, reply);
    BOOST_TEST(contains(reply, name_of(fixture, "CUST001")), reply);
    BOOST_TEST(contains(reply, name_of(fixture, "CUST002")), reply);
    BOOST_TEST(contains(reply, "INV-KOS-A1 (Desember 2025): Rp 100.000"), reply);
    BOOST_TEST(contains(reply, "INV-KOS-B1 (Desember 2025): Rp 200.000"), reply);
    BOOST_TEST(contains(reply, "INV-KOS-B2 (Januari 2026): Rp 50.000"), reply);
    BOOST_TEST(reply.find("INV-KOS-A1") < second, reply);
    BOOST_TEST(reply.find("INV-KOS-B1") > second, reply);
    BOOST_TEST(contains(reply, "/billing/CUST001"), reply);
    BOOST_TEST(contains(reply, "/billing/CUST002"), reply);
    BOOST_TEST(contains(reply, "*Rp 350.000*"), reply);
}

BOOST_AUTO_TEST_CASE(three_subscriptions_tagihan_and_bayar_cover_each_one_that_owes) {
    WhatsAppFixture fixture;
    const std::string phone = share_number(fixture, {"CUST001", "CUST002", "CUST003"});
    add_invoice(fixture, "CUST001", "INV-TIGA-A1", "2025-12", 111000);
    add_invoice(fixture, "CUST002", "INV-TIGA-B1", "2025-12", 222000);
    add_invoice(fixture, "CUST003", "INV-TIGA-C1", "2025-12", 333000, 333000);  // paid: nothing to pay for CUST003

    const std::string invoices = converse(fixture, phone, "cek tagihan", "tiga-1");
    BOOST_TEST(contains(invoices, "INV-TIGA-A1"), invoices);
    BOOST_TEST(contains(invoices, "INV-TIGA-B1"), invoices);
    BOOST_TEST(!contains(invoices, "INV-TIGA-C1"), invoices);
    BOOST_TEST(contains(invoices, "Tidak ada tagihan: CUST003"), invoices);  // the landlord sees the third room is paid up
    BOOST_TEST(contains(invoices, "*Rp 333.000*"), invoices);  // 111.000 + 222.000

    const std::string links = converse(fixture, phone, "bayar", "tiga-2");
    BOOST_TEST(occurrences(links, "/billing/CUST001") == 1u, links);
    BOOST_TEST(occurrences(links, "/billing/CUST002") == 1u, links);
    BOOST_TEST(!contains(links, "/billing/CUST003"), links);
    BOOST_TEST(contains(links, "Rp 111.000"), links);
    BOOST_TEST(contains(links, "Rp 222.000"), links);
    BOOST_TEST(contains(links, "*Rp 333.000*"), links);

    const std::string status = converse(fixture, phone, "status", "tiga-3");
    BOOST_TEST(contains(status, "CUST001"), status);
    BOOST_TEST(contains(status, "CUST002"), status);
    BOOST_TEST(contains(status, "CUST003"), status);
}

BOOST_AUTO_TEST_CASE(a_terminated_subscription_on_the_number_does_not_answer) {
    WhatsAppFixture fixture;
    const std::string phone = share_number(fixture, {"CUST001", "CUST002", "CUST003"});
    add_invoice(fixture, "CUST001", "INV-PUTUS-A1", "2025-12", 100000);
    add_invoice(fixture, "CUST002", "INV-PUTUS-B1", "2025-12", 200000);
    add_invoice(fixture, "CUST003", "INV-PUTUS-C1", "2025-12", 300000);
    execute(fixture, "UPDATE customers SET status = 'terminated' WHERE service_number = 'CUST003'");

    const std::string reply = converse(fixture, phone, "tagihan", "putus-1");
    BOOST_TEST(contains(reply, "INV-PUTUS-A1"), reply);
    BOOST_TEST(contains(reply, "INV-PUTUS-B1"), reply);
    BOOST_TEST(!contains(reply, "INV-PUTUS-C1"), reply);
    BOOST_TEST(!contains(reply, "CUST003"), reply);
    BOOST_TEST(contains(reply, "*Rp 300.000*"), reply);
    const std::string links = converse(fixture, phone, "bayar", "putus-2");
    BOOST_TEST(!contains(links, "CUST003"), links);
    // Named, it is still not answered for: the same reply as without the name.
    const std::string named = converse(fixture, phone, "tagihan CUST003", "putus-3");
    BOOST_TEST(named == reply);

    // A number whose every subscription is terminated is nobody's any more: the registration hint.
    execute(fixture, "UPDATE customers SET status = 'terminated' WHERE phone = '" + phone + "'");
    const std::string gone = converse(fixture, phone, "tagihan", "putus-4");
    BOOST_TEST(contains(gone, "belum terdaftar"), gone);
    BOOST_TEST(!contains(gone, "INV-PUTUS"), gone);
}

BOOST_AUTO_TEST_CASE(tagihan_with_a_service_number_of_this_number_answers_for_that_one_only) {
    WhatsAppFixture fixture;
    const std::string phone = share_number(fixture, {"CUST001", "CUST002", "CUST003"});
    add_invoice(fixture, "CUST001", "INV-SATU-A1", "2025-12", 100000);
    add_invoice(fixture, "CUST002", "INV-SATU-B1", "2025-12", 200000);
    add_invoice(fixture, "CUST002", "INV-SATU-B2", "2026-01", 50000);
    add_invoice(fixture, "CUST003", "INV-SATU-C1", "2025-12", 300000);

    const std::string reply = converse(fixture, phone, "TAGIHAN cust002", "satu-1");
    BOOST_TEST(contains(reply, "INV-SATU-B1"), reply);
    BOOST_TEST(contains(reply, "INV-SATU-B2"), reply);
    BOOST_TEST(!contains(reply, "INV-SATU-A1"), reply);
    BOOST_TEST(!contains(reply, "INV-SATU-C1"), reply);
    BOOST_TEST(contains(reply, "Total: *Rp 250.000*"), reply);
    BOOST_TEST(contains(reply, "/billing/CUST002"), reply);
    BOOST_TEST(!contains(reply, "/billing/CUST001"), reply);
    BOOST_TEST(contains(reply, name_of(fixture, "CUST002")), reply);

    const std::string link = converse(fixture, phone, "bayar CUST003", "satu-2");
    BOOST_TEST(contains(link, "/billing/CUST003"), link);
    BOOST_TEST(!contains(link, "/billing/CUST001"), link);
    BOOST_TEST(!contains(link, "/billing/CUST002"), link);
    BOOST_TEST(fixture.server.scalar("SELECT customer_id FROM whatsapp_conversations WHERE gateway_message_id = 'satu-2'") ==
               fixture.server.scalar("SELECT id FROM customers WHERE service_number = 'CUST003'"));
}

// A number with fifty subscriptions: the reply stays a WhatsApp message (the outbox refuses more
// than 4096 characters), names how many more there are and what they owe, and points further.
BOOST_AUTO_TEST_CASE(fifty_subscriptions_on_one_number_get_a_bounded_reply_with_the_whole_total) {
    WhatsAppFixture fixture;
    const std::string phone = fixture.phone_of("CUST001");
    execute(fixture, "UPDATE customers SET phone = '" + phone + "', status = CASE WHEN status = 'terminated' THEN 'active' ELSE status END");
    execute(fixture, "UPDATE invoices SET status = 'void'");
    const auto numbers = fixture.server.column_values("SELECT service_number FROM customers ORDER BY id");
    BOOST_TEST_REQUIRE(numbers.size() == 50u);
    for (std::size_t i = 0; i < numbers.size(); ++i) {
        add_invoice(fixture, numbers[i], "INV-BANYAK-" + std::to_string(i) + "-1", "2025-11", 150000 + static_cast<std::int64_t>(i));
        add_invoice(fixture, numbers[i], "INV-BANYAK-" + std::to_string(i) + "-2", "2025-12", 160000);
    }
    const std::int64_t whole = 50 * (150000 + 160000) + 49 * 50 / 2;

    const std::string reply = converse(fixture, phone, "tagihan", "banyak-1");
    BOOST_TEST_REQUIRE(!reply.empty());
    BOOST_TEST(utf8_length(reply) <= 4096u, utf8_length(reply));
    BOOST_TEST(contains(reply, "*" + format_rupiah(whole) + "*"), reply);
    BOOST_TEST(contains(reply, numbers.front()), reply);
    BOOST_TEST(!contains(reply, "/billing/" + numbers.back()), reply);
    const std::size_t shown = occurrences(reply, "/billing/");
    BOOST_TEST(shown >= 1u);
    BOOST_TEST(shown <= 10u, reply);
    BOOST_TEST(contains(reply, std::to_string(50 - shown) + " layanan lain"), reply);
    BOOST_TEST(contains(reply, "TAGIHAN <nomor layanan>"), reply);

    const std::string links = converse(fixture, phone, "bayar", "banyak-2");
    BOOST_TEST(utf8_length(links) <= 4096u, utf8_length(links));
    BOOST_TEST(contains(links, "layanan lain"), links);
    BOOST_TEST(contains(links, "*" + format_rupiah(whole) + "*"), links);

    BOOST_TEST(!converse(fixture, phone, "status", "banyak-3").empty());
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE phone = '" + phone + "' AND status = 'sent'") == 3);
}

// The menu is where a customer learns the words: a number with several subscriptions is told which
// they are and how to ask about one; every menu names JANJI BAYAR and STOP, which the bot answers.
BOOST_AUTO_TEST_CASE(the_menu_of_a_shared_number_says_how_to_ask_about_one_subscription) {
    WhatsAppFixture fixture;
    const std::string phone = share_number(fixture, {"CUST001", "CUST002"});
    const std::string menu = converse(fixture, phone, "MENU", "menu-shared");
    BOOST_TEST(contains(menu, "*TAGIHAN CUST002*"), menu);
    BOOST_TEST(contains(menu, "• *CUST001*"), menu);
    BOOST_TEST(contains(menu, "• *CUST002*"), menu);
    BOOST_TEST(contains(menu, "*JANJI BAYAR*"), menu);
    BOOST_TEST(contains(menu, "*STOP*"), menu);

    // One subscription on the number: no list of subscriptions, the same words.
    const std::string alone = converse(fixture, fixture.phone_of("CUST003"), "menu", "menu-alone");
    BOOST_TEST(!contains(alone, "CUST003*"), alone);
    BOOST_TEST(!contains(alone, "beberapa layanan"), alone);
    BOOST_TEST(contains(alone, "*JANJI BAYAR*"), alone);
    BOOST_TEST(contains(alone, "*STOP*"), alone);
}

BOOST_AUTO_TEST_CASE(berhenti_from_a_shared_number_silences_every_subscription_on_it) {
    WhatsAppFixture fixture;
    const std::string phone = share_number(fixture, {"CUST001", "CUST002"});
    const std::string stop = converse(fixture, phone, "BERHENTI", "stop-1");
    BOOST_TEST(contains(stop, "CUST001"), stop);
    BOOST_TEST(contains(stop, "CUST002"), stop);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM whatsapp_opt_outs WHERE phone = '" + phone + "'") == 1);
    // A reminder for either subscription is not sent to the number any more.
    for (const char* number : {"CUST001", "CUST002"}) {
        const std::string customer_id = fixture.server.scalar(std::string("SELECT id FROM customers WHERE service_number = '") + number + "'");
        fixture.with_context([&](app::Context& context) {
            services::NotificationRequest request(services::MessageClass::Bulk);
            request.key = std::string("test:reminder:") + number;
            request.customer_id = std::stoll(customer_id);
            request.body = "Pengingat tagihan";
            auto queued = services::queue_notification(context, request);
            BOOST_TEST_REQUIRE(queued.ok(), (queued ? "" : queued.error().message()));
            BOOST_TEST(queued->opted_out, number);
        });
    }
    const std::string start = converse(fixture, phone, "mulai", "start-1");
    BOOST_TEST(contains(start, "CUST001"), start);
    BOOST_TEST(contains(start, "CUST002"), start);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM whatsapp_opt_outs WHERE phone = '" + phone + "'") == 0);
}

// Consent is the number's: a number whose subscriptions are all terminated (an ex-customer, who
// may still get a broadcast to terminated customers) is answered as an unknown one, but STOP works.
BOOST_AUTO_TEST_CASE(a_number_whose_subscriptions_are_all_terminated_can_still_opt_out) {
    WhatsAppFixture fixture;
    const std::string phone = share_number(fixture, {"CUST001", "CUST002"});
    execute(fixture, "UPDATE customers SET status = 'terminated' WHERE phone = '" + phone + "'");
    const std::string stop = converse(fixture, phone, "stop", "gone-1");
    BOOST_TEST(contains(stop, "tidak akan lagi menerima"), stop);
    BOOST_TEST(contains(stop, "CUST002"), stop);  // the newest of them, as before
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM whatsapp_opt_outs WHERE phone = '" + phone + "'") == 1);
    BOOST_TEST(fixture.server.scalar("SELECT intent FROM whatsapp_conversations WHERE gateway_message_id = 'gone-1'") == "opt_out");
}

// A fault report or a promise to pay is about one place: from a shared number without a nomor
// layanan the bot asks which one and opens or promises nothing; with one it acts for that one.
BOOST_AUTO_TEST_CASE(gangguan_and_janji_bayar_from_a_shared_number_ask_which_subscription) {
    WhatsAppFixture fixture;
    const std::string phone = share_number(fixture, {"CUST001", "CUST002"});
    const auto tickets = fixture.count("SELECT COUNT(*) FROM tickets");
    const std::string ask = converse(fixture, phone, "gangguan internet mati", "which-1");
    BOOST_TEST(contains(ask, "CUST001"), ask);
    BOOST_TEST(contains(ask, "CUST002"), ask);
    BOOST_TEST(contains(ask, "GANGGUAN CUST001"), ask);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM tickets") == tickets);
    const std::string promise = converse(fixture, phone, "janji bayar", "which-2");
    BOOST_TEST(contains(promise, "CUST002"), promise);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payment_promises") == 0);

    const std::string opened = converse(fixture, phone, "gangguan CUST002 internet mati", "which-3");
    BOOST_TEST(contains(opened, "CUST002"), opened);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM tickets") == tickets + 1);
    BOOST_TEST(fixture.server.scalar("SELECT c.service_number FROM tickets t JOIN customers c ON c.id = t.customer_id ORDER BY t.id DESC LIMIT 1") ==
               "CUST002");
}

BOOST_AUTO_TEST_CASE(a_retried_webhook_from_a_shared_number_is_answered_once) {
    WhatsAppFixture fixture;
    const std::string phone = share_number(fixture, {"CUST001", "CUST002"});
    add_invoice(fixture, "CUST001", "INV-ULANG-A1", "2025-12", 100000);
    add_invoice(fixture, "CUST002", "INV-ULANG-B1", "2025-12", 200000);
    BOOST_TEST(contains(converse(fixture, phone, "tagihan", "retry-1"), "INV-ULANG-B1"));
    BOOST_TEST(converse(fixture, phone, "tagihan", "retry-1") == "");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE phone = '" + phone + "'") == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM whatsapp_conversations WHERE phone = '" + phone + "' AND direction = 'out'") == 1);
    BOOST_TEST(fixture.server.scalar("SELECT intent FROM whatsapp_conversations WHERE direction = 'out'") == "invoices");
}

BOOST_AUTO_TEST_SUITE_END()
