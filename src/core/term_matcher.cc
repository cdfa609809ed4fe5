#include "conform/core/term_matcher.h"

#include <utf8proc.h>

#include <algorithm>
#include <deque>

#include "conform/core/text.h"

namespace conform {

namespace {

bool IsWordByte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// A letter, mark or digit of a script that separates words by spaces (Latin
// with diacritics, Greek, Cyrillic, Arabic ...): part of the word, so that
// "bra" is not found in the Czech "brašna". Chinese, Japanese and Korean
// characters, and Thai, are not: titles run English words into them
// ("usb充电器").
bool IsSpacedScriptLetter(utf8proc_int32_t cp) {
  if (!((cp >= 0x80 && cp < 0x0E00) || (cp >= 0x1E00 && cp < 0x2000))) return false;
  return IsLetterOrMark(cp) || utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

// Whether the character starting at byte `at` is a word character.
bool WordCharAt(std::string_view text, size_t at) {
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) return IsWordByte(c);
  const int32_t cp = NextCodepoint(text, &at);
  return cp >= 0 && IsSpacedScriptLetter(cp);
}

// Whether the character ending just before byte `end` is a word character.
bool WordCharBefore(std::string_view text, size_t end) {
  size_t at = end - 1;
  while (at > 0 && end - at < 4 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return WordCharAt(text, at);
}

}  // namespace

uint32_t TermMatcher::Add(std::string term, bool word) {
  terms_.push_back(Term{std::move(term), word});
  built_ = false;
  return static_cast<uint32_t>(terms_.size() - 1);
}

void TermMatcher::Build() {
  // The trie's edges found through one open-addressing table keyed by
  // (state, byte), then packed by sorting: a few large buffers rather than
  // two small ones per state, which left the heap fragmented for the rest
  // of the run.
  size_t bytes = 0;
  for (const Term& t : terms_) bytes += t.text.size();
  size_t slots = 16;
  while (slots < 2 * bytes + 2) slots *= 2;
  constexpr uint64_t kEmpty = ~uint64_t{0};
  std::vector<uint64_t> keys(slots, kEmpty);
  std::vector<int32_t> children(slots, 0);
  std::vector<std::pair<uint64_t, int32_t>> edges;  // (state << 8 | byte, child)
  std::vector<std::pair<int32_t, uint32_t>> ends;   // (state, term), terms in order
  int32_t states = 1;
  for (uint32_t t = 0; t < terms_.size(); ++t) {
    int32_t s = 0;
    for (unsigned char c : terms_[t].text) {
      const uint64_t key = (static_cast<uint64_t>(s) << 8) | c;
      size_t at = static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 20) & (slots - 1);
      while (keys[at] != kEmpty && keys[at] != key) at = (at + 1) & (slots - 1);
      if (keys[at] == kEmpty) {
        keys[at] = key;
        children[at] = states++;
        edges.emplace_back(key, children[at]);
      }
      s = children[at];
    }
    ends.emplace_back(s, t);
  }
  std::sort(edges.begin(), edges.end());
  std::stable_sort(ends.begin(), ends.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  states_.assign(static_cast<size_t>(states), State{});
  edge_bytes_.resize(edges.size());
  edge_targets_.resize(edges.size());
  for (size_t e = 0; e < edges.size(); ++e) {
    State& from = states_[static_cast<size_t>(edges[e].first >> 8)];
    if (from.edge_count++ == 0) from.edges = static_cast<uint32_t>(e);
    edge_bytes_[e] = static_cast<unsigned char>(edges[e].first & 255);
    edge_targets_[e] = edges[e].second;
  }
  ends_.resize(ends.size());
  for (size_t k = 0; k < ends.size(); ++k) {
    State& at = states_[static_cast<size_t>(ends[k].first)];
    if (at.end_count++ == 0) at.ends = static_cast<uint32_t>(k);
    ends_[k] = ends[k].second;
  }
  // Byte classes: one per byte some term uses, class 0 for the others
  // (which lead back to the root from everywhere).
  byte_class_.fill(0);
  classes_ = 1;
  for (const unsigned char c : edge_bytes_)
    if (byte_class_[c] == 0) byte_class_[c] = static_cast<uint16_t>(classes_++);
  std::array<unsigned char, 256> class_byte{};  // a byte of each class
  for (int c = 0; c < 256; ++c) class_byte[byte_class_[c]] = static_cast<unsigned char>(c);
  dense_.clear();
  // Breadth-first, so that a state's fail state (shallower) is done first:
  // fail links, output links, and the dense rows of the states near the root.
  const auto dense_row = [&](int32_t s) {
    State& state = states_[static_cast<size_t>(s)];
    state.dense_row = static_cast<int32_t>(dense_.size() / classes_);
    const size_t row = dense_.size();
    dense_.resize(row + classes_);
    for (size_t k = 0; k < classes_; ++k) {
      const int32_t n = k == 0 ? -1 : Edge(s, class_byte[k]);
      dense_[row + k] = n >= 0 ? n : s == 0 ? 0 : Next(state.fail, class_byte[k]);
    }
  };
  dense_row(0);
  std::deque<std::pair<int32_t, int>> queue;  // state, depth
  for (uint32_t e = 0; e < states_[0].edge_count; ++e) {
    const int32_t n = edge_targets_[states_[0].edges + e];
    states_[static_cast<size_t>(n)].fail = 0;
    queue.emplace_back(n, 1);
  }
  while (!queue.empty()) {
    const auto [s, depth] = queue.front();
    queue.pop_front();
    State& state = states_[static_cast<size_t>(s)];
    const State& fail = states_[static_cast<size_t>(state.fail)];
    state.output_link = fail.end_count == 0 ? fail.output_link : state.fail;
    if (depth <= kDenseDepth) dense_row(s);
    for (uint32_t e = state.edges; e < state.edges + state.edge_count; ++e) {
      const int32_t n = edge_targets_[e];
      states_[static_cast<size_t>(n)].fail = Next(state.fail, edge_bytes_[e]);
      queue.emplace_back(n, depth + 1);
    }
  }
  built_ = true;
}

int32_t TermMatcher::Edge(int32_t s, unsigned char c) const {
  const State& state = states_[static_cast<size_t>(s)];
  const unsigned char* const begin = edge_bytes_.data() + state.edges;
  const unsigned char* const end = begin + state.edge_count;
  const unsigned char* const at = state.edge_count <= 8 ? std::find(begin, end, c) : std::lower_bound(begin, end, c);
  if (at == end || *at != c) return -1;
  return edge_targets_[state.edges + static_cast<uint32_t>(at - begin)];
}

// The automaton's transition: the trie's edge, or else the fail state's.
int32_t TermMatcher::Next(int32_t s, unsigned char c) const {
  for (;;) {
    const State& state = states_[static_cast<size_t>(s)];
    if (state.dense_row >= 0) return dense_[static_cast<size_t>(state.dense_row) * classes_ + byte_class_[c]];
    const int32_t n = Edge(s, c);
    if (n >= 0) return n;
    s = state.fail;
  }
}

bool TermMatcher::Boundaries(std::string_view text, size_t begin, size_t end) const {
  if (begin > 0 && WordCharBefore(text, begin)) return false;
  if (end == text.size() || !WordCharAt(text, end)) return true;
  // Plurals: "chargers", "boxes".
  for (std::string_view suffix : {"s", "es"}) {
    if (text.compare(end, suffix.size(), suffix) == 0) {
      const size_t after = end + suffix.size();
      if (after == text.size() || !WordCharAt(text, after)) return true;
    }
  }
  return false;
}

template <typename OnMatch>
void TermMatcher::Scan(std::string_view text, OnMatch on_match) const {
  if (!built_ || terms_.empty()) return;
  int32_t s = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    s = Next(s, static_cast<unsigned char>(text[i]));
    for (int32_t o = states_[static_cast<size_t>(s)].end_count == 0 ? states_[static_cast<size_t>(s)].output_link : s; o > 0;
         o = states_[static_cast<size_t>(o)].output_link) {
      const State& out = states_[static_cast<size_t>(o)];
      for (uint32_t k = out.ends; k < out.ends + out.end_count; ++k) {
        const uint32_t t = ends_[k];
        const size_t end = i + 1, begin = end - terms_[t].text.size();
        if (terms_[t].word && !Boundaries(text, begin, end)) continue;
        on_match(t, begin, end);
      }
    }
  }
}

void TermMatcher::Find(std::string_view text, std::vector<uint32_t>* found) const {
  found->clear();
  Scan(text, [found](uint32_t t, size_t, size_t) {
    if (std::find(found->begin(), found->end(), t) == found->end()) found->push_back(t);
  });
}

void TermMatcher::FindAll(std::string_view text, std::vector<Match>* found) const {
  found->clear();
  Scan(text, [found](uint32_t t, size_t begin, size_t end) {
    found->push_back(Match{t, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
  });
}

}  // namespace conform
