#include "conform/credentials/json_schema.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "conform/core/text.h"

namespace conform {
namespace {

// ---------------------------------------------------------------------------
// Text

// The code point at s[*i], advancing *i past it. Invalid UTF-8 reads as
// U+FFFD and advances one byte, so every input can be scanned.
char32_t NextCodePoint(std::string_view s, size_t* i) {
  const unsigned char c = static_cast<unsigned char>(s[*i]);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  const size_t len = c >= 0xF8 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || *i + len > s.size()) {
    ++*i;
    return 0xFFFD;
  }
  char32_t cp = c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    const unsigned char d = static_cast<unsigned char>(s[*i + k]);
    if ((d & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  *i += len;
  return cp;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

void AppendPointerToken(std::string* out, std::string_view token) {
  out->push_back('/');
  for (char c : token) {
    if (c == '~') *out += "~0";
    else if (c == '/') *out += "~1";
    else out->push_back(c);
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); }

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Cuts long text for messages, on a UTF-8 boundary.
std::string Shorten(std::string s, size_t limit = 60) {
  if (s.size() <= limit) return s;
  size_t cut = limit - 3;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  return s + "...";
}

std::string Abbreviate(const JsonValue& v) { return Shorten(Canonicalize(v)); }

std::string FormatNumber(double x) { return std::isfinite(x) ? SerializeJcsNumber(x) : fmt::format("{}", x); }

const char* KindName(const JsonValue& v) {
  switch (v.kind) {
    case JsonValue::kNull: return "null";
    case JsonValue::kTrue:
    case JsonValue::kFalse: return "boolean";
    case JsonValue::kNumber: return "number";
    case JsonValue::kString: return "string";
    case JsonValue::kArray: return "array";
    case JsonValue::kObject: return "object";
  }
  return "value";
}

// JSON equality: numbers by value (1 == 1.0), objects regardless of member
// order.
bool JsonEqual(const JsonValue& a, const JsonValue& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case JsonValue::kNumber: return a.number == b.number;
    case JsonValue::kString: return a.text == b.text;
    case JsonValue::kArray:
      if (a.items.size() != b.items.size()) return false;
      for (size_t i = 0; i < a.items.size(); ++i)
        if (!JsonEqual(a.items[i], b.items[i])) return false;
      return true;
    case JsonValue::kObject:
      if (a.members.size() != b.members.size()) return false;
      for (const auto& [name, value] : a.members) {
        const JsonValue* other = b.Find(name);
        if (other == nullptr || !JsonEqual(value, *other)) return false;
      }
      return true;
    default: return true;
  }
}

// ---------------------------------------------------------------------------
// URIs (RFC 3986): enough to resolve $id and $ref against a base.

struct UriParts {
  std::string_view scheme, authority, path, query, fragment;
  bool has_scheme = false, has_authority = false, has_query = false, has_fragment = false;
};

// The position of the first of `chars` in s at or after `from`, or s.size().
// (string_view::find_first_of calls memchr once per character.)
template <size_t N>
size_t FindAny(std::string_view s, size_t from, const char (&chars)[N]) {
  for (size_t i = from; i < s.size(); ++i)
    for (size_t k = 0; k + 1 < N; ++k)
      if (s[i] == chars[k]) return i;
  return s.size();
}

UriParts SplitUri(std::string_view s) {
  UriParts r;
  size_t i = 0;
  const size_t colon = FindAny(s, 0, ":/?#");
  if (colon < s.size() && s[colon] == ':' && colon > 0 && IsAsciiAlpha(s[0])) {
    bool scheme = true;
    for (size_t k = 1; k < colon; ++k)
      if (!IsAsciiAlnum(s[k]) && s[k] != '+' && s[k] != '-' && s[k] != '.') scheme = false;
    if (scheme) {
      r.has_scheme = true;
      r.scheme = s.substr(0, colon);
      i = colon + 1;
    }
  }
  if (s.substr(i, 2) == "//") {
    const size_t end = FindAny(s, i + 2, "/?#");
    r.has_authority = true;
    r.authority = s.substr(i + 2, end - i - 2);
    i = end;
  }
  const size_t path_end = FindAny(s, i, "?#");
  r.path = s.substr(i, path_end - i);
  i = path_end;
  if (i < s.size() && s[i] == '?') {
    const size_t end = FindAny(s, i, "#");
    r.has_query = true;
    r.query = s.substr(i + 1, end - i - 1);
    i = end;
  }
  if (i < s.size() && s[i] == '#') {
    r.has_fragment = true;
    r.fragment = s.substr(i + 1);
  }
  return r;
}

void PopLastSegment(std::string* out) {
  const size_t slash = out->rfind('/');
  out->resize(slash == std::string::npos ? 0 : slash);
}

std::string RemoveDotSegments(std::string_view in) {
  std::string out;
  while (!in.empty()) {
    if (in.substr(0, 3) == "../") {
      in.remove_prefix(3);
    } else if (in.substr(0, 2) == "./") {
      in.remove_prefix(2);
    } else if (in.substr(0, 3) == "/./") {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.substr(0, 4) == "/../") {
      in.remove_prefix(3);
      PopLastSegment(&out);
    } else if (in == "/..") {
      in = "/";
      PopLastSegment(&out);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      const size_t next = in.find('/', in[0] == '/' ? 1 : 0);
      const size_t len = next == std::string_view::npos ? in.size() : next;
      out.append(in.substr(0, len));
      in.remove_prefix(len);
    }
  }
  return out;
}

// RFC 3986 section 5.2: `ref` resolved against `base`.
std::string ResolveUri(std::string_view base, std::string_view ref) {
  const UriParts r = SplitUri(ref);
  const UriParts b = SplitUri(base);
  std::string out;
  auto append_query_fragment = [&](bool has_query, std::string_view query) {
    if (has_query) out.append("?").append(query);
    if (r.has_fragment) out.append("#").append(r.fragment);
  };
  if (r.has_scheme) {
    out.append(r.scheme).append(":");
    if (r.has_authority) out.append("//").append(r.authority);
    out += RemoveDotSegments(r.path);
    append_query_fragment(r.has_query, r.query);
    return out;
  }
  if (b.has_scheme) out.append(b.scheme).append(":");
  if (r.has_authority) {
    out.append("//").append(r.authority);
    out += RemoveDotSegments(r.path);
    append_query_fragment(r.has_query, r.query);
    return out;
  }
  if (b.has_authority) out.append("//").append(b.authority);
  if (r.path.empty()) {
    out.append(b.path);
    if (r.has_query) append_query_fragment(true, r.query);
    else append_query_fragment(b.has_query, b.query);
    return out;
  }
  if (r.path[0] == '/') {
    out += RemoveDotSegments(r.path);
  } else {
    std::string merged;
    if (b.has_authority && b.path.empty()) {
      merged = "/" + std::string(r.path);
    } else {
      const size_t slash = b.path.rfind('/');
      merged = std::string(slash == std::string_view::npos ? std::string_view() : b.path.substr(0, slash + 1));
      merged.append(r.path);
    }
    out += RemoveDotSegments(merged);
  }
  append_query_fragment(r.has_query, r.query);
  return out;
}

// ---------------------------------------------------------------------------
// Regular expressions: ECMA-262 syntax with the "u" flag, compiled to a
// Thompson NFA and run as a Pike VM (all threads in lock step), which needs
// no backtracking and so takes time linear in the input. Only whether the
// pattern matches somewhere is asked, so captures are not tracked.

using CodeRange = std::pair<char32_t, char32_t>;
constexpr char32_t kMaxCodePoint = 0x10FFFF;
constexpr char32_t kNoCodePoint = 0xFFFFFFFF;  // before the start, after the end
constexpr size_t kMaxRegexProgram = 20000;     // instructions, repetitions expanded
constexpr int kMaxRegexNesting = 64;

void NormalizeRanges(std::vector<CodeRange>* ranges) {
  std::sort(ranges->begin(), ranges->end());
  std::vector<CodeRange> merged;
  for (const CodeRange& r : *ranges) {
    if (!merged.empty() && r.first <= merged.back().second + 1) merged.back().second = std::max(merged.back().second, r.second);
    else merged.push_back(r);
  }
  *ranges = std::move(merged);
}

std::vector<CodeRange> ComplementRanges(std::vector<CodeRange> ranges) {
  NormalizeRanges(&ranges);
  std::vector<CodeRange> out;
  char32_t next = 0;
  for (const CodeRange& r : ranges) {
    if (r.first > next) out.push_back({next, r.first - 1});
    next = r.second + 1;
  }
  if (next <= kMaxCodePoint) out.push_back({next, kMaxCodePoint});
  return out;
}

std::vector<CodeRange> DigitRanges() { return {{'0', '9'}}; }
std::vector<CodeRange> WordRanges() { return {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}; }
std::vector<CodeRange> SpaceRanges() {
  // ECMAScript WhiteSpace and LineTerminator.
  return {{0x09, 0x0D}, {0x20, 0x20},     {0xA0, 0xA0},     {0x1680, 0x1680}, {0x2000, 0x200A},
          {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF}};
}

bool IsWordChar(char32_t c) { return c < 0x80 && (IsAsciiAlnum(static_cast<char>(c)) || c == '_'); }
bool IsLineTerminator(char32_t c) { return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029; }

uint32_t CategoryBit(int category) { return 1u << category; }

// Unicode General_Category values by their long and short names, as masks
// of utf8proc categories.
bool LookUpGeneralCategory(std::string_view name, uint32_t* mask) {
  auto bit = [](std::initializer_list<int> cats) {
    uint32_t m = 0;
    for (int c : cats) m |= CategoryBit(c);
    return m;
  };
  static const std::map<std::string_view, uint32_t> table = [&] {
    std::map<std::string_view, uint32_t> t;
    auto add = [&](std::string_view short_name, std::string_view long_name, uint32_t m) {
      t[short_name] = m;
      t[long_name] = m;
    };
    add("Lu", "Uppercase_Letter", bit({UTF8PROC_CATEGORY_LU}));
    add("Ll", "Lowercase_Letter", bit({UTF8PROC_CATEGORY_LL}));
    add("Lt", "Titlecase_Letter", bit({UTF8PROC_CATEGORY_LT}));
    add("LC", "Cased_Letter", bit({UTF8PROC_CATEGORY_LU, UTF8PROC_CATEGORY_LL, UTF8PROC_CATEGORY_LT}));
    add("Lm", "Modifier_Letter", bit({UTF8PROC_CATEGORY_LM}));
    add("Lo", "Other_Letter", bit({UTF8PROC_CATEGORY_LO}));
    add("L", "Letter",
        bit({UTF8PROC_CATEGORY_LU, UTF8PROC_CATEGORY_LL, UTF8PROC_CATEGORY_LT, UTF8PROC_CATEGORY_LM, UTF8PROC_CATEGORY_LO}));
    add("Mn", "Nonspacing_Mark", bit({UTF8PROC_CATEGORY_MN}));
    add("Mc", "Spacing_Mark", bit({UTF8PROC_CATEGORY_MC}));
    add("Me", "Enclosing_Mark", bit({UTF8PROC_CATEGORY_ME}));
    add("M", "Mark", bit({UTF8PROC_CATEGORY_MN, UTF8PROC_CATEGORY_MC, UTF8PROC_CATEGORY_ME}));
    t["Combining_Mark"] = t["M"];
    add("Nd", "Decimal_Number", bit({UTF8PROC_CATEGORY_ND}));
    t["digit"] = t["Nd"];
    add("Nl", "Letter_Number", bit({UTF8PROC_CATEGORY_NL}));
    add("No", "Other_Number", bit({UTF8PROC_CATEGORY_NO}));
    add("N", "Number", bit({UTF8PROC_CATEGORY_ND, UTF8PROC_CATEGORY_NL, UTF8PROC_CATEGORY_NO}));
    add("Pc", "Connector_Punctuation", bit({UTF8PROC_CATEGORY_PC}));
    add("Pd", "Dash_Punctuation", bit({UTF8PROC_CATEGORY_PD}));
    add("Ps", "Open_Punctuation", bit({UTF8PROC_CATEGORY_PS}));
    add("Pe", "Close_Punctuation", bit({UTF8PROC_CATEGORY_PE}));
    add("Pi", "Initial_Punctuation", bit({UTF8PROC_CATEGORY_PI}));
    add("Pf", "Final_Punctuation", bit({UTF8PROC_CATEGORY_PF}));
    add("Po", "Other_Punctuation", bit({UTF8PROC_CATEGORY_PO}));
    add("P", "Punctuation",
        bit({UTF8PROC_CATEGORY_PC, UTF8PROC_CATEGORY_PD, UTF8PROC_CATEGORY_PS, UTF8PROC_CATEGORY_PE, UTF8PROC_CATEGORY_PI,
             UTF8PROC_CATEGORY_PF, UTF8PROC_CATEGORY_PO}));
    t["punct"] = t["P"];
    add("Sm", "Math_Symbol", bit({UTF8PROC_CATEGORY_SM}));
    add("Sc", "Currency_Symbol", bit({UTF8PROC_CATEGORY_SC}));
    add("Sk", "Modifier_Symbol", bit({UTF8PROC_CATEGORY_SK}));
    add("So", "Other_Symbol", bit({UTF8PROC_CATEGORY_SO}));
    add("S", "Symbol", bit({UTF8PROC_CATEGORY_SM, UTF8PROC_CATEGORY_SC, UTF8PROC_CATEGORY_SK, UTF8PROC_CATEGORY_SO}));
    add("Zs", "Space_Separator", bit({UTF8PROC_CATEGORY_ZS}));
    add("Zl", "Line_Separator", bit({UTF8PROC_CATEGORY_ZL}));
    add("Zp", "Paragraph_Separator", bit({UTF8PROC_CATEGORY_ZP}));
    add("Z", "Separator", bit({UTF8PROC_CATEGORY_ZS, UTF8PROC_CATEGORY_ZL, UTF8PROC_CATEGORY_ZP}));
    add("Cc", "Control", bit({UTF8PROC_CATEGORY_CC}));
    t["cntrl"] = t["Cc"];
    add("Cf", "Format", bit({UTF8PROC_CATEGORY_CF}));
    add("Cs", "Surrogate", bit({UTF8PROC_CATEGORY_CS}));
    add("Co", "Private_Use", bit({UTF8PROC_CATEGORY_CO}));
    add("Cn", "Unassigned", bit({UTF8PROC_CATEGORY_CN}));
    add("C", "Other",
        bit({UTF8PROC_CATEGORY_CC, UTF8PROC_CATEGORY_CF, UTF8PROC_CATEGORY_CS, UTF8PROC_CATEGORY_CO, UTF8PROC_CATEGORY_CN}));
    return t;
  }();
  const auto it = table.find(name);
  if (it == table.end()) return false;
  *mask = it->second;
  return true;
}

// A set of code points: ranges, plus General_Category tests (each possibly
// negated, for \P{..}); the whole may be negated ([^...]).
struct CharClass {
  std::vector<CodeRange> ranges;  // sorted, disjoint
  std::vector<std::pair<uint32_t, bool>> categories;
  bool negated = false;

  bool Matches(char32_t c) const {
    bool in = false;
    const auto it = std::upper_bound(ranges.begin(), ranges.end(), c,
                                     [](char32_t v, const CodeRange& r) { return v < r.first; });
    if (it != ranges.begin() && std::prev(it)->second >= c) in = true;
    if (!in && !categories.empty()) {
      const uint32_t bit = CategoryBit(utf8proc_category(static_cast<utf8proc_int32_t>(c)));
      for (const auto& [mask, negate] : categories)
        if (((mask & bit) != 0) != negate) {
          in = true;
          break;
        }
    }
    return in != negated;
  }
};

enum Assertion { kInputStart, kInputEnd, kWordBoundary, kNotWordBoundary };

struct RegexNode {
  enum Kind : uint8_t { kEmpty, kChar, kAny, kClass, kConcat, kAlt, kRepeat, kAssert };
  Kind kind = kEmpty;
  char32_t ch = 0;
  int index = 0;          // kClass: the class; kAssert: the Assertion
  int min = 0, max = 0;   // kRepeat; max < 0: unbounded
  std::vector<RegexNode> kids;
};

// A class escape or single character inside or outside brackets.
struct ClassAtom {
  bool is_set = false;
  char32_t ch = 0;
  std::vector<CodeRange> ranges;
  std::vector<std::pair<uint32_t, bool>> categories;
};

class RegexParser {
 public:
  explicit RegexParser(std::string_view pattern) {
    for (size_t i = 0; i < pattern.size();) p_.push_back(NextCodePoint(pattern, &i));
    group_count_ = CountGroups();
  }

  // Whether the pattern is ECMA-262 syntax; when it is, unsupported() says
  // whether it uses a feature this engine leaves out.
  bool Parse(RegexNode* root) {
    if (!ParseDisjunction(root, 0)) return false;
    if (pos_ < p_.size()) return Fail("unmatched ')'");
    return true;
  }
  const std::string& error() const { return error_; }
  const std::string& unsupported() const { return unsupported_; }
  std::vector<CharClass> TakeClasses() { return std::move(classes_); }

 private:
  bool Fail(std::string what) {
    if (error_.empty()) error_ = fmt::format("{} at character {}", what, pos_ + 1);
    return false;
  }
  // Valid syntax this engine cannot run: noted, and parsing goes on so that
  // a later syntax error is still found.
  void Unsupported(std::string what) {
    if (unsupported_.empty()) unsupported_ = std::move(what);
  }
  bool At(char32_t c) const { return pos_ < p_.size() && p_[pos_] == c; }
  bool AtEnd() const { return pos_ >= p_.size(); }

  int CountGroups() const {
    int n = 0;
    bool in_class = false;
    for (size_t i = 0; i < p_.size(); ++i) {
      const char32_t c = p_[i];
      if (c == '\\') {
        ++i;
      } else if (in_class) {
        if (c == ']') in_class = false;
      } else if (c == '[') {
        in_class = true;
      } else if (c == '(') {
        if (i + 1 < p_.size() && p_[i + 1] == '?') {
          if (i + 3 < p_.size() && p_[i + 2] == '<' && p_[i + 3] != '=' && p_[i + 3] != '!') ++n;
        } else {
          ++n;
        }
      }
    }
    return n;
  }

  bool ParseDisjunction(RegexNode* out, int depth) {
    if (depth > kMaxRegexNesting) return Fail("groups nested too deeply");
    RegexNode alt;
    alt.kind = RegexNode::kAlt;
    for (;;) {
      RegexNode seq;
      if (!ParseAlternative(&seq, depth)) return false;
      alt.kids.push_back(std::move(seq));
      if (!At('|')) break;
      ++pos_;
    }
    if (alt.kids.size() == 1) *out = std::move(alt.kids[0]);
    else *out = std::move(alt);
    return true;
  }

  bool ParseAlternative(RegexNode* out, int depth) {
    RegexNode seq;
    seq.kind = RegexNode::kConcat;
    while (!AtEnd() && !At('|') && !At(')')) {
      RegexNode term;
      bool quantifiable = true;
      if (!ParseTerm(&term, &quantifiable, depth)) return false;
      if (quantifiable && !ParseQuantifier(&term)) return false;
      seq.kids.push_back(std::move(term));
    }
    *out = std::move(seq);
    return true;
  }

  bool ParseGroupBody(RegexNode* out, int depth) {
    if (!ParseDisjunction(out, depth + 1)) return false;
    if (!At(')')) return Fail("missing ')'");
    ++pos_;
    return true;
  }

  bool ParseTerm(RegexNode* term, bool* quantifiable, int depth) {
    const char32_t c = p_[pos_];
    switch (c) {
      case '^':
      case '$':
        ++pos_;
        term->kind = RegexNode::kAssert;
        term->index = c == '^' ? kInputStart : kInputEnd;
        *quantifiable = false;
        return true;
      case '(': {
        ++pos_;
        if (!At('?')) return ParseGroupBody(term, depth);
        ++pos_;
        if (At(':')) {
          ++pos_;
          return ParseGroupBody(term, depth);
        }
        const bool lookbehind = At('<') && pos_ + 1 < p_.size() && (p_[pos_ + 1] == '=' || p_[pos_ + 1] == '!');
        if (At('=') || At('!') || lookbehind) {
          pos_ += lookbehind ? 2 : 1;
          RegexNode ignored;
          if (!ParseGroupBody(&ignored, depth)) return false;
          Unsupported(lookbehind ? "a lookbehind" : "a lookahead");
          *quantifiable = false;
          return true;
        }
        if (At('<')) {
          ++pos_;
          std::u32string name;
          if (!ParseGroupName(&name)) return false;
          if (!group_names_.insert(name).second) return Fail("duplicate group name");
          return ParseGroupBody(term, depth);
        }
        return Fail("invalid group");
      }
      case '*':
      case '+':
      case '?': return Fail("nothing to repeat");
      case '{': return Fail(LooksLikeBraceQuantifier() ? "nothing to repeat" : "lone '{' (write \\{)");
      case '}': return Fail("lone '}' (write \\})");
      case ']': return Fail("lone ']' (write \\])");
      case '.':
        ++pos_;
        term->kind = RegexNode::kAny;
        return true;
      case '[': return ParseClass(term);
      case '\\': return ParseAtomEscape(term, quantifiable);
      default:
        ++pos_;
        term->kind = RegexNode::kChar;
        term->ch = c;
        return true;
    }
  }

  bool ParseGroupName(std::u32string* name) {
    while (!AtEnd() && !At('>')) {
      const char32_t c = p_[pos_];
      const bool ok = c == '$' || c == '_' || (c < 0x80 && IsAsciiAlpha(static_cast<char>(c))) ||
                      (!name->empty() && c < 0x80 && IsAsciiDigit(static_cast<char>(c))) || c >= 0x80;
      if (!ok) return Fail("invalid group name");
      name->push_back(c);
      ++pos_;
    }
    if (!At('>') || name->empty()) return Fail("invalid group name");
    ++pos_;
    return true;
  }

  // Reads decimal digits at pos_ into *value (saturating); false if none.
  bool ReadNumber(size_t* pos, int* value) const {
    const size_t start = *pos;
    long v = 0;
    while (*pos < p_.size() && p_[*pos] >= '0' && p_[*pos] <= '9') {
      v = std::min<long>(v * 10 + (p_[*pos] - '0'), 1000000);
      ++*pos;
    }
    *value = static_cast<int>(v);
    return *pos > start;
  }

  // Whether a "{n}", "{n,}" or "{n,m}" starts at pos_; fills min and max.
  bool LooksLikeBraceQuantifier(int* min = nullptr, int* max = nullptr, size_t* end = nullptr) const {
    size_t pos = pos_ + 1;
    int lo = 0, hi = 0;
    if (!ReadNumber(&pos, &lo)) return false;
    hi = lo;
    if (pos < p_.size() && p_[pos] == ',') {
      ++pos;
      if (!ReadNumber(&pos, &hi)) hi = -1;
    }
    if (pos >= p_.size() || p_[pos] != '}') return false;
    if (min) *min = lo;
    if (max) *max = hi;
    if (end) *end = pos + 1;
    return true;
  }

  bool ParseQuantifier(RegexNode* term) {
    if (AtEnd()) return true;
    int min = 0, max = 0;
    switch (p_[pos_]) {
      case '*': min = 0, max = -1, ++pos_; break;
      case '+': min = 1, max = -1, ++pos_; break;
      case '?': min = 0, max = 1, ++pos_; break;
      case '{': {
        size_t end = 0;
        if (!LooksLikeBraceQuantifier(&min, &max, &end)) return true;  // the next term reports the lone '{'
        pos_ = end;
        if (max >= 0 && min > max) return Fail("numbers out of order in {} quantifier");
        break;
      }
      default: return true;
    }
    if (At('?')) ++pos_;  // lazy: the same language, and only matching is asked
    RegexNode repeat;
    repeat.kind = RegexNode::kRepeat;
    repeat.min = min;
    repeat.max = max;
    repeat.kids.push_back(std::move(*term));
    *term = std::move(repeat);
    return true;
  }

  bool ParseHexDigits(int count, char32_t* value) {
    char32_t v = 0;
    for (int k = 0; k < count; ++k) {
      if (AtEnd() || p_[pos_] >= 0x80 || HexValue(static_cast<char>(p_[pos_])) < 0) return Fail("invalid hexadecimal escape");
      v = v * 16 + static_cast<char32_t>(HexValue(static_cast<char>(p_[pos_++])));
    }
    *value = v;
    return true;
  }

  // After the backslash: an escape that stands for one character.
  bool ParseCharacterEscape(char32_t* out, bool in_class) {
    const char32_t c = p_[pos_++];
    switch (c) {
      case 'f': *out = 0x0C; return true;
      case 'n': *out = 0x0A; return true;
      case 'r': *out = 0x0D; return true;
      case 't': *out = 0x09; return true;
      case 'v': *out = 0x0B; return true;
      case 'c':
        if (AtEnd() || p_[pos_] >= 0x80 || !IsAsciiAlpha(static_cast<char>(p_[pos_]))) return Fail("invalid \\c escape");
        *out = p_[pos_++] % 32;
        return true;
      case '0':
        if (!AtEnd() && p_[pos_] >= '0' && p_[pos_] <= '9') return Fail("invalid octal escape");
        *out = 0;
        return true;
      case 'x': return ParseHexDigits(2, out);
      case 'u': {
        if (At('{')) {
          ++pos_;
          char32_t v = 0;
          size_t digits = 0;
          while (!AtEnd() && p_[pos_] < 0x80 && HexValue(static_cast<char>(p_[pos_])) >= 0) {
            v = v * 16 + static_cast<char32_t>(HexValue(static_cast<char>(p_[pos_++])));
            if (v > kMaxCodePoint) return Fail("code point out of range in \\u{...}");
            ++digits;
          }
          if (digits == 0 || !At('}')) return Fail("invalid \\u{...} escape");
          ++pos_;
          *out = v;
          return true;
        }
        char32_t v = 0;
        if (!ParseHexDigits(4, &v)) return false;
        // A surrogate pair written as two escapes is one code point.
        if (v >= 0xD800 && v <= 0xDBFF && pos_ + 6 <= p_.size() && p_[pos_] == '\\' && p_[pos_ + 1] == 'u') {
          const size_t saved = pos_;
          pos_ += 2;
          char32_t low = 0;
          if (ParseHexDigits(4, &low) && low >= 0xDC00 && low <= 0xDFFF) {
            *out = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00);
            return true;
          }
          error_.clear();
          pos_ = saved;
        }
        *out = v;
        return true;
      }
      default:
        if (std::u32string_view(U"^$\\.*+?()[]{}|/").find(c) != std::u32string_view::npos || (in_class && c == '-')) {
          *out = c;
          return true;
        }
        --pos_;
        return Fail(c < 0x80 && c >= 0x20 ? fmt::format("invalid escape \\{}", static_cast<char>(c)) : "invalid escape");
    }
  }

  // After the backslash: \d \D \s \S \w \W \p{..} \P{..} into *atom, or
  // returns false with `handled` unset when the escape is something else.
  bool ParseSetEscape(ClassAtom* atom, bool* handled) {
    *handled = true;
    const char32_t c = p_[pos_];
    switch (c) {
      case 'd':
      case 'D':
      case 's':
      case 'S':
      case 'w':
      case 'W': {
        ++pos_;
        std::vector<CodeRange> r = (c == 'd' || c == 'D') ? DigitRanges() : (c == 's' || c == 'S') ? SpaceRanges() : WordRanges();
        atom->is_set = true;
        atom->ranges = (c == 'D' || c == 'S' || c == 'W') ? ComplementRanges(std::move(r)) : std::move(r);
        return true;
      }
      case 'p':
      case 'P': {
        ++pos_;
        const bool negate = c == 'P';
        if (!At('{')) return Fail("invalid \\p escape (write \\p{Name})");
        ++pos_;
        std::string name;
        while (!AtEnd() && !At('}')) {
          if (p_[pos_] >= 0x80) return Fail("invalid Unicode property name");
          name.push_back(static_cast<char>(p_[pos_++]));
        }
        if (!At('}') || name.empty()) return Fail("invalid \\p escape (write \\p{Name})");
        ++pos_;
        atom->is_set = true;
        std::string value = name;
        if (const size_t eq = name.find('='); eq != std::string::npos) {
          const std::string key = name.substr(0, eq);
          value = name.substr(eq + 1);
          if (key != "General_Category" && key != "gc") {
            Unsupported(fmt::format("the Unicode property \\p{{{}}}", name));
            return true;
          }
        }
        uint32_t mask = 0;
        if (value == "Any") {
          atom->ranges = {{0, kMaxCodePoint}};
        } else if (value == "ASCII") {
          atom->ranges = {{0, 0x7F}};
        } else if (value == "Assigned") {
          atom->categories.push_back({CategoryBit(UTF8PROC_CATEGORY_CN), !negate});
          return true;
        } else if (LookUpGeneralCategory(value, &mask)) {
          atom->categories.push_back({mask, negate});
          return true;
        } else {
          Unsupported(fmt::format("the Unicode property \\p{{{}}}", name));
          return true;
        }
        if (negate) atom->ranges = ComplementRanges(std::move(atom->ranges));
        return true;
      }
      default: *handled = false; return false;
    }
  }

  int AddClass(CharClass cls) {
    NormalizeRanges(&cls.ranges);
    classes_.push_back(std::move(cls));
    return static_cast<int>(classes_.size() - 1);
  }

  bool ParseAtomEscape(RegexNode* term, bool* quantifiable) {
    ++pos_;
    if (AtEnd()) return Fail("\\ at end of pattern");
    const char32_t c = p_[pos_];
    if (c == 'b' || c == 'B') {
      ++pos_;
      term->kind = RegexNode::kAssert;
      term->index = c == 'b' ? kWordBoundary : kNotWordBoundary;
      *quantifiable = false;
      return true;
    }
    if (c >= '1' && c <= '9') {
      int n = 0;
      ReadNumber(&pos_, &n);
      if (n > group_count_) return Fail("backreference to a group that does not exist");
      Unsupported("a backreference");
      return true;
    }
    if (c == 'k') {
      ++pos_;
      std::u32string name;
      if (!At('<')) return Fail("invalid \\k escape");
      ++pos_;
      if (!ParseGroupName(&name)) return false;
      Unsupported("a backreference");
      return true;
    }
    ClassAtom atom;
    bool handled = false;
    if (ParseSetEscape(&atom, &handled)) {
      CharClass cls;
      cls.ranges = std::move(atom.ranges);
      cls.categories = std::move(atom.categories);
      term->kind = RegexNode::kClass;
      term->index = AddClass(std::move(cls));
      return true;
    }
    if (handled) return false;
    term->kind = RegexNode::kChar;
    return ParseCharacterEscape(&term->ch, false);
  }

  bool ParseClassAtom(ClassAtom* atom) {
    if (!At('\\')) {
      atom->ch = p_[pos_++];
      return true;
    }
    ++pos_;
    if (AtEnd()) return Fail("\\ at end of pattern");
    if (At('b')) {
      ++pos_;
      atom->ch = 0x08;
      return true;
    }
    bool handled = false;
    if (ParseSetEscape(atom, &handled)) return true;
    if (handled) return false;
    return ParseCharacterEscape(&atom->ch, true);
  }

  bool ParseClass(RegexNode* term) {
    ++pos_;
    CharClass cls;
    if (At('^')) {
      cls.negated = true;
      ++pos_;
    }
    auto add = [&](ClassAtom& a) {
      if (!a.is_set) {
        cls.ranges.push_back({a.ch, a.ch});
        return;
      }
      cls.ranges.insert(cls.ranges.end(), a.ranges.begin(), a.ranges.end());
      cls.categories.insert(cls.categories.end(), a.categories.begin(), a.categories.end());
    };
    for (;;) {
      if (AtEnd()) return Fail("unterminated character class");
      if (At(']')) {
        ++pos_;
        break;
      }
      ClassAtom from;
      if (!ParseClassAtom(&from)) return false;
      if (At('-') && pos_ + 1 < p_.size() && p_[pos_ + 1] != ']') {
        ++pos_;
        ClassAtom to;
        if (!ParseClassAtom(&to)) return false;
        if (from.is_set || to.is_set) return Fail("a class escape cannot bound a range");
        if (from.ch > to.ch) return Fail("range out of order in character class");
        cls.ranges.push_back({from.ch, to.ch});
      } else {
        add(from);
      }
    }
    term->kind = RegexNode::kClass;
    term->index = AddClass(std::move(cls));
    return true;
  }

  std::u32string p_;
  size_t pos_ = 0;
  int group_count_ = 0;
  std::set<std::u32string> group_names_;
  std::vector<CharClass> classes_;
  std::string error_;
  std::string unsupported_;
};

struct RegexInst {
  enum Op : uint8_t { kChar, kAny, kClass, kSplit, kJmp, kAssert, kMatch };
  Op op = kMatch;
  char32_t ch = 0;
  int x = 0, y = 0;  // kSplit: both targets; kJmp: target; kClass: class; kAssert: Assertion
};

// Instructions `node` compiles to, saturating past the limit.
size_t ProgramSize(const RegexNode& node) {
  auto cap = [](size_t v) { return std::min(v, kMaxRegexProgram + 1); };
  switch (node.kind) {
    case RegexNode::kEmpty: return 0;
    case RegexNode::kConcat:
    case RegexNode::kAlt: {
      size_t n = node.kind == RegexNode::kAlt ? 2 * (node.kids.size() - 1) : 0;
      for (const RegexNode& k : node.kids) n = cap(n + ProgramSize(k));
      return n;
    }
    case RegexNode::kRepeat: {
      const size_t body = ProgramSize(node.kids[0]);
      const size_t fixed = cap(body * static_cast<size_t>(node.min));
      const size_t extra = node.max < 0 ? body + 2 : cap((body + 1) * static_cast<size_t>(node.max - node.min));
      return cap(fixed + extra);
    }
    default: return 1;
  }
}

void Emit(const RegexNode& node, std::vector<RegexInst>* prog) {
  auto push = [&](RegexInst::Op op, int x = 0, int y = 0) {
    RegexInst inst;
    inst.op = op;
    inst.x = x;
    inst.y = y;
    prog->push_back(inst);
    return static_cast<int>(prog->size() - 1);
  };
  switch (node.kind) {
    case RegexNode::kEmpty: break;
    case RegexNode::kChar: prog->at(push(RegexInst::kChar)).ch = node.ch; break;
    case RegexNode::kAny: push(RegexInst::kAny); break;
    case RegexNode::kClass: push(RegexInst::kClass, node.index); break;
    case RegexNode::kAssert: push(RegexInst::kAssert, node.index); break;
    case RegexNode::kConcat:
      for (const RegexNode& k : node.kids) Emit(k, prog);
      break;
    case RegexNode::kAlt: {
      std::vector<int> exits;
      for (size_t i = 0; i < node.kids.size(); ++i) {
        if (i + 1 == node.kids.size()) {
          Emit(node.kids[i], prog);
          break;
        }
        const int split = push(RegexInst::kSplit, static_cast<int>(prog->size()) + 1);
        Emit(node.kids[i], prog);
        exits.push_back(push(RegexInst::kJmp));
        (*prog)[split].y = static_cast<int>(prog->size());
      }
      for (int e : exits) (*prog)[e].x = static_cast<int>(prog->size());
      break;
    }
    case RegexNode::kRepeat: {
      for (int i = 0; i < node.min; ++i) Emit(node.kids[0], prog);
      if (node.max < 0) {
        const int loop = push(RegexInst::kSplit, static_cast<int>(prog->size()) + 1);
        Emit(node.kids[0], prog);
        push(RegexInst::kJmp, loop);
        (*prog)[loop].y = static_cast<int>(prog->size());
      } else {
        std::vector<int> skips;
        for (int i = node.min; i < node.max; ++i) {
          skips.push_back(push(RegexInst::kSplit, static_cast<int>(prog->size()) + 1));
          Emit(node.kids[0], prog);
        }
        for (int s : skips) (*prog)[s].y = static_cast<int>(prog->size());
      }
      break;
    }
  }
}

// Thread lists reused from one search to the next.
struct RegexScratch {
  std::vector<int> current, next, stack;
  std::vector<uint32_t> mark;  // == generation: already in the list being built
  uint32_t generation = 0;
};

class Regex {
 public:
  // Errors: not ECMA-262 syntax, a feature left out (lookaround,
  // backreferences, some \p{..} properties), or too large once repetitions
  // are expanded.
  static Result<Regex> Compile(std::string_view pattern) {
    RegexParser parser(pattern);
    RegexNode root;
    if (!parser.Parse(&root)) return Error(ErrorCode::kInvalidInput, "is not an ECMA-262 regular expression: " + parser.error());
    if (!parser.unsupported().empty())
      return Error(ErrorCode::kInvalidInput,
                   fmt::format("uses {}, which this validator does not support (it matches in linear time)", parser.unsupported()));
    if (ProgramSize(root) > kMaxRegexProgram)
      return Error(ErrorCode::kInvalidInput, "is too large once its repetitions are expanded");
    Regex re;
    re.classes_ = parser.TakeClasses();
    Emit(root, &re.prog_);
    re.prog_.push_back(RegexInst{});  // kMatch
    const RegexNode* first = &root;
    while (first->kind == RegexNode::kConcat && !first->kids.empty()) first = &first->kids[0];
    re.anchored_ = first->kind == RegexNode::kAssert && first->index == kInputStart;
    return re;
  }

