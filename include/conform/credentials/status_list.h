// W3C Bitstring Status List v1.0: a compressed bit string, one bit a
// credential, published in a status list credential. Index 0 is the most
// significant bit of the first byte. Lists hold at least 131,072 entries
// (16 KiB) so that one credential's status hides among many.
#ifndef CONFORM_CREDENTIALS_STATUS_LIST_H_
#define CONFORM_CREDENTIALS_STATUS_LIST_H_

#include <string>
#include <string_view>

#include "conform/core/result.h"
#include "conform/credentials/multibase.h"

namespace conform {

class BitstringStatusList {
 public:
  static constexpr size_t kMinimumEntries = 131072;
  // A decoded list larger than this is refused (a decompression bomb).
  static constexpr size_t kMaximumBytes = 16 << 20;

  // All bits clear. Precondition: entries is a multiple of 8.
  explicit BitstringStatusList(size_t entries = kMinimumEntries) : bytes_(entries / 8, 0) {}

  // From an `encodedList`: multibase base64url of the GZIP-compressed bits.
  // Errors: bad multibase, not GZIP, larger than kMaximumBytes, shorter than
  // kMinimumEntries.
  static Result<BitstringStatusList> Decode(std::string_view encoded_list);
  // The `encodedList` form ("u" + base64url(gzip(bits))).
  std::string Encode() const;

  size_t size() const { return bytes_.size() * 8; }
  // Preconditions: index < size().
  bool Get(size_t index) const { return (bytes_[index / 8] >> (7 - index % 8)) & 1; }
  void Set(size_t index, bool value);

 private:
  Bytes bytes_;
};

}  // namespace conform

#endif  // CONFORM_CREDENTIALS_STATUS_LIST_H_
