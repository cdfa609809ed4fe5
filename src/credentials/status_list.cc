#include "conform/credentials/status_list.h"

#include <fmt/format.h>
#include <zlib.h>

namespace conform {

void BitstringStatusList::Set(size_t index, bool value) {
  const uint8_t mask = static_cast<uint8_t>(1u << (7 - index % 8));
  if (value) bytes_[index / 8] |= mask;
  else bytes_[index / 8] &= static_cast<uint8_t>(~mask);
}

std::string BitstringStatusList::Encode() const {
  z_stream z{};
  deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16 /* gzip wrapper */, 9, Z_DEFAULT_STRATEGY);
  Bytes out(deflateBound(&z, bytes_.size()) + 32);
  z.next_in = const_cast<Bytef*>(bytes_.data());
  z.avail_in = static_cast<uInt>(bytes_.size());
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return MultibaseEncodeBase64Url(out);
}

Result<BitstringStatusList> BitstringStatusList::Decode(std::string_view encoded_list) {
  if (encoded_list.empty() || encoded_list[0] != 'u')
    return Error(ErrorCode::kInvalidInput, "encodedList must be multibase base64url (prefix 'u')", "");
  auto compressed = MultibaseDecode(encoded_list);
  if (!compressed.ok()) return compressed.error();
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) return Error(ErrorCode::kInternal, "zlib failed to initialise");
  Bytes out(64 * 1024);
  z.next_in = compressed.value().data();
  z.avail_in = static_cast<uInt>(compressed.value().size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    if (z.total_out == out.size()) {
      if (out.size() >= kMaximumBytes) {
        inflateEnd(&z);
        return Error(ErrorCode::kInvalidInput, fmt::format("status list is larger than {} bytes", kMaximumBytes), "");
      }
      out.resize(out.size() * 2);
    }
    z.next_out = out.data() + z.total_out;
    z.avail_out = static_cast<uInt>(out.size() - z.total_out);
    rc = inflate(&z, Z_NO_FLUSH);
  }
  const size_t n = z.total_out;
  inflateEnd(&z);
  if (rc != Z_STREAM_END) return Error(ErrorCode::kInvalidInput, "encodedList is not valid GZIP data", "");
  if (n * 8 < kMinimumEntries)
    return Error(ErrorCode::kInvalidInput, fmt::format("status list holds {} entries, fewer than {}", n * 8, kMinimumEntries), "");
  BitstringStatusList list(0);
  out.resize(n);
  list.bytes_ = std::move(out);
  return list;
}

}  // namespace conform
