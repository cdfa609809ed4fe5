// JSON Schema validation of parsed JSON values, for checking credentials
// against the schemas their data models publish (UNTP). A schema compiles
// once: $ref resolved to compiled nodes, patterns compiled, keyword values
// checked. The compiled schema then validates any number of instances, from
// any number of threads at once.
//
// Dialects: draft 2020-12 ("$schema":
// "https://json-schema.org/draft/2020-12/schema") and draft-07
// ("http://json-schema.org/draft-07/schema#"), chosen by the root's
// "$schema" (or an embedded resource's, next to its "$id"); without one,
// options.default_dialect. Any other "$schema" is refused.
//
// Keywords: every assertion and applicator of the two drafts, $ref (JSON
// Pointer fragments, "$id" base URIs, "$anchor" and draft-07 "#name" ids,
// other documents through options.load_document), definitions and $defs,
// boolean schemas. "format" is an annotation unless options.assert_formats,
// and unknown formats always pass. contentEncoding, contentMediaType and
// unknown keywords are ignored; $dynamicAnchor counts as a plain $anchor.
// Refused at Compile, because they need the annotation tracking this
// validator leaves out: unevaluatedProperties, unevaluatedItems, $dynamicRef.
//
// Regular expressions ("pattern", "patternProperties", format "regex") are
// ECMA-262 with the "u" flag, matched by code point in time linear in the
// input, so no pattern can make validation hang. Lookaround and
// backreferences cannot be matched that way and are refused at Compile;
// \p{..} supports the General_Category values.
//
// Numbers are doubles: integers beyond 2^53 compare as their nearest double.
// multipleOf is decided exactly on the shortest decimal forms of the two
// numbers (0.0075 is a multiple of 0.0001).
#ifndef CONFORM_CREDENTIALS_JSON_SCHEMA_H_
#define CONFORM_CREDENTIALS_JSON_SCHEMA_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "conform/core/result.h"
#include "conform/credentials/jcs.h"

namespace conform {

enum class SchemaDialect { kDraft07, kDraft2020_12 };

struct JsonSchemaOptions {
  // For a root schema without "$schema".
  SchemaDialect default_dialect = SchemaDialect::kDraft2020_12;
  // Whether "format" asserts. Checked formats: date-time, date, time,
  // duration (RFC 3339), email, idn-email, hostname, ipv4, ipv6, uri,
  // uri-reference, iri, iri-reference, uri-template, json-pointer,
  // relative-json-pointer, uuid, regex. date-time and time need the offset
  // RFC 3339 requires ("Z", "+10:00"): "2024-03-15T12:00:00" is refused.
  bool assert_formats = false;
  // Called at Compile for each absolute URI (without fragment) that a $ref
  // names and no schema document seen so far defines; returns the document
  // or an error. A document without "$schema" takes the dialect of the
  // schema that refers to it. Unset: such refs are Compile errors.
  std::function<Result<JsonValue>(const std::string& uri)> load_document;
};

// One way an instance fails a schema.
struct SchemaViolation {
  // Where in the instance: a JSON Pointer, "" for the instance itself.
  std::string instance_location;
  // Where the failing keyword is: "#" and a JSON Pointer into the root schema
  // document ("#/properties/id/format"), preceded by the document's URI when
  // the root has an "$id" or the keyword is in another document.
  std::string keyword_location;
  // The failing keyword ("required", "additionalProperties", ...); "false"
  // when a schema that is just `false` rejects the value.
  std::string keyword;
  // What is wrong: "required property 'name' is missing".
  std::string message;

  // "<instance_location>: <message>", "(root)" standing for "".
  std::string ToString() const;
};

// A compiled schema. Copies are cheap and share the compiled form.
class JsonSchema {
 public:
  // Errors name where in the schema ("schema #/properties/a/minLength") and
  // what is wrong: a keyword value of the wrong kind, a $ref that resolves to
  // nothing, a pattern that is not ECMA-262 or uses lookaround or
  // backreferences, an unsupported keyword or dialect, or a cycle of $refs
  // and in-place applicators that never descends into the instance (its
  // validation would never end).
  static Result<JsonSchema> Compile(const JsonValue& schema, const JsonSchemaOptions& options = {});

  // Every violation, in the order they are found; empty when the instance
  // is valid. Inside anyOf, oneOf, not, if and contains only the
  // applicator's own verdict is reported, not why each alternative failed.
  std::vector<SchemaViolation> Validate(const JsonValue& instance) const;
  // Whether the instance is valid; stops at the first violation.
  bool IsValid(const JsonValue& instance) const;

  // The root schema's dialect.
  SchemaDialect dialect() const;

 private:
  struct Program;
  explicit JsonSchema(std::shared_ptr<const Program> program) : program_(std::move(program)) {}
  std::shared_ptr<const Program> program_;
};

}  // namespace conform

#endif  // CONFORM_CREDENTIALS_JSON_SCHEMA_H_
