#include "conform/credentials/jcs.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace conform {

std::string SerializeJcsNumber(double value) {
  if (value == 0) return "0";  // also -0
  std::string out;
  if (value < 0) {
    out = "-";
    value = -value;
  }
  // The shortest digits that round-trip (fmt's "{}" is shortest), as a
  // digit string d1..dk and the exponent n with value = 0.d1..dk x 10^n.
  const std::string s = fmt::format("{}", value);
  std::string mantissa = s;
  int exp10 = 0;
  if (const size_t e = s.find('e'); e != std::string::npos) {
    mantissa = s.substr(0, e);
    exp10 = std::atoi(s.c_str() + e + 1);
  }
  std::string digits;
  int point = -1;  // digits before the decimal point in `mantissa`
  for (char c : mantissa) {
    if (c == '.') point = static_cast<int>(digits.size());
    else digits += c;
  }
  if (point < 0) point = static_cast<int>(digits.size());
  // Normalise: no leading zeros ("0.001"), no trailing zeros ("1500").
  size_t lead = 0;
  while (lead + 1 < digits.size() && digits[lead] == '0') ++lead;
  digits.erase(0, lead);
  point -= static_cast<int>(lead);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int k = static_cast<int>(digits.size());
  const int n = point + exp10;
  // ECMAScript Number::toString, steps 6 to 10.
  if (k <= n && n <= 21) {
    out += digits + std::string(static_cast<size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<size_t>(n)) + "." + digits.substr(static_cast<size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0." + std::string(static_cast<size_t>(-n), '0') + digits;
  } else {
    out += digits.substr(0, 1);
    if (k > 1) out += "." + digits.substr(1);
    out += fmt::format("e{}{}", n - 1 >= 0 ? "+" : "-", std::abs(n - 1));
  }
  return out;
}

namespace {

using Value = JsonValue;

template <typename Word>
Word Load(const char* p) {
  Word w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// Member names are short: two overlapping words cover a name of 4 to 16
// bytes, which saves a library call per comparison; lookups and the
// duplicate check compare names all the time (a lookup that finds its
// member compares it whole).
bool SameName(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  const char *p = a.data(), *q = b.data();
  if (n >= 8 && n <= 16) return Load<uint64_t>(p) == Load<uint64_t>(q) && Load<uint64_t>(p + n - 8) == Load<uint64_t>(q + n - 8);
  if (n >= 4 && n < 8) return Load<uint32_t>(p) == Load<uint32_t>(q) && Load<uint32_t>(p + n - 4) == Load<uint32_t>(q + n - 4);
  if (n < 4) {
    for (size_t i = 0; i < n; ++i)
      if (p[i] != q[i]) return false;
    return true;
  }
  return std::memcmp(p, q, n) == 0;
}

// Byte order (the UTF-16 order for ASCII names), compared inline as names
// are short.
bool NameBefore(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
  return a.size() < b.size();
}

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  // Parses into `v`, reusing the strings and vectors it already holds.
  Status Run(Value* v) {
    if (Status st = ParseValue(v, 0); !st.ok()) return st;
    SkipSpace();
    if (pos_ != s_.size()) return Fail("unexpected text after the JSON value");
    return Status::Ok();
  }

 private:
  Error Fail(std::string what) const {
    return Error(ErrorCode::kInvalidInput, fmt::format("JSON at byte {}: {}", pos_, what), "");
  }

  void SkipSpace() {
    // Most calls find no space at all: every whitespace byte is below '!'.
    if (pos_ < s_.size() && static_cast<unsigned char>(s_[pos_]) > ' ') return;
    SkipSpaceRun();
  }
  void SkipSpaceRun() {
    const char* p = s_.data() + pos_;
    const char* const end = s_.data() + s_.size();
#ifdef __SSE2__
    // Indented documents hold long runs of spaces: sixteen bytes at a time.
    while (p + 16 <= end) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i space = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\n'))),
                                         _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\t')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\r'))));
      const unsigned other = ~static_cast<unsigned>(_mm_movemask_epi8(space)) & 0xFFFFu;
      if (other != 0) {
        pos_ = static_cast<size_t>(p - s_.data()) + static_cast<size_t>(__builtin_ctz(other));
        return;
      }
      p += 16;
    }
