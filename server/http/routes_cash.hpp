#pragma once
// Cash collection's routes (issue 20), registered by routes.cpp: areas, collectors' route and day,
// remittances, the cash report and the ledger's proof.
#include "app/app.hpp"
#include "http/router.hpp"

namespace kimonet::http {

void register_cash_routes(Router& router, app::App& app);

}  // namespace kimonet::http
