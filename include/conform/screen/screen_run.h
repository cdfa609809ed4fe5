// The screening batch job: stream listings from a file through the screener
// on every core and hand the results, in input order, to an observer.
// Memory stays bounded: at most a few batches are in flight.
#ifndef CONFORM_SCREEN_SCREEN_RUN_H_
#define CONFORM_SCREEN_SCREEN_RUN_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "conform/core/result.h"
#include "conform/screen/listing_reader.h"
#include "conform/screen/screener.h"
#include "conform/screen/verdict_writer.h"

namespace conform {

struct ScreenRunOptions {
  std::string input;  // path, or "-" for standard input
  ListingFormat input_format = ListingFormat::kJsonLines;
  VerdictFormat output_format = VerdictFormat::kJsonLines;
  VerdictDetail detail = VerdictDetail::kIssues;
  unsigned threads = 0;          // 0: one per core
  size_t max_errors = 0;         // stop after this many bad records; 0: never stop
  size_t batch_size = 256;  // listings handed to a worker at once
};

struct ScreenRunStats {
  size_t listings = 0;     // screened
  size_t bad_records = 0;  // reported and skipped
  size_t rows = 0;         // listing x market verdicts
  std::array<size_t, 4> verdicts{};  // indexed by Verdict
  bool stopped_early = false;        // max_errors reached
};

// Receives the run's output. Calls come from the calling thread, in input
// order.
class ScreenObserver {
 public:
  virtual ~ScreenObserver() = default;
  virtual void OnRows(std::string_view rows) = 0;
  virtual void OnBadRecord(const Diagnostic& problem) = 0;
  virtual void OnScreened(const Listing& listing, const ListingResult& result) { (void)listing, (void)result; }
  virtual void OnProgress(size_t listings, size_t bad_records) { (void)listings, (void)bad_records; }
};

// Errors: the input cannot be opened, or (CSV) its header is unusable. Bad
// records are not errors: they go to the observer and the run goes on.
Result<ScreenRunStats> RunScreen(const KnowledgeBase& kb, const Screener& screener, const ScreenRunOptions& options,
                                 ScreenObserver* observer);

}  // namespace conform

#endif  // CONFORM_SCREEN_SCREEN_RUN_H_