  // Whether the pattern matches somewhere in `text`.
  bool Search(std::string_view text, RegexScratch* scratch) const {
    std::vector<int>& current = scratch->current;
    std::vector<int>& next = scratch->next;
    std::vector<int>& stack = scratch->stack;
    std::vector<uint32_t>& mark = scratch->mark;
    uint32_t& generation = scratch->generation;
    if (mark.size() < prog_.size()) mark.resize(prog_.size(), 0);
    if (generation > std::numeric_limits<uint32_t>::max() - 2 * (text.size() + 2)) {
      std::fill(mark.begin(), mark.end(), 0);
      generation = 0;
    }
    current.clear();
    size_t i = 0;
    char32_t prev = kNoCodePoint;
    char32_t cur = text.empty() ? kNoCodePoint : NextCodePoint(text, &i);
    // Follows the empty transitions from pc at the current position; true
    // when one reaches kMatch.
    auto add = [&](std::vector<int>& list, int pc0) {
      stack.clear();
      stack.push_back(pc0);
      while (!stack.empty()) {
        const int pc = stack.back();
        stack.pop_back();
        if (mark[pc] == generation) continue;
        mark[pc] = generation;
        const RegexInst& in = prog_[pc];
        switch (in.op) {
          case RegexInst::kMatch: return true;
          case RegexInst::kJmp: stack.push_back(in.x); break;
          case RegexInst::kSplit:
            stack.push_back(in.y);
            stack.push_back(in.x);
            break;
          case RegexInst::kAssert:
            if (Holds(in.x, prev, cur)) stack.push_back(pc + 1);
            break;
          default: list.push_back(pc);
        }
      }
      return false;
    };
    ++generation;
    if (add(current, 0)) return true;
    while (cur != kNoCodePoint) {
      const char32_t c = cur;
      prev = c;
      cur = i < text.size() ? NextCodePoint(text, &i) : kNoCodePoint;
      ++generation;
      next.clear();
      for (int pc : current) {
        const RegexInst& in = prog_[pc];
        const bool step = in.op == RegexInst::kChar  ? in.ch == c
                          : in.op == RegexInst::kAny ? !IsLineTerminator(c)
                                                     : classes_[in.x].Matches(c);
        if (step && add(next, pc + 1)) return true;
      }
      if (!anchored_ && add(next, 0)) return true;
      if (anchored_ && next.empty()) return false;
      std::swap(current, next);
    }
    return false;
  }