#endif
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')) ++p;
    pos_ = static_cast<size_t>(p - s_.data());
  }

  // Bytes a string can hold as they are: printable ASCII but the quote and
  // the backslash. Strings are mostly such runs, copied in one go.
  static bool Plain(unsigned char c) {
    static constexpr auto kPlain = [] {
      std::array<bool, 256> t{};
      for (int c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
      return t;
    }();
    return kPlain[c];
  }
  size_t PlainRunEnd(size_t from) const {
    const char* p = s_.data() + from;
    const char* const end = s_.data() + s_.size();
#ifdef __SSE2__
    while (p + 16 <= end) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      // Signed bytes: below 0x20 catches controls and every byte >= 0x80.
      const __m128i stop = _mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x20)),
                                        _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))));
      const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(stop));
      if (mask != 0) return static_cast<size_t>(p - s_.data()) + static_cast<size_t>(__builtin_ctz(mask));
      p += 16;
    }
#endif
    while (p < end && Plain(static_cast<unsigned char>(*p))) ++p;
    return static_cast<size_t>(p - s_.data());
  }

  bool Literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  Status ParseValue(Value* v, int depth) {
    if (depth > kJcsMaxDepth) return Fail(fmt::format("nested deeper than {}", kJcsMaxDepth));
    SkipSpace();
    if (pos_ >= s_.size()) return Fail("unexpected end");
    const char c = s_[pos_];
    // `v` may hold a value of an earlier parse (ParseIJsonInto): what the
    // new kind does not use is emptied, what it uses is overwritten in place.
    v->number = 0;
    v->text_unescaped = false;
    v->names_plain = false;
    if (c == '{') {
      v->text.clear();
      v->items.clear();
      return ParseObject(v, depth);
    }
    if (c == '[') {
      v->text.clear();
      v->members.clear();
      return ParseArray(v, depth);
    }
    v->items.clear();
    v->members.clear();
    v->text.clear();
    if (c == '"') {
      v->kind = Value::kString;
      StringForm form;
      if (Status st = ParseString(&v->text, &form); !st.ok()) return st;
      v->text_unescaped = form != StringForm::kEscaped;
      return Status::Ok();
    }
    if (Literal("true")) { v->kind = Value::kTrue; return Status::Ok(); }
    if (Literal("false")) { v->kind = Value::kFalse; return Status::Ok(); }
    if (Literal("null")) { v->kind = Value::kNull; return Status::Ok(); }
    if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber(v);
    return Fail(fmt::format("unexpected character '{}'", c));
  }

  Status ParseNumber(Value* v) {
    const size_t start = pos_;
    const auto digits = [&] {
      const size_t b = pos_;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
      return pos_ - b;
    };
    if (s_[pos_] == '-') ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '0') {
      ++pos_;
    } else if (digits() == 0) {
      return Fail("malformed number");
    }
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (digits() == 0) return Fail("malformed number");
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (digits() == 0) return Fail("malformed number");
    }
    const std::string text(s_.substr(start, pos_ - start));
    const double d = std::strtod(text.c_str(), nullptr);
    if (!std::isfinite(d)) return Fail(fmt::format("number {} is out of the range of an IEEE 754 double", text));
    v->kind = Value::kNumber;
    v->number = d;
    return Status::Ok();
  }

  Status Hex4(uint32_t* out) {
    if (pos_ + 4 > s_.size()) return Fail("truncated \\u escape");
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = s_[pos_++];
      v <<= 4;
      if (h >= '0' && h <= '9') v |= static_cast<uint32_t>(h - '0');
      else if (h >= 'a' && h <= 'f') v |= static_cast<uint32_t>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') v |= static_cast<uint32_t>(h - 'A' + 10);
      else return Fail("bad \\u escape");
    }
    *out = v;
    return Status::Ok();
  }

  static void AppendUtf8(uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  // Validates one UTF-8 sequence at pos_ and copies it.
  Status CopyUtf8(std::string* out) {
    const auto b0 = static_cast<unsigned char>(s_[pos_]);
    int len = 0;
    uint32_t cp = 0, min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) len = 2, cp = b0 & 0x1F, min = 0x80;
    else if (b0 >= 0xE0 && b0 <= 0xEF) len = 3, cp = b0 & 0x0F, min = 0x800;
    else if (b0 >= 0xF0 && b0 <= 0xF4) len = 4, cp = b0 & 0x07, min = 0x10000;
    else return Fail("invalid UTF-8");
    if (pos_ + static_cast<size_t>(len) > s_.size()) return Fail("truncated UTF-8");
    for (int i = 1; i < len; ++i) {
      const auto b = static_cast<unsigned char>(s_[pos_ + static_cast<size_t>(i)]);
      if ((b & 0xC0) != 0x80) return Fail("invalid UTF-8");
      cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return Fail("invalid UTF-8");
    out->append(s_.substr(pos_, static_cast<size_t>(len)));
    pos_ += static_cast<size_t>(len);
    return Status::Ok();
  }

  // How a string was written, which is what canonical writing needs to
  // know of it: only an escape can put into the text a character that RFC
  // 8785 escapes again ('"', '\\', controls), and only ASCII names sort by
  // their bytes.
  enum class StringForm { kPlainAscii, kUnescaped, kEscaped };

  Status ParseString(std::string* out, StringForm* form) {
    ++pos_;  // opening quote
    // Most strings are plain ASCII to the closing quote: this much is kept
    // small enough to be inlined where strings are parsed.
    if (const size_t end = PlainRunEnd(pos_); end < s_.size() && s_[end] == '"') {
      out->append(s_.data() + pos_, end - pos_);
      pos_ = end + 1;
      *form = StringForm::kPlainAscii;
      return Status::Ok();
    }
    return ParseRestOfString(out, form);
  }

  // The rest of a string that is not plain ASCII: UTF-8, escapes, errors.
  Status ParseRestOfString(std::string* out, StringForm* form) {
    *form = StringForm::kUnescaped;
    while (true) {
      if (pos_ >= s_.size()) return Fail("unterminated string");
      const auto c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return Status::Ok();
      }
      if (c < 0x20) return Fail("control character in a string");
      if (c >= 0x80) {
        if (Status st = CopyUtf8(out); !st.ok()) return st;
        continue;
      }
      if (c != '\\') {
        // Copy the run of plain ASCII in one go.
        const size_t end = PlainRunEnd(pos_ + 1);
        out->append(s_, pos_, end - pos_);
        pos_ = end;
        continue;
      }
      if (++pos_ >= s_.size()) return Fail("unterminated escape");
      *form = StringForm::kEscaped;
      const char e = s_[pos_++];
      switch (e) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          uint32_t cp = 0;
          if (Status st = Hex4(&cp); !st.ok()) return st;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return Fail("lone low surrogate");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low = 0;
            if (s_.substr(pos_, 2) != "\\u") return Fail("lone high surrogate");
            pos_ += 2;
            if (Status st = Hex4(&low); !st.ok()) return st;
            if (low < 0xDC00 || low > 0xDFFF) return Fail("lone high surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          AppendUtf8(cp, out);
          break;
        }
        default: return Fail(fmt::format("bad escape \\{}", e));
      }
    }
  }

  Status ParseArray(Value* v, int depth) {
    v->kind = Value::kArray;
    ++pos_;
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      v->items.clear();
      return Status::Ok();
    }
    for (size_t n = 0;;) {
      if (n == v->items.size()) v->items.emplace_back();
      if (Status st = ParseValue(&v->items[n++], depth + 1); !st.ok()) return st;
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == ',') { ++pos_; continue; }
      if (pos_ < s_.size() && s_[pos_] == ']') {
        ++pos_;
        v->items.erase(v->items.begin() + static_cast<ptrdiff_t>(n), v->items.end());
        return Status::Ok();
      }
      return Fail("expected ',' or ']'");
    }
  }

  Status ParseObject(Value* v, int depth) {
    v->kind = Value::kObject;
    ++pos_;
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      v->members.clear();
      v->names_plain = true;
      return Status::Ok();
    }
    // Marked only once every member is read: a parse that fails part way
    // leaves members of an earlier document behind, which this object's
    // names say nothing of.
    bool names_plain = true;
    // Credential objects hold a handful of members. Four fit a small heap
    // block; eight took a block large enough to leave malloc's per-thread
    // cache and cost more than the moves of growing.
    if (v->members.empty()) v->members.reserve(4);
    // Small objects are searched linearly; past a few dozen members a set
    // keeps the duplicate check linear in total (hostile input).
    std::unique_ptr<std::unordered_set<std::string>> seen;  // made only for large objects
    // Names in increasing byte order, as canonicalising writers emit them,
    // are distinct by construction: while they come so, each is compared
    // with the one before only.
    bool ascending = true;
    for (size_t n = 0;;) {
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] != '"') return Fail("expected a member name");
      if (n == v->members.size()) v->members.emplace_back();
      auto& [name, value] = v->members[n];
      name.clear();
      StringForm form;
      if (Status st = ParseString(&name, &form); !st.ok()) return st;
      names_plain = names_plain && form == StringForm::kPlainAscii;
      bool duplicate = false;
      ascending = ascending && (n == 0 || NameBefore(v->members[n - 1].first, name));
      if (ascending) {
        // distinct from every earlier name, which all sort before it
      } else if (n < 32) {
        for (size_t i = 0; i < n && !duplicate; ++i) duplicate = SameName(v->members[i].first, name);
      } else {
        if (seen == nullptr) {
          seen = std::make_unique<std::unordered_set<std::string>>();
          for (size_t i = 0; i < n; ++i) seen->insert(v->members[i].first);
        }
        duplicate = !seen->insert(name).second;
      }
      if (duplicate) return Fail(fmt::format("duplicate member name \"{}\"", name));
      ++n;
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] != ':') return Fail("expected ':'");
      ++pos_;
      if (Status st = ParseValue(&value, depth + 1); !st.ok()) return st;
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == ',') { ++pos_; continue; }
      if (pos_ < s_.size() && s_[pos_] == '}') {
        ++pos_;
        v->members.erase(v->members.begin() + static_cast<ptrdiff_t>(n), v->members.end());
        v->names_plain = names_plain;
        return Status::Ok();
      }
      return Fail("expected ',' or '}'");
    }
  }

  std::string_view s_;
  size_t pos_ = 0;
};

