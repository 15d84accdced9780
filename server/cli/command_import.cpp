// kimonet import phpnuxbill --file DUMP.sql | --mariadb URL [--dry-run] [--json]
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "cli/commands.hpp"
#include "core/import_messages.hpp"
#include "store/mariadb_source.hpp"
#include "services/phpnuxbill_import.hpp"

namespace kimonet::cli {

namespace {

Result<imports::PhpnuxbillData> phpnuxbill_source(const Args& args) {
    if (args.has("file") == args.has("mariadb")) return make_error(ErrorCode::BadRequest, messages::kImportSourceRequired);
    if (args.has("file")) {
        std::ifstream in(args.get("file"), std::ios::binary);
        if (!in) return make_error(ErrorCode::NotFound, messages::with_detail(messages::kCannotReadFile, args.get("file")));
        return imports::read_phpnuxbill_dump(in);
    }
    auto target = TRY(imports::parse_mariadb_url(args.get("mariadb")));
    // The password may come from the environment rather than the command line (which `ps` shows).
    if (const char* password = std::getenv("KIMONET_IMPORT_MARIADB_PASSWORD")) target.password = password;
    return imports::read_phpnuxbill_mariadb(target);
}

void print_import_counts(const char* what, const api::Json& counts) {
    std::printf("%-10s new %lld, already there %lld, imported before %lld (changed since: %lld)\n", what,
                static_cast<long long>(counts.value("new", 0)), static_cast<long long>(counts.value("existing", 0)),
                static_cast<long long>(counts.value("unchanged", 0) + counts.value("changed", 0)), static_cast<long long>(counts.value("changed", 0)));
}

void print_import_report(const api::Json& report) {
    const auto& source = report["source"];
    std::printf("PHPNuxBill: %lld customers, %lld plans, %lld routers, %lld recharges, %lld transactions, %lld vouchers\n",
                static_cast<long long>(source["customers"]), static_cast<long long>(source["plans"]), static_cast<long long>(source["routers"]),
                static_cast<long long>(source["recharges"]), static_cast<long long>(source["transactions"]), static_cast<long long>(source["vouchers"]));
    for (const auto& router : report["routers"]["mapping"])
        std::printf("  router %s (%s:%lld) -> %s\n", router["name"].get<std::string>().c_str(), router["host"].get<std::string>().c_str(),
                    static_cast<long long>(router["port"]), router["to"].get<std::string>().c_str());
    for (const auto& package : report["packages"]["mapping"])
        std::printf("  plan %s (Rp %lld, %lld/%lld kbps) -> %s\n", package["plan"].get<std::string>().c_str(), static_cast<long long>(package["price"]),
                    static_cast<long long>(package["download_kbps"]), static_cast<long long>(package["upload_kbps"]), package["to"].get<std::string>().c_str());
    print_import_counts("routers", report["routers"]);
    print_import_counts("packages", report["packages"]);
    print_import_counts("customers", report["customers"]);
    const auto& customers = report["customers"];
    std::printf("           active %lld, isolated %lld, inactive %lld; credit Rp %lld\n", static_cast<long long>(customers["active"]),
                static_cast<long long>(customers["isolated"]), static_cast<long long>(customers["inactive"]), static_cast<long long>(customers["credit_total"]));
    const auto& invoices = report["invoices"];
    std::printf("invoices   new %lld (paid, Rp %lld), imported before %lld\n", static_cast<long long>(invoices["new"]),
                static_cast<long long>(invoices["paid_total"]), static_cast<long long>(invoices["unchanged"]));
    for (const auto& [reason, count] : invoices["dropped"].items())
        std::printf("  transactions left out: %lld (%s)\n", static_cast<long long>(count), reason.c_str());
    for (const auto& dropped : report["dropped"]) {
        std::printf("  dropped %s %lld %s", dropped["table"].get<std::string>().c_str(), static_cast<long long>(dropped["id"]),
                    dropped["name"].get<std::string>().c_str());
        if (dropped.contains("line")) std::printf(" (line %lld)", static_cast<long long>(dropped["line"]));
        std::printf(": %s\n", dropped["reason"].get<std::string>().c_str());
    }
    for (const auto& changed : report["changed"])
        std::printf("  changed at PHPNuxBill since the last import (not applied): %s %lld %s: %s\n", changed["table"].get<std::string>().c_str(),
                    static_cast<long long>(changed["id"]), changed["name"].get<std::string>().c_str(), changed["fields"].dump().c_str());
    std::printf(report["dry_run"].get<bool>() ? "dry run: nothing was written; run again without --dry-run to import\n"
                                              : "imported (one transaction)\n");
}

}  // namespace

int command_import(const Args& args) {
    if (args.positional.empty() || args.positional[0] != "phpnuxbill") {
        std::fprintf(stderr, "usage: kimonet import phpnuxbill --file DUMP.sql | --mariadb mariadb://user:password@host:port/db [--dry-run] [--json]\n");
        return 2;
    }
    auto data = phpnuxbill_source(args);
    if (!data) return fail(data.error());
    return with_cli_context(args, [&](app::Context& context) -> int {
        auto report = services::import_phpnuxbill(context, *data, args.has("dry-run"));
        if (!report) return fail(report.error());
        if (args.has("json")) std::printf("%s\n", report->dump(2).c_str());
        else print_import_report(*report);
        return 0;
    });
}

}  // namespace kimonet::cli
