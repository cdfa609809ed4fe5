// JSON Canonicalization Scheme (RFC 8785): the byte-exact form of a JSON
// text that Data Integrity proofs (eddsa-jcs-2022) hash and sign.
//
// Input must be I-JSON (RFC 7493): UTF-8, no duplicate object keys, no lone
// surrogates, numbers that are finite IEEE 754 doubles. Output: no
// whitespace, object members sorted by their names' UTF-16 code units,
// strings with only the escapes RFC 8785 requires, numbers serialised as
// ECMAScript's Number.prototype.toString does.
#ifndef CONFORM_CREDENTIALS_JCS_H_
#define CONFORM_CREDENTIALS_JCS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "conform/core/result.h"

namespace conform {

// Nesting deeper than this is refused (hostile input).
inline constexpr int kJcsMaxDepth = 128;

// A parsed I-JSON value. Object members keep their order of appearance;
// canonicalisation sorts them.
struct JsonValue {
  // User-provided: clang with libstdc++ 12 otherwise asks whether JsonValue
  // is default constructible while the pair<string, JsonValue> of
  // `members` is still incomplete, and refuses the type.
  JsonValue() {}
  enum Kind { kNull, kTrue, kFalse, kNumber, kString, kArray, kObject };
  Kind kind = kNull;
  // Facts the parser learns for free and canonicalisation would otherwise
  // find out again, byte by byte. False is always correct (the bytes are
  // then examined); whoever changes `text` or a member name of a parsed
  // value must clear the flag.
  //   text_unescaped: `text` holds no character RFC 8785 escapes (control
  //     characters, '"', '\\'), so its canonical form is itself in quotes.
  //   names_plain: every member name is printable ASCII needing no escape,
  //     so names are written as they are and sort by their bytes.
  bool text_unescaped = false;
  bool names_plain = false;
  double number = 0;
  std::string text;  // kString: UTF-8
  std::vector<JsonValue> items;
  std::vector<std::pair<std::string, JsonValue>> members;

  bool is_object() const { return kind == kObject; }
  bool is_string() const { return kind == kString; }
  bool is_array() const { return kind == kArray; }
  // The member `name` of an object, or nullptr.
  const JsonValue* Find(std::string_view name) const;
  JsonValue* Find(std::string_view name);
  // Removes the member `name` of an object, if present.
  void Erase(std::string_view name);
};

// Parses I-JSON, with the same errors as CanonicalizeJson.
Result<JsonValue> ParseIJson(std::string_view json);
// The same into `value`, reusing the memory its strings and vectors already
// hold: a caller parsing many similar documents one after another (a batch
// of credentials) allocates almost nothing after the first. On error
// `value` is left in an unspecified but valid state.
Status ParseIJsonInto(std::string_view json, JsonValue* value);
// The RFC 8785 form of a parsed value; with `skip_member`, that member of the
// (top-level) object is left out, as if removed.
std::string Canonicalize(const JsonValue& value, std::string_view skip_member = {});
// The same, appended to `out`: callers that hash canonical forms reuse one
// buffer instead of allocating a string each time.
void AppendCanonical(const JsonValue& value, std::string* out, std::string_view skip_member = {});
// The same, streamed: `consume` receives the canonical bytes in order, in
// chunks of at most a few KB, so a hash can take them without a copy of the
// whole form.
void WriteCanonical(const JsonValue& value, std::string_view skip_member, void (*consume)(void* context, const char* bytes, size_t size),
                    void* context);

// True when the two values have the same canonical form (the same JSON data
// model value: member order aside, numbers compared as doubles).
bool operator==(const JsonValue& a, const JsonValue& b);

// Canonicalises a JSON text. Errors name the byte offset and what is wrong:
// syntax, a duplicate key, a lone surrogate, invalid UTF-8, a number out of
// range, nesting deeper than kJcsMaxDepth.
Result<std::string> CanonicalizeJson(std::string_view json);

// The ECMAScript serialisation of a finite double ("1e+21", "0.000001",
// "5e-324", "-0" as "0"). Precondition: std::isfinite(value).
std::string SerializeJcsNumber(double value);

}  // namespace conform

#endif  // CONFORM_CREDENTIALS_JCS_H_
