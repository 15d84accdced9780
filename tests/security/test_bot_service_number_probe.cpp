// The WhatsApp bot answers "TAGIHAN CUST012" for one subscription when several share the sender's
// number. The attacker is a customer (or a stranger) who knows a neighbour's nomor layanan (it is
// printed on receipts, router stickers, the neighbour's bill) and writes it to the bot from their
// own number. The neighbour's number must read exactly like a number that does not exist: no name,
// invoice, amount, link, status or promise, and nothing of the neighbour's is changed.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <sstream>

#include "support/whatsapp_fixture.hpp"

using namespace kimonet;
using kimonet::testing::WhatsAppFixture;

namespace {

const char* const kProbes[] = {"TAGIHAN {}", "tagihan {}", "CEK {}", "BAYAR {}", "bayar {} dong", "STATUS {}", "1 {}", "menu {}"};

void execute(WhatsAppFixture& fixture, const std::string& sql) {
    fixture.with_context([&](app::Context& context) {
        auto done = context.db.execute(sql);
        BOOST_TEST_REQUIRE(done.ok(), (done ? "" : done.error().message()) << " in " << sql);
    });
}

// The reply the bot queued for one inbound message ("" when none). Read from the outbox rather
// than sent: sending would change the gateway's own state and blur the snapshot.
std::string ask(WhatsAppFixture& fixture, const std::string& phone, const std::string& text, const std::string& id) {
    const std::string last = fixture.server.scalar("SELECT COALESCE(MAX(id), 0) FROM notifications");
    const auto answer = fixture.simulator.deliver_inbound("fonnte", phone, text, id);
    BOOST_TEST_REQUIRE(answer.status == 200, answer.body);
    fixture.server.clock().advance(11);  // under the 6-replies-a-minute limit per sender
    return fixture.server.scalar("SELECT COALESCE(MAX(body), '') FROM notifications WHERE id > " + last);
}

std::string with_number(std::string probe, const std::string& number) { return probe.replace(probe.find("{}"), 2, number); }

// The tables whose snapshot() line differs, leaving out those every bot message writes to: its
// conversation log, the reply it queued (with its template's variables) and the activity entry of
// that queueing. Everything else
// must be byte-for-byte unchanged ("" when it is).
std::string tables_changed_beside_the_bots_log(const std::string& before, const std::string& after) {
    std::istringstream before_lines(before), after_lines(after);
    std::string changed, was, now;
    while (std::getline(before_lines, was) && std::getline(after_lines, now)) {
        const std::string table = was.substr(0, was.find(':'));
        if (was != now && table != "whatsapp_conversations" && table != "notifications" && table != "notification_variables" &&
            table != "activity_log") changed += table + " ";
    }
    return changed;
}

struct Neighbourhood {
    WhatsAppFixture fixture;
    std::string attacker_phone, neighbour_id, neighbour_name;

    Neighbourhood() {
        attacker_phone = fixture.phone_of("CUST001");
        neighbour_id = fixture.server.scalar("SELECT id FROM customers WHERE service_number = 'CUST002'");
        neighbour_name = fixture.server.scalar("SELECT name FROM customers WHERE service_number = 'CUST002'");
        BOOST_TEST_REQUIRE(fixture.phone_of("CUST002") != attacker_phone);
        execute(fixture, "UPDATE invoices SET status = 'void' WHERE customer_id IN (SELECT id FROM customers WHERE service_number IN "
                         "('CUST001', 'CUST002'))");
        execute(fixture,
                "INSERT INTO invoices(invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, "
                "paid_amount, status, created_at) SELECT 'INV-TETANGGA-1', id, '2025-12', 'monthly', 9301, '2025-12-01', '2025-12-10', "
                "777000, 0, 777000, 0, 'unpaid', 0 FROM customers WHERE service_number = 'CUST002'");
        execute(fixture,
                "INSERT INTO invoices(invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, "
                "paid_amount, status, created_at) SELECT 'INV-SENDIRI-1', id, '2025-12', 'monthly', 9302, '2025-12-01', '2025-12-10', "
                "111000, 0, 111000, 0, 'unpaid', 0 FROM customers WHERE service_number = 'CUST001'");
    }

