// What the CLI prints on the terminal about its inputs.
#ifndef CONFORM_TOOLS_CLI_CLI_OUTPUT_H_
#define CONFORM_TOOLS_CLI_CLI_OUTPUT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "conform/core/result.h"

namespace conform::cli {

// "conform: error: ..." on standard error, one line per diagnostic. The
// messages quote feeds, listings and credentials: their control characters
// are written out (ForTerminal) rather than sent to the terminal.
void PrintError(const Error& e);

// "conform: " and `line` on standard error, its control characters written
// out.
void PrintNote(std::string_view line);

// "1 record", "2 records", "0 records": a count and its noun, in the
// plural unless the count is one.
std::string Counted(size_t n, std::string_view noun, std::string_view plural = {});

// A listings file that holds no listing (empty, or a header alone),
// refused: an export cut short would read as nothing found. `outcome`
// ends the hint ("matches nothing").
Error NoListings(const std::string& path, std::string_view outcome);

// The listing_ids of a file read, to say when one is given twice: whoever
// reads the output by id would otherwise see one of the records only. Ids
// are kept as hashes, 16 bytes a listing.
class RepeatedListingIds {
 public:
  void Add(const std::string& listing_id, size_t line);
  // When some id was given before: a warning naming `input`, how many
  // records repeat one, the lines of the first pair, and `what` ("each is
  // screened and written").
  void Warn(std::string_view input, std::string_view what);

 private:
  std::vector<std::pair<size_t, size_t>> ids_;  // hash of each listing_id, and its line
};

}  // namespace conform::cli

#endif  // CONFORM_TOOLS_CLI_CLI_OUTPUT_H_
