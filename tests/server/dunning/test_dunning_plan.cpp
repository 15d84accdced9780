// The dunning plan (services::plan_dunning) as the run reads it since issue 23 — open invoices
// within reach, each with its recorded steps from the (invoice_id, step_id) key — against the full
// evaluation it replaced the reads of: every customer, every open invoice, every recorded action
// with its status, the customer's schedule and promise looked up one by one. A mixed data set
// (three schedules with retired and disabled steps, package and customer assignments, actions of
// steps from another schedule, unpaid / partial / paid / void invoices, catch-up invoices issued
// after their due date, customers of every status, promises, an outage pause) on many days.
#include <boost/test/unit_test.hpp>

#include <unordered_set>

#include "dunning/promise.hpp"
#include "services/dunning_service.hpp"
#include "store/dunning_store.hpp"
#include "store/promise_store.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

// A small deterministic generator, so a failure is the same on every run.
struct Sequence {
    std::uint64_t state = 20260117;
    int next(int below) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(below));
    }
};

std::int64_t returned_id(store::Statement& insert) {
    BOOST_TEST_REQUIRE(*insert.step());
    const std::int64_t id = insert.column_int(0);
    BOOST_TEST_REQUIRE(insert.run().ok());
    return id;
}

Result<void> seed_mixed(store::Database& db) {
    Sequence random;
    // Schedule 2 on package 2: a retired and a disabled step, a late fee, isolation on H+4, termination on H+10.
    TRY_VOID(db.execute("INSERT INTO dunning_schedules(id, name, description, is_default) VALUES (2, 'Ketat', '', 0), (3, 'Lunak', '', 0)"));
    TRY_VOID(db.execute(
        "INSERT INTO dunning_steps(schedule_id, position, day_offset, action, channel, template_key, enabled, fee_kind, fee_amount, "
        "fee_percent_bp, fee_cap, retired) VALUES "
        "(2, 1, -2, 'remind', 'whatsapp', 'reminder', 1, 'fixed', 0, 0, 0, 0), (2, 2, 0, 'warn', 'whatsapp', 'isolir_warning', 1, 'fixed', 0, 0, 0, 0), "
        "(2, 3, 1, 'remind', 'whatsapp', 'reminder', 1, 'fixed', 0, 0, 0, 1), (2, 4, 2, 'late_fee', 'none', '', 1, 'fixed', 5000, 0, 0, 0), "
        "(2, 5, 3, 'warn', 'whatsapp', 'isolir_warning', 0, 'fixed', 0, 0, 0, 0), (2, 6, 4, 'isolate', 'whatsapp', 'isolir_notice', 1, 'fixed', 0, 0, 0, 0), "
        "(2, 7, 10, 'terminate', 'none', '', 1, 'fixed', 0, 0, 0, 0), "
        "(3, 1, 0, 'remind', 'whatsapp', 'reminder', 1, 'fixed', 0, 0, 0, 0), (3, 2, 5, 'late_fee', 'none', '', 1, 'percent', 0, 200, 2000, 0), "
        "(3, 3, 14, 'isolate', 'whatsapp', 'isolir_notice', 1, 'fixed', 0, 0, 0, 0)"));
    TRY_VOID(db.execute("UPDATE internet_packages SET dunning_schedule_id = 2 WHERE id = 2"));
    std::vector<std::pair<std::int64_t, std::string>> steps;  // every step, retired ones too: (id, action)
    {
        auto rows = TRY(db.prepare("SELECT id, action FROM dunning_steps ORDER BY id"));
        while (TRY(rows.step())) steps.emplace_back(rows.column_int(0), rows.column_text(1));
    }
    std::int64_t package_count = 0;
    {
        auto count = TRY(db.prepare("SELECT COUNT(*) FROM internet_packages"));
        TRY(count.step());
        package_count = count.column_int(0);
        count.reset();
    }
    auto customer = TRY(db.prepare(
        "INSERT INTO customers(service_number, name, phone, package_id, status, join_date, dunning_schedule_id) "
        "VALUES (?, ?, ?, ?, ?, '2025-06-01', ?) RETURNING id"));
    auto invoice = TRY(db.prepare(
        "INSERT INTO invoices(invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, paid_amount, "
        "status, created_at) VALUES (?, ?, '2099-01', 'manual', ?, ?, ?, ?, 0, ?, ?, ?, 0) RETURNING id"));
    auto action = TRY(db.prepare(
        "INSERT INTO dunning_actions(invoice_id, step_id, customer_id, action, step_date, amount, status, at) "
        "VALUES (?, ?, ?, ?, '2026-01-01', 0, ?, 0) ON CONFLICT(invoice_id, step_id) DO NOTHING"));
    auto promise = TRY(db.prepare(
        "INSERT INTO payment_promises(customer_id, invoice_id, made_on, promised_until, days, channel, actor_type, actor_name, created_at) "
        "VALUES (?, ?, '2026-01-20', ?, 3, 'staff', 'user', 'test', 0)"));
    const char* statuses[] = {"active", "active", "active", "isolated", "isolated", "inactive", "terminated"};
    const char* invoice_statuses[] = {"unpaid", "unpaid", "partial", "paid", "void"};
    const char* action_statuses[] = {"done", "skipped", "failed"};
    int sequence = 0;
    for (int index = 0; index < 90; ++index) {
        const std::string number = "MIX" + std::to_string(index);
        customer.reset();
        customer.bind(1, number).bind(2, "Campuran " + std::to_string(index)).bind(3, "62899" + std::to_string(1000000 + index));
        customer.bind(4, 1 + random.next(static_cast<int>(package_count))).bind(5, statuses[random.next(7)]);
        customer.bind(6, index % 7 == 0 ? std::optional<std::int64_t>(3) : index % 11 == 0 ? std::optional<std::int64_t>(1) : std::nullopt);
        const std::int64_t customer_id = returned_id(customer);
        std::int64_t open_invoice = 0;
        for (int count = random.next(4); count > 0; --count) {
            ++sequence;
            const Date due = add_days({2026, 2, 1}, random.next(50) - 35);
            // One in five issued after its due date (a catch-up run): its steps count from the issue date.
            const Date issued = random.next(5) == 0 ? add_days(due, 1 + random.next(6)) : add_days(due, -10);
            const std::string status = invoice_statuses[random.next(5)];
            const Money total = 100000 + 25000 * random.next(5);
            const Money paid = status == "paid" ? total : status == "partial" ? total / 2 : 0;
            invoice.reset();
            invoice.bind(1, "INV-MIX-" + std::to_string(sequence)).bind(2, customer_id).bind(3, std::int64_t{sequence});
            invoice.bind(4, to_string(issued)).bind(5, to_string(due)).bind(6, total).bind(7, total).bind(8, paid).bind(9, status);
            const std::int64_t invoice_id = returned_id(invoice);
            if (status == "unpaid" || status == "partial") open_invoice = invoice_id;
            // Recorded actions on any step (of this schedule or another one: customers move), any status.
            for (const auto& [step_id, step_action] : steps) {
                if (random.next(3) != 0) continue;
                action.reset();
                action.bind(1, invoice_id).bind(2, step_id).bind(3, customer_id).bind(4, step_action).bind(5, action_statuses[random.next(3)]);
                TRY_VOID(action.run());
            }
        }
        if (open_invoice && random.next(4) == 0) {
            promise.reset();
            promise.bind(1, customer_id).bind(2, open_invoice).bind(3, to_string(add_days({2026, 1, 20}, random.next(30))));
            TRY_VOID(promise.run());
        }
    }
    return {};
}