 private:
  static bool Holds(int assertion, char32_t prev, char32_t cur) {
    switch (assertion) {
      case kInputStart: return prev == kNoCodePoint;
      case kInputEnd: return cur == kNoCodePoint;
      case kWordBoundary: return (prev != kNoCodePoint && IsWordChar(prev)) != (cur != kNoCodePoint && IsWordChar(cur));
      default: return (prev != kNoCodePoint && IsWordChar(prev)) == (cur != kNoCodePoint && IsWordChar(cur));
    }
  }

  std::vector<RegexInst> prog_;
  std::vector<CharClass> classes_;
  bool anchored_ = false;  // begins with ^: only tried at the start
};

// ---------------------------------------------------------------------------
// Formats

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

bool IsFullDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!AllAsciiDigits(s.substr(0, 4)) || !AllAsciiDigits(s.substr(5, 2)) || !AllAsciiDigits(s.substr(8, 2))) return false;
  const int year = ToInt(s.substr(0, 4)), month = ToInt(s.substr(5, 2)), day = ToInt(s.substr(8, 2));
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

// RFC 3339 full-time; a leap second (:60) only where the time in UTC is 23:59.
bool IsFullTime(std::string_view s) {
  if (s.size() < 9 || s[2] != ':' || s[5] != ':') return false;
  if (!AllAsciiDigits(s.substr(0, 2)) || !AllAsciiDigits(s.substr(3, 2)) || !AllAsciiDigits(s.substr(6, 2))) return false;
  const int hour = ToInt(s.substr(0, 2)), minute = ToInt(s.substr(3, 2)), second = ToInt(s.substr(6, 2));
  if (hour > 23 || minute > 59 || second > 60) return false;
  size_t i = 8;
  if (s[i] == '.') {
    const size_t start = ++i;
    while (i < s.size() && IsAsciiDigit(s[i])) ++i;
    if (i == start) return false;
  }
  if (i >= s.size()) return false;
  int offset = 0;
  if (s[i] == 'Z' || s[i] == 'z') {
    if (i + 1 != s.size()) return false;
  } else if (s[i] == '+' || s[i] == '-') {
    const std::string_view off = s.substr(i + 1);
    if (off.size() != 5 || off[2] != ':' || !AllAsciiDigits(off.substr(0, 2)) || !AllAsciiDigits(off.substr(3, 2))) return false;
    const int oh = ToInt(off.substr(0, 2)), om = ToInt(off.substr(3, 2));
    if (oh > 23 || om > 59) return false;
    offset = (s[i] == '+' ? 1 : -1) * (oh * 60 + om);
  } else {
    return false;
  }
  if (second == 60) {
    const int utc = ((hour * 60 + minute - offset) % 1440 + 1440) % 1440;
    if (utc != 23 * 60 + 59) return false;
  }
  return true;
}

bool IsDateTime(std::string_view s) {
  return s.size() > 11 && (s[10] == 'T' || s[10] == 't') && IsFullDate(s.substr(0, 10)) && IsFullTime(s.substr(11));
}

// RFC 3339 appendix A: P, then date units in the order Y M D (no gaps), an
// optional T with time units H M S (no gaps), or weeks alone.
bool IsDuration(std::string_view s) {
  if (s.size() < 3 || s[0] != 'P') return false;
  size_t i = 1;
  auto read_units = [&](std::string_view order, bool* any) {
    int last = -1;
    while (i < s.size() && s[i] != 'T') {
      const size_t start = i;
      while (i < s.size() && IsAsciiDigit(s[i])) ++i;
      if (i == start || i >= s.size()) return false;
      const size_t unit = order.find(s[i]);
      if (unit == std::string_view::npos) return false;
      if (last >= 0 && static_cast<int>(unit) != last + 1) return false;
      last = static_cast<int>(unit);
      ++i;
      *any = true;
    }
    return true;
  };
  if (s.back() == 'W') return AllAsciiDigits(s.substr(1, s.size() - 2));
  bool date = false, time = false;
  if (!read_units("YMD", &date)) return false;
  if (i < s.size()) {
    ++i;  // 'T'
    if (!read_units("HMS", &time) || !time) return false;
  }
  return date || time;
}

bool IsIpv4(std::string_view s) {
  int parts = 0;
  size_t i = 0;
  while (true) {
    const size_t start = i;
    while (i < s.size() && IsAsciiDigit(s[i])) ++i;
    const size_t len = i - start;
    if (len == 0 || len > 3 || (len > 1 && s[start] == '0') || ToInt(s.substr(start, len)) > 255) return false;
    ++parts;
    if (i == s.size()) break;
    if (s[i] != '.' || parts == 4) return false;
    ++i;
  }
  return parts == 4;
}

// Groups of hex digits separated by ':', the last maybe an IPv4 address;
// adds the number of 16-bit groups to *count.
bool ParseIpv6Groups(std::string_view s, bool allow_ipv4, int* count) {
  if (s.empty()) return true;
  size_t start = 0;
  while (true) {
    const size_t colon = s.find(':', start);
    const std::string_view group = s.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start);
    if (colon == std::string_view::npos && allow_ipv4 && group.find('.') != std::string_view::npos) {
      if (!IsIpv4(group)) return false;
      *count += 2;
      return true;
    }
    if (group.empty() || group.size() > 4) return false;
    for (char c : group)
      if (HexValue(c) < 0) return false;
    ++*count;
    if (colon == std::string_view::npos) return true;
    start = colon + 1;
  }
}

