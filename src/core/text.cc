#include "conform/core/text.h"

#include <fmt/format.h>

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

namespace conform {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string NormalizeForMatching(std::string_view utf8) {
  // Pure ASCII is valid UTF-8 that NFKC and case folding only lower-case:
  // skip the decoding below (record matching normalises every text it reads).
  bool ascii_only = true;
  for (char c : utf8) ascii_only = ascii_only && static_cast<unsigned char>(c) < 0x80;
  if (ascii_only) return AsciiLower(utf8);
  // Replace invalid sequences first: utf8proc rejects the whole string otherwise.
  std::string clean;
  clean.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data() + i),
                                                static_cast<utf8proc_ssize_t>(utf8.size() - i), &cp);
    if (n <= 0) {
      clean += ' ';
      ++i;
    } else {
      clean.append(utf8.data() + i, static_cast<size_t>(n));
      i += static_cast<size_t>(n);
    }
  }
  bool ascii = true;
  for (char c : clean) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return AsciiLower(clean);  // fast path: NFKC and folding are identity-or-lowercase on ASCII
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(clean.data()),
                                          static_cast<utf8proc_ssize_t>(clean.size()), &out,
                                          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT |
                                                                         UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  if (n < 0) return AsciiLower(clean);
  std::string result(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return result;
}

std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

bool AllAsciiDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

namespace {
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
      // A swap of two neighbours is one typo, not two.
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    prev2 = prev;
    std::swap(prev, cur);
  }
  return prev[b.size()];
}
}  // namespace

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string lw = AsciiLower(word);
  std::string best;
  size_t best_d = std::max<size_t>(1, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    const size_t d = EditDistance(lw, AsciiLower(c));
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

std::string SuggestionHint(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string m = ClosestMatch(word, candidates);
  if (!m.empty()) return fmt::format("did you mean '{}'?", m);
  return fmt::format("known: {}", Join(candidates, ", "));
}

}  // namespace conform
