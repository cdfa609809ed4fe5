// A list of short strings packed in one heap block.
//
// A prepared record holds many small lists (its distinct words, numbers,
// specs) that pairs read together and compare by merges. As vectors of
// strings each would be a block of string headers plus a block per long
// string; packed, a list is one block (none when empty), and each string
// carries its first 8 bytes as a big-endian integer, zero padded, so that
// most comparisons in a merge are one integer compare.
#ifndef CONFORM_RECALLS_WORD_LIST_H_
#define CONFORM_RECALLS_WORD_LIST_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <span>
#include <string_view>
#include <vector>

namespace conform::recalls {

// The first 8 bytes of `word` as a big-endian number, zero padded. For words
// a and b, WordPrefix(a) < WordPrefix(b) implies a < b (bytes compared as
// unsigned; a word that ends first has a 0 where the other has a byte that
// is not). Equal prefixes of two words of at most 8 bytes mean that the
// shorter is the start of the longer, whose extra bytes are zeros; of
// longer words, that their first 8 bytes agree.
uint64_t WordPrefix(std::string_view word);

class WordList {
 public:
  WordList() = default;
  // The list of `words`, in the order given.
  explicit WordList(std::span<const std::string_view> words) { Assign(words); }

  void Assign(std::span<const std::string_view> words);
  // The distinct strings of `words`, sorted (bytes compared as unsigned).
  void AssignSortedDistinct(std::span<const std::string_view> words);

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string_view operator[](size_t i) const {
    const uint32_t begin = Start(i), end = Start(i + 1);
    return {Bytes() + begin, end - begin};
  }
  uint64_t prefix(size_t i) const { return data_[i]; }
  size_t length(size_t i) const { return Start(i + 1) - Start(i); }

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = std::string_view;
    const_iterator() = default;
    const_iterator(const WordList* list, size_t i) : list_(list), i_(i) {}
    std::string_view operator*() const { return (*list_)[i_]; }
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++i_;
      return before;
    }
    bool operator==(const const_iterator& o) const { return i_ == o.i_; }

   private:
    const WordList* list_ = nullptr;
    size_t i_ = 0;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size_}; }

  // Element-wise equality of the strings.
  bool operator==(const WordList& o) const;

 private:
  // data_ holds, in order: size_ prefixes; size_ + 1 uint32 start offsets
  // (the last is the bytes' total), padded to 8 bytes; the bytes.
  uint32_t Start(size_t i) const {
    uint32_t start;
    std::memcpy(&start, reinterpret_cast<const char*>(data_.data() + size_) + 4 * i, 4);
    return start;
  }
  const char* Bytes() const { return reinterpret_cast<const char*>(data_.data() + size_ + (size_ + 2) / 2); }

  // Packs n strings; get(i) gives the prefix and the bytes of the i-th.
  template <typename Get>
  void Pack(size_t n, Get get);

  std::vector<uint64_t> data_;
  size_t size_ = 0;
};

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_WORD_LIST_H_
