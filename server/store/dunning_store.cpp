#include "store/dunning_store.hpp"

#include <string_view>

#include "store/postgresql_setting.hpp"
#include "store/store_time.hpp"

namespace kimonet::store {

namespace {

// `INSERT … RETURNING id` (portable, unlike last_insert_id): the new row's id.
Result<std::int64_t> run_returning_id(Statement& insert) {
    if (!TRY(insert.step())) return make_error(ErrorCode::Internal);  // an INSERT that succeeds returns its row
    const std::int64_t id = insert.column_int(0);
    TRY_VOID(insert.run());  // finish the statement: it holds no read afterwards
    return id;
}


Result<bool> exists(Statement& statement) {
    const bool found = TRY(statement.step());
    statement.reset();  // no read left open
    return found;
}

constexpr const char* kStepColumns =
    "id, schedule_id, day_offset, action, channel, template_key, enabled, fee_kind, fee_amount, fee_percent_bp, fee_cap";

dunning::Step step_from_row(const Statement& row) {
    dunning::Step step;
    step.id = row.column_int(0);
    step.day_offset = static_cast<int>(row.column_int(2));
    step.action = dunning::parse_step_action(row.column_text(3)).value_or(dunning::StepAction::Remind);
    step.channel = row.column_text(4);
    step.template_key = row.column_text(5);
    step.enabled = row.column_int(6) != 0;
    step.fee_kind = dunning::parse_fee_kind(row.column_text(7)).value_or(dunning::FeeKind::Fixed);
    step.fee_amount = row.column_int(8);
    step.fee_percent_bp = static_cast<int>(row.column_int(9));
    step.fee_cap = row.column_int(10);
    return step;
}

// The step's columns after schedule_id and position, in table order, from parameter `first`.
void bind_step(Statement& statement, int first, const dunning::Step& step) {
    statement.bind(first, step.day_offset).bind(first + 1, dunning::to_string(step.action)).bind(first + 2, step.channel);
    statement.bind(first + 3, step.template_key).bind(first + 4, step.enabled).bind(first + 5, dunning::to_string(step.fee_kind));
    statement.bind(first + 6, step.fee_amount).bind(first + 7, step.fee_percent_bp).bind(first + 8, step.fee_cap);
}

// The open invoices within reach, each with the ids of its recorded steps (NULL when none).
std::string open_dunning_invoices_sql(Engine engine) {
    const char* recorded_steps = engine == Engine::Postgresql ? "string_agg(a.step_id::text, ',')" : "group_concat(a.step_id)";
    return std::string(
               "SELECT i.id, i.customer_id, i.invoice_no, i.issue_date, i.due_date, i.total, i.paid_amount, i.status, c.status, "
               "COALESCE(c.dunning_schedule_id, p.dunning_schedule_id, 0), c.service_number, c.name, (SELECT ") +
           recorded_steps +
           " FROM dunning_actions a WHERE a.invoice_id = i.id) "
           "FROM invoices i JOIN customers c ON c.id = i.customer_id JOIN internet_packages p ON p.id = c.package_id "
           "WHERE i.status IN ('unpaid','partial') AND i.due_date <= ? AND c.status IN ('active','isolated') "
           "ORDER BY i.customer_id, i.due_date, i.id";
}

// PostgreSQL compiles a plan with JIT once its estimated cost passes jit_above_cost, and the
// subquery per invoice above takes a plan of 100,000 invoices past it: the compiling cost
// 0.25–0.5 s (bench_dunning), more than the subqueries save, for a query run once a day. JIT is off for
// this scan (store/postgresql_setting.hpp puts it back afterwards).

// "12,13,14" (an aggregate of ids; "" when there are none) into `ids`, replacing what it held.
void parse_id_list(std::string_view text, std::vector<std::int64_t>& ids) {
    ids.clear();
    std::int64_t id = 0;
    for (const char character : text) {
        if (character == ',') {
            ids.push_back(id);
            id = 0;
        } else {
            id = id * 10 + (character - '0');
        }
    }
    if (!text.empty()) ids.push_back(id);
}

// Table names come from this enum only, never from input.
const char* table_of(DunningSubject subject) { return subject == DunningSubject::Package ? "internet_packages" : "customers"; }

}  // namespace

Result<std::vector<dunning::Schedule>> list_dunning_schedule_rows(Database& db) {
    auto schedules = TRY(db.prepare("SELECT id, name, description, is_default FROM dunning_schedules ORDER BY id"));
    std::vector<dunning::Schedule> out;
    while (TRY(schedules.step())) {
        dunning::Schedule schedule;
        schedule.id = schedules.column_int(0);
        schedule.name = schedules.column_text(1);
        schedule.description = schedules.column_text(2);
        schedule.is_default = schedules.column_int(3) != 0;
        out.push_back(std::move(schedule));
    }
    return out;
}

Result<std::vector<ScheduleStep>> list_active_dunning_steps(Database& db) {
    auto steps = TRY(db.prepare(std::string("SELECT ") + kStepColumns + " FROM dunning_steps WHERE retired = 0 ORDER BY schedule_id, position"));
    std::vector<ScheduleStep> out;
    while (TRY(steps.step())) out.push_back({steps.column_int(1), step_from_row(steps)});
    return out;
}

Result<std::vector<std::int64_t>> active_dunning_step_ids(Database& db, std::int64_t schedule_id) {
    auto steps = TRY(db.prepare("SELECT id FROM dunning_steps WHERE schedule_id = ? AND retired = 0"));
    steps.bind(1, schedule_id);
    std::vector<std::int64_t> out;
    while (TRY(steps.step())) out.push_back(steps.column_int(0));
    return out;
}

Result<bool> dunning_schedule_exists(Database& db, std::int64_t id) {
    auto statement = TRY(db.prepare("SELECT 1 FROM dunning_schedules WHERE id = ?"));
    statement.bind(1, id);
    return exists(statement);
}

Result<bool> dunning_schedule_name_taken(Database& db, const std::string& name, std::int64_t except_id) {
    auto statement = TRY(db.prepare("SELECT 1 FROM dunning_schedules WHERE name = ? AND id <> ?"));
    statement.bind(1, name).bind(2, except_id);
    return exists(statement);
}

Result<std::int64_t> insert_dunning_schedule(Database& db, const std::string& name, const std::string& description, std::int64_t now) {
    auto insert = TRY(db.prepare("INSERT INTO dunning_schedules(name, description, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id"));
    const std::string at = utc_timestamp_text(now);
    insert.bind(1, name).bind(2, description).bind(3, at).bind(4, at);
    return run_returning_id(insert);
}

Result<void> clear_default_dunning_schedule(Database& db) {
    auto update = TRY(db.prepare("UPDATE dunning_schedules SET is_default = 0 WHERE is_default = 1"));
    return update.run();
}

Result<void> update_dunning_schedule_row(Database& db, std::int64_t id, const std::string& name, const std::string& description,
                                         bool make_default, std::int64_t now) {
    auto update = TRY(db.prepare(
        "UPDATE dunning_schedules SET name = ?, description = ?, is_default = CASE WHEN ? = 1 THEN 1 ELSE is_default END, "
        "updated_at = ? WHERE id = ?"));
    update.bind(1, name).bind(2, description).bind(3, make_default).bind(4, utc_timestamp_text(now)).bind(5, id);
    return update.run();
}

Result<std::int64_t> insert_dunning_step(Database& db, std::int64_t schedule_id, int position, const dunning::Step& step) {
    auto insert = TRY(db.prepare(
        "INSERT INTO dunning_steps(schedule_id, position, day_offset, action, channel, template_key, enabled, fee_kind, fee_amount, "
        "fee_percent_bp, fee_cap) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    insert.bind(1, schedule_id).bind(2, position);
    bind_step(insert, 3, step);
    return run_returning_id(insert);
}

Result<void> update_dunning_step(Database& db, std::int64_t schedule_id, int position, const dunning::Step& step) {
    auto update = TRY(db.prepare(
        "UPDATE dunning_steps SET day_offset = ?, action = ?, channel = ?, template_key = ?, enabled = ?, fee_kind = ?, fee_amount = ?, "
        "fee_percent_bp = ?, fee_cap = ?, position = ? WHERE id = ? AND schedule_id = ?"));
    bind_step(update, 1, step);
    update.bind(10, position).bind(11, step.id).bind(12, schedule_id);
    return update.run();
}

Result<void> retire_dunning_step(Database& db, std::int64_t step_id) {
    auto update = TRY(db.prepare("UPDATE dunning_steps SET retired = 1 WHERE id = ?"));
    update.bind(1, step_id);
    return update.run();
}

Result<std::optional<DunningAssignment>> find_dunning_assignment(Database& db, DunningSubject subject, std::int64_t id) {
    auto current = TRY(db.prepare(std::string("SELECT dunning_schedule_id FROM ") + table_of(subject) + " WHERE id = ?"));
    current.bind(1, id);
    if (!TRY(current.step())) return std::optional<DunningAssignment>();
    DunningAssignment assignment{current.column_optional_int(0)};
    current.reset();
    return std::optional<DunningAssignment>(assignment);
}

Result<void> set_dunning_assignment(Database& db, DunningSubject subject, std::int64_t id, std::optional<std::int64_t> schedule_id) {
    auto update = TRY(db.prepare(std::string("UPDATE ") + table_of(subject) + " SET dunning_schedule_id = ? WHERE id = ?"));
    update.bind(1, schedule_id).bind(2, id);
    return update.run();
}

Result<std::vector<std::int64_t>> packages_with_dunning_schedule(Database& db, std::int64_t schedule_id) {
    auto packages = TRY(db.prepare("SELECT id FROM internet_packages WHERE dunning_schedule_id = ? ORDER BY id"));
    packages.bind(1, schedule_id);
    std::vector<std::int64_t> out;
    while (TRY(packages.step())) out.push_back(packages.column_int(0));
    return out;
}

Result<std::int64_t> count_customers_with_dunning_schedule(Database& db, std::int64_t schedule_id) {
    auto customers = TRY(db.prepare("SELECT COUNT(*) FROM customers WHERE dunning_schedule_id = ?"));
    customers.bind(1, schedule_id);
    TRY(customers.step());
    return customers.column_int(0);
}

Result<std::optional<CustomerDunningSubject>> find_customer_dunning_subject(Database& db, std::int64_t customer_id) {
    auto customer = TRY(db.prepare(
        "SELECT c.status, c.dunning_schedule_id, p.dunning_schedule_id FROM customers c JOIN internet_packages p ON p.id = c.package_id "
        "WHERE c.id = ?"));
    customer.bind(1, customer_id);
    if (!TRY(customer.step())) return std::optional<CustomerDunningSubject>();
    CustomerDunningSubject subject{customer.column_text(0), customer.column_optional_int(1), customer.column_optional_int(2)};
    customer.reset();
    return std::optional<CustomerDunningSubject>(std::move(subject));
}

Result<void> for_each_open_dunning_invoice(Database& db, const std::string& due_until,
                                           const std::function<void(const OpenDunningInvoice&)>& visit) {
    // Each invoice comes with the ids of its recorded steps, read from the UNIQUE (invoice_id,
    // step_id) index alone (both engines answer the subquery with an index-only scan): one short
    // index range per invoice, not every action row of every open invoice joined to its invoice.
    const ScopedPostgresqlSetting without_jit(db, "jit", "off");
    auto statement = TRY(db.prepare(open_dunning_invoices_sql(db.engine())));
    statement.bind(1, due_until);
    OpenDunningInvoice row;
    while (TRY(statement.step())) {
        row.id = statement.column_int(0);
        row.customer_id = statement.column_int(1);
        row.invoice_no = statement.column_text(2);
        row.issue_date = statement.column_text(3);
        row.due_date = statement.column_text(4);
        row.total = statement.column_int(5);
        row.paid_amount = statement.column_int(6);
        row.status = statement.column_text(7);
        row.customer_status = statement.column_text(8);
        row.schedule_id = statement.column_int(9);
        row.service_number = statement.column_text(10);
        row.customer_name = statement.column_text(11);
        parse_id_list(statement.column_text(12), row.recorded_step_ids);
        visit(row);
    }
    return {};
}

Result<std::vector<OpenDunningInvoice>> list_customer_open_invoices(Database& db, std::int64_t customer_id) {
    auto open = TRY(db.prepare(
        "SELECT id, invoice_no, issue_date, due_date, total, paid_amount, status FROM invoices "
        "WHERE customer_id = ? AND status IN ('unpaid','partial') ORDER BY due_date, id"));
    open.bind(1, customer_id);
    std::vector<OpenDunningInvoice> out;
    while (TRY(open.step())) {
        OpenDunningInvoice row;
        row.id = open.column_int(0);
        row.customer_id = customer_id;
        row.invoice_no = open.column_text(1);
        row.issue_date = open.column_text(2);
        row.due_date = open.column_text(3);
        row.total = open.column_int(4);
        row.paid_amount = open.column_int(5);
        row.status = open.column_text(6);
        out.push_back(std::move(row));
    }
    return out;
}

Result<std::optional<std::string>> invoice_period_text(Database& db, std::int64_t invoice_id) {
    auto period = TRY(db.prepare("SELECT period FROM invoices WHERE id = ?"));
    period.bind(1, invoice_id);
    if (!TRY(period.step())) return std::optional<std::string>();
    std::string text = period.column_text(0);
    period.reset();
    return std::optional<std::string>(std::move(text));
}

Result<std::vector<dunning::RecordedAction>> recorded_dunning_actions(Database& db, std::int64_t customer_id) {
    auto statement = TRY(db.prepare(
        "SELECT a.invoice_id, a.step_id, a.status FROM dunning_actions a JOIN invoices i ON i.id = a.invoice_id "
        "WHERE i.status IN ('unpaid','partial') AND (? = 0 OR a.customer_id = ?)"));
    statement.bind(1, customer_id).bind(2, customer_id);
    std::vector<dunning::RecordedAction> out;
    while (TRY(statement.step()))
        out.push_back({statement.column_int(0), statement.column_int(1),
                       dunning::parse_action_status(statement.column_text(2)).value_or(dunning::ActionStatus::Done)});
    return out;
}

Result<bool> dunning_action_recorded(Database& db, std::int64_t invoice_id, std::int64_t step_id) {
    auto statement = TRY(db.prepare("SELECT 1 FROM dunning_actions WHERE invoice_id = ? AND step_id = ?"));
    statement.bind(1, invoice_id).bind(2, step_id);
    return exists(statement);
}

Result<bool> insert_dunning_action(Database& db, const NewDunningAction& action) {
    auto insert = TRY(db.prepare(
        "INSERT INTO dunning_actions(invoice_id, step_id, customer_id, action, step_date, amount, status, result, notification_id, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(invoice_id, step_id) DO NOTHING RETURNING id"));
    insert.bind(1, action.invoice_id).bind(2, action.step_id).bind(3, action.customer_id).bind(4, action.action);
    insert.bind(5, action.step_date).bind(6, action.amount).bind(7, action.status).bind(8, action.result);
    insert.bind(9, action.notification_id).bind(10, action.at);
    // A row comes back only when one was inserted (both engines).
    const bool inserted = TRY(insert.step());
    TRY_VOID(insert.run());
    return inserted;
}

Result<std::vector<PastDunningAction>> recent_dunning_actions(Database& db, std::int64_t customer_id) {
    auto past = TRY(db.prepare(
        "SELECT a.id, a.invoice_id, i.invoice_no, a.action, a.step_date, a.amount, a.status, a.result, a.at, s.day_offset "
        "FROM dunning_actions a JOIN invoices i ON i.id = a.invoice_id JOIN dunning_steps s ON s.id = a.step_id "
        "WHERE a.customer_id = ? ORDER BY a.at DESC, a.id DESC LIMIT 100"));
    past.bind(1, customer_id);
    std::vector<PastDunningAction> out;
    while (TRY(past.step()))
        out.push_back({past.column_int(0), past.column_int(1), past.column_text(2), past.column_text(3), past.column_text(4),
                       past.column_int(5), past.column_text(6), past.column_text(7), past.column_int(8),
                       static_cast<int>(past.column_int(9))});
    return out;
}

Result<void> terminate_customer(Database& db, std::int64_t customer_id) {
    auto terminate = TRY(db.prepare("UPDATE customers SET status = 'terminated' WHERE id = ?"));
    terminate.bind(1, customer_id);
    return terminate.run();
}

}  // namespace kimonet::store
