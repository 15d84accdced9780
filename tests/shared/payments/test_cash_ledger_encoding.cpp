// The cash ledger's canonical encoding (shared/payments/cash_ledger.hpp), byte for byte as
// docs/cash-collection.md defines it: every field in its place, text length-prefixed so a note
// cannot imitate another field, kinds as their words.
#include <boost/test/unit_test.hpp>

#include "payments/cash_ledger.hpp"

using namespace kimonet;
using namespace kimonet::payments;

BOOST_AUTO_TEST_SUITE(cash_ledger_encoding)

BOOST_AUTO_TEST_CASE(a_remittance_encodes_every_field_in_the_documented_order) {
    CashLedgerEntry entry;
    entry.seq = 12;
    entry.kind = CashEntryKind::Remittance;
    entry.collector_id = 7;
    entry.actor_id = 7;
    entry.business_date = "2026-01-15";
    entry.amount = 345000;
    entry.expected_amount = 350000;
    entry.refers_to = 4;
    entry.recorded_at = 1768471200;
    entry.note = "setoran sore";
    entry.prev_hash = "ignored";
    entry.hash = "ignored too";
    BOOST_TEST(canonical_encoding(entry) ==
               "kimonet-cash-ledger/1\nseq=12\nkind=10:remittance\ncollector_id=7\nactor_id=7\nbusiness_date=10:2026-01-15\n"
               "amount=345000\nexpected_amount=350000\ncustomer_id=0\ninvoice_id=0\npayment_id=0\nrefers_to=4\n"
               "recorded_at=1768471200\nnote=12:setoran sore\n");
}

BOOST_AUTO_TEST_CASE(a_note_cannot_imitate_another_field) {
    CashLedgerEntry honest, forged;
    honest.note = "x";
    honest.amount = 5;
    forged.note = "x\namount=5";
    forged.amount = 0;
    BOOST_TEST(canonical_encoding(honest) != canonical_encoding(forged));
    BOOST_TEST(canonical_encoding(forged).find("note=10:x\namount=5\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(kinds_round_trip_and_unknown_words_are_refused) {
    for (auto kind : {CashEntryKind::Collection, CashEntryKind::Void, CashEntryKind::Remittance, CashEntryKind::Confirmation}) {
        CashEntryKind read = CashEntryKind::Collection;
        BOOST_TEST(parse_cash_entry_kind(to_string(kind), read));
        BOOST_TEST((read == kind));
    }
    CashEntryKind read = CashEntryKind::Void;
    BOOST_TEST(!parse_cash_entry_kind("refund", read));
    BOOST_TEST((read == CashEntryKind::Void));
}

BOOST_AUTO_TEST_CASE(net_cash_is_collections_less_their_voids) {
    BOOST_TEST(net_of({500000, 150000}).value() == 350000);
    BOOST_TEST(!static_cast<bool>(net_of({100, 200})));
}

BOOST_AUTO_TEST_SUITE_END()
