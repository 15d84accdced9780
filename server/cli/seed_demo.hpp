#pragma once
// The demo data behind `kimonet seed-demo` (and the integration tests): 4 packages,
// 2 routers, a staff user per role and 50 customers, all with password "demo12345".
#include <vector>

#include "app/context.hpp"
#include "core/date.hpp"

namespace kimonet::cli {

// Every demo account's password (printed by `make run`).
inline constexpr const char* kDemoPassword = "demo12345";

Result<void> seed_demo(app::Context& context);

// What seed_demo_history made in one month (invoices: all of the period's).
struct DemoMonth {
    Period period;
    std::int64_t invoices = 0, payments = 0, late = 0, gateway_transactions = 0;
};
struct DemoHistory {
    std::vector<DemoMonth> months;
    std::int64_t isolated = 0;
    std::int64_t tickets = 0;  // trouble tickets of the last two weeks (seed_demo_tickets)
    std::int64_t placed = 0;   // customers on ODP ports with coordinates (seed_demo_inventory)
    std::int64_t jobs = 0;     // technician visits today and tomorrow (seed_demo_jobs)
    std::int64_t collector_customers = 0;  // customers in the demo collector's area (seed_demo_collection)
};
// `months` monthly invoice runs ending with the Clock's month, with payments (on time, late,
// online with gateway transactions), and the customers three months behind isolated. Runs inside
// the caller's transaction; deterministic for a given Clock (a fixed seed). Not part of
// seed_demo: the integration tests start from the plain demo data.
Result<DemoHistory> seed_demo_history(app::Context& context, int months = 12);
// Trouble tickets of the last two weeks (issue 21): closed ones with their causes, one given to the
// technician, one still waiting and past its response target. No WhatsApp messages are queued.
Result<std::int64_t> seed_demo_tickets(app::Context& context);
// The FTTH side of the demo network (issue 21): one OLT, two ODCs, five ODPs around Bandung, forty
// customers on their ports with coordinates, the routers placed; the number of customers placed.
Result<std::int64_t> seed_demo_inventory(app::Context& context);
// The demo staff user "technician" (the tickets' assignee and the visits' technician); 0 without one.
Result<std::int64_t> demo_technician_id(app::Context& context);
// The technician's visits (issue 21): today a repair for the ticket in progress and an
// installation, tomorrow a relocation and a dismantle not yet assigned; the number made.
Result<std::int64_t> seed_demo_jobs(app::Context& context);
// The cash collector's round (issue 20): the staff user "collector" and the area they collect in
// (the customers of two streets), so a collector who signs in finds their route of open invoices;
// the number of customers in the area.
Result<std::int64_t> seed_demo_collection(app::Context& context);

}  // namespace kimonet::cli