bool IsIpv6(std::string_view s) {
  if (s.empty()) return false;
  const size_t gap = s.find("::");
  int groups = 0;
  if (gap == std::string_view::npos) return ParseIpv6Groups(s, true, &groups) && groups == 8;
  if (s.find("::", gap + 1) != std::string_view::npos) return false;
  const std::string_view left = s.substr(0, gap), right = s.substr(gap + 2);
  return ParseIpv6Groups(left, false, &groups) && ParseIpv6Groups(right, true, &groups) && groups <= 7;
}

// RFC 1123 host names; `international` also lets non-ASCII labels through
// (idn-email's domains).
bool IsHostname(std::string_view s, bool international = false) {
  if (s.empty() || s.size() > 253) return false;
  size_t start = 0;
  while (true) {
    const size_t dot = std::min(s.find('.', start), s.size());
    const std::string_view label = s.substr(start, dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    for (char c : label)
      if (!IsAsciiAlnum(c) && c != '-' && !(international && static_cast<unsigned char>(c) >= 0x80)) return false;
    if (dot == s.size()) return true;
    start = dot + 1;
  }
}

// RFC 5321 mailbox: dot-atom or quoted local part; a host name or an
// address literal as domain.
bool IsEmail(std::string_view s, bool international) {
  const size_t at = s.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == s.size()) return false;
  const std::string_view local = s.substr(0, at), domain = s.substr(at + 1);
  auto non_ascii = [&](char c) { return international && static_cast<unsigned char>(c) >= 0x80; };
  if (local.front() == '"') {
    if (local.size() < 2 || local.back() != '"') return false;
    for (size_t i = 1; i + 1 < local.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(local[i]);
      if (c == '\\') {
        if (++i + 1 >= local.size() || local[i] < 0x20 || local[i] > 0x7E) return false;
      } else if (!((c >= 0x20 && c <= 0x7E && c != '"') || non_ascii(static_cast<char>(c)))) {
        return false;
      }
    }
  } else {
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) return false;
    for (char c : local)
      if (!IsAsciiAlnum(c) && c != '.' && std::strchr("!#$%&'*+-/=?^_`{|}~", c) == nullptr && !non_ascii(c)) return false;
  }
  if (domain.front() == '[') {
    if (domain.back() != ']') return false;
    const std::string_view literal = domain.substr(1, domain.size() - 2);
    if (literal.substr(0, 5) == "IPv6:") return IsIpv6(literal.substr(5));
    return IsIpv4(literal);
  }
  return IsHostname(domain, international);
}

bool IsUuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (s[i] != '-') return false;
    } else if (HexValue(s[i]) < 0) {
      return false;
    }
  }
  return true;
}

// RFC 3986 character classes, as bits of a table indexed by ASCII code.
enum UriChar : uint8_t {
  kUnreservedChar = 1,  // ALPHA DIGIT - . _ ~
  kSubDelimChar = 2,    // ! $ & ' ( ) * + , ; =
  kColonChar = 4,
  kAtChar = 8,
  kSlashChar = 16,
  kQuestionChar = 32,
};

constexpr std::array<uint8_t, 128> kUriChars = [] {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
        c == '~')
      t[c] |= kUnreservedChar;
  }
  for (char c : std::string_view("!$&'()*+,;=")) t[static_cast<unsigned char>(c)] |= kSubDelimChar;
  t[':'] |= kColonChar;
  t['@'] |= kAtChar;
  t['/'] |= kSlashChar;
  t['?'] |= kQuestionChar;
  return t;
}();

// Every character is unreserved, a sub-delim, of the classes in `extra`, a
// percent-encoded octet, or (IRIs) non-ASCII.
bool IsUriComponent(std::string_view s, uint8_t extra, bool iri) {
  const uint8_t allowed = kUnreservedChar | kSubDelimChar | extra;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '%') {
      if (i + 2 >= s.size() || HexValue(s[i + 1]) < 0 || HexValue(s[i + 2]) < 0) return false;
      i += 2;
    } else if (c >= 0x80) {
      if (!iri) return false;
    } else if (!(kUriChars[c] & allowed)) {
      return false;
    }
  }
  return true;
}

bool IsAuthority(std::string_view a, bool iri) {
  const size_t at = a.rfind('@');
  if (at != std::string_view::npos) {
    if (!IsUriComponent(a.substr(0, at), kColonChar, iri)) return false;
    a.remove_prefix(at + 1);
  }
  std::string_view port;
  if (!a.empty() && a[0] == '[') {
    const size_t close = a.find(']');
    if (close == std::string_view::npos) return false;
    const std::string_view literal = a.substr(1, close - 1);
    const bool future = literal.size() > 3 && (literal[0] == 'v' || literal[0] == 'V') &&
                        literal.find('.') != std::string_view::npos &&
                        IsUriComponent(literal.substr(literal.find('.') + 1), kColonChar, false);
    if (!future && !IsIpv6(literal)) return false;
    const std::string_view rest = a.substr(close + 1);
    if (!rest.empty()) {
      if (rest[0] != ':') return false;
      port = rest.substr(1);
    }
  } else {
    const size_t colon = a.find(':');
    if (colon != std::string_view::npos) {
      port = a.substr(colon + 1);
      a = a.substr(0, colon);
    }
    if (!IsUriComponent(a, 0, iri)) return false;
  }
  for (char c : port)
    if (!IsAsciiDigit(c)) return false;
  return true;
}

bool IsUriReference(std::string_view s, bool iri, bool absolute) {
  const UriParts u = SplitUri(s);
  if (absolute && !u.has_scheme) return false;
  if (u.has_authority) {
    if (!IsAuthority(u.authority, iri)) return false;
  } else if (!u.has_scheme) {
    // A relative path's first segment cannot hold ':' (it would read as a scheme).
    const std::string_view first = u.path.substr(0, u.path.find('/'));
    if (first.find(':') != std::string_view::npos) return false;
  }
  constexpr uint8_t kPathChars = kColonChar | kAtChar | kSlashChar;
  return IsUriComponent(u.path, kPathChars, iri) && IsUriComponent(u.query, kPathChars | kQuestionChar, iri) &&
         IsUriComponent(u.fragment, kPathChars | kQuestionChar, iri);
}

// RFC 6570 level 4.
bool IsUriTemplateExpression(std::string_view e) {
  if (e.empty()) return false;
  if (std::strchr("+#./;?&", e[0]) != nullptr) e.remove_prefix(1);
  else if (std::strchr("=,!@|", e[0]) != nullptr) return false;  // reserved operators
  size_t start = 0;
  while (true) {
    const size_t comma = std::min(e.find(',', start), e.size());
    std::string_view spec = e.substr(start, comma - start);
    if (!spec.empty() && spec.back() == '*') {
      spec.remove_suffix(1);
    } else if (const size_t colon = spec.find(':'); colon != std::string_view::npos) {
      const std::string_view len = spec.substr(colon + 1);
      if (len.empty() || len.size() > 4 || !AllAsciiDigits(len) || len[0] == '0') return false;
      spec = spec.substr(0, colon);
    }
    if (spec.empty() || spec.front() == '.' || spec.back() == '.' || spec.find("..") != std::string_view::npos) return false;
    for (size_t i = 0; i < spec.size(); ++i) {
      const char c = spec[i];
      if (c == '%') {
        if (i + 2 >= spec.size() || HexValue(spec[i + 1]) < 0 || HexValue(spec[i + 2]) < 0) return false;
        i += 2;
      } else if (!IsAsciiAlnum(c) && c != '_' && c != '.') {
        return false;
      }
    }
    if (comma == e.size()) return true;
    start = comma + 1;
  }
}

bool IsUriTemplate(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '{') {
      const size_t close = s.find('}', i);
      if (close == std::string_view::npos || !IsUriTemplateExpression(s.substr(i + 1, close - i - 1))) return false;
      i = close;
    } else if (c == '%') {
      if (i + 2 >= s.size() || HexValue(s[i + 1]) < 0 || HexValue(s[i + 2]) < 0) return false;
      i += 2;
    } else if (c < 0x80 && (c <= 0x20 || c == 0x7F || std::strchr("\"'<>\\^`|}", c) != nullptr)) {
      return false;
    }
  }
  return true;
}

bool IsJsonPointer(std::string_view s) {
  if (!s.empty() && s[0] != '/') return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (s[i] == '~' && (i + 1 == s.size() || (s[i + 1] != '0' && s[i + 1] != '1'))) return false;
  return true;
}

bool IsRelativeJsonPointer(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsAsciiDigit(s[i])) ++i;
  if (i == 0 || (i > 1 && s[0] == '0')) return false;
  const std::string_view rest = s.substr(i);
  return rest == "#" || IsJsonPointer(rest);
}

bool IsEcmaRegex(std::string_view s) {
  RegexParser parser(s);
  RegexNode root;
  return parser.Parse(&root);
}

using FormatCheck = bool (*)(std::string_view);

FormatCheck FindFormat(std::string_view name) {
  static const std::map<std::string_view, FormatCheck> formats = {
      {"date-time", IsDateTime},
      {"date", IsFullDate},
      {"time", IsFullTime},
      {"duration", IsDuration},
      {"email", [](std::string_view s) { return IsEmail(s, false); }},
      {"idn-email", [](std::string_view s) { return IsEmail(s, true); }},
      {"hostname", [](std::string_view s) { return IsHostname(s); }},
      {"ipv4", IsIpv4},
      {"ipv6", IsIpv6},
      {"uri", [](std::string_view s) { return IsUriReference(s, false, true); }},
      {"uri-reference", [](std::string_view s) { return IsUriReference(s, false, false); }},
      {"iri", [](std::string_view s) { return IsUriReference(s, true, true); }},
      {"iri-reference", [](std::string_view s) { return IsUriReference(s, true, false); }},
      {"uri-template", IsUriTemplate},
      {"json-pointer", IsJsonPointer},
      {"relative-json-pointer", IsRelativeJsonPointer},
      {"uuid", IsUuid},
      {"regex", IsEcmaRegex},
  };
  const auto it = formats.find(name);
  return it == formats.end() ? nullptr : it->second;
}

