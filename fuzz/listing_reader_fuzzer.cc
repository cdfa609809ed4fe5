// Listing readers (screen/listing_reader.h): the bytes are written to a
// temporary file and read back as JSON Lines and as CSV, through both Read
// and the ReadPending/Finish path that `conform screen` uses on its worker
// threads; the whole input is also parsed as one JSON Lines record.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "conform/screen/listing_reader.h"

namespace {

const std::string& TempPath() {
  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/conform-listing-fuzz-XXXXXX";
    int fd = mkstemp(pattern.data());
    if (fd < 0) std::abort();
    close(fd);
    return pattern;
  }();
  // Registered once `path` is built, so that the handler runs before its
  // destructor (the reverse order of the two): registered inside its
  // initialiser, it read a destroyed string and left the file behind.
  static const bool removed_at_exit = std::atexit([] { std::remove(path.c_str()); }) == 0;
  (void)removed_at_exit;
  return path;
}

void ReadAll(const std::string& path, conform::ListingFormat format, bool pending) {
  auto reader = conform::ListingReader::Open(path, format);
  if (!reader.ok()) return;
  for (size_t records = 0; records < 100000; ++records) {
    conform::Listing listing;
    conform::Diagnostic problem;
    conform::ListingReader::Next next;
    if (pending) {
      conform::ListingReader::Pending p;
      next = reader.value()->ReadPending(&p, &problem);
      if (next == conform::ListingReader::Next::kListing)
        next = conform::ListingReader::Finish(&p, path, &listing, &problem);
    } else {
      next = reader.value()->Read(&listing, &problem);
    }
    if (next == conform::ListingReader::Next::kEnd) return;
  }
  std::abort();  // a reader that never reaches the end of a finite file
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = TempPath();
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) std::abort();
  if (size && std::fwrite(data, 1, size, f) != size) std::abort();
  std::fclose(f);
  ReadAll(path, conform::ListingFormat::kJsonLines, false);
  ReadAll(path, conform::ListingFormat::kJsonLines, true);
  ReadAll(path, conform::ListingFormat::kCsv, false);
  ReadAll(path, conform::ListingFormat::kCsv, true);
  (void)conform::ParseListingJson(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
