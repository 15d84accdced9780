// Tiket gangguan (issue 21) on a phone (390 px): the dispatcher's list marks the ticket past its SLA
// and filters to it; one ticket shows its internal comment as internal, is given to a technician
// and closed with a cause; a technician without tickets.assign has no assign control; the customer
// reports a problem from the portal (once, with a key) and never gets an "internal" box.
#include <boost/test/unit_test.hpp>

#include "headless_platform.hpp"
#include "view_harness.hpp"

using kimonet::api::Json;
using kimonet::testing::ViewHarness;

namespace {

Json ticket_row(int id, const std::string& status, bool breached) {
    return {{"id", id},
            {"number", "TKT-00000" + std::to_string(id)},
            {"customer_id", 12},
            {"customer_name", "Budi Santoso"},
            {"service_number", "CUST012"},
            {"category", "no_connection"},
            {"priority", "high"},
            {"status", status},
            {"channel", "whatsapp"},
            {"subject", "Internet mati"},
            {"message", "Lampu LOS merah sejak pagi"},
            {"assignee_id", nullptr},
            {"assignee_name", ""},
            {"created_at", 1768442400},
            {"response_due_at", 1768449600},
            {"resolve_due_at", 1768471200},
            {"first_response_at", nullptr},
            {"closed_at", nullptr},
            {"close_cause", ""},
            {"sla", {{"breached", breached}, {"breach", breached ? "response" : ""}, {"seconds_left", breached ? Json() : Json(5400)}}}};
}

Json detail(int id) {
    Json ticket = ticket_row(id, "open", true);
    ticket["comments"] = {{{"id", 1}, {"author", "WhatsApp"}, {"author_type", "customer"}, {"body", "masih mati"}, {"internal", false}, {"created_at", 1768443000}},
                          {{"id", 2}, {"author", "admin"}, {"author_type", "user"}, {"body", "redaman ODP-12 tinggi"}, {"internal", true}, {"created_at", 1768444000}}};
    ticket["photos"] = Json::array();
    return {{"success", true}, {"data", ticket}};
}

std::vector<Json> bodies(ViewHarness& harness, const std::string& method, const std::string& path) {
    std::vector<Json> out;
    for (const auto& sent : harness.api().sent())
        if (sent.method == method && sent.path == path) out.push_back(Json::parse(sent.body));
    return out;
}

// Opens a drop-down, lets its list settle where ImGui places it, and picks an option.
void choose(ViewHarness& harness, const std::string& select, int option) {
    harness.click(select);
    harness.frames(2);
    harness.click(select + ".option." + std::to_string(option));
    harness.frames(2);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tickets_view)

BOOST_AUTO_TEST_CASE(the_dispatcher_sees_the_breach_filters_to_it_assigns_and_closes_on_a_phone) {
    kimonet::testing::set_canvas_width(390.f);
    ViewHarness harness("tickets");
    harness.api().answer("GET", "/api/tickets", {{"success", true}, {"data", {ticket_row(5, "open", true), ticket_row(6, "assigned", false)}}, {"total", 2}});
    harness.api().answer("GET", "/api/tickets/5", detail(5));
    harness.api().answer("GET", "/api/ticket-assignees",
                         {{"success", true}, {"data", {{{"id", 4}, {"username", "technician"}, {"full_name", "Andi Teknisi"}}}}});
    harness.sign_in_staff({"tickets.read", "tickets.update", "tickets.assign", "tickets.close"}, "admin");
    harness.settle();
    BOOST_TEST(harness.value("tickets.5.title") == "TKT-000005 · Internet mati");
    BOOST_TEST(harness.value("tickets.5.sla") == "Lewat SLA");
    BOOST_TEST(harness.value("tickets.5.sla_reason") == "Lewat target respons");
    BOOST_TEST(harness.value("tickets.6.sla_left") == "Sisa 1:30");
    BOOST_TEST(!harness.find("tickets.6.sla").has_value());

    harness.click("tickets.filter.breach");
    harness.settle();
    BOOST_TEST(harness.api().count("GET", "/api/tickets?page=1&per_page=20&status=active&breach=1") == 1);

    harness.click("tickets.5.open");
    harness.settle();
    BOOST_TEST(harness.value("ticket.title") == "TKT-000005 · Internet mati");
    BOOST_TEST(harness.value("ticket.comment.2") == "redaman ODP-12 tinggi");
    BOOST_TEST(harness.value("ticket.comment.2.internal") == "Internal");
    BOOST_TEST(!harness.find("ticket.comment.1.internal").has_value());

    choose(harness, "ticket.assignee", 0);
    harness.api().answer("POST", "/api/tickets/5/assign", detail(5));
    harness.click("ticket.assign");
    harness.settle();
    const auto assigned = bodies(harness, "POST", "/api/tickets/5/assign");
    BOOST_TEST_REQUIRE(assigned.size() == 1u);
    BOOST_TEST(assigned[0]["user_id"] == 4);

    choose(harness, "ticket.cause", 0);
    harness.api().answer("POST", "/api/tickets/5/close", detail(5));
    harness.click("ticket.close");
    harness.settle();
    const auto closed = bodies(harness, "POST", "/api/tickets/5/close");
    BOOST_TEST_REQUIRE(closed.size() == 1u);
    BOOST_TEST(closed[0]["cause"] == "fiber_cut");
}

BOOST_AUTO_TEST_CASE(a_technician_without_tickets_assign_has_no_assign_control) {
    kimonet::testing::set_canvas_width(390.f);
    ViewHarness harness("tickets/5");
    harness.api().answer("GET", "/api/tickets", {{"success", true}, {"data", {ticket_row(5, "open", true)}}, {"total", 1}});
    harness.api().answer("GET", "/api/tickets/5", detail(5));
    harness.sign_in_staff({"tickets.read", "tickets.update", "tickets.close"}, "technician");
    harness.settle();
    BOOST_TEST(harness.value("ticket.title") == "TKT-000005 · Internet mati");
    BOOST_TEST(!harness.find("ticket.assign").has_value());
    BOOST_TEST(!harness.find("ticket.assignee").has_value());
    BOOST_TEST(harness.find("ticket.close").has_value());
    BOOST_TEST(harness.api().count("GET", "/api/ticket-assignees") == 0);
}

BOOST_AUTO_TEST_CASE(the_customer_reports_a_problem_from_the_portal_and_sees_no_internal_box) {
    kimonet::testing::set_canvas_width(390.f);
    ViewHarness harness("trouble");
    harness.api().answer("GET", "/api/portal/tickets", {{"success", true}, {"data", {ticket_row(5, "open", false)}}, {"total", 1}});
    harness.sign_in_customer(12);
    harness.settle();
    choose(harness, "trouble.category", 1);
    harness.click("trouble.message");
    harness.type("Internet lambat tiap malam");
    harness.api().answer("POST", "/api/portal/tickets", detail(7), 201);
    harness.click("trouble.send");
    harness.settle();
    const auto sent = bodies(harness, "POST", "/api/portal/tickets");
    BOOST_TEST_REQUIRE(sent.size() == 1u);
    BOOST_TEST(sent[0]["category"] == "slow");
    BOOST_TEST(sent[0]["message"] == "Internet lambat tiap malam");
    BOOST_TEST(!sent[0]["idempotency_key"].get<std::string>().empty());

    // A second report in the same visit is a new one, under a key the server takes (1-128 of letters,
    // digits and "-_.:"; a "+" appended to the first key was refused with 422).
    harness.click("trouble.message");
    harness.type("Sekarang mati total");
    harness.api().answer("POST", "/api/portal/tickets", detail(8), 201);
    harness.click("trouble.send");
    harness.settle();
    const auto both = bodies(harness, "POST", "/api/portal/tickets");
    BOOST_TEST_REQUIRE(both.size() == 2u);
    const std::string second = both[1]["idempotency_key"].get<std::string>();
    BOOST_TEST(second != sent[0]["idempotency_key"].get<std::string>());
    BOOST_TEST(second.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:") == std::string::npos, second);
    BOOST_TEST((!second.empty() && second.size() <= 128u));

    Json mine = detail(5);
    mine["data"]["comments"].erase(1);  // the server leaves out internal comments for a customer
    harness.api().answer("GET", "/api/portal/tickets/5", mine);
    harness.click("tickets.5.open");
    harness.settle();
    BOOST_TEST(harness.value("ticket.comment.1") == "masih mati");
    BOOST_TEST(!harness.find("ticket.internal").has_value());
    BOOST_TEST(!harness.find("ticket.assign").has_value());
    BOOST_TEST(harness.find("ticket.send").has_value());
    BOOST_TEST(harness.find("ticket.add_photo").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
