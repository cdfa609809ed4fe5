// Reading and writing the CLI's files.
#ifndef CONFORM_TOOLS_CLI_CLI_FILES_H_
#define CONFORM_TOOLS_CLI_CLI_FILES_H_

#include <string>
#include <string_view>

#include "conform/core/result.h"

namespace conform::cli {

// A whole file of at most `max_bytes`; a larger one is refused after reading
// no more than that, so a huge or endless input cannot exhaust memory.
Result<std::string> ReadFileText(const std::string& path, size_t max_bytes = size_t{64} << 20);

// Writes `text` to `path` ("-": standard output). A regular file is written
// under a temporary name and renamed, so no reader sees half of it; a device
// or pipe is written in place, never renamed over. With `secret`, the file is
// readable by its owner only.
Status WriteFileAtomically(const std::string& path, const std::string& text, bool secret = false);

// Whether `path` can be written, checked before a long run whose output
// would otherwise be lost at the end: its directory exists and is
// writable, and it is not a directory or a read-only file. `what` names the
// output in the message ("model", "HTML report").
Status CheckWritable(const std::string& path, std::string_view what);

}  // namespace conform::cli

#endif  // CONFORM_TOOLS_CLI_CLI_FILES_H_