// ---------------------------------------------------------------------------
// multipleOf, exactly on decimal forms

// x = digits * 10^exponent, from the shortest decimal that reads back as x.
struct Decimal {
  uint64_t digits = 0;
  int exponent = 0;
};

Decimal ToDecimal(double x) {
  const std::string s = fmt::format("{}", std::fabs(x));
  Decimal d;
  int fraction_digits = 0;
  bool in_fraction = false;
  size_t i = 0;
  for (; i < s.size() && s[i] != 'e'; ++i) {
    if (s[i] == '.') {
      in_fraction = true;
      continue;
    }
    d.digits = d.digits * 10 + static_cast<uint64_t>(s[i] - '0');
    if (in_fraction) ++fraction_digits;
  }
  d.exponent = -fraction_digits + (i < s.size() ? std::atoi(s.c_str() + i + 1) : 0);
  while (d.digits != 0 && d.digits % 10 == 0) {
    d.digits /= 10;
    ++d.exponent;
  }
  return d;
}

bool IsMultipleOf(double value, double divisor) {
  if (value == 0) return true;
  if (!std::isfinite(value) || std::fabs(value) < divisor) return false;
  const Decimal x = ToDecimal(value), m = ToDecimal(divisor);
  // Over the common exponent e = min(x.e, m.e), x = X * 10^e and m = M * 10^e;
  // M stays below 10^17 because |x| >= m, so the remainder fits 64 bits.
  const int e = std::min(x.exponent, m.exponent);
  uint64_t modulus = m.digits;
  for (int k = e; k < m.exponent; ++k) modulus *= 10;
  uint64_t r = x.digits % modulus;
  for (int k = e; k < x.exponent; ++k) r = (r * 10) % modulus;
  return r == 0;
}

// ---------------------------------------------------------------------------
// The compiled form

enum class Op : uint8_t {
  kType,
  kEnum,
  kConst,
  kMultipleOf,
  kMaximum,
  kExclusiveMaximum,
  kMinimum,
  kExclusiveMinimum,
  kMaxLength,
  kMinLength,
  kPattern,
  kFormat,
  kItems,
  kContains,
  kMaxItems,
  kMinItems,
  kUniqueItems,
  kProperties,
  kPropertyNames,
  kRequired,
  kDependentRequired,
  kDependentSchemas,
  kMaxProperties,
  kMinProperties,
  kAllOf,
  kAnyOf,
  kOneOf,
  kNot,
  kIf,
  kRef,
};

enum TypeBit : uint8_t {
  kNullBit = 1,
  kBooleanBit = 2,
  kObjectBit = 4,
  kArrayBit = 8,
  kNumberBit = 16,
  kIntegerBit = 32,
  kStringBit = 64,
};

uint8_t TypeBits(const JsonValue& v) {
  switch (v.kind) {
    case JsonValue::kNull: return kNullBit;
    case JsonValue::kTrue:
    case JsonValue::kFalse: return kBooleanBit;
    case JsonValue::kObject: return kObjectBit;
    case JsonValue::kArray: return kArrayBit;
    case JsonValue::kString: return kStringBit;
    case JsonValue::kNumber:
      return kNumberBit | (std::isfinite(v.number) && std::floor(v.number) == v.number ? kIntegerBit : 0);
  }
  return 0;
}

constexpr uint64_t kUnbounded = std::numeric_limits<uint64_t>::max();

// The instance types a keyword says anything about; others pass it.
uint8_t AppliesTo(Op op) {
  switch (op) {
    case Op::kMultipleOf:
    case Op::kMaximum:
    case Op::kExclusiveMaximum:
    case Op::kMinimum:
    case Op::kExclusiveMinimum: return kNumberBit;
    case Op::kMaxLength:
    case Op::kMinLength:
    case Op::kPattern:
    case Op::kFormat: return kStringBit;
    case Op::kItems:
    case Op::kContains:
    case Op::kMaxItems:
    case Op::kMinItems:
    case Op::kUniqueItems: return kArrayBit;
    case Op::kProperties:
    case Op::kPropertyNames:
    case Op::kRequired:
    case Op::kDependentRequired:
    case Op::kDependentSchemas:
    case Op::kMaxProperties:
    case Op::kMinProperties: return kObjectBit;
    default: return 0xFF;
  }
}

// Property names are found by hash, so that looking one up mostly compares
// integers. The hash mixes the length and the first and last 8 bytes: a
// constant cost, and names that collide are told apart by comparing them.
uint64_t NameHash(std::string_view name) {
  uint64_t head = 0, tail = 0;
  if (name.size() >= 8) {
    std::memcpy(&head, name.data(), 8);
    std::memcpy(&tail, name.data() + name.size() - 8, 8);
  } else {
    for (size_t i = 0; i < name.size(); ++i) head |= uint64_t{static_cast<unsigned char>(name[i])} << (8 * i);
    tail = head;
  }
  const uint64_t h = head * 0x9E3779B97F4A7C15ULL ^ (tail + name.size()) * 0xC2B2AE3D27D4EB4FULL;
  return h ^ (h >> 29);
}

// What a check needs beyond a few numbers, kept apart so that checks stay
// small and a node's checks share cache lines.
struct CheckLists {
  std::string text;                                // pattern source, format name
  FormatCheck format = nullptr;
  std::vector<int> nodes;                          // allOf, anyOf, oneOf, prefix items
  std::vector<std::string> names;                  // required; type names
  std::vector<std::pair<std::string, int>> named;  // properties (in NameHash order), dependentSchemas
  std::vector<uint64_t> hashes;                    // properties: NameHash of each of `named`
  std::vector<std::pair<int, int>> patterns;       // patternProperties: regex, node
  std::vector<std::pair<std::string, std::vector<std::string>>> dependencies;
  std::vector<JsonValue> values;        // enum, const
  std::vector<std::string> string_set;  // enum of strings only: sorted
};

// One keyword (or a group that is evaluated together, like properties with
// patternProperties and additionalProperties).
struct Check {
  Check(Op op, const char* keyword)
      : op(op), applies(AppliesTo(op)), keyword(keyword), lists(std::make_unique<CheckLists>()) {}

  Op op;
  uint8_t applies;  // TypeBits of the instances it checks
  uint8_t types = 0;
  bool min_from_keyword = false;  // contains: minContains was given
  int node = -1, node2 = -1, node3 = -1;
  int regex = -1;
  double number = 0;  // limits, multipleOf
  uint64_t min = 0, max = kUnbounded;
  const char* keyword;  // as written, for locations
  std::unique_ptr<CheckLists> lists;
};

struct Node {
  std::string location;  // "#/properties/a", or "uri#/..." in other documents
  bool is_false = false;
  std::vector<Check> checks;
};

struct CompiledSchema {
  std::vector<Node> nodes;
  std::vector<Regex> regexes;
  int root = 0;
  SchemaDialect dialect = SchemaDialect::kDraft2020_12;
};

// ---------------------------------------------------------------------------
// Compiling

// Where a schema object sits and how to read it.
struct SchemaPlace {
  std::string base;  // for resolving its $ref and $id
  SchemaDialect dialect = SchemaDialect::kDraft2020_12;
  std::string document;  // the URI of its document ("" for an unnamed root)
  std::string pointer;   // from the document's root
};

Result<SchemaDialect> DialectOf(const JsonValue& schema_uri) {
  if (!schema_uri.is_string()) return Error(ErrorCode::kInvalidInput, "must be a string");
  std::string_view uri = schema_uri.text;
  if (!uri.empty() && uri.back() == '#') uri.remove_suffix(1);
  if (uri == "http://json-schema.org/draft-07/schema" || uri == "https://json-schema.org/draft-07/schema")
    return SchemaDialect::kDraft07;
  if (uri == "https://json-schema.org/draft/2020-12/schema" || uri == "http://json-schema.org/draft/2020-12/schema")
    return SchemaDialect::kDraft2020_12;
  return Error(ErrorCode::kInvalidInput,
               fmt::format("the dialect '{}' is not supported (use draft 2020-12 or draft-07)", schema_uri.text));
}

bool IsAnchorName(std::string_view s) {
  if (s.empty() || !(IsAsciiAlpha(s[0]) || s[0] == '_')) return false;
  for (char c : s)
    if (!IsAsciiAlnum(c) && c != '-' && c != '_' && c != '.') return false;
  return true;
}

// Keywords whose value is one schema, a list of schemas, or schemas by name.
bool IsSingleSchemaKeyword(std::string_view k) {
  return k == "additionalItems" || k == "additionalProperties" || k == "contains" || k == "propertyNames" || k == "not" ||
         k == "if" || k == "then" || k == "else" || k == "items" || k == "unevaluatedItems" ||
         k == "unevaluatedProperties";
}
bool IsSchemaListKeyword(std::string_view k) {
  return k == "allOf" || k == "anyOf" || k == "oneOf" || k == "prefixItems" || k == "items";
}
bool IsSchemaMapKeyword(std::string_view k) {
  return k == "properties" || k == "patternProperties" || k == "$defs" || k == "definitions" || k == "dependentSchemas" ||
         k == "dependencies";
}
bool IsSchemaValue(const JsonValue& v) { return v.is_object() || v.kind == JsonValue::kTrue || v.kind == JsonValue::kFalse; }

class Compiler {
 public:
  explicit Compiler(const JsonSchemaOptions& options) : options_(options) {}

  Status Run(const JsonValue& root, CompiledSchema* program) {
    program_ = program;
    if (Status st = IndexDocument(root, "", options_.default_dialect); !st.ok()) return st;
    auto root_node = NodeFor(root);
    if (!root_node.ok()) return root_node.error();
    program->root = root_node.value();
    program->dialect = places_.at(&root).dialect;
    while (!queue_.empty()) {
      const auto [schema, index] = queue_.back();
      queue_.pop_back();
      if (Status st = CompileSchema(*schema, index); !st.ok()) return st.error();
    }
    if (Status st = CheckForInPlaceCycles(); !st.ok()) return st;
    SkipPlainRefs();
    return Status::Ok();
  }

 private:
  Error Fail(const SchemaPlace& place, std::string_view keyword, std::string what) const {
    std::string where = place.document + "#" + place.pointer;
    if (!keyword.empty()) AppendPointerToken(&where, keyword);
    return Error(ErrorCode::kInvalidInput, fmt::format("schema {}: {}", where, what));
  }

  Status Register(std::map<std::string, const JsonValue*>* table, const std::string& key, const JsonValue& schema,
                  const SchemaPlace& place, std::string_view keyword) {
    const auto [it, added] = table->emplace(key, &schema);
    if (!added && it->second != &schema) return Fail(place, keyword, fmt::format("'{}' is defined twice", key));
    return Status::Ok();
  }

  Status IndexDocument(const JsonValue& root, const std::string& uri, SchemaDialect dialect) {
    SchemaPlace place{uri, dialect, uri, ""};
    if (Status st = Register(&resources_, uri, root, place, ""); !st.ok()) return st;
    return Index(root, place, true);
  }

  // Records where every schema object in `schema` sits, and the URIs
  // ($id) and anchors they define.
  Status Index(const JsonValue& schema, SchemaPlace place, bool document_root) {
    if (!schema.is_object()) {
      places_.emplace(&schema, std::move(place));
      return Status::Ok();
    }
    const JsonValue* id = schema.Find("$id");
    if (const JsonValue* dialect = schema.Find("$schema"); dialect && (document_root || id)) {
      auto d = DialectOf(*dialect);
      if (!d.ok()) return Fail(place, "$schema", d.error().diagnostics()[0].message);
      place.dialect = d.value();
    }
    const bool draft07 = place.dialect == SchemaDialect::kDraft07;
    if (id && draft07 && schema.Find("$ref")) id = nullptr;  // $ref overrides its siblings
    if (id) {
      if (!id->is_string()) return Fail(place, "$id", "must be a string");
      const std::string resolved = ResolveUri(place.base, id->text);
      const size_t hash = resolved.find('#');
      const std::string uri = resolved.substr(0, hash);
      const std::string fragment = hash == std::string::npos ? "" : resolved.substr(hash + 1);
      if (id->text.empty() || id->text[0] != '#') {
        place.base = uri;
        if (Status st = Register(&resources_, uri, schema, place, "$id"); !st.ok()) return st;
      }
      if (!fragment.empty()) {
        if (!draft07) return Fail(place, "$id", "must not have a fragment (name a location with $anchor)");
        if (Status st = Register(&anchors_, place.base + "#" + fragment, schema, place, "$id"); !st.ok()) return st;
      }
    }
    if (document_root) place.document = place.base;
    if (!draft07) {
      for (const char* keyword : {"$anchor", "$dynamicAnchor"}) {
        const JsonValue* anchor = schema.Find(keyword);
        if (anchor == nullptr) continue;
        if (!anchor->is_string() || !IsAnchorName(anchor->text))
          return Fail(place, keyword, "must be a name: a letter or '_', then letters, digits, '-', '_' or '.'");
        if (Status st = Register(&anchors_, place.base + "#" + anchor->text, schema, place, keyword); !st.ok()) return st;
      }
    }
    const SchemaPlace here = place;
    if (!places_.emplace(&schema, place).second) return Status::Ok();
    for (const auto& [key, value] : schema.members) {
      auto child = [&, &key = key](const JsonValue& sub, std::string_view name, bool has_name) {
        SchemaPlace p = here;
        AppendPointerToken(&p.pointer, key);
        if (has_name) AppendPointerToken(&p.pointer, name);
        return Index(sub, std::move(p), false);
      };
      Status st;
      if (value.is_array() && IsSchemaListKeyword(key)) {
        for (size_t i = 0; i < value.items.size() && st.ok(); ++i) st = child(value.items[i], std::to_string(i), true);
      } else if (value.is_object() && IsSchemaMapKeyword(key)) {
        for (size_t i = 0; i < value.members.size() && st.ok(); ++i)
          if (IsSchemaValue(value.members[i].second)) st = child(value.members[i].second, value.members[i].first, true);
      } else if (IsSchemaValue(value) && IsSingleSchemaKeyword(key)) {
        st = child(value, "", false);
      }
      if (!st.ok()) return st;
    }
    return Status::Ok();
  }

