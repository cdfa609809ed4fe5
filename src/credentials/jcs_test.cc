#include "conform/credentials/jcs.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace conform {
namespace {

double FromBits(uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

// Number serialisation examples of RFC 8785, Appendix B (IEEE 754 bits ->
// expected text).
TEST(JcsTest, NumbersAsEcmaScriptWritesThem) {
  const struct {
    uint64_t bits;
    const char* text;
  } cases[] = {
      {0x0000000000000000, "0"},
      {0x8000000000000000, "0"},
      {0x0000000000000001, "5e-324"},
      {0x8000000000000001, "-5e-324"},
      {0x7fefffffffffffff, "1.7976931348623157e+308"},
      {0xffefffffffffffff, "-1.7976931348623157e+308"},
      {0x4340000000000000, "9007199254740992"},
      {0xc340000000000000, "-9007199254740992"},
      {0x4430000000000000, "295147905179352830000"},
      {0x44b52d02c7e14af5, "9.999999999999997e+22"},
      {0x44b52d02c7e14af6, "1e+23"},
      {0x44b52d02c7e14af7, "1.0000000000000001e+23"},
      {0x444b1ae4d6e2ef4e, "999999999999999700000"},
      {0x444b1ae4d6e2ef4f, "999999999999999900000"},
      {0x444b1ae4d6e2ef50, "1e+21"},
      {0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"},
      {0x3eb0c6f7a0b5ed8d, "0.000001"},
      {0x41b3de4355555553, "333333333.3333332"},
      {0x41b3de4355555554, "333333333.33333325"},
      {0x41b3de4355555555, "333333333.3333333"},
      {0x41b3de4355555556, "333333333.3333334"},
      {0x41b3de4355555557, "333333333.33333343"},
      {0xbecbf647612f3696, "-0.0000033333333333333333"},
      {0x43143ff3c1cb0959, "1424953923781206.2"},
  };
  for (const auto& c : cases) EXPECT_EQ(SerializeJcsNumber(FromBits(c.bits)), c.text) << std::hex << c.bits;
  EXPECT_EQ(SerializeJcsNumber(4.50), "4.5");
  EXPECT_EQ(SerializeJcsNumber(2e-3), "0.002");
  EXPECT_EQ(SerializeJcsNumber(1e-27), "1e-27");
  EXPECT_EQ(SerializeJcsNumber(100), "100");
  EXPECT_EQ(SerializeJcsNumber(1e21), "1e+21");
  EXPECT_EQ(SerializeJcsNumber(123e18), "123000000000000000000");
}

TEST(JcsTest, SortsByUtf16AndEscapesMinimally) {
  auto c = CanonicalizeJson(R"({ "b": [1, 2.50, true, null], "a": "\u00e9\n\u0001", "\ud83d\ude00": 0, "\uffff": 1 })");
  ASSERT_TRUE(c.ok()) << c.error().ToString();
  // U+1F600 is D83D DE00 in UTF-16, before U+FFFF although its code point is larger.
  EXPECT_EQ(c.value(), "{\"a\":\"\xC3\xA9\\n\\u0001\",\"b\":[1,2.5,true,null],\"\xF0\x9F\x98\x80\":0,\"\xEF\xBF\xBF\":1}");
}

// Values compare as their canonical forms do: member order aside.
TEST(JcsTest, ValuesEqualWhenTheirCanonicalFormsAre) {
  const auto parse = [](std::string_view s) { return ParseIJson(s).value(); };
  EXPECT_TRUE(parse(R"({"a":[1,"x",{"b":null,"c":true}],"d":1e2})") == parse(R"({"d":100,"a":[1.0,"\u0078",{"c":true,"b":null}]})"));
  EXPECT_FALSE(parse(R"({"a":1})") == parse(R"({"a":1,"b":2})"));
  EXPECT_FALSE(parse(R"(["x"])") == parse(R"("x")"));
  EXPECT_FALSE(parse(R"([1,2])") == parse(R"([2,1])"));
  EXPECT_FALSE(parse("true") == parse("false"));
  std::string out = "prefix:";
  AppendCanonical(parse(R"({"b":1,"proof":{},"a":[]})"), &out, "proof");
  EXPECT_EQ(out, R"(prefix:{"a":[],"b":1})");
}

// An error deep inside nested containers leaves nothing behind that the
// next parse could trip on.
TEST(JcsTest, ParsesCleanlyAfterAFailure) {
  EXPECT_FALSE(ParseIJson(R"({"a":[1,{"b":[2,3,{"c":})").ok());
  EXPECT_FALSE(ParseIJson(R"({"a":1,"a":2})").ok());
  EXPECT_EQ(CanonicalizeJson(R"({"z":[3,{"y":1,"x":2}],"a":{}})").value(), R"({"a":{},"z":[3,{"x":2,"y":1}]})");
}

// A tree parsed into again holds the new document only, whatever shape the
// old one had, and after a failed parse too.
TEST(JcsTest, ParsingIntoAnOldTreeLeavesNothingOfIt) {
  const std::vector<std::string> documents = {
      R"({"a":[1,{"b":"a string too long for small-string storage","c":[true,null]}],"d":{"e":1,"f":2,"g":3,"h":4,"i":5}})",
      R"({"a":"x","d":[]})",
      R"(["a",{"a":1},[{"b":2}]])",
      R"({"a":[1,{"b":[2,3,{"c":})",  // fails
      R"({"z":{"y":{}},"a":[{"b":"c"}]})",
      R"("just a string")",
      R"({"a":[1,{"b":"again a string too long for small-string storage"}],"d":{"i":5,"h":4}})",
  };
  JsonValue tree;
  for (const std::string& doc : documents) {
    const auto fresh = ParseIJson(doc);
    const Status st = ParseIJsonInto(doc, &tree);
    ASSERT_EQ(st.ok(), fresh.ok()) << doc;
    if (!st.ok()) continue;
    EXPECT_EQ(Canonicalize(tree), Canonicalize(fresh.value())) << doc;
    EXPECT_TRUE(tree == fresh.value()) << doc;
    EXPECT_EQ(tree.members.size(), fresh.value().members.size()) << doc;
    EXPECT_EQ(tree.items.size(), fresh.value().items.size()) << doc;
    EXPECT_EQ(tree.text, fresh.value().text) << doc;
  }
}

// The parser marks strings written without escapes and objects whose names
// are all plain ASCII, and the canonical writer copies those as they are:
// the output must be what escaping byte by byte gives.
TEST(JcsTest, MarksStringsThatNeedNoEscapes) {
  const JsonValue v = ParseIJson(R"({"plain":"abc","utf8":"\u00e9 café","raw":"café","quote":"a\"b","slash":"a\/b",)"
                                 R"("nl":"a\nb","ctl":"\u0001","bs":"\\","obj":{"b":1,"a":2},"named":{"\u0062":1,"a":2},)"
                                 R"("utf8name":{"é":1,"z":2},"empty":{}})")
                          .value();
  EXPECT_TRUE(v.names_plain);
  EXPECT_TRUE(v.Find("plain")->text_unescaped);
  EXPECT_TRUE(v.Find("raw")->text_unescaped);  // UTF-8 as it stands needs no escape
  for (const char* escaped : {"utf8", "quote", "slash", "nl", "ctl", "bs"}) EXPECT_FALSE(v.Find(escaped)->text_unescaped) << escaped;
  EXPECT_TRUE(v.Find("obj")->names_plain);
  EXPECT_FALSE(v.Find("named")->names_plain);
  EXPECT_FALSE(v.Find("utf8name")->names_plain);
  EXPECT_TRUE(v.Find("empty")->names_plain);
  EXPECT_FALSE(v.Find("obj")->text_unescaped);
  EXPECT_EQ(Canonicalize(v),
            "{\"bs\":\"\\\\\",\"ctl\":\"\\u0001\",\"empty\":{},\"named\":{\"a\":2,\"b\":1},\"nl\":\"a\\nb\",\"obj\":{\"a\":2,\"b\":1},"
            "\"plain\":\"abc\",\"quote\":\"a\\\"b\",\"raw\":\"caf\xC3\xA9\",\"slash\":\"a/b\",\"utf8\":\"\xC3\xA9 caf\xC3\xA9\","
            "\"utf8name\":{\"z\":2,\"\xC3\xA9\":1}}");
}

// Values built in code carry no marks, and a tree parsed into again loses
// the marks of the last document: either way every byte is examined.
TEST(JcsTest, UnmarkedValuesAreEscapedByteByByte) {
  JsonValue built;
  built.kind = JsonValue::kObject;
  built.members.emplace_back("a\"\n", JsonValue{});
  built.members[0].second.kind = JsonValue::kString;
  built.members[0].second.text = "x\"\\\x01y";
  EXPECT_EQ(Canonicalize(built), R"({"a\"\n":"x\"\\\u0001y"})");

  JsonValue tree;
  ASSERT_TRUE(ParseIJsonInto(R"({"k":"plain","m":{"n":"plain"}})", &tree).ok());
  EXPECT_TRUE(tree.Find("k")->text_unescaped);
  ASSERT_TRUE(ParseIJsonInto(R"({"k":"\"quoted\"","m":{"\n":"\t"}})", &tree).ok());
  EXPECT_FALSE(tree.Find("k")->text_unescaped);
  EXPECT_FALSE(tree.Find("m")->names_plain);
  EXPECT_EQ(Canonicalize(tree), R"({"k":"\"quoted\"","m":{"\n":"\t"}})");
  // A parse that fails part way through a name leaves marks that still
  // hold for what the tree holds.
  EXPECT_FALSE(ParseIJsonInto(R"({"a":1,"b\"c\q":2})", &tree).ok());
  EXPECT_EQ(CanonicalizeJson(Canonicalize(tree)).ok(), true) << Canonicalize(tree);
  EXPECT_FALSE(ParseIJsonInto(R"({"a":"x\"y\q"})", &tree).ok());
  EXPECT_EQ(CanonicalizeJson(Canonicalize(tree)).ok(), true) << Canonicalize(tree);
  ASSERT_TRUE(ParseIJsonInto(R"({"k":[1],"m":"s"})", &tree).ok());
  EXPECT_FALSE(tree.Find("k")->text_unescaped);
  EXPECT_FALSE(tree.Find("m")->names_plain);
  EXPECT_EQ(Canonicalize(tree), R"({"k":[1],"m":"s"})");
}