// UTF-16 code units of a UTF-8 string, for ordering member names.
std::u16string Utf16(const std::string& s) {
  std::u16string out;
  for (size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    uint32_t cp = 0;
    int len = 1;
    if (b0 < 0x80) cp = b0;
    else if (b0 < 0xE0) cp = b0 & 0x1F, len = 2;
    else if (b0 < 0xF0) cp = b0 & 0x0F, len = 3;
    else cp = b0 & 0x07, len = 4;
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
    i += static_cast<size_t>(len);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return out;
}

// Where canonical bytes go: a buffer handed on in chunks, so that a
// canonical form can be hashed as it is written instead of built whole, and
// single characters cost a store rather than a call.
class Sink {
 public:
  Sink(void (*consume)(void*, const char*, size_t), void* context) : consume_(consume), context_(context) {}
  ~Sink() { Flush(); }
  void Put(char c) {
    if (n_ == sizeof buf_) Flush();
    buf_[n_++] = c;
  }
  void Put(const char* p, size_t len) {
    if (len > sizeof buf_ - n_) {
      Flush();
      if (len >= sizeof buf_) return consume_(context_, p, len);
    }
    std::memcpy(buf_ + n_, p, len);
    n_ += len;
  }
  void Put(std::string_view s) { Put(s.data(), s.size()); }
  // `s` between quotes, in one bounds check when it fits.
  void PutQuoted(std::string_view s) {
    if (s.size() + 2 > sizeof buf_ - n_) {
      Put('"');
      Put(s);
      Put('"');
      return;
    }
    buf_[n_] = '"';
    std::memcpy(buf_ + n_ + 1, s.data(), s.size());
    buf_[n_ + 1 + s.size()] = '"';
    n_ += s.size() + 2;
  }
  void Flush() {
    if (n_ > 0) consume_(context_, buf_, n_);
    n_ = 0;
  }

 private:
  void (*consume_)(void*, const char*, size_t);
  void* context_;
  char buf_[4096];
  size_t n_ = 0;
};

// Bytes a canonical string holds as they are (no escape needed).
bool Unescaped(unsigned char c) {
  static constexpr auto kUnescaped = [] {
    std::array<bool, 256> t{};
    for (int c = 0x20; c < 0x100; ++c) t[c] = c != '"' && c != '\\';
    return t;
  }();
  return kUnescaped[c];
}

void WriteString(const std::string& s, Sink* out) {
  out->Put('"');
  const char* p = s.data();
  const char* const end = p + s.size();
  while (true) {
    const char* run = p;
#ifdef __SSE2__
    // Sixteen bytes at a time to the next byte that needs an escape: a
    // control character, the quote or the backslash.
    while (p + 16 <= end) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i control = _mm_cmpeq_epi8(_mm_and_si128(x, _mm_set1_epi8(static_cast<char>(0xE0))), _mm_setzero_si128());
      const __m128i stop = _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))));
      const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(stop));
      if (mask != 0) {
        p += __builtin_ctz(mask);
        break;
      }
      p += 16;
    }