  // The node index of a schema (compiled later from the queue).
  Result<int> NodeFor(const JsonValue& schema) {
    if (const auto it = node_of_.find(&schema); it != node_of_.end()) return it->second;
    const auto place = places_.find(&schema);
    if (place == places_.end()) return Error(ErrorCode::kInternal, "a subschema was not indexed");
    const int index = static_cast<int>(program_->nodes.size());
    program_->nodes.emplace_back();
    program_->nodes.back().location = place->second.document + "#" + place->second.pointer;
    node_of_.emplace(&schema, index);
    queue_.push_back({&schema, index});
    return index;
  }

  Result<int> SubschemaNode(const JsonValue& value, const SchemaPlace& place, std::string_view keyword) {
    if (!IsSchemaValue(value)) return Fail(place, keyword, fmt::format("must be a schema (an object or a boolean), not {}", Abbreviate(value)));
    return NodeFor(value);
  }

  // The schema a $ref names, indexed.
  Result<const JsonValue*> Resolve(const SchemaPlace& from, const std::string& ref) {
    const std::string absolute = ResolveUri(from.base, ref);
    const size_t hash = absolute.find('#');
    const std::string uri = absolute.substr(0, hash);
    const std::string fragment = hash == std::string::npos ? "" : PercentDecode(absolute.substr(hash + 1));
    auto resource = resources_.find(uri);
    if (resource == resources_.end()) {
      if (!options_.load_document)
        return Fail(from, "$ref", fmt::format("'{}' names '{}', which no schema here defines (and no document loader was given)", ref, uri));
      if (!tried_.insert(uri).second) return Fail(from, "$ref", fmt::format("'{}' names '{}', which could not be loaded", ref, uri));
      auto loaded = options_.load_document(uri);
      if (!loaded.ok()) return Fail(from, "$ref", fmt::format("cannot load '{}': {}", uri, loaded.error().ToString()));
      documents_.push_back(std::make_unique<JsonValue>(std::move(loaded.value())));
      if (Status st = IndexDocument(*documents_.back(), uri, from.dialect); !st.ok()) return st.error();
      resource = resources_.find(uri);
    }
    const JsonValue* target = resource->second;
    if (fragment.empty()) return target;
    if (fragment[0] != '/') {
      const auto anchor = anchors_.find(uri + "#" + fragment);
      if (anchor == anchors_.end()) return Fail(from, "$ref", fmt::format("'{}': there is no anchor '{}' in '{}'", ref, fragment, uri));
      return anchor->second;
    }
    // A JSON Pointer: walked from the resource; a target outside the places
    // indexed so far (under an unknown keyword) is indexed from its nearest
    // indexed ancestor.
    SchemaPlace place = places_.at(target);
    std::string suffix;
    size_t start = 1;
    while (start <= fragment.size()) {
      const size_t slash = std::min(fragment.find('/', start), fragment.size());
      std::string token = fragment.substr(start, slash - start);
      for (size_t p = token.find("~1"); p != std::string::npos; p = token.find("~1", p + 1)) token.replace(p, 2, "/");
      for (size_t p = token.find("~0"); p != std::string::npos; p = token.find("~0", p + 1)) token.replace(p, 2, "~");
      const JsonValue* next = nullptr;
      if (target->is_object()) {
        next = target->Find(token);
      } else if (target->is_array() && AllAsciiDigits(token) && (token.size() == 1 || token[0] != '0') && token.size() < 10) {
        const size_t index = static_cast<size_t>(std::stoul(token));
        if (index < target->items.size()) next = &target->items[index];
      }
      if (next == nullptr) return Fail(from, "$ref", fmt::format("'{}' points to nothing in '{}'", ref, uri));
      target = next;
      if (const auto it = places_.find(target); it != places_.end()) {
        place = it->second;
        suffix.clear();
      } else {
        AppendPointerToken(&suffix, token);
      }
      start = slash + 1;
    }
    if (!places_.count(target)) {
      place.pointer += suffix;
      if (Status st = Index(*target, place, false); !st.ok()) return st.error();
    }
    return target;
  }

  Result<uint64_t> NonNegativeInteger(const JsonValue& v, const SchemaPlace& place, std::string_view keyword) {
    if (v.kind != JsonValue::kNumber || v.number < 0 || std::floor(v.number) != v.number)
      return Fail(place, keyword, fmt::format("must be a non-negative integer, not {}", Abbreviate(v)));
    return v.number >= 1.8e19 ? kUnbounded : static_cast<uint64_t>(v.number);
  }

  Result<std::vector<std::string>> StringList(const JsonValue& v, const SchemaPlace& place, std::string_view keyword) {
    if (!v.is_array()) return Fail(place, keyword, fmt::format("must be an array of strings, not {}", Abbreviate(v)));
    std::vector<std::string> out;
    for (const JsonValue& item : v.items) {
      if (!item.is_string()) return Fail(place, keyword, fmt::format("must be an array of strings; {} is not a string", Abbreviate(item)));
      if (std::find(out.begin(), out.end(), item.text) != out.end())
        return Fail(place, keyword, fmt::format("lists '{}' twice", item.text));
      out.push_back(item.text);
    }
    return out;
  }

  Result<int> RegexFor(const std::string& pattern, const SchemaPlace& place, std::string_view keyword) {
    if (const auto it = regex_of_.find(pattern); it != regex_of_.end()) return it->second;
    auto re = Regex::Compile(pattern);
    if (!re.ok()) return Fail(place, keyword, fmt::format("the pattern '{}' {}", pattern, re.error().diagnostics()[0].message));
    program_->regexes.push_back(std::move(re.value()));
    const int index = static_cast<int>(program_->regexes.size() - 1);
    regex_of_.emplace(pattern, index);
    return index;
  }

  Status CompileSchema(const JsonValue& schema, int index) {
    const SchemaPlace& place = places_.at(&schema);
    if (schema.kind == JsonValue::kTrue) return Status::Ok();
    if (schema.kind == JsonValue::kFalse) {
      program_->nodes[index].is_false = true;
      return Status::Ok();
    }
    if (!schema.is_object()) return Fail(place, "", fmt::format("a schema must be an object or a boolean, not {}", Abbreviate(schema)));
    std::vector<Check> checks;
    if (Status st = CompileKeywords(schema, place, &checks); !st.ok()) return st;
    program_->nodes[index].checks = std::move(checks);
    // Definitions are compiled even when nothing refers to them, so that a
    // broken one is reported.
    for (const char* keyword : {"$defs", "definitions"}) {
      const JsonValue* defs = schema.Find(keyword);
      if (defs == nullptr) continue;
      if (!defs->is_object()) return Fail(place, keyword, "must be an object of schemas");
      for (const auto& [name, sub] : defs->members) {
        SchemaPlace p = place;
        AppendPointerToken(&p.pointer, keyword);
        if (!IsSchemaValue(sub)) return Fail(p, name, fmt::format("must be a schema (an object or a boolean), not {}", Abbreviate(sub)));
        if (auto n = NodeFor(sub); !n.ok()) return n.error();
      }
    }
    return Status::Ok();
  }

