#include <cstdio>

#include "cli/commands.hpp"
#include "services/settings.hpp"

namespace kimonet::cli {

// `kimonet settings list` and `kimonet settings set key=value …`: the same service as
// PUT /api/settings (validation, sealing of secrets, activity log), for operators and scripts.
namespace {

int list(app::Context& context) {
    auto settings = services::settings_for_api(context.db);
    if (!settings) return fail(settings.error());
    for (const auto& [key, value] : settings->items())
        std::printf("%-32s %s\n", key.c_str(), value.is_string() ? value.get<std::string>().c_str() : value.dump().c_str());
    return 0;
}

int set(app::Context& context, const Args& args) {
    std::map<std::string, std::string> values;
    for (std::size_t i = 1; i < args.positional.size(); ++i) {
        const std::string& pair = args.positional[i];
        const auto equals = pair.find('=');
        if (equals == std::string::npos || equals == 0) return fail(make_error(ErrorCode::BadRequest, messages::with_detail(messages::kExpectedKeyValue, "'" + pair + "'")));
        values[pair.substr(0, equals)] = pair.substr(equals + 1);
    }
    if (auto updated = services::update_settings(context, values); !updated) return fail(updated.error());
    std::printf("%zu setting(s) updated\n", values.size());
    return 0;
}

}  // namespace

int command_settings(const Args& args) {
    const std::string action = args.positional.empty() ? "" : args.positional[0];
    if (action != "list" && action != "set") {
        std::fprintf(stderr, "usage: kimonet settings list | set KEY=VALUE... [--db PATH]\n");
        return 2;
    }
    return with_cli_context(args, [&](app::Context& context) { return action == "list" ? list(context) : set(context, args); });
}

}  // namespace kimonet::cli