    void expect_nothing_of_the_neighbour_in(const std::string& reply, const std::string& what) {
        for (const std::string& secret : {std::string("CUST002"), neighbour_name, std::string("INV-TETANGGA"), std::string("777.000")})
            BOOST_TEST(reply.find(secret) == std::string::npos, what << " reveals " << secret << ": " << reply);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(bot_service_number_probe)

BOOST_DATA_TEST_CASE(a_neighbours_service_number_reads_like_one_that_does_not_exist, boost::unit_test::data::make(kProbes), probe) {
    Neighbourhood place;
    const std::string before = place.fixture.server.snapshot();
    const std::string neighbour = ask(place.fixture, place.attacker_phone, with_number(probe, "CUST002"), "probe-neighbour");
    const std::string neighbour_lower = ask(place.fixture, place.attacker_phone, with_number(probe, "cust002"), "probe-lower");
    const std::string nobody = ask(place.fixture, place.attacker_phone, with_number(probe, "CUST999"), "probe-nobody");
    BOOST_TEST_REQUIRE(!nobody.empty());
    BOOST_TEST(neighbour == nobody, probe);
    BOOST_TEST(neighbour_lower == nobody, probe);
    place.expect_nothing_of_the_neighbour_in(neighbour, probe);
    BOOST_TEST(tables_changed_beside_the_bots_log(before, place.fixture.server.snapshot()) == "", probe << " changed tables");
    // What the bot logged and queued is the attacker's own: nothing is filed under the neighbour.
    BOOST_TEST(place.fixture.count("SELECT COUNT(*) FROM notifications WHERE customer_id = " + place.neighbour_id) == 0);
    BOOST_TEST(place.fixture.count("SELECT COUNT(*) FROM whatsapp_conversations WHERE customer_id = " + place.neighbour_id) == 0);
}

// Acting on the neighbour's subscription by naming it: no promise to pay, no fault ticket, no opt-out.
BOOST_AUTO_TEST_CASE(naming_a_neighbours_service_number_changes_nothing_of_theirs) {
    Neighbourhood place;
    auto& fixture = place.fixture;
    fixture.with_context([&](app::Context& context) {
        BOOST_TEST_REQUIRE(services::update_settings(context, {{"dunning_promise_enabled", "1"}}).ok());
    });
    const std::string invoices_before = fixture.server.joined("SELECT invoice_no || ':' || status FROM invoices WHERE customer_id = " +
                                                              place.neighbour_id + " ORDER BY id");
    int n = 0;
    for (const char* text : {"janji bayar CUST002", "gangguan CUST002 internet mati", "lapor CUST002", "CUST002 stop", "BERHENTI CUST002"}) {
        const std::string reply = ask(fixture, place.attacker_phone, text, "act-" + std::to_string(++n));
        place.expect_nothing_of_the_neighbour_in(reply, text);
    }
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payment_promises WHERE customer_id = " + place.neighbour_id) == 0);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM tickets WHERE customer_id = " + place.neighbour_id) == 0);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM whatsapp_opt_outs WHERE phone = '" + fixture.phone_of("CUST002") + "'") == 0);
    BOOST_TEST(fixture.server.joined("SELECT invoice_no || ':' || status FROM invoices WHERE customer_id = " + place.neighbour_id +
                                     " ORDER BY id") == invoices_before);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE customer_id = " + place.neighbour_id) == 0);
}

// A stranger (no subscription on the number) learns nothing either: the registration hint.
BOOST_AUTO_TEST_CASE(a_stranger_naming_a_service_number_gets_only_the_registration_hint) {
    Neighbourhood place;
    const std::string before = place.fixture.server.snapshot();
    const std::string reply = ask(place.fixture, "6289900011122", "TAGIHAN CUST002", "stranger-1");
    BOOST_TEST(reply.find("belum terdaftar") != std::string::npos, reply);
    place.expect_nothing_of_the_neighbour_in(reply, "stranger");
    BOOST_TEST(tables_changed_beside_the_bots_log(before, place.fixture.server.snapshot()) == "");
}

BOOST_AUTO_TEST_SUITE_END()
