#include "conform/core/term_matcher.h"

#include <algorithm>
#include <deque>

namespace conform {

namespace {
bool IsWordByte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
}  // namespace

uint32_t TermMatcher::Add(std::string term, bool word) {
  terms_.push_back(Term{std::move(term), word});
  built_ = false;
  return static_cast<uint32_t>(terms_.size() - 1);
}

void TermMatcher::Build() {
  states_.clear();
  states_.emplace_back();
  states_[0].next.fill(-1);
  for (uint32_t t = 0; t < terms_.size(); ++t) {
    int32_t s = 0;
    for (unsigned char c : terms_[t].text) {
      if (states_[s].next[c] < 0) {
        states_[s].next[c] = static_cast<int32_t>(states_.size());
        states_.emplace_back();
        states_.back().next.fill(-1);
      }
      s = states_[s].next[c];
    }
    states_[s].ends.push_back(t);
  }
  // Breadth-first: fail links, output links, and a full transition table.
  std::deque<int32_t> queue;
  for (int c = 0; c < 256; ++c) {
    int32_t& n = states_[0].next[c];
    if (n < 0) n = 0;
    else {
      states_[n].fail = 0;
      queue.push_back(n);
    }
  }
  while (!queue.empty()) {
    const int32_t s = queue.front();
    queue.pop_front();
    const int32_t f = states_[s].fail;
    states_[s].output_link = states_[f].ends.empty() ? states_[f].output_link : f;
    for (int c = 0; c < 256; ++c) {
      const int32_t n = states_[s].next[c];
      if (n < 0) {
        states_[s].next[c] = states_[f].next[c];
      } else {
        states_[n].fail = states_[f].next[c];
        queue.push_back(n);
      }
    }
  }
  built_ = true;
}

bool TermMatcher::Boundaries(std::string_view text, size_t begin, size_t end) const {
  if (begin > 0 && IsWordByte(static_cast<unsigned char>(text[begin - 1]))) return false;
  if (end == text.size() || !IsWordByte(static_cast<unsigned char>(text[end]))) return true;
  // Plurals: "chargers", "boxes".
  for (std::string_view suffix : {"s", "es"}) {
    if (text.compare(end, suffix.size(), suffix) == 0) {
      const size_t after = end + suffix.size();
      if (after == text.size() || !IsWordByte(static_cast<unsigned char>(text[after]))) return true;
    }
  }
  return false;
}

void TermMatcher::Find(std::string_view text, std::vector<uint32_t>* found) const {
  found->clear();
  if (!built_ || terms_.empty()) return;
  int32_t s = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    s = states_[s].next[static_cast<unsigned char>(text[i])];
    for (int32_t o = states_[s].ends.empty() ? states_[s].output_link : s; o > 0; o = states_[o].output_link) {
      for (uint32_t t : states_[o].ends) {
        const size_t end = i + 1, begin = end - terms_[t].text.size();
        if (terms_[t].word && !Boundaries(text, begin, end)) continue;
        if (std::find(found->begin(), found->end(), t) == found->end()) found->push_back(t);
      }
    }
  }
}

}  // namespace conform
