// The composition root: `kimonet <command>`. Configuration is read from the environment
// and an optional .env (see app/config.hpp); each command wires the adapters it needs.
#include "cli/commands.hpp"

int main(int argc, char** argv) { return kimonet::cli::run(argc, argv); }
