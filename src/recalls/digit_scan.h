// Finding ASCII digits in text eight bytes at a time.
//
// The scanners for codes, numbers and prices only start at a digit, and
// product text is mostly letters: skipping digit-free blocks whole saves a
// test per byte.
#ifndef CONFORM_RECALLS_DIGIT_SCAN_H_
#define CONFORM_RECALLS_DIGIT_SCAN_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace conform::recalls {

// The position of the first byte '0'..'9' in `text` at or after `from`;
// text.size() when there is none (or from >= text.size()).
inline size_t FindDigit(std::string_view text, size_t from) {
  const char* const data = text.data();
  const size_t size = text.size();
  size_t i = from;
  for (; i + 8 <= size; i += 8) {
    uint64_t word;
    std::memcpy(&word, data + i, 8);
    // XOR maps exactly the digits to bytes below 10; the borrow test flags
    // a byte below 10, and the lowest flag is always a true one (a borrow
    // only reaches bytes above one that was below 10).
    const uint64_t x = word ^ 0x3030303030303030ULL;
    const uint64_t below10 = (x - 0x0a0a0a0a0a0a0a0aULL) & ~x & 0x8080808080808080ULL;
    if (below10 != 0) {
      if constexpr (std::endian::native == std::endian::little) return i + static_cast<size_t>(__builtin_ctzll(below10)) / 8;
      break;  // big-endian: the bytes below find it
    }
  }
  for (; i < size; ++i)
    if (data[i] >= '0' && data[i] <= '9') return i;
  return size;
}

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_DIGIT_SCAN_H_
