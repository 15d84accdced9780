#pragma once
// The invoices of a month that go to Coretax as faktur keluaran: taxed, not void, of customers who
// asked for a faktur and carry an NPWP or NIK; and the mark that they went out.
#include <string>
#include <vector>

#include "billing/coretax_xml.hpp"
#include "billing/tax.hpp"
#include "store/database.hpp"

namespace kimonet::store {

struct CoretaxCounts {
    std::int64_t pending = 0;   // not exported yet
    std::int64_t exported = 0;  // already in an earlier file
};

Result<CoretaxCounts> coretax_counts(Database& db, const Period& period);

// The fakturs of `period` in date and number order; `again`: also those already exported.
// Amounts are the invoices' stored figures (TaxBase = subtotal, PPN = tax, the stored DPP fraction).
Result<std::vector<billing::CoretaxInvoice>> coretax_invoices(Database& db, const Period& period, bool again);

// Marks the same selection exported at `now`; returns how many rows it marked.
Result<std::int64_t> mark_coretax_exported(Database& db, const Period& period, bool again, std::int64_t now);

}  // namespace kimonet::store
