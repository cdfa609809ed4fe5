// The JSON Schema validator against: the JSON Schema test suite's draft-07
// cases (Debian's json-schema-test-suite package), cases of its own for the
// draft 2020-12 keywords that suite version does not cover, and the UNTP
// schemas with their sample credentials and pass/warn/fail sets.
#include "conform/credentials/json_schema.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

namespace conform {
namespace {

namespace fs = std::filesystem;

Result<JsonValue> LoadJson(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(ErrorCode::kNotFound, "cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  auto value = ParseIJson(text.str());
  if (!value.ok()) return Error(ErrorCode::kInvalidInput, path.string() + ": " + value.error().ToString());
  return value;
}

JsonValue Json(std::string_view text) {
  auto value = ParseIJson(text);
  EXPECT_TRUE(value.ok()) << text;
  return value.ok() ? value.value() : JsonValue{};
}

JsonSchema MustCompile(std::string_view schema, const JsonSchemaOptions& options = {}) {
  auto compiled = JsonSchema::Compile(Json(schema), options);
  EXPECT_TRUE(compiled.ok()) << schema << "\n" << compiled.error().ToString();
  if (!compiled.ok()) return JsonSchema::Compile(Json("true")).value();
  return compiled.value();
}

// The compile error's text, or "" when the schema compiles.
std::string CompileError(std::string_view schema, const JsonSchemaOptions& options = {}) {
  auto compiled = JsonSchema::Compile(Json(schema), options);
  return compiled.ok() ? "" : compiled.error().ToString();
}

// The violations as "<instance location>: <message>", checking on the way
// that the stop-at-first mode agrees.
std::vector<std::string> Violations(const JsonSchema& schema, std::string_view instance) {
  const JsonValue value = Json(instance);
  std::vector<std::string> out;
  for (const SchemaViolation& v : schema.Validate(value)) out.push_back(v.ToString());
  EXPECT_EQ(schema.IsValid(value), out.empty()) << instance;
  return out;
}

bool Valid(const JsonSchema& schema, std::string_view instance) { return Violations(schema, instance).empty(); }

using Strings = std::vector<std::string>;

// ---------------------------------------------------------------------------
// The JSON Schema test suite

const fs::path kSuiteDir = CONFORM_JSON_SCHEMA_SUITE_DIR;

// The suite refers to the draft-07 meta-schema by its URI; Debian ships that
// document with python3-jsonschema.
const fs::path kDraft07MetaSchema = "/usr/lib/python3/dist-packages/jsonschema/schemas/draft7.json";

JsonSchemaOptions SuiteOptions(bool assert_formats) {
  JsonSchemaOptions options;
  options.default_dialect = SchemaDialect::kDraft07;
  options.assert_formats = assert_formats;
  options.load_document = [](const std::string& uri) -> Result<JsonValue> {
    const std::string remotes = "http://localhost:1234/";
    if (uri.rfind(remotes, 0) == 0) return LoadJson(kSuiteDir / "remotes" / uri.substr(remotes.size()));
    if (uri == "http://json-schema.org/draft-07/schema") return LoadJson(kDraft07MetaSchema);
    return Error(ErrorCode::kNotFound, "no such document: " + uri);
  };
  return options;
}

struct SuiteRun {
  int total = 0;
  int passed = 0;
  Strings failed;   // "file: group: test"
  Strings skipped;  // "file: group: test (reason)"
};

// Runs every group and test of a suite file; `skips` maps "file: group" or
// "file: group: test" to the reason the case is left out.
void RunSuiteFile(const fs::path& path, const std::string& name, const JsonSchemaOptions& options,
                  const std::map<std::string, std::string>& skips, SuiteRun* run) {
  auto groups = LoadJson(path);
  ASSERT_TRUE(groups.ok()) << groups.error().ToString();
  for (const JsonValue& group : groups.value().items) {
    const std::string group_key = name + ": " + group.Find("description")->text;
    auto schema = JsonSchema::Compile(*group.Find("schema"), options);
    for (const JsonValue& test : group.Find("tests")->items) {
      const std::string key = group_key + ": " + test.Find("description")->text;
      ++run->total;
      const auto skip = skips.count(key) ? skips.find(key) : skips.find(group_key);
      if (skip != skips.end()) {
        run->skipped.push_back(key + " (" + skip->second + ")");
        continue;
      }
      if (!schema.ok()) {
        run->failed.push_back(key + ": does not compile: " + schema.error().ToString());
        continue;
      }
      const JsonValue& data = *test.Find("data");
      const bool expected = test.Find("valid")->kind == JsonValue::kTrue;
      const bool quick = schema.value().IsValid(data);
      const bool full = schema.value().Validate(data).empty();
      if (quick != full) run->failed.push_back(key + ": IsValid and Validate disagree");
      else if (full != expected) run->failed.push_back(key + (expected ? ": valid, but refused" : ": invalid, but accepted"));
      else ++run->passed;
    }
  }
}

std::vector<fs::path> JsonFilesIn(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(JsonSchemaSuiteTest, Draft7) {
  const fs::path dir = kSuiteDir / "tests" / "draft7";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "JSON Schema test suite not found under " << dir << " (package json-schema-test-suite)";
  // Left out, with the reason.
  std::map<std::string, std::string> skips;
  if (!fs::exists(kDraft07MetaSchema)) {
    const std::string reason = "needs the draft-07 meta-schema, from python3-jsonschema, which is not installed";
    skips["ref.json: remote ref, containing refs itself"] = reason;
    skips["definitions.json: valid definition"] = reason;
    skips["definitions.json: invalid definition"] = reason;
  }
  SuiteRun run;
  for (const fs::path& file : JsonFilesIn(dir)) RunSuiteFile(file, file.filename().string(), SuiteOptions(false), skips, &run);
  std::cout << "draft7: " << run.passed << "/" << run.total << " passed, " << run.skipped.size() << " skipped\n";
  for (const std::string& s : run.skipped) std::cout << "  skipped: " << s << "\n";
  EXPECT_EQ(run.failed, Strings{});
  EXPECT_EQ(run.passed + static_cast<int>(run.skipped.size()), run.total);
  EXPECT_GT(run.total, 300);
}

TEST(JsonSchemaSuiteTest, Draft7Optional) {
  const fs::path dir = kSuiteDir / "tests" / "draft7" / "optional";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "JSON Schema test suite not found under " << dir << " (package json-schema-test-suite)";
  // contentMediaType and contentEncoding are annotations here: draft-07
  // leaves checking them to the implementation.
  const std::string annotation = "contentMediaType/contentEncoding are not asserted";
  const std::map<std::string, std::string> skips = {
      {"content.json: validation of string-encoded content based on media type: an invalid JSON document", annotation},
      {"content.json: validation of binary string-encoding: an invalid base64 string (% is not a valid character)", annotation},
      {"content.json: validation of binary-encoded media type documents: a validly-encoded invalid JSON document", annotation},
      {"content.json: validation of binary-encoded media type documents: an invalid base64 string that is valid JSON", annotation},
  };
  SuiteRun run;
  // ecmascript-regex.json checks format "regex".
  for (const fs::path& file : JsonFilesIn(dir)) RunSuiteFile(file, file.filename().string(), SuiteOptions(true), skips, &run);
  std::cout << "draft7/optional: " << run.passed << "/" << run.total << " passed, " << run.skipped.size() << " skipped\n";
  EXPECT_EQ(run.failed, Strings{});
  EXPECT_EQ(run.passed + static_cast<int>(run.skipped.size()), run.total);
}

TEST(JsonSchemaSuiteTest, Draft7Formats) {
  const fs::path dir = kSuiteDir / "tests" / "draft7" / "optional" / "format";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "JSON Schema test suite not found under " << dir << " (package json-schema-test-suite)";
  // idn-hostname needs the IDNA2008 tables, which conform does not carry: it
  // is an unknown format, so every string passes and its invalid cases are
  // accepted.
  const Strings expected_failures = {
      "idn-hostname.json: validation of internationalized host names: illegal first char U+302E Hangul single dot tone mark: invalid, but accepted",
      "idn-hostname.json: validation of internationalized host names: contains illegal char U+302E Hangul single dot tone mark: invalid, but accepted",
      "idn-hostname.json: validation of internationalized host names: a host name with a component too long: invalid, but accepted",
  };
  SuiteRun all;
  for (const fs::path& file : JsonFilesIn(dir)) {
    SuiteRun run;
    RunSuiteFile(file, file.filename().string(), SuiteOptions(true), {}, &run);
    std::cout << "draft7/optional/format/" << file.filename().string() << ": " << run.passed << "/" << run.total << "\n";
    all.total += run.total;
    all.passed += run.passed;
    all.failed.insert(all.failed.end(), run.failed.begin(), run.failed.end());
  }
  std::cout << "draft7/optional/format: " << all.passed << "/" << all.total << " passed\n";
  EXPECT_EQ(all.failed, expected_failures);
}

// ---------------------------------------------------------------------------
// Draft 2020-12 keywords and the validator's own behaviour

TEST(JsonSchemaTest, PrefixItemsThenItems) {
  const JsonSchema schema = MustCompile(R"({"prefixItems": [{"type": "integer"}, {"type": "string"}], "items": {"type": "boolean"}})");
  EXPECT_TRUE(Valid(schema, "[]"));
  EXPECT_TRUE(Valid(schema, "[1]"));
  EXPECT_TRUE(Valid(schema, R"([1, "a", true, false])"));
  EXPECT_EQ(Violations(schema, R"([1, "a", 3])"), Strings{"/2: must be of type boolean, not number"});
  EXPECT_EQ(Violations(schema, R"(["a"])"), Strings{"/0: must be of type integer, not string"});

  const JsonSchema closed = MustCompile(R"({"prefixItems": [{}], "items": false})");
  EXPECT_TRUE(Valid(closed, "[1]"));
  const JsonValue two = Json("[1, 2]");
  const auto v = closed.Validate(two);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].ToString(), "(root): must have at most 1 item, not 2");
  EXPECT_EQ(v[0].keyword, "items");
  EXPECT_EQ(v[0].keyword_location, "#/items");

  // The draft-07 forms are not 2020-12 keywords.
  EXPECT_NE(CompileError(R"({"items": [{"type": "integer"}]})").find("prefixItems"), std::string::npos);
  EXPECT_TRUE(Valid(MustCompile(R"({"prefixItems": [{}], "additionalItems": false})"), "[1, 2]"));
}

TEST(JsonSchemaTest, DefsAndRefSiblings) {
  const JsonSchema schema = MustCompile(R"({
    "$defs": {"positive": {"type": "number", "exclusiveMinimum": 0}},
    "properties": {"amount": {"$ref": "#/$defs/positive"}}})");
  EXPECT_TRUE(Valid(schema, R"({"amount": 3})"));
  const JsonValue zero = Json(R"({"amount": 0})");
  const auto v = schema.Validate(zero);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].ToString(), "/amount: must be greater than 0");
  EXPECT_EQ(v[0].keyword_location, "#/$defs/positive/exclusiveMinimum");

  // In 2020-12 the keywords beside $ref apply too; draft-07 ignores them.
  const std::string sibling = R"("$defs": {"s": {"type": "string"}}, "definitions": {"s": {"type": "string"}}, "maxLength": 2)";
  EXPECT_FALSE(Valid(MustCompile("{" + sibling + R"(, "$ref": "#/$defs/s"})"), R"("abc")"));
  const JsonSchema draft07 =
      MustCompile("{" + sibling + R"(, "$ref": "#/definitions/s", "$schema": "http://json-schema.org/draft-07/schema#"})");
  EXPECT_EQ(draft07.dialect(), SchemaDialect::kDraft07);
  EXPECT_TRUE(Valid(draft07, R"("abc")"));
}

TEST(JsonSchemaTest, IdsAndAnchors) {
  const JsonSchema schema = MustCompile(R"({
    "$id": "https://example.com/schemas/root.json",
    "$defs": {
      "name": {"$anchor": "name", "type": "string"},
      "count": {"$id": "count.json", "type": "integer", "$defs": {"small": {"$anchor": "small", "maximum": 9}}}
    },
    "properties": {
      "name": {"$ref": "#name"},
      "alias": {"$ref": "https://example.com/schemas/root.json#name"},
      "counts": {"items": {"$ref": "count.json"}},
      "digit": {"$ref": "count.json#small"}
    }})");
  EXPECT_TRUE(Valid(schema, R"({"name": "a", "alias": "b", "counts": [1, 2], "digit": 3})"));
  EXPECT_EQ(Violations(schema, R"({"name": 1, "alias": 2, "counts": [1, "x"], "digit": 10})"),
            (Strings{"/name: must be of type string, not number", "/alias: must be of type string, not number",
                     "/counts/1: must be of type integer, not string", "/digit: must be at most 9"}));
  const JsonValue bad = Json(R"({"counts": [1.5]})");
  EXPECT_EQ(schema.Validate(bad).at(0).keyword_location, "https://example.com/schemas/root.json#/$defs/count/type");

  EXPECT_NE(CompileError(R"({"$ref": "#nowhere"})").find("no anchor 'nowhere'"), std::string::npos);
  EXPECT_NE(CompileError(R"({"$anchor": "1x"})").find("#/$anchor"), std::string::npos);
  EXPECT_NE(CompileError(R"({"$defs": {"a": {"$anchor": "x"}, "b": {"$anchor": "x"}}})").find("defined twice"), std::string::npos);
}

TEST(JsonSchemaTest, RecursiveRefs) {
  const JsonSchema tree = MustCompile(R"({
    "$defs": {"node": {"type": "object", "required": ["value"],
                       "properties": {"value": {"type": "integer"}, "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}},
    "$ref": "#/$defs/node"})");
  EXPECT_TRUE(Valid(tree, R"({"value": 1, "children": [{"value": 2, "children": [{"value": 3}]}]})"));
  EXPECT_EQ(Violations(tree, R"({"value": 1, "children": [{"value": 2, "children": [{}]}]})"),
            Strings{"/children/0/children/0: required property 'value' is missing"});
}

TEST(JsonSchemaTest, ContainsCounts) {
  const JsonSchema schema = MustCompile(R"({"contains": {"const": 1}, "minContains": 2, "maxContains": 3})");
  EXPECT_TRUE(Valid(schema, "[1, 2, 1]"));
  EXPECT_EQ(Violations(schema, "[1, 2]"), Strings{"(root): must contain at least 2 items that match contains, not 1"});
  EXPECT_EQ(Violations(schema, "[1, 1, 1, 1]"), Strings{"(root): must contain at most 3 items that match contains, not more"});
  EXPECT_TRUE(Valid(schema, R"("not an array")"));

  EXPECT_TRUE(Valid(MustCompile(R"({"contains": {"const": 1}, "minContains": 0})"), "[]"));
  EXPECT_EQ(Violations(MustCompile(R"({"contains": {"const": 1}})"), "[2]"), Strings{"(root): must contain an item that matches contains"});
  // draft-07 has neither minContains nor maxContains.
  EXPECT_TRUE(Valid(MustCompile(R"({"$schema": "http://json-schema.org/draft-07/schema#", "contains": {"const": 1}, "minContains": 2})"), "[1]"));
}

TEST(JsonSchemaTest, DependentRequiredAndSchemas) {
  const JsonSchema schema = MustCompile(R"({
    "dependentRequired": {"creditCard": ["billingAddress", "name"]},
    "dependentSchemas": {"name": {"properties": {"name": {"minLength": 2}}}}})");
  EXPECT_TRUE(Valid(schema, "{}"));
  EXPECT_TRUE(Valid(schema, R"({"creditCard": 1, "billingAddress": "x", "name": "Jo"})"));
  EXPECT_EQ(Violations(schema, R"({"creditCard": 1, "name": "J"})"),
            (Strings{"(root): property 'billingAddress' is required when 'creditCard' is present",
                     "/name: must be at least 2 characters long, not 1"}));
  // "dependencies" is draft-07's keyword; 2020-12 ignores it.
  EXPECT_TRUE(Valid(MustCompile(R"({"dependencies": {"a": ["b"]}})"), R"({"a": 1})"));
  EXPECT_FALSE(Valid(MustCompile(R"({"$schema": "http://json-schema.org/draft-07/schema#", "dependencies": {"a": ["b"]}})"), R"({"a": 1})"));
}

TEST(JsonSchemaTest, BooleanSchemasAndApplicators) {
  EXPECT_TRUE(Valid(MustCompile("true"), "{}"));
  EXPECT_EQ(Violations(MustCompile("false"), "1"), Strings{"(root): no value is allowed here (the schema is false)"});
  const JsonSchema schema = MustCompile(R"({
    "properties": {
      "any": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
      "one": {"oneOf": [{"minimum": 0}, {"maximum": 10}]},
      "not": {"not": {"type": "null"}},
      "cond": {"if": {"minimum": 10}, "then": {"multipleOf": 10}, "else": {"maximum": 5}},
      "never": false}})");
  EXPECT_TRUE(Valid(schema, R"({"any": 1, "one": -1, "not": 0, "cond": 20})"));
  EXPECT_EQ(Violations(schema, R"({"any": 1.5, "one": 5, "not": null, "cond": 15, "never": 0})"),
            (Strings{"/any: must match at least one of the 2 schemas in anyOf",
                     "/one: must match exactly one of the schemas in oneOf, but matches 0 and 1",
                     "/not: must not match the schema in not", "/cond: must be a multiple of 10",
                     "/never: no value is allowed here (the schema is false)"}));
  EXPECT_EQ(Violations(schema, R"({"cond": 7})"), Strings{"/cond: must be at most 5"});
}

TEST(JsonSchemaTest, ViolationsSayWhereAndWhat) {
  const JsonSchema schema = MustCompile(R"({
    "properties": {"credentialSubject": {"properties": {"assessment": {"items": {
      "properties": {"assessedProduct": {"required": ["id", "name"], "additionalProperties": false,
                                         "properties": {"id": {"type": "string", "format": "uri"}, "name": {}}}}}}}}},
    "required": ["credentialSubject"]})");
  const JsonValue instance =
      Json(R"({"credentialSubject": {"assessment": [{"assessedProduct": {"id": 7, "weight": 2, "colour": "red"}}]}})");
  const auto v = schema.Validate(instance);
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v[0].ToString(), "/credentialSubject/assessment/0/assessedProduct/id: must be of type string, not number");
  EXPECT_EQ(v[1].ToString(), "/credentialSubject/assessment/0/assessedProduct: property 'weight' is not allowed (not declared in the schema)");
  EXPECT_EQ(v[1].keyword, "additionalProperties");
  EXPECT_EQ(v[2].keyword, "additionalProperties");
  EXPECT_EQ(v[3].ToString(), "/credentialSubject/assessment/0/assessedProduct: required property 'name' is missing");
  EXPECT_EQ(v[3].instance_location, "/credentialSubject/assessment/0/assessedProduct");
  EXPECT_EQ(v[3].keyword_location,
            "#/properties/credentialSubject/properties/assessment/items/properties/assessedProduct/required");
  EXPECT_EQ(v[3].keyword, "required");
  EXPECT_EQ(Violations(schema, "{}"), Strings{"(root): required property 'credentialSubject' is missing"});

  // Names are escaped as JSON Pointer tokens.
  const JsonSchema strings = MustCompile(R"({"additionalProperties": {"additionalProperties": {"type": "string"}}})");
  EXPECT_EQ(Violations(strings, R"({"a/b": {"c~d": 1}})"), Strings{"/a~1b/c~0d: must be of type string, not number"});
}

TEST(JsonSchemaTest, BadSchemasSayWhereAndWhat) {
  auto error_has = [](std::string_view schema, std::string_view where, std::string_view what) {
    const std::string error = CompileError(schema);
    EXPECT_NE(error.find(where), std::string::npos) << schema << " -> " << error;
    EXPECT_NE(error.find(what), std::string::npos) << schema << " -> " << error;
  };
  error_has(R"({"properties": {"a": {"minLength": -1}}})", "schema #/properties/a/minLength:", "non-negative integer, not -1");
  error_has(R"({"type": "strin"})", "#/type", "\"strin\" is not a type");
  error_has(R"({"items": 1})", "#/items", "must be a schema");
  error_has(R"({"properties": {"a": 1}})", "#/properties/a", "must be a schema");
  error_has(R"({"allOf": []})", "#/allOf", "non-empty array");
  error_has(R"({"required": ["a", "a"]})", "#/required", "twice");
  error_has(R"({"multipleOf": 0})", "#/multipleOf", "greater than 0");
  error_has(R"({"exclusiveMaximum": true})", "#/exclusiveMaximum", "draft-04");
  error_has(R"({"$ref": "#/$defs/missing"})", "#/$ref", "points to nothing");
  error_has(R"({"$ref": "https://example.com/other.json"})", "#/$ref", "no document loader");
  error_has(R"({"pattern": "(a"})", "#/pattern", "not an ECMA-262 regular expression");
  error_has(R"({"pattern": "(?<=a)b"})", "#/pattern", "lookbehind");
  error_has(R"({"patternProperties": {"(a)\\1": {}}})", "#/patternProperties/(a)\\1", "backreference");
  error_has(R"({"pattern": "\\Z"})", "#/pattern", "invalid escape \\Z");
  error_has(R"({"pattern": "a{2,1}"})", "#/pattern", "out of order");
  error_has(R"({"pattern": "(a{1,100}){1,1000}"})", "#/pattern", "too large");
  error_has(R"({"$schema": "http://json-schema.org/draft-04/schema#"})", "#/$schema", "not supported");
  error_has(R"({"$id": "https://example.com/a.json#frag"})", "#/$id", "$anchor");
  error_has(R"({"$defs": {"broken": {"maxItems": "3"}}})", "#/$defs/broken/maxItems", "non-negative integer");
  // Refs that never descend into the instance would recurse forever.
  error_has(R"({"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"})",
            "#/$defs/", "never end");
  error_has(R"({"anyOf": [{"type": "null"}, {"$ref": "#"}]})", "schema #:", "never end");
}

TEST(JsonSchemaTest, UnsupportedKeywordsAreRefused) {
  for (const char* keyword : {"unevaluatedProperties", "unevaluatedItems", "$dynamicRef"}) {
    const std::string schema = fmt::format(R"({{"properties": {{"a": {{"{}": false}}}}}})", keyword);
    EXPECT_NE(CompileError(schema).find(fmt::format("#/properties/a/{}: keyword {} is not supported", keyword, keyword)),
              std::string::npos)
        << CompileError(schema);
  }
  // Not keywords of draft-07: ignored there.
  EXPECT_EQ(CompileError(R"({"$schema": "http://json-schema.org/draft-07/schema#", "unevaluatedProperties": false})"), "");
  // Unknown keywords and annotations are ignored.
  EXPECT_TRUE(Valid(MustCompile(R"({"example": 1, "x-external-enumeration": "a", "readOnly": true, "@context": {"@vocab": "x"}})"), "2"));
}

TEST(JsonSchemaTest, RemoteDocumentsComeFromTheLoader) {
  JsonSchemaOptions options;
  Strings loaded;
  options.load_document = [&](const std::string& uri) -> Result<JsonValue> {
    loaded.push_back(uri);
    if (uri == "https://example.com/defs.json")
      return ParseIJson(R"({"$defs": {"code": {"type": "string", "pattern": "^[A-Z]{2}$"}}, "$id": "https://example.com/defs.json"})");
    return Error(ErrorCode::kNotFound, "unknown");
  };
  const JsonSchema schema = MustCompile(
      R"({"$id": "https://example.com/main.json", "items": {"$ref": "defs.json#/$defs/code"}, "contains": {"$ref": "defs.json#/$defs/code"}})",
      options);
  EXPECT_EQ(loaded, Strings{"https://example.com/defs.json"});  // once
  EXPECT_TRUE(Valid(schema, R"(["AU", "NZ"])"));
  const JsonValue bad = Json(R"(["AU", "nz"])");
  const auto v = schema.Validate(bad);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].ToString(), "/1: 'nz' does not match the pattern '^[A-Z]{2}$'");
  EXPECT_EQ(v[0].keyword_location, "https://example.com/defs.json#/$defs/code/pattern");
  EXPECT_NE(CompileError(R"({"$ref": "https://example.com/none.json"})", options).find("cannot load"), std::string::npos);
}

TEST(JsonSchemaTest, FormatsAssertOnlyWhenAsked) {
  const std::string text = R"({"format": "date-time"})";
  JsonSchemaOptions asserting;
  asserting.assert_formats = true;
  EXPECT_TRUE(Valid(MustCompile(text), R"("yesterday")"));
  EXPECT_EQ(Violations(MustCompile(text, asserting), R"("yesterday")"), Strings{"(root): 'yesterday' is not a valid date-time"});
  EXPECT_TRUE(Valid(MustCompile(text, asserting), "42"));  // formats apply to strings
  EXPECT_TRUE(Valid(MustCompile(R"({"format": "float"})", asserting), R"("x")"));  // unknown formats pass

  auto check = [&](const char* format, std::string_view value) {
    return Valid(MustCompile(fmt::format(R"({{"format": "{}"}})", format), asserting), fmt::format("\"{}\"", value));
  };
  EXPECT_TRUE(check("date-time", "2024-03-15T12:00:00Z"));
  EXPECT_TRUE(check("date-time", "2024-03-15t12:00:00.5+10:00"));
  EXPECT_FALSE(check("date-time", "2024-03-15T12:00:00"));  // RFC 3339 requires an offset
  EXPECT_TRUE(check("date-time", "1998-12-31T23:59:60Z"));
  EXPECT_TRUE(check("date-time", "1998-12-31T15:59:60-08:00"));
  EXPECT_FALSE(check("date-time", "1998-12-31T22:59:60Z"));
  EXPECT_TRUE(check("date", "2024-02-29"));
  EXPECT_FALSE(check("date", "2023-02-29"));
  EXPECT_TRUE(check("duration", "P1Y2M3DT4H5M6S"));
  EXPECT_TRUE(check("duration", "P4W"));
  EXPECT_TRUE(check("duration", "PT36H"));
  EXPECT_FALSE(check("duration", "P1D2H"));
  EXPECT_FALSE(check("duration", "PT"));
  EXPECT_FALSE(check("duration", "P1Y2W"));
  EXPECT_TRUE(check("uuid", "2a423366-a0d6-4855-ba65-2e0c926d09b0"));
  EXPECT_FALSE(check("uuid", "2a423366a0d6-4855-ba65-2e0c926d09b0x"));
  EXPECT_TRUE(check("ipv6", "::ffff:192.168.0.1"));
  EXPECT_FALSE(check("ipv6", "1::2::3"));
  EXPECT_TRUE(check("email", "first.last@example.com"));
  EXPECT_TRUE(check("email", "user@[192.168.1.1]"));
  EXPECT_FALSE(check("email", "first..last@example.com"));
  EXPECT_TRUE(check("uri", "did:web:identifiers.example-company.com:12345"));
  EXPECT_TRUE(check("uri", "https://example.com/a%20b?q=1#top"));
  EXPECT_FALSE(check("uri", "https://example.com/a b"));
  EXPECT_FALSE(check("uri", "/relative"));
  EXPECT_TRUE(check("uri-reference", "/relative"));
  EXPECT_TRUE(check("regex", "^[a-z]+\\\\d{2,}$"));
  EXPECT_FALSE(check("regex", "[z-a]"));
}

TEST(JsonSchemaTest, PatternsMatchCodePointsInLinearTime) {
  EXPECT_TRUE(Valid(MustCompile(R"({"pattern": "^.$"})"), R"("é")"));
  EXPECT_TRUE(Valid(MustCompile(R"({"pattern": "^.$"})"), R"("😀")"));
  EXPECT_FALSE(Valid(MustCompile(R"({"pattern": "^.$"})"), R"("\n")"));
  EXPECT_TRUE(Valid(MustCompile(R"({"pattern": "^\\p{Lu}\\p{Ll}+$"})"), R"("Élan")"));
  EXPECT_FALSE(Valid(MustCompile(R"({"pattern": "^\\p{Lu}"})"), R"("élan")"));
  EXPECT_TRUE(Valid(MustCompile(R"({"pattern": "^[^\\W_]+$"})"), R"("abc123")"));
  EXPECT_FALSE(Valid(MustCompile(R"({"pattern": "^[^\\W_]+$"})"), R"("abc_123")"));
  EXPECT_TRUE(Valid(MustCompile(R"({"pattern": "\\bcat\\b"})"), R"("a cat sat")"));
  EXPECT_FALSE(Valid(MustCompile(R"({"pattern": "\\bcat\\b"})"), R"("concatenate")"));
  EXPECT_TRUE(Valid(MustCompile(R"({"pattern": "^(ab|cd){2,3}$"})"), R"("abcdab")"));
  EXPECT_FALSE(Valid(MustCompile(R"({"pattern": "^(ab|cd){2,3}$"})"), R"("ab")"));
  EXPECT_TRUE(Valid(MustCompile(R"({"pattern": "^\\u00e9\\u{1F600}$"})"), R"("é😀")"));
  // Code points, not bytes, for lengths too.
  const JsonSchema two = MustCompile(R"({"maxLength": 2, "minLength": 2})");
  EXPECT_TRUE(Valid(two, R"("日本")"));
  EXPECT_FALSE(Valid(two, R"("日本語")"));
  EXPECT_FALSE(Valid(two, R"("日")"));
  // A pattern that backtracking engines take exponential time over.
  const JsonSchema nested = MustCompile(R"({"pattern": "^(a+)+$"})");
  const std::string long_a = "\"" + std::string(100000, 'a') + "!\"";
  EXPECT_FALSE(Valid(nested, long_a));
}

TEST(JsonSchemaTest, MultipleOfIsDecimalExact) {
  const JsonSchema cents = MustCompile(R"({"multipleOf": 0.01})");
  EXPECT_TRUE(Valid(cents, "19.99"));
  EXPECT_TRUE(Valid(cents, "0.07"));
  EXPECT_FALSE(Valid(cents, "0.075"));
  EXPECT_TRUE(Valid(MustCompile(R"({"multipleOf": 0.1})"), "0.3"));
  EXPECT_TRUE(Valid(MustCompile(R"({"multipleOf": 0.0001})"), "0.0075"));
  EXPECT_FALSE(Valid(MustCompile(R"({"multipleOf": 0.0001})"), "0.00751"));
  EXPECT_TRUE(Valid(MustCompile(R"({"multipleOf": 1e-300})"), "1"));
  EXPECT_TRUE(Valid(MustCompile(R"({"multipleOf": 3})"), "3e300"));
  EXPECT_FALSE(Valid(MustCompile(R"({"multipleOf": 7})"), "1e20"));
  EXPECT_TRUE(Valid(MustCompile(R"({"multipleOf": 2})"), "-4"));
}

TEST(JsonSchemaTest, EqualityIsJsonEquality) {
  const JsonSchema unique = MustCompile(R"({"uniqueItems": true})");
  EXPECT_EQ(Violations(unique, "[1, 2, 1.0]"), Strings{"(root): items 0 and 2 are equal; items must be unique"});
  EXPECT_FALSE(Valid(unique, R"([{"a": 1, "b": [2]}, {"b": [2.0], "a": 1}])"));
  EXPECT_TRUE(Valid(unique, R"([[1], [true], {"a": 1}, {"a": 1, "b": 2}, 0, false, null, "0"])"));
  std::string many = "[";
  for (int i = 0; i < 100; ++i) many += std::to_string(i) + ",";
  EXPECT_TRUE(Valid(unique, many + "100]"));
  EXPECT_EQ(Violations(unique, many + "42.0]"), Strings{"(root): items 42 and 100 are equal; items must be unique"});
  EXPECT_TRUE(Valid(MustCompile(R"({"const": {"a": [1, {"b": null}], "c": 2}})"), R"({"c": 2.0, "a": [1.0, {"b": null}]})"));
  EXPECT_TRUE(Valid(MustCompile(R"({"enum": ["x", 1, {"k": true}]})"), R"({"k": true})"));
  EXPECT_EQ(Violations(MustCompile(R"({"enum": ["AU", "NZ"]})"), R"("UK")"), Strings{R"((root): "UK" is not one of "AU", "NZ")"});
}

TEST(JsonSchemaTest, ValidatesFromManyThreads) {
  const JsonSchema schema = MustCompile(R"({
    "type": "object", "required": ["id"], "additionalProperties": false,
    "properties": {"id": {"type": "string", "pattern": "^urn:uuid:[0-9a-f-]{36}$"}, "n": {"type": "integer", "maximum": 10}}})");
  const JsonValue good = Json(R"({"id": "urn:uuid:2a423366-a0d6-4855-ba65-2e0c926d09b0", "n": 3})");
  const JsonValue bad = Json(R"({"id": "urn:uuid:nope", "n": 11, "x": 1})");
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        if (!schema.IsValid(good) || schema.Validate(bad).size() != 3) ++wrong[t];
      }
    });
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

// ---------------------------------------------------------------------------
// UNTP

const fs::path kUntpDir = CONFORM_SHARED_TESTDATA_DIR "/untp-tests/packages/untp-test-suite";

TEST(JsonSchemaUntpTest, EverySchemaCompiles) {
  const fs::path dir = kUntpDir / "src" / "schemas";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "UNTP test-suite data not found under " << dir;
  int compiled = 0;
  for (const auto& type : fs::directory_iterator(dir)) {
    if (!type.is_directory()) continue;
    for (const auto& version : fs::directory_iterator(type.path())) {
      const fs::path file = version.path() / "schema.json";
      if (!fs::exists(file)) continue;
      auto schema = LoadJson(file);
      ASSERT_TRUE(schema.ok()) << schema.error().ToString();
      for (bool assert_formats : {false, true}) {
        JsonSchemaOptions options;
        options.assert_formats = assert_formats;
        auto result = JsonSchema::Compile(schema.value(), options);
        EXPECT_TRUE(result.ok()) << file << ": " << result.error().ToString();
      }
      ++compiled;
    }
  }
  EXPECT_GE(compiled, 60);
}

// The published sample of each DigitalConformityCredential version against
// that version's schema. The v0.4.0 sample still has the credentialSubject of
// v0.3.x (assessment, authorisation, description), which the v0.4.0 schema
// closes with additionalProperties: false. Every sample's validFrom and
// validUntil ("2024-03-15T12:00:00") lack the offset RFC 3339 requires, so
// they fail once formats are asserted.
TEST(JsonSchemaUntpTest, ConformityCredentialSamples) {
  const fs::path dir = kUntpDir / "credentials" / "conformityCredential";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "UNTP test-suite data not found under " << dir;
  const std::map<std::string, Strings> expected = {
      {"v0.3.10", {}},
      {"v0.4.0",
       {"/credentialSubject: property 'assessment' is not allowed (not declared in the schema)",
        "/credentialSubject: property 'authorisation' is not allowed (not declared in the schema)",
        "/credentialSubject: property 'description' is not allowed (not declared in the schema)"}},
      {"v0.4.1", {}},
      {"v0.4.2", {}},
      {"v0.5.0", {}},
  };
  const Strings date_times = {"/validFrom: '2024-03-15T12:00:00' is not a valid date-time",
                              "/validUntil: '2034-03-15T12:00:00' is not a valid date-time"};
  std::set<std::string> seen;
  for (const fs::path& file : JsonFilesIn(dir)) {
    const std::string name = file.stem().string();
    const std::string prefix = "DigitalConformityCredential_instance-";
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string version = name.substr(prefix.size());
    seen.insert(version);
    ASSERT_TRUE(expected.count(version)) << "a sample without an expectation: " << file;
    auto schema_json = LoadJson(kUntpDir / "src" / "schemas" / "digitalConformityCredential" / version / "schema.json");
    auto instance = LoadJson(file);
    ASSERT_TRUE(schema_json.ok() && instance.ok());
    for (bool assert_formats : {false, true}) {
      JsonSchemaOptions options;
      options.assert_formats = assert_formats;
      auto schema = JsonSchema::Compile(schema_json.value(), options);
      ASSERT_TRUE(schema.ok()) << schema.error().ToString();
      Strings got;
      for (const SchemaViolation& v : schema.value().Validate(instance.value())) got.push_back(v.ToString());
      Strings want = expected.at(version);
      if (assert_formats) want.insert(want.begin(), date_times.begin(), date_times.end());
      std::sort(got.begin(), got.end());
      std::sort(want.begin(), want.end());
      EXPECT_EQ(got, want) << version << (assert_formats ? " (formats asserted)" : "");
      EXPECT_EQ(schema.value().IsValid(instance.value()), want.empty()) << version;
    }
  }
  EXPECT_EQ(seen.size(), expected.size());
}

// UNTP's reading of a schema check (its test suite's "tier 2"): a property
// the schema does not declare, refused by additionalProperties: false,
// extends the data model and is a warning; any other violation fails.
enum class Outcome { kPass, kWarn, kFail };

const char* OutcomeName(Outcome o) { return o == Outcome::kPass ? "pass" : o == Outcome::kWarn ? "warn" : "fail"; }

Outcome Classify(const std::vector<SchemaViolation>& violations) {
  Outcome out = Outcome::kPass;
  for (const SchemaViolation& v : violations) {
    if (v.keyword != "additionalProperties") return Outcome::kFail;
    out = Outcome::kWarn;
  }
  return out;
}

// Credential types as the sets name them, to schema folders.
fs::path SchemaFolder(const std::string& type) {
  static const std::map<std::string, std::string> renamed = {
      {"conformityCredential", "digitalConformityCredential"},
      {"productPassport", "digitalProductPassport"},
      {"traceabilityEvent", "digitalTraceabilityEvent"},
      {"facilityRecord", "digitalFacilityRecord"},
      {"identityAnchor", "digitalIdentityAnchor"},
  };
  const auto it = renamed.find(type);
  return kUntpDir / "src" / "schemas" / (it == renamed.end() ? type : it->second);
}

// Each credential of a set: a configuration that names no type, version or
// data file, or a schema that does not exist, fails; otherwise the data is
// validated against the schema and classified. The set's outcome is the
// worst of its credentials'.
TEST(JsonSchemaUntpTest, MockSetsPassWarnOrFailAsNamed) {
  const fs::path dir = kUntpDir / "integration" / "mock";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "UNTP test-suite data not found under " << dir;
  const std::map<std::string, Strings> expected_credentials = {
      {"untpTestPass", {"objectEvent: pass", "transformationEvent: pass"}},
      {"untpTestFail",
       {"conformityCredential: pass", "objectEvent: fail (/certification: must be of type array, not object)",
        "transformationEvent: pass", "configuration: fail", "configuration: fail", "configuration: fail"}},
      {"untpTestWarn",
       {"objectEvent: warn (/quantityList/0: property 'volume' is not allowed (not declared in the schema); "
        "/quantityList/1: property 'volume' is not allowed (not declared in the schema))",
        "transformationEvent: pass"}},
      {"untpTestFailuresAndWarnings",
       {"conformityCredential: pass",
        "objectEvent: warn (/quantityList/0: property 'volume' is not allowed (not declared in the schema); "
        "/quantityList/1: property 'volume' is not allowed (not declared in the schema))",
        "transformationEvent: fail (/outputQuantityList/0: required property 'quantity' is missing)"}},
  };
  int sets = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!entry.is_directory()) continue;
    const std::string set = entry.path().filename().string();
    const Outcome expected = set.find("Fail") != std::string::npos   ? Outcome::kFail
                             : set.find("Warn") != std::string::npos ? Outcome::kWarn
                                                                     : Outcome::kPass;
    auto config = LoadJson(entry.path() / "credentialsExample.json");
    ASSERT_TRUE(config.ok()) << config.error().ToString();
    Outcome overall = Outcome::kPass;
    Strings credentials;
    for (const JsonValue& c : config.value().Find("credentials")->items) {
      const std::string type = c.Find("type")->text, version = c.Find("version")->text, data = c.Find("dataPath")->text;
      const fs::path schema_file = SchemaFolder(type) / version / "schema.json";
      if (type.empty() || version.empty() || data.empty() || !fs::is_regular_file(kUntpDir / data) || !fs::exists(schema_file)) {
        credentials.push_back("configuration: fail");
        overall = Outcome::kFail;
        continue;
      }
      auto schema_json = LoadJson(schema_file);
      auto instance = LoadJson(kUntpDir / data);
      ASSERT_TRUE(schema_json.ok() && instance.ok());
      auto schema = JsonSchema::Compile(schema_json.value());
      ASSERT_TRUE(schema.ok()) << schema.error().ToString();
      const auto violations = schema.value().Validate(instance.value());
      // The same with formats asserted, as the UNTP tools do.
      JsonSchemaOptions asserting;
      asserting.assert_formats = true;
      auto strict = JsonSchema::Compile(schema_json.value(), asserting);
      ASSERT_TRUE(strict.ok()) << strict.error().ToString();
      EXPECT_EQ(strict.value().Validate(instance.value()).size(), violations.size()) << set << ": " << data;
      const Outcome outcome = Classify(violations);
      std::string line = type + ": " + OutcomeName(outcome);
      for (size_t i = 0; i < violations.size(); ++i) line += (i ? "; " : " (") + violations[i].ToString();
      if (!violations.empty()) line += ")";
      credentials.push_back(line);
      overall = std::max(overall, outcome);
    }
    EXPECT_EQ(overall, expected) << set;
    ASSERT_TRUE(expected_credentials.count(set)) << "a set without an expectation: " << set;
    EXPECT_EQ(credentials, expected_credentials.at(set)) << set;
    ++sets;
  }
  EXPECT_EQ(sets, 4);
}

}  // namespace
}  // namespace conform
