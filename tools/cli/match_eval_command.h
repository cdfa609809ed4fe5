// `conform match-eval`: trains the recall pair matcher on labelled pairs and
// reports its precision, recall and F1 per split.
#ifndef CONFORM_TOOLS_CLI_MATCH_EVAL_COMMAND_H_
#define CONFORM_TOOLS_CLI_MATCH_EVAL_COMMAND_H_

#include <CLI/CLI.hpp>

namespace conform::cli {

// Registers the command on `app`; when it runs, its exit code goes to
// *exit_code.
void AddMatchEvalCommand(CLI::App& app, int* exit_code);

}  // namespace conform::cli

#endif  // CONFORM_TOOLS_CLI_MATCH_EVAL_COMMAND_H_