// Names that come in increasing order are checked against the one before
// only; a name out of order is checked against all: duplicates are found
// either way, in small objects and in large ones.
TEST(JcsTest, FindsDuplicateNamesInAnyOrder) {
  const auto object = [](const std::vector<std::string>& names) {
    std::string json = "{";
    for (size_t i = 0; i < names.size(); ++i) json += (i ? ",\"" : "\"") + names[i] + "\":" + std::to_string(i);
    return json + "}";
  };
  EXPECT_TRUE(ParseIJson(object({"a", "b", "c"})).ok());
  EXPECT_TRUE(ParseIJson(object({"b", "a", "c"})).ok());
  EXPECT_FALSE(ParseIJson(object({"a", "b", "a"})).ok());
  EXPECT_FALSE(ParseIJson(object({"a", "c", "b", "c"})).ok());
  EXPECT_FALSE(ParseIJson(object({"a", "b", "b"})).ok());
  std::vector<std::string> many;
  for (int i = 0; i < 100; ++i) many.push_back(fmt::format("k{:03}", i));
  EXPECT_TRUE(ParseIJson(object(many)).ok());
  for (const int at : {5, 40, 99}) {
    std::vector<std::string> with_duplicate = many;
    with_duplicate.push_back(many[at]);
    EXPECT_FALSE(ParseIJson(object(with_duplicate)).ok()) << at;
    with_duplicate.insert(with_duplicate.begin() + 50, "zzz");  // out of order before the duplicate
    EXPECT_FALSE(ParseIJson(object(with_duplicate)).ok()) << at;
  }
  std::vector<std::string> reversed(many.rbegin(), many.rend());
  EXPECT_TRUE(ParseIJson(object(reversed)).ok());
  reversed.push_back("k050");
  EXPECT_FALSE(ParseIJson(object(reversed)).ok());
}

