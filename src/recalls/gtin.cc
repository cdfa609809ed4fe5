#include "conform/recalls/gtin.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "conform/core/text.h"

namespace conform {

namespace {


bool IsGtinLength(size_t n) { return n == 8 || n == 12 || n == 13 || n == 14; }

// Why `digits` (digits only) is not a GTIN, or empty when it is one.
std::string GtinDigitsProblem(const std::string& digits) {
  const size_t n = digits.size();
  if (!IsGtinLength(n)) {
    if (n == 11) return "11 digits: not a GTIN length (a UPC-A that lost its leading zero?)";
    if (n < 8) return fmt::format("{} digit{}: too short for a GTIN", n, n == 1 ? "" : "s");
    return fmt::format("{} digits: not a GTIN length (8, 12, 13 or 14)", n);
  }
  if (std::all_of(digits.begin(), digits.end(), [](char c) { return c == '0'; })) return "all zeros";
  const int expected = GtinCheckDigit(std::string_view(digits).substr(0, n - 1));
  if (digits.back() - '0' != expected) return fmt::format("wrong check digit (expected {})", expected);
  return "";
}

std::string PadTo14(const std::string& digits) { return std::string(14 - digits.size(), '0') + digits; }

// A word of a barcode field: text between separators, and whether exactly
// one space separated it from the word before (digit groups of one printed
// code are joined across such single spaces only).
struct Word {
  std::string text;
  bool single_space_before = false;
};

bool IsSeparator(char c) {
  switch (c) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case ',': case ';': case '/': case '|': case ':': case '(': case ')':
    case '[': case ']': case '{': case '}': case '"': case '=': case '+':
      return true;
    default:
      return false;
  }
}

std::vector<Word> SplitWords(std::string_view field) {
  std::vector<Word> words;
  size_t i = 0;
  std::string sep;
  while (i < field.size()) {
    if (IsSeparator(field[i])) {
      sep.push_back(field[i++]);
      continue;
    }
    size_t j = i;
    while (j < field.size() && !IsSeparator(field[j])) ++j;
    std::string w(field.substr(i, j - i));
    // Sentence punctuation clinging to a code ("5901234123457.") is not part of it.
    while (!w.empty() && (w.back() == '.' || w.back() == '-' || w.back() == '\'')) w.pop_back();
    while (!w.empty() && (w.front() == '.' || w.front() == '-' || w.front() == '\'' || w.front() == '#')) w.erase(0, 1);
    if (!w.empty()) words.push_back(Word{std::move(w), !words.empty() && sep == " "});
    sep.clear();
    i = j;
  }
  return words;
}

// The digits of a word made of digits and hyphens ("5-901234-123457"), or
// empty when it has anything else.
std::string DigitsOf(const std::string& word) {
  std::string digits;
  for (char c : word) {
    if (IsAsciiDigit(c)) digits.push_back(c);
    else if (c != '-' && c != '.') return "";
  }
  return digits;
}

bool HasDigit(const std::string& w) { return std::any_of(w.begin(), w.end(), IsAsciiDigit); }

// A barcode's kind written as a label with its length ("EAN13", "EAN-13",
// "GTIN14", "UPC-12", "JAN13", "ITF14"): no code.
bool IsBarcodeLabel(const std::string& w) {
  std::string upper;
  for (char c : w)
    if (c != '-') upper.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
  for (const std::string_view kind : {"EAN", "GTIN", "UPC", "JAN", "ITF"})
    for (const std::string_view length : {"8", "12", "13", "14"})
      if (upper.size() == kind.size() + length.size() && upper.starts_with(kind) && upper.ends_with(length)) return true;
  return false;
}

}  // namespace

bool IsRestrictedCirculationGtin(std::string_view gtin14) {
  if (gtin14.size() != 14) return false;
  // A GTIN-8 sits behind six zeros; its own prefixes 0 and 2 are restricted.
  if (gtin14.substr(0, 6) == "000000") return gtin14[6] == '0' || gtin14[6] == '2';
  const std::string_view gtin13 = gtin14.substr(1);
  return gtin13.substr(0, 2) == "02" || gtin13.substr(0, 2) == "04" || gtin13[0] == '2';
}

bool LooksMadeUpGtin(std::string_view gtin14) {
  if (gtin14.size() != 14) return false;
  // The digits after the leading zeros a shorter GTIN is padded with, and
  // before the check digit.
  std::string_view body = gtin14.substr(0, 13);
  while (!body.empty() && body.front() == '0') body.remove_prefix(1);
  int up = 1, down = 1;
  for (size_t i = 1; i < body.size(); ++i) {
    const int a = body[i - 1] - '0', b = body[i] - '0';
    up = b == (a + 1) % 10 ? up + 1 : 1;
    down = b == (a + 9) % 10 ? down + 1 : 1;
    if (up >= 7 || down >= 7) return true;
  }
  return false;
}

