#include "conform/core/text.h"

#include <fmt/format.h>

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
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
    const size_t start = i;
    if (const size_t invisible = InvisibleCharLength(utf8, i)) {
      i += invisible;
      continue;
    }
    const int32_t cp = NextCodepoint(utf8, &i);
    if (cp < 0) clean += ' ';
    // A trade or service mark sign, which NFKC would spell "TM" into the
    // name it follows ("Gigglescape™"): a break, as "®" is.
    else if (cp == 0x2122 || cp == 0x2120) clean += ' ';
    // The acute accent typed for an apostrophe ("Children´s"), which NFKC
    // would make a space and a combining mark: the apostrophe it stands for.
    else if (cp == 0xB4) clean += '\'';
    else clean.append(utf8.data() + start, i - start);
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

std::string ComposeNfc(std::string_view utf8) {
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return std::string(utf8);
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()), static_cast<utf8proc_ssize_t>(utf8.size()),
                                          &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) return std::string(utf8);
  std::string result(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return result;
}

namespace {

// A Latin letter with diacritics (U+00C0 to U+024F, already case folded)
// as its ASCII base letters, or nullptr: the decomposition when it is an
// ASCII letter and combining marks (U+0300 to U+036F), and the letters that
// Unicode does not decompose.
const char* LatinBase(utf8proc_int32_t cp) {
  switch (cp) {
    case 0x00F8: return "o";   // ø
    case 0x0142: return "l";   // ł
    case 0x0111: return "d";   // đ
    case 0x00F0: return "d";   // ð
    case 0x00FE: return "th";  // þ
    case 0x00E6: return "ae";  // æ
    case 0x0153: return "oe";  // œ
    case 0x0131: return "i";   // ı
    case 0x0127: return "h";   // ħ
    default: break;
  }
  static thread_local char base[2];
  utf8proc_int32_t parts[8];
  int last_boundclass = 0;
  const utf8proc_ssize_t k = utf8proc_decompose_char(cp, parts, 8, UTF8PROC_DECOMPOSE, &last_boundclass);
  if (k < 2 || k > 8 || parts[0] >= 0x80 || !((parts[0] >= 'a' && parts[0] <= 'z') || (parts[0] >= 'A' && parts[0] <= 'Z'))) return nullptr;
  for (utf8proc_ssize_t i = 1; i < k; ++i)
    if (parts[i] < 0x0300 || parts[i] > 0x036F) return nullptr;
  base[0] = static_cast<char>(parts[0] >= 'A' && parts[0] <= 'Z' ? parts[0] - 'A' + 'a' : parts[0]);
  base[1] = '\0';
  return base;
}

}  // namespace

bool IsLetterOrMark(int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
      return true;
    default:
      return false;
  }
}

int32_t NextCodepoint(std::string_view text, size_t* i) {
  utf8proc_int32_t cp = 0;
  const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + *i),
                                              static_cast<utf8proc_ssize_t>(text.size() - *i), &cp);
  if (n <= 0) {
    ++*i;
    return -1;
  }
  *i += static_cast<size_t>(n);
  return cp;
}

std::string FoldLatinDiacritics(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      out += utf8[i++];
      continue;
    }
    const size_t start = i;
    const int32_t cp = NextCodepoint(utf8, &i);
    // A combining mark left on a Latin letter: the dot of Turkish "İ" once
    // lower-cased ("i̇çi̇n"), or text written decomposed.
    if (cp >= 0x0300 && cp <= 0x036F && !out.empty() && std::isalpha(static_cast<unsigned char>(out.back()))) continue;
    const char* base = (cp >= 0x00C0 && cp <= 0x024F) || (cp >= 0x1E00 && cp <= 0x1EFF) ? LatinBase(cp) : nullptr;
    if (base != nullptr) out += base;
    else out.append(utf8.data() + start, i - start);
  }
  return out;
}

std::string DecodeHtmlEntities(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    const size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back('&');
      continue;
    }
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    std::string rep;
    if (name == "amp") rep = "&";
    else if (name == "lt") rep = "<";
    else if (name == "gt") rep = ">";
    else if (name == "quot") rep = "\"";
    else if (name == "apos") rep = "'";
    else if (name == "nbsp") rep = " ";
    else if (name == "ldquo") rep = "\u201C";
    else if (name == "rdquo") rep = "\u201D";
    else if (name == "lsquo") rep = "\u2018";
    else if (name == "rsquo") rep = "\u2019";
    else if (name == "ndash") rep = "\u2013";
    else if (name == "mdash") rep = "\u2014";
    else if (name == "eacute") rep = "\u00E9";
    else if (name == "egrave") rep = "\u00E8";
    else if (name == "agrave") rep = "\u00E0";
    else if (name == "ccedil") rep = "\u00E7";
    else if (name == "reg") rep = "\u00AE";
    else if (name == "trade") rep = "\u2122";
    else if (name == "deg") rep = "\u00B0";
    else if (name == "lrm") rep = "\u200E";  // direction marks, as around Amazon's colons
    else if (name == "rlm") rep = "\u200F";
    else if (!name.empty() && name[0] == '#') {
      const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      const std::string digits(name.substr(hex ? 2 : 1));
      char* end = nullptr;
      const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (!digits.empty() && end && *end == '\0' && cp > 0 && cp < 0x110000) {
        if (cp < 0x80) {
          rep.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
          rep.push_back(static_cast<char>(0xC0 | (cp >> 6)));
          rep.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
          rep.push_back(static_cast<char>(0xE0 | (cp >> 12)));
          rep.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
          rep.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
          rep.push_back(static_cast<char>(0xF0 | (cp >> 18)));
          rep.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
          rep.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
          rep.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
      }
    }
    if (rep.empty()) {
      out.push_back('&');
      continue;
    }
    out += rep;
    i = semi;
  }
  return out;
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

std::string ForTerminal(std::string_view s, bool keep_newlines) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const int32_t cp = NextCodepoint(s, &i);
    if (cp < 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[start]));
    } else if ((cp < 0x20 && cp != '\t' && !(cp == '\n' && keep_newlines)) || (cp >= 0x7F && cp <= 0x9F)) {
      out += fmt::format("\\u{:04x}", cp);
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

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

bool IsWebAddress(std::string_view url) {
  const auto starts = [&](std::string_view scheme) {
    return url.size() > scheme.size() &&
           std::equal(scheme.begin(), scheme.end(), url.begin(), [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
  };
  return starts("https://") || starts("http://");
}

size_t InvisibleCharLength(std::string_view text, size_t at) {
  const auto byte = [&](size_t k) { return at + k < text.size() ? static_cast<unsigned char>(text[at + k]) : 0u; };
  if (byte(0) == 0xC2 && byte(1) == 0xAD) return 2;  // U+00AD soft hyphen
  if (byte(0) == 0xE2 && byte(1) == 0x80 && byte(2) >= 0x8B && byte(2) <= 0x8D) return 3;  // U+200B..U+200D
  if (byte(0) == 0xE2 && byte(1) == 0x81 && byte(2) == 0xA0) return 3;  // U+2060 word joiner
  if (byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) return 3;  // U+FEFF
  return 0;
}

}  // namespace conform