std::string described(const dunning::Decision& decision) {
    return std::to_string(decision.customer_id) + " invoice " + std::to_string(decision.invoice_id) + " step " +
           std::to_string(decision.step->id) + " " + to_string(decision.date) + " " + std::to_string(decision.amount) +
           (decision.skip ? " skip " + decision.reason : " do");
}

// The full evaluation: each customer's every open invoice and every recorded action (with its status), one by one.
std::vector<std::string> full_evaluation(store::Database& db, const Date& today, const std::unordered_set<std::int64_t>& paused) {
    std::vector<std::string> out;
    auto schedules = services::load_schedules(db);
    BOOST_TEST_REQUIRE(schedules.ok());
    std::vector<std::int64_t> customers;
    {
        auto rows = db.prepare("SELECT id FROM customers ORDER BY id");
        BOOST_TEST_REQUIRE(rows.ok());
        while (*rows->step()) customers.push_back(rows->column_int(0));
    }
    for (const std::int64_t customer_id : customers) {
        if (paused.contains(customer_id)) continue;
        const auto subject = *store::find_customer_dunning_subject(db, customer_id);
        BOOST_TEST_REQUIRE(subject.has_value());
        const dunning::Schedule* schedule = schedules->find(subject->own_schedule_id.value_or(subject->package_schedule_id.value_or(0)));
        if (!schedule) continue;
        std::vector<dunning::DunningInvoice> invoices;
        const auto open_invoices = store::list_customer_open_invoices(db, customer_id);
        BOOST_TEST_REQUIRE(open_invoices.ok());
        for (const auto& open : *open_invoices)
            invoices.push_back({open.id, open.invoice_no, *parse_date(open.issue_date), *parse_date(open.due_date), open.total,
                                open.paid_amount, *billing::parse_invoice_status(open.status)});
        std::optional<Date> promised_until;
        if (const auto promise = *store::active_promise(db, customer_id))
            if (auto until = parse_date(promise->promised_until)) promised_until = *until;
        const dunning::DunningCustomer who{customer_id, *parse_customer_status(subject->status)};
        auto decisions = dunning::due_actions(who, invoices, *schedule, today, *store::recorded_dunning_actions(db, customer_id));
        for (const auto& decision : dunning::without_deferred(std::move(decisions), today, promised_until)) out.push_back(described(decision));
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dunning_plan)

BOOST_AUTO_TEST_CASE(the_plan_equals_the_full_evaluation_on_a_mixed_data_set_every_third_day) {
    TestServer server;
    auto lease = server.app().database();
    BOOST_TEST_REQUIRE(lease.ok());
    store::Database& db = **lease;
    const auto seeded = db.transaction([&]() -> Result<void> { return seed_mixed(db); });
    BOOST_TEST_REQUIRE(seeded.ok(), (seeded ? "" : seeded.error().message()));
    // Two customers paused by an outage: the plan leaves them out, as the full evaluation does.
    const std::unordered_set<std::int64_t> paused = {std::stoll(server.scalar("SELECT MIN(id) FROM customers WHERE service_number = 'MIX3'")),
                                                     std::stoll(server.scalar("SELECT MIN(id) FROM customers WHERE service_number = 'MIX40'"))};
    std::size_t compared = 0, skipped = 0;
    for (Date today{2026, 1, 1}; today <= Date{2026, 3, 10}; today = add_days(today, 3)) {
        auto plan = services::plan_dunning(db, today, paused);
        BOOST_TEST_REQUIRE(plan.ok(), (plan ? "" : plan.error().message()));
        std::vector<std::string> planned;
        for (const auto& action : plan->actions) planned.push_back(described(action.decision));
        const auto expected = full_evaluation(db, today, paused);
        // On a difference, the first entry where the two part (the whole lists are long).
        std::size_t first = 0;
        while (first < planned.size() && first < expected.size() && planned[first] == expected[first]) ++first;
        BOOST_TEST(planned == expected, "on " << to_string(today) << ", " << planned.size() << " planned, " << expected.size()
                                              << " expected; first difference at " << first << ": planned \""
                                              << (first < planned.size() ? planned[first] : "-") << "\", expected \""
                                              << (first < expected.size() ? expected[first] : "-") << "\"");
        compared += expected.size();
        for (const auto& action : plan->actions) skipped += action.decision.skip;
    }
    // The data set is mixed enough to matter: many decisions, both carried out and skipped.
    BOOST_TEST(compared > 200u, compared);
    BOOST_TEST(skipped > 20u, skipped);
    BOOST_TEST(compared - skipped > 20u);
}

BOOST_AUTO_TEST_SUITE_END()
