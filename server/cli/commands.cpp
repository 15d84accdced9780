#include "cli/commands.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "cli/command_audit.hpp"
#include "network/peer_replies.hpp"
#include "store/migrations.hpp"

namespace kimonet::cli {

namespace {

struct Command {
    const char* name;
    const char* usage;
    int (*run)(const Args&);
};

constexpr Command kCommands[] = {
    {"serve", "serve [--db PATH] [--port N] [--bind 127.0.0.1] [--web DIR] [--landing DIR]", command_serve},
    {"migrate", "migrate [--db PATH]", command_migrate},
    {"db", "db copy --from sqlite:data/kimonet.db --to postgresql://user@host/db [--replace]   (every table, verified; all or nothing)",
     command_db},
    {"seed-demo", "seed-demo [--no-history] [--db PATH]   (demo packages, routers, 50 customers, staff for every role, and a year of invoices, payments, late payers, isolated customers and gateway transactions)", command_seed_demo},
    {"settings", "settings list | set KEY=VALUE... [--db PATH]   (secrets are sealed; same rules as PUT /api/settings)", command_settings},
    {"user", "user add --username U --password P --role ROLE [--name NAME] [--db PATH]", command_user},
    {"whatsapp", "whatsapp send --to 0812… --message TEXT | drain [--max N] | status | reminder [--dry-run] [--db PATH]", command_whatsapp},
    {"invoice", "invoice generate|prorate [--period=2026-01] [--notify] [--dry-run] [--db PATH]", command_invoice},
    {"payment", "payment add --invoice ID --amount N [--method cash|bank_transfer] [--paid-at DATE] [--note T] | reconcile [--older-than MIN] | use-simulator [--url URL] [--db PATH]",
     command_payment},
    {"mikrotik", "mikrotik test --server=ID [--fix] [--billing-address=IP[:PORT]] | sync [--server=ID] [--dry-run] | import --server=ID [--dry-run] | pending [--db PATH]",
     command_mikrotik},
    {"dunning", "dunning run [--dry-run] [--db PATH]   (reminders, late fees and isolation due today, by the dunning schedules)",
     command_dunning},
    {"export", "export customers|invoices|payments|revenue|customers-report|billing|bhp-uso --format xlsx|csv|pdf --out FILE [--from YYYY-MM] [--to YYYY-MM] [--per month|quarter|year] [--db PATH]",
     command_export},
    {"customer", "customer import FILE.xlsx|FILE.csv [--dry-run] [--db PATH]   (columns from the header row; all rows or none)", command_customer},
    {"audit", "audit verify | anchor [--db PATH]   (verify: walk the cash ledger's hash chain, exit 1 at the first broken row; anchor: its head into the activity log)",
     command_audit},
    {"voucher", "voucher push BATCH_ID | push --pending | expire [--db PATH]   (hotspot vouchers to the router, with progress; expiry of used/expired ones)",
     command_voucher},
    {"statement", "statement import FILE --bank bca|mandiri|bri|bni [--account ID] [--db PATH]   (a bank statement: matched lines paid, the rest to review, lines seen before skipped; progress on a terminal)",
     command_statement},
    {"isolir", "isolir auto [--force] [--dry-run] | customer --id=N [--reason=T] | restore --id=N [--db PATH]", command_isolir},
    {"radius", "radius config --out DIR [--url URL] [--listen ADDR] [--auth-port N] [--acct-port N] [--rotate] [--db PATH]   (FreeRADIUS radiusd.conf: clients, rlm_rest to Kimonet)",
     command_radius},
    {"import", "import phpnuxbill --file DUMP.sql | --mariadb mariadb://user:password@host:port/db [--dry-run] [--json] [--db PATH]   (customers, PPPoE plans, routers, recharges, balances and transactions; a mapping report; all or nothing; safe to run again; the password may come from KIMONET_IMPORT_MARIADB_PASSWORD)",
     command_import},
};

void usage() {
    std::fprintf(stderr, "Kimonet Billing\nusage: kimonet <command> [options]\n\ncommands:\n");
    for (const auto& command : kCommands) std::fprintf(stderr, "  kimonet %s\n", command.usage);
}

}  // namespace

int fail(const Error& error) {
    std::fprintf(stderr, "error: %s\n", network::terminal_line(error.message()).c_str());
    for (const auto& [field, message] : error.fields) std::fprintf(stderr, "  %s: %s\n", field.c_str(), network::terminal_line(message).c_str());
    return 1;
}

Result<app::Config> config_from(const Args& args) {
    auto config = TRY(app::load_config());
    if (args.has("db")) config.db_path = args.get("db");
    if (args.has("port")) config.port = std::atoi(args.get("port").c_str());
    if (args.has("bind")) config.bind = args.get("bind");
    if (args.has("web")) config.web_dir = args.get("web");
    if (args.has("landing")) config.landing_dir = args.get("landing");
    return config;
}

int with_cli_session(const Args& args, const std::function<int(CliSession&)>& work, const std::string& actor_name) {
    auto config = config_from(args);
    if (!config) return fail(config.error());
    auto app = app::App::open(*config, std::make_shared<app::SystemClock>());
    if (!app) return fail(app.error());
    auto lease = (*app)->database();
    if (!lease) return fail(lease.error());
    const char* user = std::getenv("USER");
    const std::string actor = actor_name.empty() ? std::string("cli:") + (user ? user : "unknown") : actor_name;
    app::Context context = (*app)->context(**lease, app::Actor{"system", 0, actor, ""});
    CliSession session{**app, **lease, context};
    return work(session);
}

int with_cli_context(const Args& args, const std::function<int(app::Context&)>& work) {
    return with_cli_session(args, [&](CliSession& session) { return work(session.context); });
}

int command_migrate(const Args& args) {
    auto config = config_from(args);
    if (!config) return fail(config.error());
    auto db = store::Database::open(config->db_path);
    if (!db) return fail(db.error());
    auto applied = store::migrate(**db);
    if (!applied) return fail(applied.error());
    std::printf("migrated %s: %d migration(s) applied\n", config->db_path.c_str(), *applied);
    return 0;
}

int run(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "help") == 0) {
        usage();
        return argc < 2 ? 2 : 0;
    }
    for (const auto& command : kCommands) {
        if (std::strcmp(argv[1], command.name) == 0) return command.run(parse_args(argc, argv, 2, {"notify", "dry-run", "force", "replace", "no-history", "pending", "json"}));
    }
    std::fprintf(stderr, "unknown command '%s'\n", argv[1]);
    usage();
    return 2;
}

}  // namespace kimonet::cli