  Status CompileKeywords(const JsonValue& s, const SchemaPlace& place, std::vector<Check>* checks) {
    const bool draft07 = place.dialect == SchemaDialect::kDraft07;
    auto add = [&](Op op, const char* keyword) -> Check& {
      checks->emplace_back(op, keyword);
      return checks->back();
    };
    auto sub = [&](const JsonValue& v, std::string_view keyword) { return SubschemaNode(v, place, keyword); };
    auto number = [&](const JsonValue& v, std::string_view keyword) -> Result<double> {
      if (v.kind != JsonValue::kNumber) {
        if (v.kind == JsonValue::kTrue || v.kind == JsonValue::kFalse)
          return Fail(place, keyword, "must be a number (the boolean form of draft-04 is not supported)");
        return Fail(place, keyword, fmt::format("must be a number, not {}", Abbreviate(v)));
      }
      return v.number;
    };
#define CONFORM_TRY(var, expr)                \
  auto var##_result = (expr);                 \
  if (!var##_result.ok()) return var##_result.error(); \
  auto var = std::move(var##_result.value())

    if (!draft07) {
      for (const char* keyword : {"unevaluatedProperties", "unevaluatedItems", "$dynamicRef"})
        if (s.Find(keyword))
          return Fail(place, keyword,
                      fmt::format("keyword {} is not supported (it needs annotation tracking, which this validator does not do)", keyword));
    }
    if (draft07) {
      if (const JsonValue* ref = s.Find("$ref")) return CompileRef(*ref, place, checks);  // siblings are ignored
    }

    if (const JsonValue* v = s.Find("type")) {
      static const std::map<std::string_view, uint8_t> kTypes = {
          {"null", kNullBit},     {"boolean", kBooleanBit}, {"object", kObjectBit}, {"array", kArrayBit},
          {"number", kNumberBit}, {"integer", kIntegerBit}, {"string", kStringBit}};
      std::vector<const JsonValue*> names;
      if (v->is_string()) names.push_back(v);
      else if (v->is_array() && !v->items.empty())
        for (const JsonValue& item : v->items) names.push_back(&item);
      else return Fail(place, "type", "must be a type name or a non-empty array of them");
      Check& c = add(Op::kType, "type");
      for (const JsonValue* name : names) {
        const auto it = name->is_string() ? kTypes.find(name->text) : kTypes.end();
        if (it == kTypes.end())
          return Fail(place, "type", fmt::format("{} is not a type (null, boolean, object, array, number, integer, string)", Abbreviate(*name)));
        if (c.types & it->second) return Fail(place, "type", fmt::format("lists {} twice", name->text));
        c.types |= it->second;
        c.lists->names.push_back(name->text);
      }
    }
    if (const JsonValue* v = s.Find("enum")) {
      if (!v->is_array()) return Fail(place, "enum", fmt::format("must be an array, not {}", Abbreviate(*v)));
      Check& c = add(Op::kEnum, "enum");
      c.lists->values = v->items;
      bool all_strings = !c.lists->values.empty();
      for (const JsonValue& item : c.lists->values) all_strings = all_strings && item.is_string();
      if (all_strings) {
        for (const JsonValue& item : c.lists->values) c.lists->string_set.push_back(item.text);
        std::sort(c.lists->string_set.begin(), c.lists->string_set.end());
      }
    }
    if (const JsonValue* v = s.Find("const")) add(Op::kConst, "const").lists->values.push_back(*v);

    if (const JsonValue* v = s.Find("multipleOf")) {
      CONFORM_TRY(m, number(*v, "multipleOf"));
      if (!(m > 0)) return Fail(place, "multipleOf", fmt::format("must be greater than 0, not {}", FormatNumber(m)));
      add(Op::kMultipleOf, "multipleOf").number = m;
    }
    for (auto [keyword, op] : {std::pair{"maximum", Op::kMaximum}, std::pair{"exclusiveMaximum", Op::kExclusiveMaximum},
                               std::pair{"minimum", Op::kMinimum}, std::pair{"exclusiveMinimum", Op::kExclusiveMinimum}}) {
      if (const JsonValue* v = s.Find(keyword)) {
        CONFORM_TRY(limit, number(*v, keyword));
        add(op, keyword).number = limit;
      }
    }
    for (auto [keyword, op] : {std::pair{"maxLength", Op::kMaxLength}, std::pair{"minLength", Op::kMinLength},
                               std::pair{"maxItems", Op::kMaxItems}, std::pair{"minItems", Op::kMinItems},
                               std::pair{"maxProperties", Op::kMaxProperties}, std::pair{"minProperties", Op::kMinProperties}}) {
      if (const JsonValue* v = s.Find(keyword)) {
        CONFORM_TRY(n, NonNegativeInteger(*v, place, keyword));
        add(op, keyword).min = n;
      }
    }
    if (const JsonValue* v = s.Find("pattern")) {
      if (!v->is_string()) return Fail(place, "pattern", "must be a string");
      CONFORM_TRY(re, RegexFor(v->text, place, "pattern"));
      Check& c = add(Op::kPattern, "pattern");
      c.regex = re;
      c.lists->text = v->text;
    }
    if (const JsonValue* v = s.Find("format")) {
      if (!v->is_string()) return Fail(place, "format", "must be a string");
      if (options_.assert_formats) {
        if (FormatCheck check = FindFormat(v->text)) {
          Check& c = add(Op::kFormat, "format");
          c.lists->format = check;
          c.lists->text = v->text;
        }
      }
    }

    // Arrays.
    {
      std::vector<int> prefix;
      int rest = -1;
      const char* rest_keyword = "items";
      const JsonValue* items = s.Find("items");
      if (draft07) {
        if (items && items->is_array()) {
          for (size_t i = 0; i < items->items.size(); ++i) {
            CONFORM_TRY(n, sub(items->items[i], "items"));
            prefix.push_back(n);
          }
          if (const JsonValue* additional = s.Find("additionalItems")) {
            CONFORM_TRY(n, sub(*additional, "additionalItems"));
            rest = n;
            rest_keyword = "additionalItems";
          }
        } else if (items) {
          CONFORM_TRY(n, sub(*items, "items"));
          rest = n;
        }
      } else {
        if (const JsonValue* tuple = s.Find("prefixItems")) {
          if (!tuple->is_array()) return Fail(place, "prefixItems", "must be an array of schemas");
          for (const JsonValue& item : tuple->items) {
            CONFORM_TRY(n, sub(item, "prefixItems"));
            prefix.push_back(n);
          }
        }
        if (items) {
          if (items->is_array())
            return Fail(place, "items", "must be a schema in draft 2020-12 (a tuple is written with prefixItems)");
          CONFORM_TRY(n, sub(*items, "items"));
          rest = n;
        }
      }
      if (!prefix.empty() || rest >= 0) {
        Check& c = add(Op::kItems, rest_keyword);
        c.lists->nodes = std::move(prefix);
        c.node = rest;
      }
      if (const JsonValue* v = s.Find("contains")) {
        CONFORM_TRY(n, sub(*v, "contains"));
        uint64_t min = 1, max = kUnbounded;
        bool min_given = false;
        if (!draft07) {
          if (const JsonValue* m = s.Find("minContains")) {
            CONFORM_TRY(k, NonNegativeInteger(*m, place, "minContains"));
            min = k;
            min_given = true;
          }
          if (const JsonValue* m = s.Find("maxContains")) {
            CONFORM_TRY(k, NonNegativeInteger(*m, place, "maxContains"));
            max = k;
          }
        }
        Check& c = add(Op::kContains, "contains");
        c.node = n;
        c.min = min;
        c.max = max;
        c.min_from_keyword = min_given;
      }
      if (const JsonValue* v = s.Find("uniqueItems")) {
        if (v->kind != JsonValue::kTrue && v->kind != JsonValue::kFalse) return Fail(place, "uniqueItems", "must be a boolean");
        if (v->kind == JsonValue::kTrue) add(Op::kUniqueItems, "uniqueItems");
      }
    }

    // Objects.
    {
      const JsonValue* properties = s.Find("properties");
      const JsonValue* patterns = s.Find("patternProperties");
      const JsonValue* additional = s.Find("additionalProperties");
      if (properties || patterns || additional) {
        Check c{Op::kProperties, "additionalProperties"};
        if (properties) {
          if (!properties->is_object()) return Fail(place, "properties", "must be an object of schemas");
          for (const auto& [name, value] : properties->members) {
            CONFORM_TRY(n, SubschemaNode(value, PlaceFor(place, "properties"), name));
            c.lists->named.push_back({name, n});
          }
          std::sort(c.lists->named.begin(), c.lists->named.end(),
                    [](const auto& a, const auto& b) { return NameHash(a.first) < NameHash(b.first); });
          for (const auto& [name, n] : c.lists->named) c.lists->hashes.push_back(NameHash(name));
        }
        if (patterns) {
          if (!patterns->is_object()) return Fail(place, "patternProperties", "must be an object of schemas");
          for (const auto& [pattern, value] : patterns->members) {
            CONFORM_TRY(re, RegexFor(pattern, PlaceFor(place, "patternProperties"), pattern));
            CONFORM_TRY(n, SubschemaNode(value, PlaceFor(place, "patternProperties"), pattern));
            c.lists->patterns.push_back({re, n});
          }
        }
        if (additional) {
          CONFORM_TRY(n, sub(*additional, "additionalProperties"));
          c.node = n;
        }
        checks->push_back(std::move(c));
      }
      if (const JsonValue* v = s.Find("propertyNames")) {
        CONFORM_TRY(n, sub(*v, "propertyNames"));
        add(Op::kPropertyNames, "propertyNames").node = n;
      }
      if (const JsonValue* v = s.Find("required")) {
        CONFORM_TRY(names, StringList(*v, place, "required"));
        if (!names.empty()) add(Op::kRequired, "required").lists->names = std::move(names);
      }
      auto dependent_required = [&](const JsonValue& v, std::string_view keyword, Check* c) -> Status {
        for (const auto& [name, value] : v.members) {
          if (!value.is_array()) continue;
          CONFORM_TRY(names, StringList(value, PlaceFor(place, keyword), name));
          c->lists->dependencies.push_back({name, std::move(names)});
        }
        return Status::Ok();
      };
      auto dependent_schemas = [&](const JsonValue& v, std::string_view keyword, Check* c) -> Status {
        for (const auto& [name, value] : v.members) {
          if (value.is_array()) continue;
          CONFORM_TRY(n, SubschemaNode(value, PlaceFor(place, keyword), name));
          c->lists->named.push_back({name, n});
        }
        return Status::Ok();
      };
      const char* keywords[2] = {"dependencies", nullptr};
      if (!draft07) keywords[0] = "dependentRequired", keywords[1] = "dependentSchemas";
      for (const char* keyword : keywords) {
        if (keyword == nullptr) continue;
        const JsonValue* v = s.Find(keyword);
        if (v == nullptr) continue;
        if (!v->is_object()) return Fail(place, keyword, "must be an object");
        const bool required_form = std::string_view(keyword) != "dependentSchemas";
        const bool schema_form = std::string_view(keyword) != "dependentRequired";
        Check required{Op::kDependentRequired, keyword};
        Check schemas{Op::kDependentSchemas, keyword};
        for (const auto& [name, value] : v->members) {
          if (value.is_array() && !required_form) return Fail(PlaceFor(place, keyword), name, "must be a schema");
          if (!value.is_array() && !schema_form) return Fail(PlaceFor(place, keyword), name, "must be an array of property names");
        }
        if (Status st = dependent_required(*v, keyword, &required); !st.ok()) return st;
        if (Status st = dependent_schemas(*v, keyword, &schemas); !st.ok()) return st;
        if (!required.lists->dependencies.empty()) checks->push_back(std::move(required));
        if (!schemas.lists->named.empty()) checks->push_back(std::move(schemas));
      }
    }

    // Applicators.
    for (auto [keyword, op] : {std::pair{"allOf", Op::kAllOf}, std::pair{"anyOf", Op::kAnyOf}, std::pair{"oneOf", Op::kOneOf}}) {
      const JsonValue* v = s.Find(keyword);
      if (v == nullptr) continue;
      if (!v->is_array() || v->items.empty()) return Fail(place, keyword, "must be a non-empty array of schemas");
      std::vector<int> nodes;
      for (const JsonValue& item : v->items) {
        CONFORM_TRY(n, sub(item, keyword));
        nodes.push_back(n);
      }
      add(op, keyword).lists->nodes = std::move(nodes);
    }
    if (const JsonValue* v = s.Find("not")) {
      CONFORM_TRY(n, sub(*v, "not"));
      add(Op::kNot, "not").node = n;
    }
    if (const JsonValue* v = s.Find("if")) {
      CONFORM_TRY(n, sub(*v, "if"));
      int then_node = -1, else_node = -1;
      if (const JsonValue* t = s.Find("then")) {
        CONFORM_TRY(k, sub(*t, "then"));
        then_node = k;
      }
      if (const JsonValue* e = s.Find("else")) {
        CONFORM_TRY(k, sub(*e, "else"));
        else_node = k;
      }
      if (then_node >= 0 || else_node >= 0) {
        Check& c = add(Op::kIf, "if");
        c.node = n;
        c.node2 = then_node;
        c.node3 = else_node;
      }
    }
    if (const JsonValue* ref = s.Find("$ref")) return CompileRef(*ref, place, checks);
    return Status::Ok();
#undef CONFORM_TRY
  }

  Status CompileRef(const JsonValue& ref, const SchemaPlace& place, std::vector<Check>* checks) {
    if (!ref.is_string()) return Fail(place, "$ref", "must be a string");
    auto target = Resolve(place, ref.text);
    if (!target.ok()) return target.error();
    auto node = NodeFor(*target.value());
    if (!node.ok()) return node.error();
    Check c{Op::kRef, "$ref"};
    c.node = node.value();
    checks->push_back(std::move(c));
    return Status::Ok();
  }

  // A schema that is only a $ref (beside annotations) is replaced, wherever
  // it is used, by the schema it names: one evaluation less on the most
  // common path. Ref chains end: cycles were refused.
  void SkipPlainRefs() {
    auto& nodes = program_->nodes;
    auto target = [&](int i) {
      while (!nodes[i].is_false && nodes[i].checks.size() == 1 && nodes[i].checks[0].op == Op::kRef) i = nodes[i].checks[0].node;
      return i;
    };
    for (Node& node : nodes) {
      for (Check& c : node.checks) {
        for (int* n : {&c.node, &c.node2, &c.node3})
          if (*n >= 0) *n = target(*n);
        for (int& n : c.lists->nodes) n = target(n);
        for (auto& [name, n] : c.lists->named) n = target(n);
        for (auto& [regex, n] : c.lists->patterns) n = target(n);
      }
    }
    program_->root = target(program_->root);
  }

  static SchemaPlace PlaceFor(const SchemaPlace& place, std::string_view keyword) {
    SchemaPlace p = place;
    AppendPointerToken(&p.pointer, keyword);
    return p;
  }

  // Applicators that apply to the same instance ($ref, allOf, anyOf, oneOf,
  // not, if/then/else, dependentSchemas) must not lead back to where they
  // started: validation would recurse forever.
  Status CheckForInPlaceCycles() const {
    const auto& nodes = program_->nodes;
    auto in_place = [&](int index) {
      std::vector<int> out;
      for (const Check& c : nodes[index].checks) {
        switch (c.op) {
          case Op::kRef:
          case Op::kNot:
            out.push_back(c.node);
            break;
          case Op::kIf:
            for (int n : {c.node, c.node2, c.node3})
              if (n >= 0) out.push_back(n);
            break;
          case Op::kAllOf:
          case Op::kAnyOf:
          case Op::kOneOf: out.insert(out.end(), c.lists->nodes.begin(), c.lists->nodes.end()); break;
          case Op::kDependentSchemas:
            for (const auto& [name, n] : c.lists->named) out.push_back(n);
            break;
          default: break;
        }
      }
      return out;
    };
    enum Color : uint8_t { kWhite, kGrey, kBlack };
    std::vector<Color> color(nodes.size(), kWhite);
    for (size_t start = 0; start < nodes.size(); ++start) {
      if (color[start] != kWhite) continue;
      std::vector<std::pair<int, std::vector<int>>> stack;
      stack.push_back({static_cast<int>(start), in_place(static_cast<int>(start))});
      color[start] = kGrey;
      while (!stack.empty()) {
        auto& [node, next] = stack.back();
        if (next.empty()) {
          color[node] = kBlack;
          stack.pop_back();
          continue;
        }
        const int child = next.back();
        next.pop_back();
        if (color[child] == kGrey)
          return Error(ErrorCode::kInvalidInput,
                       fmt::format("schema {}: $ref and in-place applicators lead back here without descending into "
                                   "the instance, so validation would never end",
                                   nodes[child].location));
        if (color[child] == kWhite) {
          color[child] = kGrey;
          stack.push_back({child, in_place(child)});
        }
      }
    }
    return Status::Ok();
  }

  const JsonSchemaOptions& options_;
  CompiledSchema* program_ = nullptr;
  std::vector<std::unique_ptr<JsonValue>> documents_;  // loaded through options_.load_document
  std::set<std::string> tried_;
  std::unordered_map<const JsonValue*, SchemaPlace> places_;
  std::map<std::string, const JsonValue*> resources_;  // absolute URI without fragment
  std::map<std::string, const JsonValue*> anchors_;    // "uri#name"
  std::unordered_map<const JsonValue*, int> node_of_;
  std::vector<std::pair<const JsonValue*, int>> queue_;
  std::map<std::string, int> regex_of_;
};

// ---------------------------------------------------------------------------
// Validating

// Deeper than this, evaluation stops (a hand-built JsonValue may be deeper
// than the parser allows).
constexpr int kMaxEvaluationDepth = 2000;

// "1 item", "2 items".
std::string Counted(uint64_t n, std::string_view one, std::string_view many = {}) {
  if (n == 1) return fmt::format("1 {}", one);
  return many.empty() ? fmt::format("{} {}s", n, one) : fmt::format("{} {}", n, many);
}

std::string QuotedList(const std::vector<JsonValue>& values) {
  std::string out;
  const size_t shown = std::min<size_t>(values.size(), 6);
  for (size_t i = 0; i < shown; ++i) out += (i ? ", " : "") + Abbreviate(values[i]);
  if (values.size() > shown) out += fmt::format(", ... ({} values)", values.size());
  return out;
}

// Finds two equal items; pairwise for short arrays, by canonical form
// (which is equal exactly when the values are JSON-equal) for long ones.
bool FindDuplicate(const std::vector<JsonValue>& items, size_t* first, size_t* second) {
  if (items.size() <= 16) {
    for (size_t i = 0; i < items.size(); ++i)
      for (size_t j = i + 1; j < items.size(); ++j)
        if (JsonEqual(items[i], items[j])) {
          *first = i, *second = j;
          return true;
        }
    return false;
  }
  std::vector<std::pair<std::string, size_t>> keyed;
  keyed.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) keyed.push_back({Canonicalize(items[i]), i});
  std::sort(keyed.begin(), keyed.end());
  for (size_t k = 1; k < keyed.size(); ++k)
    if (keyed[k].first == keyed[k - 1].first) {
      *first = keyed[k - 1].second, *second = keyed[k].second;
      return true;
    }
  return false;
}

class Validator {
 public:
  Validator(const CompiledSchema& program, std::vector<SchemaViolation>* out) : p_(program), out_(out) {
    path_.reserve(32);
  }

