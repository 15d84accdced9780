#include "services/bank_statement_service.hpp"

#include <unordered_map>

#include "core/text.hpp"
#include "core/bank_transfer_messages.hpp"
#include "billing/unique_code.hpp"
#include "payments/statement_matching.hpp"
#include "security/crypto.hpp"
#include "services/activity_log.hpp"
#include "services/billing_notifications.hpp"
#include "services/payment_service.hpp"
#include "spreadsheets/import_limits.hpp"
#include "spreadsheets/uploaded_table.hpp"
#include "store/bank_statement_store.hpp"
#include "store/invoice_store.hpp"

namespace kimonet::services {

namespace {

api::BankStatementLineResource resource_of(const store::StatementLineRow& row) {
    api::BankStatementLineResource line;
    line.id = row.id;
    line.bank = row.bank;
    line.account = row.account;
    line.posted_on = row.posted_on;
    line.amount = row.amount;
    line.description = row.description;
    line.file_row = row.file_row;
    line.status = row.status;
    line.match_rule = row.match_rule;
    line.review_reason = row.review_reason;
    line.suggested_invoice_id = row.suggested_invoice_id;
    line.invoice_id = row.invoice_id;
    line.payment_id = row.payment_id;
    line.invoice_no = row.invoice_no;
    line.customer_name = row.customer_name;
    line.service_number = row.service_number;
    line.note = row.note;
    line.resolved_by = row.resolved_by;
    return line;
}

// The line's identity: what the bank itself says about it. `occurrence` tells apart identical
// lines within one file (two equal transfers on one day in an export without running balance).
std::string line_key(payments::Bank bank, const std::string& account, const payments::StatementLine& line, int occurrence) {
    std::string facts = std::string(payments::to_string(bank));
    for (const std::string& part : {account, to_string(line.date), std::to_string(line.amount), std::string(line.whole_rupiah ? "" : "c"),
                                    line.description, line.balance, line.reference, std::to_string(occurrence)})
        facts.append("\x1f").append(part);
    return security::sha256_hex(facts);
}

// A bank line's payment time: the start of its day (never later than now).
std::int64_t paid_at_of(const app::Context& context, const Date& date) {
    return std::min(context.now, unix_from_local(LocalDateTime{date, 0, 0, 0}, context.offset));
}

std::string payment_note(const std::string& bank, const std::string& account, std::int64_t file_row) {
    return "mutasi " + to_upper_ascii(bank) + (account.empty() ? std::string() : " " + account) + " baris " + std::to_string(file_row);
}

Result<PaymentReceipt> pay_line(app::Context& context, const store::StatementLineRow& line, std::int64_t invoice_id,
                                bool confirmation_required, const std::string& confirm, const std::optional<billing::Invoice>& invoice) {
    PaymentRequest request;
    request.invoice_id = invoice_id;
    request.amount = line.amount;
    request.method = payments::PaymentMethod::BankTransfer;
    request.paid_at = paid_at_of(context, parse_date(line.posted_on).value_or(context.today()));
    request.note = payment_note(line.bank, line.account, line.file_row);
    request.receipt_with_lines = false;
    request.confirmation_required = confirmation_required;
    request.confirm = confirm;
    request.invoice = invoice;
    auto receipt = TRY(record_payment_in_transaction(context, request));
    TRY_VOID(queue_payment_receipt(context, receipt, "payment:" + std::to_string(receipt.payment.id),
                                   payment_method_label(receipt.payment.method)));
    return receipt;
}

Result<store::StatementLineRow> line_under_review(app::Context& context, std::int64_t id) {
    auto line = TRY(store::find_statement_line(context.db, id));
    if (!line) return make_error(ErrorCode::NotFound, messages::kStatementLineNotFound);
    if (line->status != "review") return make_error(ErrorCode::Conflict, messages::kStatementLineResolved);
    return std::move(*line);
}

}  // namespace

Result<api::BankStatementImportResource> import_bank_statement(app::Context& context, std::string_view file,
                                                               std::optional<payments::Bank> bank) {
    return import_bank_statement(context, file, StatementImportOptions{bank, {}, {}});
}

Result<api::BankStatementImportResource> import_bank_statement(app::Context& context, std::string_view file,
                                                               const StatementImportOptions& options) {
    const auto table = TRY(spreadsheets::read_uploaded_table(
        file, CsvLimits{spreadsheets::kMaxImportColumns, payments::kMaxStatementRows + 50}));
    auto statement = TRY(payments::read_bank_statement(table.sheet.rows, table.sheet.row_numbers, options.bank));
    if (!options.account.empty()) {
        if (!statement.account.empty() && statement.account != options.account)
            return validation_error({{"account", messages::with_detail(messages::kStatementOtherAccount, statement.account)}});
        statement.account = options.account;
    }
    api::BankStatementImportResource summary;
    summary.bank = std::string(payments::to_string(statement.bank));
    summary.account = statement.account;
    summary.format = table.format;
    summary.credits = static_cast<std::int64_t>(statement.credits.size());
    summary.debits = statement.debits;
    summary.pending = statement.pending;

    std::vector<store::StatementLineRow> rows;
    rows.reserve(statement.credits.size());
    std::unordered_map<std::string, int> occurrences;
    for (const auto& line : statement.credits) {
        const std::string base = line_key(statement.bank, statement.account, line, 0);
        store::StatementLineRow row;
        row.line_key = line_key(statement.bank, statement.account, line, ++occurrences[base]);
        row.bank = summary.bank;
        row.account = statement.account;
        row.posted_on = to_string(line.date);
        row.amount = line.amount;
        row.description = line.description;
        row.balance = line.balance;
        row.reference = line.reference;
        row.file_row = static_cast<std::int64_t>(line.row);
        row.imported_at = context.now;
        row.imported_by = context.actor.name;
        rows.push_back(std::move(row));
    }

    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        payments::StatementMatcher matcher(TRY(store::open_invoices_for_matching(context.db)));
        const auto total = static_cast<std::int64_t>(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (options.progress && i > 0 && i % 500 == 0) options.progress(static_cast<std::int64_t>(i), total);
            auto& row = rows[i];
            payments::MatchDecision decision;
            if (TRY(store::same_line_stored_otherwise(context.db, row))) decision.reason = payments::ReviewReason::EditedDuplicate;
            else decision = matcher.match(statement.credits[i]);
            row.status = decision.pay_invoice_id ? "paid" : "review";
            row.match_rule = std::string(payments::to_string(decision.rule));
            row.review_reason = std::string(payments::to_string(decision.reason));
            row.suggested_invoice_id = decision.pay_invoice_id ? decision.pay_invoice_id : decision.suggested_invoice_id;
            const auto id = TRY(store::insert_statement_line(context.db, row));
            if (!id) {
                ++summary.repeated;
                continue;
            }
            row.id = *id;
            ++summary.added;
            if (!decision.pay_invoice_id) {
                ++summary.review;
                continue;
            }
            const auto receipt = TRY(pay_line(context, row, *decision.pay_invoice_id, false, {}, std::nullopt));
            TRY_VOID(store::resolve_statement_line(context.db, row.id, "paid", row.match_rule, receipt.invoice.id, receipt.payment.id,
                                                   {}, context.now, context.actor.name));
            matcher.record_payment(receipt.invoice.id, row.amount);
            ++summary.paid;
            summary.paid_amount += row.amount;
        }
        if (options.progress) options.progress(total, total);
        // A re-import that found only lines stored before changes nothing, not even the log.
        if (summary.added == 0) return Result<void>{};
        return log_activity(context, "bank_statement.import", "bank_statement", std::nullopt, nullptr, api::to_json(summary));
    }));
    return summary;
}

