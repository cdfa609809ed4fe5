#include "cli_output.h"

#include <cstdio>
#include <string>

#include "conform/core/text.h"

namespace conform::cli {

void PrintError(const Error& e) { std::fprintf(stderr, "conform: error: %s\n", ForTerminal(e.ToString(), /*keep_newlines=*/true).c_str()); }

void PrintNote(std::string_view line) { std::fprintf(stderr, "conform: %s\n", ForTerminal(line).c_str()); }

}  // namespace conform::cli
