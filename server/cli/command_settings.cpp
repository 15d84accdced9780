#include <cstdio>

#include "cli/commands.hpp"
#include "services/settings.hpp"

namespace kimonet::cli {

// `kimonet settings list` and `kimonet settings set key=value …`: the same service as
// PUT /api/settings (validation, sealing of secrets, activity log), for operators and scripts.
int command_settings(const Args& args) {
    const std::string action = args.positional.empty() ? "" : args.positional[0];
    if (action != "list" && action != "set") {
        std::fprintf(stderr, "usage: kimonet settings list | set KEY=VALUE... [--db PATH]\n");
        return 2;
    }
    auto config = config_from(args);
    if (!config) return fail(config.error());
    auto app = app::App::open(*config, std::make_shared<app::SystemClock>());
    if (!app) return fail(app.error());
    auto lease = (*app)->database();
    if (!lease) return fail(lease.error());
    if (action == "list") {
        auto settings = services::settings_for_api(**lease);
        if (!settings) return fail(settings.error());
        for (const auto& [key, value] : settings->items())
            std::printf("%-32s %s\n", key.c_str(), value.is_string() ? value.get<std::string>().c_str() : value.dump().c_str());
        return 0;
    }
    std::map<std::string, std::string> values;
    for (std::size_t i = 1; i < args.positional.size(); ++i) {
        const std::string& pair = args.positional[i];
        const auto equals = pair.find('=');
        if (equals == std::string::npos || equals == 0) return fail(make_error(ErrorCode::BadRequest, "expected KEY=VALUE, got '" + pair + "'"));
        values[pair.substr(0, equals)] = pair.substr(equals + 1);
    }
    app::Context context = (*app)->context(**lease, app::Actor{"system", 0, "cli", ""});
    if (auto updated = services::update_settings(context, values); !updated) return fail(updated.error());
    std::printf("%zu setting(s) updated\n", values.size());
    return 0;
}

}  // namespace kimonet::cli