TEST(JcsTest, RefusesWhatIJsonForbids) {
  const struct {
    const char* json;
    const char* why;
  } cases[] = {
      {R"({"a":1,"a":2})", "duplicate member name"},
      {R"(["\ud800"])", "lone high surrogate"},
      {R"(["\udc00"])", "lone low surrogate"},
      {"[\"\xff\"]", "invalid UTF-8"},
      {"[\"\xed\xa0\x80\"]", "invalid UTF-8"},  // an encoded surrogate
      {"[1e400]", "out of the range"},
      {"[01]", "expected ',' or ']'"},
      {"[1,]", "unexpected character"},
      {"{\"a\" 1}", "expected ':'"},
      {"[1] 2", "unexpected text"},
      {"[\"a\tb\"]", "control character"},
      {"", "unexpected end"},
  };
  for (const auto& c : cases) {
    auto r = CanonicalizeJson(c.json);
    ASSERT_FALSE(r.ok()) << c.json;
    EXPECT_NE(r.error().ToString().find(c.why), std::string::npos) << c.json << ": " << r.error().ToString();
  }
  std::string deep(kJcsMaxDepth + 2, '[');
  deep += std::string(kJcsMaxDepth + 2, ']');
  auto r = CanonicalizeJson(deep);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().ToString().find("nested deeper"), std::string::npos);
}

// The RFC 8785 test vectors: each input canonicalises to its output, byte for byte.
TEST(JcsTest, Rfc8785Vectors) {
  namespace fs = std::filesystem;
  const fs::path dir = CONFORM_SHARED_TESTDATA_DIR "/jcs-rfc8785/testdata";
  if (!fs::is_directory(dir / "input")) GTEST_SKIP() << "RFC 8785 vectors not found under " << dir;
  int n = 0;
  for (const auto& entry : fs::directory_iterator(dir / "input")) {
    std::ifstream in(entry.path(), std::ios::binary), out(dir / "output" / entry.path().filename(), std::ios::binary);
    ASSERT_TRUE(out) << entry.path();
    std::stringstream input, expected;
    input << in.rdbuf();
    expected << out.rdbuf();
    auto c = CanonicalizeJson(input.str());
    ASSERT_TRUE(c.ok()) << entry.path() << ": " << c.error().ToString();
    EXPECT_EQ(c.value(), expected.str()) << entry.path();
    ++n;
  }
  EXPECT_GE(n, 6);
}

}  // namespace
}  // namespace conform
