#pragma once
// Hotspot profiles, voucher batches, resellers and voucher sales (issue 19).
#include "app/app.hpp"
#include "http/router.hpp"

namespace kimonet::http {

void register_voucher_routes(Router& router, app::App& app);

}  // namespace kimonet::http