  // Whether `v` is valid against node `index`; with out_, records every
  // violation, otherwise stops at the first.
  bool Eval(int index, const JsonValue& v) {
    const Node& n = p_.nodes[index];
    if (n.is_false) {
      if (out_) out_->push_back({InstanceLocation(), n.location, "false", "no value is allowed here (the schema is false)"});
      return false;
    }
    if (depth_ >= kMaxEvaluationDepth) {
      if (out_) out_->push_back({InstanceLocation(), n.location, "", "nested too deeply to validate"});
      return false;
    }
    ++depth_;
    bool ok = true;
    const uint8_t bits = TypeBits(v);
    for (const Check& c : n.checks) {
      if (!(c.applies & bits)) continue;
      if (c.op == Op::kType && (c.types & bits)) continue;
      if (!EvalCheck(n, c, v)) {
        ok = false;
        if (!out_) break;
      }
    }
    --depth_;
    return ok;
  }

 private:
  struct Step {
    const std::string* name;  // nullptr: an array index
    size_t index;
  };

  std::string InstanceLocation() const {
    std::string out;
    for (const Step& s : path_) {
      if (s.name) AppendPointerToken(&out, *s.name);
      else out += "/" + std::to_string(s.index);
    }
    return out;
  }

  template <typename MakeMessage>
  bool Violation(const Node& n, std::string_view keyword, MakeMessage&& make_message) {
    if (out_) out_->push_back({InstanceLocation(), n.location + "/" + std::string(keyword), std::string(keyword), make_message()});
    return false;
  }

  bool Quietly(int index, const JsonValue& v) {
    std::vector<SchemaViolation>* saved = out_;
    out_ = nullptr;
    const bool ok = Eval(index, v);
    out_ = saved;
    return ok;
  }

  bool EvalMember(int index, const JsonValue& v, const std::string& name) {
    path_.push_back({&name, 0});
    const bool ok = Eval(index, v);
    path_.pop_back();
    return ok;
  }

  bool EvalItem(int index, const JsonValue& v, size_t i) {
    path_.push_back({nullptr, i});
    const bool ok = Eval(index, v);
    path_.pop_back();
    return ok;
  }

  bool EvalCheck(const Node& n, const Check& c, const JsonValue& v) {
    switch (c.op) {
      case Op::kType:
        if (c.types & TypeBits(v)) return true;
        return Violation(n, c.keyword, [&] {
          std::string types;
          for (size_t i = 0; i < c.lists->names.size(); ++i) types += (i ? " or " : "") + c.lists->names[i];
          return fmt::format("must be of type {}, not {}", types, KindName(v));
        });
      case Op::kEnum:
        if (!c.lists->string_set.empty()) {
          if (v.is_string() && std::binary_search(c.lists->string_set.begin(), c.lists->string_set.end(), v.text)) return true;
        } else {
          for (const JsonValue& allowed : c.lists->values)
            if (JsonEqual(v, allowed)) return true;
        }
        return Violation(n, c.keyword, [&] { return fmt::format("{} is not one of {}", Abbreviate(v), QuotedList(c.lists->values)); });
      case Op::kConst:
        if (JsonEqual(v, c.lists->values[0])) return true;
        return Violation(n, c.keyword, [&] { return fmt::format("must be {}", Abbreviate(c.lists->values[0])); });
      case Op::kMultipleOf:
        if (v.kind != JsonValue::kNumber || IsMultipleOf(v.number, c.number)) return true;
        return Violation(n, c.keyword, [&] { return fmt::format("must be a multiple of {}", FormatNumber(c.number)); });
      case Op::kMaximum:
        if (v.kind != JsonValue::kNumber || v.number <= c.number) return true;
        return Violation(n, c.keyword, [&] { return fmt::format("must be at most {}", FormatNumber(c.number)); });
      case Op::kExclusiveMaximum:
        if (v.kind != JsonValue::kNumber || v.number < c.number) return true;
        return Violation(n, c.keyword, [&] { return fmt::format("must be less than {}", FormatNumber(c.number)); });
      case Op::kMinimum:
        if (v.kind != JsonValue::kNumber || v.number >= c.number) return true;
        return Violation(n, c.keyword, [&] { return fmt::format("must be at least {}", FormatNumber(c.number)); });
      case Op::kExclusiveMinimum:
        if (v.kind != JsonValue::kNumber || v.number > c.number) return true;
        return Violation(n, c.keyword, [&] { return fmt::format("must be greater than {}", FormatNumber(c.number)); });
      case Op::kMaxLength:
        // Bytes bound code points from above: most strings need no count.
        if (!v.is_string() || v.text.size() <= c.min || CountCodePoints(v.text) <= c.min) return true;
        return Violation(n, c.keyword, [&] {
          return fmt::format("must be at most {} long, not {}", Counted(c.min, "character"), CountCodePoints(v.text));
        });
      case Op::kMinLength:
        if (!v.is_string() || CountCodePoints(v.text) >= c.min) return true;
        return Violation(n, c.keyword, [&] {
          return fmt::format("must be at least {} long, not {}", Counted(c.min, "character"), CountCodePoints(v.text));
        });
      case Op::kPattern:
        if (!v.is_string() || p_.regexes[c.regex].Search(v.text, &scratch_)) return true;
        return Violation(n, c.keyword, [&] { return fmt::format("'{}' does not match the pattern '{}'", Shorten(v.text), c.lists->text); });
      case Op::kFormat:
        if (!v.is_string() || c.lists->format(v.text)) return true;
        return Violation(n, c.keyword, [&] { return fmt::format("'{}' is not a valid {}", Shorten(v.text), c.lists->text); });
      case Op::kItems: {
        if (!v.is_array()) return true;
        bool ok = true;
        for (size_t i = 0; i < v.items.size(); ++i) {
          int node = -1;
          if (i < c.lists->nodes.size()) {
            node = c.lists->nodes[i];
          } else if (c.node >= 0) {
            node = c.node;
            if (p_.nodes[node].is_false) {
              Violation(n, c.keyword, [&] {
                return fmt::format("must have at most {}, not {}", Counted(c.lists->nodes.size(), "item"), v.items.size());
              });
              return false;
            }
          } else {
            break;
          }
          if (!EvalItem(node, v.items[i], i)) {
            ok = false;
            if (!out_) return false;
          }
        }
        return ok;
      }
      case Op::kContains: {
        if (!v.is_array()) return true;
        uint64_t matches = 0;
        for (const JsonValue& item : v.items) {
          if (!Quietly(c.node, item)) continue;
          ++matches;
          if (c.max == kUnbounded && matches >= c.min) break;
          if (matches > c.max) break;
        }
        if (matches < c.min)
          return Violation(n, c.min_from_keyword ? "minContains" : "contains", [&] {
            if (c.min == 1) return std::string("must contain an item that matches contains");
            return fmt::format("must contain at least {} items that match contains, not {}", c.min, matches);
          });
        if (matches > c.max)
          return Violation(n, "maxContains", [&] {
            return fmt::format("must contain at most {} that match contains, not more", Counted(c.max, "item"));
          });
        return true;
      }
      case Op::kMaxItems:
        if (!v.is_array() || v.items.size() <= c.min) return true;
        return Violation(n, c.keyword, [&] { return fmt::format("must have at most {}, not {}", Counted(c.min, "item"), v.items.size()); });
      case Op::kMinItems:
        if (!v.is_array() || v.items.size() >= c.min) return true;
        return Violation(n, c.keyword, [&] { return fmt::format("must have at least {}, not {}", Counted(c.min, "item"), v.items.size()); });
      case Op::kUniqueItems: {
        size_t first = 0, second = 0;
        if (!v.is_array() || !FindDuplicate(v.items, &first, &second)) return true;
        return Violation(n, c.keyword, [&] { return fmt::format("items {} and {} are equal; items must be unique", first, second); });
      }
      case Op::kProperties: {
        if (!v.is_object()) return true;
        bool ok = true;
        for (const auto& [name, value] : v.members) {
          bool declared = false;
          const uint64_t hash = NameHash(name);
          const auto& hashes = c.lists->hashes;
          for (auto h = std::lower_bound(hashes.begin(), hashes.end(), hash); h != hashes.end() && *h == hash; ++h) {
            const auto& [declared_name, node] = c.lists->named[static_cast<size_t>(h - hashes.begin())];
            if (declared_name != name) continue;
            declared = true;
            if (!EvalMember(node, value, name)) {
              ok = false;
              if (!out_) return false;
            }
            break;
          }
          for (const auto& [regex, node] : c.lists->patterns) {
            if (!p_.regexes[regex].Search(name, &scratch_)) continue;
            declared = true;
            if (!EvalMember(node, value, name)) {
              ok = false;
              if (!out_) return false;
            }
          }
          if (declared || c.node < 0) continue;
          if (p_.nodes[c.node].is_false) {
            ok = Violation(n, c.keyword, [&, &name = name] { return fmt::format("property '{}' is not allowed (not declared in the schema)", name); });
            if (!out_) return false;
          } else if (!EvalMember(c.node, value, name)) {
            ok = false;
            if (!out_) return false;
          }
        }
        return ok;
      }
      case Op::kPropertyNames: {
        if (!v.is_object()) return true;
        bool ok = true;
        JsonValue key;
        key.kind = JsonValue::kString;
        for (const auto& [name, value] : v.members) {
          key.text = name;
          if (Quietly(c.node, key)) continue;
          ok = Violation(n, c.keyword, [&, &name = name] { return fmt::format("the property name '{}' does not match propertyNames", name); });
          if (!out_) return false;
        }
        return ok;
      }
      case Op::kRequired: {
        if (!v.is_object()) return true;
        bool ok = true;
        for (const std::string& name : c.lists->names) {
          if (v.Find(name)) continue;
          ok = Violation(n, c.keyword, [&] { return fmt::format("required property '{}' is missing", name); });
          if (!out_) return false;
        }
        return ok;
      }
      case Op::kDependentRequired: {
        if (!v.is_object()) return true;
        bool ok = true;
        for (const auto& [trigger, names] : c.lists->dependencies) {
          if (!v.Find(trigger)) continue;
          for (const std::string& name : names) {
            if (v.Find(name)) continue;
            ok = Violation(n, c.keyword, [&, &name = name, &trigger = trigger] { return fmt::format("property '{}' is required when '{}' is present", name, trigger); });
            if (!out_) return false;
          }
        }
        return ok;
      }
      case Op::kDependentSchemas: {
        if (!v.is_object()) return true;
        bool ok = true;
        for (const auto& [trigger, node] : c.lists->named) {
          if (!v.Find(trigger) || Eval(node, v)) continue;
          ok = false;
          if (!out_) return false;
        }
        return ok;
      }
      case Op::kMaxProperties:
        if (!v.is_object() || v.members.size() <= c.min) return true;
        return Violation(n, c.keyword, [&] { return fmt::format("must have at most {}, not {}", Counted(c.min, "property", "properties"), v.members.size()); });
      case Op::kMinProperties:
        if (!v.is_object() || v.members.size() >= c.min) return true;
        return Violation(n, c.keyword, [&] { return fmt::format("must have at least {}, not {}", Counted(c.min, "property", "properties"), v.members.size()); });
      case Op::kAllOf: {
        bool ok = true;
        for (int node : c.lists->nodes) {
          if (Eval(node, v)) continue;
          ok = false;
          if (!out_) return false;
        }
        return ok;
      }
      case Op::kAnyOf:
        for (int node : c.lists->nodes)
          if (Quietly(node, v)) return true;
        return Violation(n, c.keyword, [&] { return fmt::format("must match at least one of the {} schemas in anyOf", c.lists->nodes.size()); });
      case Op::kOneOf: {
        int first = -1, second = -1;
        for (size_t i = 0; i < c.lists->nodes.size() && second < 0; ++i) {
          if (!Quietly(c.lists->nodes[i], v)) continue;
          (first < 0 ? first : second) = static_cast<int>(i);
        }
        if (first >= 0 && second < 0) return true;
        return Violation(n, c.keyword, [&] {
          if (first < 0) return fmt::format("must match exactly one of the {} schemas in oneOf, but matches none", c.lists->nodes.size());
          return fmt::format("must match exactly one of the schemas in oneOf, but matches {} and {}", first, second);
        });
      }
      case Op::kNot:
        if (!Quietly(c.node, v)) return true;
        return Violation(n, c.keyword, [&] { return std::string("must not match the schema in not"); });
      case Op::kIf: {
        const int branch = Quietly(c.node, v) ? c.node2 : c.node3;
        return branch < 0 || Eval(branch, v);
      }
      case Op::kRef: return Eval(c.node, v);
    }
    return true;
  }

  const CompiledSchema& p_;
  std::vector<SchemaViolation>* out_;
  std::vector<Step> path_;
  int depth_ = 0;
  RegexScratch scratch_;
};

}  // namespace

struct JsonSchema::Program : CompiledSchema {};

std::string SchemaViolation::ToString() const {
  return fmt::format("{}: {}", instance_location.empty() ? "(root)" : instance_location, message);
}

Result<JsonSchema> JsonSchema::Compile(const JsonValue& schema, const JsonSchemaOptions& options) {
  auto program = std::make_shared<Program>();
  if (Status st = Compiler(options).Run(schema, program.get()); !st.ok()) return st.error();
  return JsonSchema(std::move(program));
}

std::vector<SchemaViolation> JsonSchema::Validate(const JsonValue& instance) const {
  std::vector<SchemaViolation> out;
  Validator(*program_, &out).Eval(program_->root, instance);
  return out;
}

bool JsonSchema::IsValid(const JsonValue& instance) const { return Validator(*program_, nullptr).Eval(program_->root, instance); }

SchemaDialect JsonSchema::dialect() const { return program_->dialect; }

}  // namespace conform
