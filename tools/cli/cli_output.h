// What the CLI prints on the terminal about its inputs.
#ifndef CONFORM_TOOLS_CLI_CLI_OUTPUT_H_
#define CONFORM_TOOLS_CLI_CLI_OUTPUT_H_

#include <string_view>

#include "conform/core/result.h"

namespace conform::cli {

// "conform: error: ..." on standard error, one line per diagnostic. The
// messages quote feeds, listings and credentials: their control characters
// are written out (ForTerminal) rather than sent to the terminal.
void PrintError(const Error& e);

// "conform: " and `line` on standard error, its control characters written
// out.
void PrintNote(std::string_view line);

}  // namespace conform::cli

#endif  // CONFORM_TOOLS_CLI_CLI_OUTPUT_H_
