// `kimonet radius config`: writes the FreeRADIUS configuration Kimonet needs (radiusd.conf for its
// own raddb directory, mode 0600: it holds the NAS secrets and Kimonet's credential) and makes the
// radius_api_secret FreeRADIUS presents, once (--rotate makes a new one; restart FreeRADIUS then).
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/commands.hpp"
#include "services/radius_service.hpp"

namespace kimonet::cli {

int command_radius(const Args& args) {
    const std::string action = args.positional.empty() ? "" : args.positional[0];
    if (action != "config" || args.get("out", "").empty()) {
        std::fprintf(stderr,
                     "usage: kimonet radius config --out DIR [--url http://127.0.0.1:8080] [--listen 127.0.0.1] [--auth-port 1812] "
                     "[--acct-port 1813] [--run-dir DIR] [--rotate] [--db PATH]\n");
        return 2;
    }
    return with_cli_context(args, [&](app::Context& context) {
        const std::filesystem::path out = std::filesystem::absolute(args.get("out", ""));
        radius::FreeradiusConfig config;
        config.raddb_dir = out.string();
        config.run_dir = std::filesystem::absolute(args.get("run-dir", (out / "run").string())).string();
        config.kimonet_url = args.get("url", "http://127.0.0.1:8080");
        config.listen_address = args.get("listen", "*");
        config.auth_port = std::atoi(args.get("auth-port", "1812").c_str());
        config.acct_port = std::atoi(args.get("acct-port", "1813").c_str());
        auto text = services::freeradius_config_text(context, config, args.has("rotate"));
        if (!text) return fail(text.error());
        std::error_code ignored;
        std::filesystem::create_directories(out, ignored);
        std::filesystem::create_directories(config.run_dir, ignored);
        const std::string file = (out / "radiusd.conf").string();
        {
            std::ofstream stream(file, std::ios::trunc);
            stream << *text;
            if (!stream) {
                std::fprintf(stderr, "error: cannot write %s\n", file.c_str());
                return 1;
            }
        }
        ::chmod(file.c_str(), 0600);
        std::printf("wrote %s\nstart: freeradius -f -d %s -n radiusd\n", file.c_str(), config.raddb_dir.c_str());
        return 0;
    });
}

}  // namespace kimonet::cli