Result<StatementLineList> list_statement_lines(app::Context& context, const std::string& status, int page, int per_page) {
    const std::string wanted = status.empty() ? "review" : status;
    if (wanted != "review" && wanted != "paid" && wanted != "ignored" && wanted != "all")
        return validation_error({{"status", messages::kStatementStatusChoice}});
    const auto found = TRY(store::list_statement_lines(context.db, wanted == "all" ? std::string() : wanted, page, per_page));
    StatementLineList list;
    list.total = found.total;
    for (const auto& row : found.rows) list.lines.push_back(resource_of(row));
    return list;
}

Result<api::BankStatementLineResource> match_statement_line(app::Context& context, std::int64_t id, const api::Json& input) {
    api::FieldReader reader(input);
    std::int64_t invoice_id = 0;
    std::string confirm, invoice_no;
    reader.read("invoice_id", invoice_id);
    reader.read("invoice_no", invoice_no);  // what the review screen's cashier types
    reader.read("confirm", confirm);
    invoice_no = trim_copy(invoice_no);
    if (invoice_no.size() > 64) reader.add_error("invoice_no", messages::kInvoiceNotFound);
    if (!reader.has("invoice_no") && (!reader.has("invoice_id") || (reader.ok() && invoice_id <= 0)))
        reader.add_error("invoice_id", messages::kRequired);
    if (!confirm.empty() && confirm != "partial" && confirm != "overpayment") reader.add_error("confirm", messages::kConfirmChoice);
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    api::BankStatementLineResource result;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const auto line = TRY(line_under_review(context, id));
        if (!invoice_no.empty()) {
            const auto found = TRY(store::find_invoice_id_by_number(context.db, invoice_no));
            if (!found) return validation_error({{"invoice_no", messages::kInvoiceNotFound}});
            invoice_id = *found;
        }
        const auto invoice = TRY(store::find_invoice_without_lines(context.db, invoice_id));
        if (!invoice) return validation_error({{"invoice_id", messages::kInvoiceNotFound}});
        if (invoice->outstanding() <= 0) return validation_error({{"invoice_id", messages::kInvoicePaidOrVoid}});
        // The amount asked for (with or without its unique code) needs no confirmation; anything else does.
        const Money code = TRY(store::invoice_unique_code(context.db, invoice_id));
        const bool asked = line.amount == invoice->outstanding() || line.amount == billing::transfer_amount(invoice->outstanding(), code);
        const auto receipt = TRY(pay_line(context, line, invoice_id, !asked, confirm, invoice));
        TRY_VOID(store::resolve_statement_line(context.db, id, "paid", "manual", invoice_id, receipt.payment.id, {}, context.now,
                                               context.actor.name));
        TRY_VOID(log_activity(context, "bank_statement.match", "bank_statement_line", id, {{"status", "review"}},
                              {{"status", "paid"}, {"invoice_no", invoice->invoice_no}, {"receipt_no", receipt.payment.receipt_no}}));
        result = resource_of(*TRY(store::find_statement_line(context.db, id)));
        return {};
    }));
    return result;
}

Result<api::BankStatementLineResource> ignore_statement_line(app::Context& context, std::int64_t id, const api::Json& input) {
    api::FieldReader reader(input);
    std::string note;
    reader.read("note", note);
    note = trim_copy(note);
    if (utf8_length(note) > 500) reader.add_error("note", messages::kTooLong500);
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    api::BankStatementLineResource result;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        (void)TRY(line_under_review(context, id));
        TRY_VOID(store::resolve_statement_line(context.db, id, "ignored", "", std::nullopt, std::nullopt, note, context.now,
                                               context.actor.name));
        TRY_VOID(log_activity(context, "bank_statement.ignore", "bank_statement_line", id, {{"status", "review"}},
                              {{"status", "ignored"}, {"note", note}}));
        result = resource_of(*TRY(store::find_statement_line(context.db, id)));
        return {};
    }));
    return result;
}

}  // namespace kimonet::services
