#pragma once
// Reads for applying a gateway callback inside its write transaction (services/gateway_callback_service.cpp).
#include <optional>
#include <string>

#include "store/database.hpp"
#include "store/gateway_store.hpp"

namespace kimonet::store {

struct TransactionForCallback {
    StoredTransaction transaction;
    std::string invoice_status;  // of transaction.invoice_id; "" when there is no such invoice
};

// find_transaction_for_event and the status of its invoice, in one statement (one round trip fewer
// per callback than reading the status afterwards).
Result<std::optional<TransactionForCallback>> find_transaction_for_callback(Database& db, const std::string& gateway, bool by_reference,
                                                                            const std::string& key);

}  // namespace kimonet::store
