// Streaming readers for listing files: JSON Lines and CSV
// (doc/listing-format.md). Memory stays constant whatever the file size.
#ifndef CONFORM_SCREEN_LISTING_READER_H_
#define CONFORM_SCREEN_LISTING_READER_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "conform/core/listing.h"
#include "conform/core/result.h"

namespace conform {

enum class ListingFormat { kJsonLines, kCsv };

// What a listing is read for, which decides the fields it must have.
// Screening needs listing_id, seller_id, title and target_markets; recall
// matching listing_id and title alone: a listing without a seller or its
// markets still sells what it sells, and is matched.
enum class ListingUse { kScreening, kRecallMatching };

// "jsonl"/"json"/"ndjson" or "csv" from a format name or a file extension.
Result<ListingFormat> ListingFormatFromName(std::string_view name);

// The longest record accepted; longer ones are reported and skipped.
inline constexpr size_t kMaxRecordBytes = 1 << 20;

// The listing fields a reader knows: the JSON keys and the CSV columns of
// doc/listing-format.md, for "did you mean" hints on ignored ones.
const std::vector<std::string>& ListingFieldNames();

class ListingReader {
 public:
  virtual ~ListingReader() = default;

  // Opens `path` ("-" for standard input).
  static Result<std::unique_ptr<ListingReader>> Open(const std::string& path, ListingFormat format,
                                                     ListingUse use = ListingUse::kScreening);

  enum class Next { kListing, kBadRecord, kEnd };
  // Reads the next record into *listing. kBadRecord: *problem says where
  // (file, line) and what is wrong; the reader has skipped the record and can
  // go on. Never throws, whatever the bytes.
  virtual Next Read(Listing* listing, Diagnostic* problem) = 0;

  // A record read but perhaps not yet parsed, so that parsing can run on
  // another thread: JSON Lines readers only cut lines here.
  struct Pending {
    bool parsed = false;
    std::string raw;  // the JSON text when !parsed
    size_t line = 0;
    Listing listing;  // when parsed
  };
  // As Read, leaving the parsing to Finish. The default parses at once.
  virtual Next ReadPending(Pending* pending, Diagnostic* problem);
  // Parses a pending record (thread-safe). `path` names the input in messages.
  static Next Finish(Pending* pending, const std::string& path, Listing* listing, Diagnostic* problem,
                     ListingUse use = ListingUse::kScreening);
};

// Parses one JSON object (one JSON Lines line). Errors name the field at fault.
Result<Listing> ParseListingJson(std::string_view json, ListingUse use = ListingUse::kScreening);

}  // namespace conform

#endif  // CONFORM_SCREEN_LISTING_READER_H_
