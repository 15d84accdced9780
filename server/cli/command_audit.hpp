#pragma once
// `kimonet audit verify|anchor` (cli/command_audit.cpp): the cash ledger's hash chain.
#include "cli/args.hpp"

namespace kimonet::cli {

int command_audit(const Args& args);

}  // namespace kimonet::cli
