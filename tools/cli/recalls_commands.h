// `conform recalls import` and `conform recalls list`: regulators' recall
// feeds into a notice store, and the store's notices back out.
//
// Exit codes of `recalls import`: 0 every record imported (warnings, such as
// invalid barcodes, are printed but do not fail it); 1 some malformed records
// were skipped and the rest imported; 2 bad input (a file that cannot be
// read, is not JSON, is another source's feed or a CPSC error answer; a
// store that cannot be opened or written), in which case nothing is
// imported from any of the files.
#ifndef CONFORM_TOOLS_CLI_RECALLS_COMMANDS_H_
#define CONFORM_TOOLS_CLI_RECALLS_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace conform::cli {

// Registers `recalls` and its subcommands on `app`; when one runs, its exit
// code goes to *exit_code.
void AddRecallsCommands(CLI::App& app, int* exit_code);

}  // namespace conform::cli

#endif  // CONFORM_TOOLS_CLI_RECALLS_COMMANDS_H_
