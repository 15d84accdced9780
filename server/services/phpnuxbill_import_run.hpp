#pragma once
// The state of one PHPNuxBill import run (services/phpnuxbill_import.cpp), shared with the part
// that turns transactions into paid invoices (phpnuxbill_history.cpp). Internal to those two files.
#include <map>
#include <string>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "imports/phpnuxbill_data.hpp"
#include "store/import_key_store.hpp"

namespace kimonet::services::phpnuxbill {

struct ImportRun {
    app::Context& context;
    const imports::PhpnuxbillData& data;
    api::Json report;
    std::map<std::string, std::int64_t> customer_by_username;  // imported now or before
    std::map<std::string, store::ImportKey> invoice_keys;

    // A row left out, with why (Indonesian: the operator reads it).
    void drop(const char* table, std::int64_t id, const std::string& name, const std::string& reason, std::size_t line);
    // A row imported before whose mapped fields changed at the source since: reported, not applied.
    void changed(const char* table, std::int64_t id, const std::string& name, const api::Json& before, const api::Json& now);
};

// The mapped fields of a row as a compact JSON text (the key's fingerprint).
std::string fingerprint_of(const api::Json& fields);

// Transactions of imported customers as paid invoices (one transaction each, numbered in its own month).
Result<void> import_history(ImportRun& run);

}  // namespace kimonet::services::phpnuxbill
