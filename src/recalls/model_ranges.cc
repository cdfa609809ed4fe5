// Ranges and lists of model numbers as notices write them ("HD-2200 to
// HD-2205", "PB-2000/S", "A1-A4"), expanded into the models they name:
// model_number.h.
#include "conform/recalls/model_number.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string_view>
#include <utility>

#include "conform/core/text.h"

namespace conform::recalls {

namespace {

std::string WithDigits(std::string_view head, uint64_t value, size_t width) {
  std::string digits = std::to_string(value);
  if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return std::string(head) + digits;
}

bool SameHead(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
         });
}

// The codes from `first` to `last`, a range as ExpandModelEntry reads one;
// false when they are none.
bool ExpandRange(std::string_view first, std::string_view last, std::vector<std::string>* out) {
  CodeNumber a, b;
  if (!SplitCodeNumber(first, &a) || !SplitCodeNumber(last, &b)) return false;
  // "DH35-01" is one code, not 35 to 1: the last end's head is the
  // first's, or none ("8801-8809", "SK2210-19" is not read).
  if (!SameHead(a.head, b.head) || a.digits.size() != b.digits.size()) return false;
  if (CompactAlnum(first).size() < 3) return false;
  const uint64_t lo = a.value, hi = b.value;
  if (hi <= lo || hi - lo + 1 > kMaxModelRange) return false;
  // Digits alone: "2021-2023" would be years, four digits from 1900 to
  // 2099.
  if (a.head.empty() && (IsYear(a.digits) || IsYear(b.digits))) return false;
  for (uint64_t v = lo; v <= hi; ++v) out->push_back(WithDigits(a.head, v, a.digits.size()));
  return true;
}

bool IsRangeWord(std::string_view w) {
  return w == "-" || w == "to" || w == "through" || w == "thru" || w == "~" || w == "bis" || w == "\xE2\x80\x93" /* – */;
}

// Trimmed of the punctuation prose puts around a code.
std::string_view TrimCodeToken(std::string_view w) {
  while (!w.empty() && (w.front() == '(' || w.front() == '"' || w.front() == '\'')) w.remove_prefix(1);
  while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ';' || w.back() == ':' || w.back() == ')' || w.back() == '"' ||
                        w.back() == '\''))
    w.remove_suffix(1);
  return w;
}

std::vector<std::string_view> SpaceWords(std::string_view text) {
  std::vector<std::string_view> words;
  for (size_t at = 0; at < text.size();) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\n' || text[at] == '\t')) ++at;
    size_t end = at;
    while (end < text.size() && text[end] != ' ' && text[end] != '\n' && text[end] != '\t') ++end;
    if (end > at) words.push_back(text.substr(at, end - at));
    at = end;
  }
  return words;
}

// A token that is one range written without spaces ("8801-8809",
// "SK2210-SK2219"): each single "-" tried as the joint.
bool ExpandJoinedRange(std::string_view token, std::vector<std::string>* out) {
  for (size_t dash = token.find('-'); dash != std::string_view::npos; dash = token.find('-', dash + 1))
    if (dash > 0 && dash + 1 < token.size() && ExpandRange(token.substr(0, dash), token.substr(dash + 1), out)) return true;
  return false;
}