#endif
    while (p < end && Unescaped(static_cast<unsigned char>(*p))) ++p;
    out->Put(run, static_cast<size_t>(p - run));
    if (p == end) break;
    const auto c = static_cast<unsigned char>(*p++);
    switch (c) {
      case '"': out->Put("\\\""); break;
      case '\\': out->Put("\\\\"); break;
      case '\b': out->Put("\\b"); break;
      case '\f': out->Put("\\f"); break;
      case '\n': out->Put("\\n"); break;
      case '\r': out->Put("\\r"); break;
      case '\t': out->Put("\\t"); break;
      default: out->Put(fmt::format("\\u{:04x}", c));
    }
  }
  out->Put('"');
}

using Member = std::pair<std::string, Value>;

void Write(const Value& v, Sink* out, std::string_view skip = {});

// Members in RFC 8785 order: by their names' UTF-16 code units. For names of
// ASCII only (nearly all), byte order is the same and needs no conversion.
void WriteObject(const Value& v, Sink* out, std::string_view skip) {
  // Credential objects hold a handful of members: sort pointers on the
  // stack, and only larger objects on the heap.
  constexpr size_t kInline = 24;
  const Member* inline_sorted[kInline];
  std::vector<const Member*> heap_sorted;
  const Member** sorted = inline_sorted;
  if (v.members.size() > kInline) {
    heap_sorted.resize(v.members.size());
    sorted = heap_sorted.data();
  }
  size_t n = 0;
  bool ascii = true;
  for (const auto& m : v.members) {
    if (!skip.empty() && m.first == skip) continue;
    sorted[n++] = &m;
    if (!v.names_plain)
      for (char c : m.first) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  }
  if (ascii) {
    // Insertion sort: a few members, often nearly in order already.
    for (size_t i = 1; i < n; ++i) {
      const Member* m = sorted[i];
      size_t j = i;
      for (; j > 0 && NameBefore(m->first, sorted[j - 1]->first); --j) sorted[j] = sorted[j - 1];
      sorted[j] = m;
    }
  } else {
    std::vector<std::pair<std::u16string, const Member*>> keyed;
    for (size_t i = 0; i < n; ++i) keyed.emplace_back(Utf16(sorted[i]->first), sorted[i]);
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t i = 0; i < n; ++i) sorted[i] = keyed[i].second;
  }
  out->Put('{');
  for (size_t i = 0; i < n; ++i) {
    if (i) out->Put(',');
    if (v.names_plain) out->PutQuoted(sorted[i]->first);
    else WriteString(sorted[i]->first, out);
    out->Put(':');
    Write(sorted[i]->second, out);
  }
  out->Put('}');
}

