#include "store/coretax_store.hpp"

#include "store/store_time.hpp"

namespace kimonet::store {

namespace {

constexpr const char* kEligible =
    " FROM invoices i JOIN customers c ON c.id = i.customer_id"
    " WHERE i.period = ? AND i.status <> 'void' AND i.tax > 0 AND c.needs_faktur = 1 AND (c.npwp <> '' OR c.nik <> '')";

std::string pending_only(bool again) { return again ? "" : " AND i.coretax_exported_at IS NULL"; }

}  // namespace

Result<CoretaxCounts> coretax_counts(Database& db, const Period& period) {
    auto statement = TRY(db.prepare(std::string("SELECT COALESCE(SUM(CASE WHEN i.coretax_exported_at IS NULL THEN 1 ELSE 0 END), 0), "
                                                "COALESCE(SUM(CASE WHEN i.coretax_exported_at IS NULL THEN 0 ELSE 1 END), 0)") +
                                    kEligible));
    statement.bind(1, to_string(period));
    CoretaxCounts counts;
    if (TRY(statement.step())) counts = CoretaxCounts{statement.column_int(0), statement.column_int(1)};
    statement.reset();
    return counts;
}

Result<std::vector<billing::CoretaxInvoice>> coretax_invoices(Database& db, const Period& period, bool again) {
    auto statement = TRY(db.prepare(
        std::string("SELECT i.invoice_no, i.issue_date, i.kind, i.subtotal, i.tax, i.tax_rate_bp, i.tax_mode, i.tax_dpp_numerator, "
                    "i.tax_dpp_denominator, c.name, c.address, c.email, c.npwp, c.nik, c.nitku, "
                    "COALESCE((SELECT CAST(SUM(-l.amount) AS BIGINT) FROM invoice_lines l WHERE l.invoice_id = i.id AND l.amount < 0), 0), "
                    "COALESCE((SELECT l.description FROM invoice_lines l WHERE l.invoice_id = i.id ORDER BY l.position LIMIT 1), '')") +
        kEligible + pending_only(again) + " ORDER BY i.issue_date, i.invoice_no"));
    statement.bind(1, to_string(period));
    std::vector<billing::CoretaxInvoice> invoices;
    while (TRY(statement.step())) {
        billing::CoretaxInvoice invoice;
        invoice.reference = statement.column_text(0);
        invoice.date = parse_date(statement.column_text(1)).value_or(Date{});
        invoice.monthly = statement.column_text(2) == "monthly";
        invoice.tax_base = statement.column_int(3);
        invoice.vat = statement.column_int(4);
        invoice.rate_basis_points = statement.column_int(5);
        const bool inclusive = statement.column_text(6) == "inclusive";
        invoice.dpp_numerator = statement.column_int(7);
        invoice.dpp_denominator = statement.column_int(8);
        invoice.buyer_name = statement.column_text(9);
        invoice.buyer_address = statement.column_text(10);
        invoice.buyer_email = statement.column_text(11);
        invoice.buyer = customers::TaxIdentity{statement.column_text(12), statement.column_text(13), statement.column_text(14), true};
        // Exclusive prices: the positive lines less the discounts are the subtotal. Inclusive prices
        // contain the PPN, so the faktur shows the net subtotal as its price and no separate discount.
        invoice.discount = inclusive ? 0 : statement.column_int(15);
        invoice.price = invoice.tax_base + invoice.discount;
        invoice.item_name = statement.column_text(16);
        invoices.push_back(std::move(invoice));
    }
    return invoices;
}

Result<std::int64_t> mark_coretax_exported(Database& db, const Period& period, bool again, std::int64_t now) {
    auto statement = TRY(db.prepare(std::string("UPDATE invoices SET coretax_exported_at = ? WHERE id IN (SELECT i.id") + kEligible +
                                    pending_only(again) + ")"));
    statement.bind(1, utc_timestamp_text(now)).bind(2, to_string(period));
    TRY_VOID(statement.run());
    return db.changes();
}

}  // namespace kimonet::store
