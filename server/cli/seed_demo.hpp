#pragma once
// The demo data behind `kimonet seed-demo` (and the integration tests): 4 packages,
// 2 routers, a staff user per role and 50 customers, all with password "demo12345".
#include "app/context.hpp"

namespace kimonet::cli {

Result<void> seed_demo(app::Context& context);

}  // namespace kimonet::cli