// "12345/6/7" and "3301/3302/3303".
bool ExpandSlashShorthand(std::string_view token, std::vector<std::string>* out) {
  if (token.find('/') == std::string_view::npos) return false;
  std::vector<std::string_view> parts;
  for (size_t at = 0; at <= token.size();) {
    const size_t end = std::min(token.find('/', at), token.size());
    parts.push_back(token.substr(at, end - at));
    at = end + 1;
  }
  CodeNumber first;
  if (parts.size() < 2 || !SplitCodeNumber(parts[0], &first) || CompactAlnum(parts[0]).size() < 3) return false;
  // Digits alone: not years ("2023/24", "2023/2024": model years).
  if (first.head.empty() && IsYear(first.digits)) return false;
  const auto all_digits = [](std::string_view p) {
    return !p.empty() && std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  std::vector<std::string> codes = {std::string(parts[0])};
  for (size_t i = 1; i < parts.size(); ++i) {
    const std::string_view p = parts[i];
    if (!all_digits(p)) return false;
    if (p.size() < first.digits.size()) {
      // The last digits again: "12345/6" is 12346.
      codes.push_back(std::string(parts[0].substr(0, parts[0].size() - p.size())) + std::string(p));
    } else if (p.size() == first.digits.size() && first.head.empty()) {
      codes.emplace_back(p);  // "3301/3302"
    } else {
      return false;
    }
  }
  // Nor round numbers only ("1000/1500": two wattages).
  if (first.head.empty() && std::all_of(codes.begin(), codes.end(), [](const std::string& c) { return c.ends_with("00"); })) return false;
  out->insert(out->end(), codes.begin(), codes.end());
  return true;
}

void AddOnce(std::vector<std::string>* out, std::vector<std::string> codes, size_t limit) {
  for (auto& c : codes)
    if (out->size() < limit && std::find(out->begin(), out->end(), c) == out->end()) out->push_back(std::move(c));
}

// Ranges and shorthand lists from `words[i]` on, with the codes listed
// among them: as many as are joined by ",", "and", "or", "&"; `next` gets
// the index after the last word read. Empty when no range or shorthand is
// among them (a plain list is LabelledModelNumbers').
std::vector<std::string> RangesFrom(const std::vector<std::string_view>& words, size_t i, size_t* next) {
  std::vector<std::string> codes;
  std::string_view last_code;  // the last code written whole, for "-200"
  bool any_range = false, after_code = false;
  const auto joiner = [](const std::string& w) { return w == "and" || w == "or" || w == "&"; };
  const auto elided = [&last_code](std::string_view w) {
    return w.size() >= 2 && w[0] == '-' && !last_code.empty() && std::all_of(w.begin() + 1, w.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  size_t at = i;
  while (at < words.size()) {
    const std::string_view w = TrimCodeToken(words[at]);
    if (after_code) {
      // Past a code, the list goes on after a comma or a joining word.
      if (joiner(AsciiLower(w))) {
        after_code = false;
        ++at;
        continue;
      }
      if (!words[at - 1].ends_with(",") && !elided(w)) break;
    }
    std::vector<std::string> found;
    if (at + 2 < words.size() && IsRangeWord(AsciiLower(TrimCodeToken(words[at + 1]))) &&
        ExpandRange(w, TrimCodeToken(words[at + 2]), &found)) {
      any_range = true;
      last_code = w;
      at += 3;
    } else if (ExpandJoinedRange(w, &found) || ExpandSlashShorthand(w, &found)) {
      any_range = true;
      last_code = w;
      ++at;
    } else if (elided(w)) {
      // "-200" after "HB-100": the first's prefix up to its last "-".
      const size_t dash = last_code.rfind('-');
      if (dash == std::string_view::npos || last_code.size() - dash != w.size()) break;
      found.push_back(std::string(last_code.substr(0, dash)) + std::string(w));
      any_range = true;
      ++at;
    } else if (ListedModelCode(w)) {
      found.emplace_back(w);
      last_code = w;
      ++at;
    } else {
      break;
    }
    for (auto& c : found) codes.push_back(std::move(c));
    after_code = true;
  }
  *next = at;
  if (!any_range) codes.clear();
  return codes;
}

}  // namespace

std::vector<std::string> ExpandModelEntry(std::string_view entry) {
  const std::vector<std::string_view> words = SpaceWords(entry);
  if (words.empty()) return {};
  size_t next = 0;
  std::vector<std::string> codes = RangesFrom(words, 0, &next);
  if (next != words.size()) return {};
  std::vector<std::string> out;
  AddOnce(&out, std::move(codes), 4 * kMaxModelRange);
  return out;
}

std::vector<std::string> ModelRangesInText(std::string_view text) {
  std::vector<std::string> out;
  const std::vector<std::string_view> words = SpaceWords(text);
  for (size_t i = 0; i < words.size() && out.size() < 4 * kMaxModelRange; ++i) {
    const std::string w = AsciiLower(TrimCodeToken(words[i]));
    const bool label = w == "model" || w == "models" || w == "item" || w == "items" || w == "style" || w == "part" || w == "article" ||
                       w == "type" || w == "types" || w == "sku" || w == "skus";
    if (!label) continue;
    size_t at = i + 1;
    while (at < words.size()) {
      const std::string n = AsciiLower(TrimCodeToken(words[at]));
      if (!(IsNumberWord(n) || n == "#" || n.empty())) break;
      ++at;
    }
    if (at >= words.size()) break;
    size_t next = at;
    std::vector<std::string> codes = RangesFrom(words, at, &next);
    // "5101 through 5120, except 5110 and 5115": those are not recalled.
    if (!codes.empty() && next < words.size()) {
      size_t k = next;
      const std::string first = AsciiLower(TrimCodeToken(words[k]));
      const std::string second = k + 1 < words.size() ? AsciiLower(TrimCodeToken(words[k + 1])) : "";
      if (first == "except" || first == "excluding" || first == "excl") k += 1;
      else if ((first == "but" && second == "not") || (first == "other" && second == "than")) k += 2;
      if (k != next) {
        for (; k < words.size(); ++k) {
          const std::string_view w = TrimCodeToken(words[k]);
          const std::string lower = AsciiLower(w);
          if (lower == "and" || lower == "or" || lower == "&" || lower == "model" || lower == "models" || IsNumberWord(lower)) continue;
          const bool digits = w.size() >= 3 && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
          if (!digits && !ListedModelCode(w)) break;
          std::erase(codes, std::string(w));
          if (!words[k].ends_with(",") && k + 1 < words.size()) {
            const std::string joiner = AsciiLower(TrimCodeToken(words[k + 1]));
            if (joiner != "and" && joiner != "or" && joiner != "&") break;
          }
        }
        next = k;
      }
    }
    AddOnce(&out, std::move(codes), 4 * kMaxModelRange);
    i = std::max(i, next == 0 ? i : next - 1);
  }
  return out;
}

}  // namespace conform::recalls
