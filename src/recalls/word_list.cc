#include "conform/recalls/word_list.h"

#include <algorithm>
#include <bit>
#include <utility>

namespace conform::recalls {

uint64_t WordPrefix(std::string_view word) {
  if (word.size() >= 8) {
    uint64_t prefix;
    std::memcpy(&prefix, word.data(), 8);
    if constexpr (std::endian::native == std::endian::little) prefix = __builtin_bswap64(prefix);  // first byte on top
    return prefix;
  }
  // Byte by byte: a library copy of a few bytes costs more.
  uint64_t prefix = 0;
  for (size_t k = 0; k < word.size(); ++k) prefix |= uint64_t{static_cast<unsigned char>(word[k])} << (56 - 8 * k);
  return prefix;
}

template <typename Get>
void WordList::Pack(size_t n, Get get) {
  size_ = n;
  if (n == 0) {
    data_.clear();
    data_.shrink_to_fit();
    return;
  }
  size_t bytes = 0;
  for (size_t i = 0; i < n; ++i) bytes += get(i).second.size();
  // Sized exactly: records keep these, so no spare capacity.
  const size_t starts = (n + 2) / 2;
  std::vector<uint64_t> data(n + starts + (bytes + 7) / 8);
  char* const start_at = reinterpret_cast<char*>(data.data() + n);
  char* const byte_at = reinterpret_cast<char*>(data.data() + n + starts);
  uint32_t offset = 0;
  for (size_t i = 0; i < n; ++i) {
    const auto [prefix, w] = get(i);
    data[i] = prefix;
    std::memcpy(start_at + 4 * i, &offset, 4);
    if (w.size() > 16) {
      std::memcpy(byte_at + offset, w.data(), w.size());
    } else {
      for (size_t k = 0; k < w.size(); ++k) byte_at[offset + k] = w[k];
    }
    offset += static_cast<uint32_t>(w.size());
  }
  std::memcpy(start_at + 4 * n, &offset, 4);
  data_ = std::move(data);
}

void WordList::Assign(std::span<const std::string_view> words) {
  Pack(words.size(), [&words](size_t i) { return std::pair<uint64_t, std::string_view>(WordPrefix(words[i]), words[i]); });
}

void WordList::AssignSortedDistinct(std::span<const std::string_view> words) {
  // Sorted on the prefixes, computed once: most comparisons are one integer
  // compare, equal prefixes fall back to the bytes.
  struct Keyed {
    uint64_t prefix;
    std::string_view word;
  };
  thread_local std::vector<Keyed> keyed;
  keyed.clear();
  for (std::string_view w : words) keyed.push_back({WordPrefix(w), w});
  // Words repeat (a title's words recur in the description), and equal
  // prefixes of words of at most 8 bytes decide on the lengths alone.
  const auto less = [](const Keyed& a, const Keyed& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    if (a.word.size() <= 8 && b.word.size() <= 8) return a.word.size() < b.word.size();
    return a.word < b.word;
  };
  std::sort(keyed.begin(), keyed.end(), less);
  const auto last = std::unique(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return a.prefix == b.prefix && a.word.size() == b.word.size() &&
           (a.word.size() <= 8 || std::memcmp(a.word.data() + 8, b.word.data() + 8, a.word.size() - 8) == 0);
  });
  const Keyed* const sorted = keyed.data();  // not the thread-local per word
  Pack(static_cast<size_t>(last - keyed.begin()),
       [sorted](size_t i) { return std::pair<uint64_t, std::string_view>(sorted[i].prefix, sorted[i].word); });
}

bool WordList::operator==(const WordList& o) const {
  if (size_ != o.size_) return false;
  for (size_t i = 0; i < size_; ++i)
    if ((*this)[i] != o[i]) return false;
  return true;
}

}  // namespace conform::recalls
