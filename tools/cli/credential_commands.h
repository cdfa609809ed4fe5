// `conform keys`, `conform credential` and `conform status`.
#ifndef CONFORM_TOOLS_CLI_CREDENTIAL_COMMANDS_H_
#define CONFORM_TOOLS_CLI_CREDENTIAL_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace conform::cli {

// Registers the commands on `app`; when one runs, its exit code goes to
// *exit_code.
void AddCredentialCommands(CLI::App& app, int* exit_code);

}  // namespace conform::cli

#include <map>
#include <string>

namespace conform {

// Every *.json in `dir` that is a status list credential, by its id (empty
// `dir`: none).
std::map<std::string, std::string> LoadStatusListFiles(const std::string& dir);

}  // namespace conform

#endif  // CONFORM_TOOLS_CLI_CREDENTIAL_COMMANDS_H_