void Write(const Value& v, Sink* out, std::string_view skip) {
  switch (v.kind) {
    case Value::kNull: out->Put("null"); break;
    case Value::kTrue: out->Put("true"); break;
    case Value::kFalse: out->Put("false"); break;
    case Value::kNumber: out->Put(SerializeJcsNumber(v.number)); break;
    case Value::kString:
      if (v.text_unescaped) out->PutQuoted(v.text);
      else WriteString(v.text, out);
      break;
    case Value::kArray:
      out->Put('[');
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) out->Put(',');
        Write(v.items[i], out);
      }
      out->Put(']');
      break;
    case Value::kObject: WriteObject(v, out, skip); break;
  }
}

}  // namespace

const JsonValue* JsonValue::Find(std::string_view name) const {
  for (const auto& m : members)
    if (SameName(m.first, name)) return &m.second;
  return nullptr;
}

JsonValue* JsonValue::Find(std::string_view name) {
  for (auto& m : members)
    if (SameName(m.first, name)) return &m.second;
  return nullptr;
}

void JsonValue::Erase(std::string_view name) {
  for (auto it = members.begin(); it != members.end(); ++it)
    if (it->first == name) {
      members.erase(it);
      return;
    }
}

Result<JsonValue> ParseIJson(std::string_view json) {
  JsonValue v;
  if (Status st = Parser(json).Run(&v); !st.ok()) return st.error();
  return v;
}