BarcodeScan ExtractGtins(std::string_view field) {
  BarcodeScan scan;
  // Each once, looked up in sets: a field may hold thousands.
  std::unordered_set<std::string> seen_gtins, seen_asins;
  auto add = [&scan, &seen_gtins](const std::string& digits) {
    std::string gtin = PadTo14(digits);
    if (seen_gtins.insert(gtin).second) scan.gtins.push_back(std::move(gtin));
  };
  // Full-width digits ("５９０１...") are digits: NFKC makes them ASCII.
  const bool ascii = std::all_of(field.begin(), field.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  const std::string folded = ascii ? std::string() : NormalizeForMatching(field);
  const std::vector<Word> words = SplitWords(ascii ? field : std::string_view(folded));
  size_t i = 0;
  while (i < words.size()) {
    const std::string& text = words[i].text;
    if (!HasDigit(text)) {  // a label or a word of prose
      ++i;
      continue;
    }
    if (std::string asin = AsinOf(text); !asin.empty()) {
      if (seen_asins.insert(asin).second) scan.asins.push_back(std::move(asin));
      ++i;
      continue;
    }
    const std::string digits = DigitsOf(text);
    if (digits.empty()) {
      if (!IsBarcodeLabel(text)) scan.problems.push_back({text, "letters mixed with digits (a shop or model code?)"});
      ++i;
      continue;
    }
    // An eight-digit group that is no GTIN-8 may head a longer code
    // ("40063813 33931"): joined below.
    if (IsGtinLength(digits.size())) {
      const std::string why = GtinDigitsProblem(digits);
      const bool may_head = !why.empty() && digits.size() == 8 && i + 1 < words.size() && words[i + 1].single_space_before;
      if (!may_head) {
        if (why.empty()) add(digits);
        else scan.problems.push_back({text, why});
        ++i;
        continue;
      }
    }
    // A code printed in groups ("0 12345 67890 5", an ITF-14 as "1 00 12345
    // 67890 2"): join the following groups while they fit. Of the joins
    // that are valid GTINs, those of 12 digits or more are taken, all of
    // them: a number after the code ("... 2 2 pack") makes a longer join
    // that passes the check digit one time in ten, and which one the
    // regulator meant cannot be told. A GTIN-8 only when nothing longer
    // is valid: its check digit holds for a tenth of the heads of longer
    // codes.
    std::string joined = digits;
    std::vector<std::pair<std::string, size_t>> valid;  // join, index of its last group
    for (size_t j = i + 1; j < words.size() && words[j].single_space_before; ++j) {
      const std::string more = DigitsOf(words[j].text);
      if (more.empty() || joined.size() + more.size() > 14) break;
      joined += more;
      if (IsGtinLength(joined.size()) && GtinDigitsProblem(joined).empty()) valid.emplace_back(joined, j);
    }
    if (valid.empty()) {
      scan.problems.push_back({text, GtinDigitsProblem(digits)});
      ++i;
      continue;
    }
    size_t last = valid.back().second;
    if (valid.back().first.size() >= 12) {
      for (const auto& [code, end] : valid)
        if (code.size() >= 12) add(code);
    } else {
      add(valid.back().first);
    }
    i = last + 1;
  }
  return scan;
}

std::vector<std::string> LabelledAsins(std::string_view text) {
  std::vector<std::string> asins;
  std::unordered_set<std::string> seen;
  const auto alnum = [](char c) { return IsAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  const auto upper = [](char c) { return static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c); };
  // Past spacing and punctuation, counted in bytes (the marks Amazon puts
  // around its colon are three bytes each, tags between are spaces): where
  // the next letter or digit is, or npos when too far.
  const auto past_gap = [&](size_t from) {
    for (size_t gap = 0; from < text.size() && !alnum(text[from]); ++from, ++gap)
      if (gap >= 24) return std::string_view::npos;
    return from;
  };
  for (size_t at = 0; (at = text.find_first_of("Aa", at)) != std::string_view::npos; ++at) {
    if (at + 4 > text.size() || (at > 0 && alnum(text[at - 1]))) continue;
    if (upper(text[at + 1]) != 'S' || upper(text[at + 2]) != 'I' || upper(text[at + 3]) != 'N') continue;
    size_t from = at + 4;
    // "ASINs:", "ASIN(s):"
    if (from < text.size() && (text[from] == 's' || text[from] == 'S')) ++from;
    else if (text.substr(from, 3) == "(s)") from += 3;
    if (from < text.size() && alnum(text[from])) continue;  // "ASININE"
    // The number, and more after commas or slashes ("ASIN: B0..., B0...").
    for (from = past_gap(from); from != std::string_view::npos && from + 10 <= text.size(); from = past_gap(from)) {
      if (from + 10 < text.size() && alnum(text[from + 10])) break;
      std::string asin = AsinOf(text.substr(from, 10));
      if (asin.empty()) break;
      if (seen.insert(asin).second) asins.push_back(std::move(asin));
      from += 10;
      const size_t next = past_gap(from);
      if (next == std::string_view::npos || text.substr(from, next - from).find_first_of(",/;") == std::string_view::npos) break;
    }
  }
  return asins;
}

}  // namespace conform
