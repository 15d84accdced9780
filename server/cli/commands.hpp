#pragma once
// The `kimonet` executable's subcommands. Each calls the same service functions as the API.
#include <functional>
#include <string>

#include "app/app.hpp"
#include "cli/args.hpp"

namespace kimonet::cli {

int run(int argc, char** argv);

// Shared by subcommands: config from env/.env, overridden by --db/--port/--bind/--web.
Result<app::Config> config_from(const Args& args);
// What a subcommand that works on the data holds while it runs: the opened (migrated) App, one
// connection, and a context acting as "cli:<user>" (or the actor the command names).
struct CliSession {
    app::App& app;
    store::Database& database;
    app::Context& context;
};
// Opens the app and runs `work` in a CliSession; the one opening every data subcommand shares.
int with_cli_session(const Args& args, const std::function<int(CliSession&)>& work, const std::string& actor_name = "");
// The same for a subcommand that needs only the context (almost all of them).
int with_cli_context(const Args& args, const std::function<int(app::Context&)>& work);
// Prints an error the way every subcommand does and returns the exit code 1.
int fail(const Error& error);
// "\r[##########----------]  50%  50000/100000" on stderr (callers check it is a terminal).
void draw_progress(std::int64_t done, std::int64_t total);

int command_serve(const Args& args);
int command_migrate(const Args& args);
int command_db(const Args& args);  // db copy --from URL --to URL [--replace]
int command_seed_demo(const Args& args);
int command_user(const Args& args);
int command_settings(const Args& args);
int command_whatsapp(const Args& args);
int command_invoice(const Args& args);
int command_payment(const Args& args);
int command_payment_reconcile(const Args& args);      // payment reconcile (gateways)
int command_payment_use_simulator(const Args& args);  // payment use-simulator (demo)
int command_mikrotik(const Args& args);
int command_isolir(const Args& args);
int command_radius(const Args& args);  // radius config --out DIR
int command_export(const Args& args);    // export customers|invoices|payments|revenue|customers-report|billing
int command_customer(const Args& args);  // customer import FILE [--dry-run]
int command_dunning(const Args& args);
int command_voucher(const Args& args);  // voucher push BATCH_ID | push --pending | expire
int command_statement(const Args& args);  // statement import FILE --bank … [--account ID] (cli/command_statement.cpp)
int command_import(const Args& args);     // import phpnuxbill --file DUMP.sql | --mariadb URL [--dry-run] (cli/command_import.cpp)

}  // namespace kimonet::cli