Status ParseIJsonInto(std::string_view json, JsonValue* value) { return Parser(json).Run(value); }

void WriteCanonical(const JsonValue& value, std::string_view skip_member, void (*consume)(void* context, const char* bytes, size_t size),
                    void* context) {
  Sink sink(consume, context);
  Write(value, &sink, skip_member);
}

void AppendCanonical(const JsonValue& value, std::string* out, std::string_view skip_member) {
  WriteCanonical(value, skip_member, [](void* s, const char* p, size_t n) { static_cast<std::string*>(s)->append(p, n); }, out);
}

std::string Canonicalize(const JsonValue& value, std::string_view skip_member) {
  std::string out;
  AppendCanonical(value, &out, skip_member);
  return out;
}

bool operator==(const JsonValue& a, const JsonValue& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case JsonValue::kNumber: return a.number == b.number;
    case JsonValue::kString: return a.text == b.text;
    case JsonValue::kArray: return a.items == b.items;
    case JsonValue::kObject: {
      // Member order does not matter; names are unique.
      if (a.members.size() != b.members.size()) return false;
      for (const auto& [name, value] : a.members) {
        const JsonValue* other = b.Find(name);
        if (other == nullptr || !(*other == value)) return false;
      }
      return true;
    }
    default: return true;
  }
}

Result<std::string> CanonicalizeJson(std::string_view json) {
  JsonValue v;
  if (Status st = Parser(json).Run(&v); !st.ok()) return st.error();
  return Canonicalize(v);
}

}  // namespace conform
