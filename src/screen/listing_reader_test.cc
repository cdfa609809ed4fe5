#include "conform/screen/listing_reader.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace conform {
namespace {

namespace fs = std::filesystem;

std::string WriteTemp(const std::string& name, const std::string& content) {
  const fs::path p = fs::temp_directory_path() / (std::to_string(::getpid()) + "_" + name);
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}

struct ReadAll {
  std::vector<Listing> listings;
  std::vector<Diagnostic> problems;
};

ReadAll Read(const std::string& path, ListingFormat format) {
  ReadAll out;
  auto reader = ListingReader::Open(path, format);
  EXPECT_TRUE(reader.ok()) << (reader.ok() ? "" : reader.error().ToString());
  if (!reader.ok()) return out;
  Listing l;
  Diagnostic d;
  while (true) {
    const auto next = reader.value()->Read(&l, &d);
    if (next == ListingReader::Next::kEnd) break;
    if (next == ListingReader::Next::kListing) out.listings.push_back(l);
    else out.problems.push_back(d);
  }
  return out;
}

const char* kGood =
    R"({"listing_id":"L1","seller_id":"S1","title":"20000mAh 充电宝 power bank","hs_code":"8507.60","gtin":"6901234567892",)"
    R"("attributes":{"battery_wh":74,"radio":false,"battery":"li_ion","intended_age_max":null},"price":{"amount":19.99,"currency":"EUR"},)"
    R"("target_markets":["eu","US"],"image_count":3,"manufacturer":{"name":"Shenzhen X Co.","country":"CN","email":"a@x.cn"},)"
    R"("claims":["CE"],"evidence":[{"kind":"eu_declaration_of_conformity","legal_acts":["Directive 2014/30/EU"],)"
    R"("standards":["EN 55032:2015"],"models":["PB-20"],"issued":"2024-01-10","expires":"2029-01-09"}]})";

TEST(ListingJsonTest, ParsesEveryField) {
  auto r = ParseListingJson(kGood);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  const Listing& l = r.value();
  EXPECT_EQ(l.listing_id, "L1");
  EXPECT_EQ(l.title, "20000mAh 充电宝 power bank");
  EXPECT_EQ(l.hs_code, "850760");
  EXPECT_EQ(l.gtin, "6901234567892");
  ASSERT_EQ(l.attributes.size(), 3u);  // the null one is unstated
  EXPECT_EQ(l.attributes[0], (std::pair<std::string, std::string>{"battery_wh", "74"}));
  EXPECT_EQ(l.attributes[1], (std::pair<std::string, std::string>{"radio", "false"}));
  EXPECT_EQ(l.target_markets, (std::vector<std::string>{"EU", "US"}));
  EXPECT_EQ(*l.price_amount, 19.99);
  EXPECT_EQ(l.price_currency, "EUR");
  EXPECT_EQ(*l.image_count, 3);
  EXPECT_EQ(l.manufacturer.country, "CN");
  ASSERT_EQ(l.evidence.size(), 1u);
  EXPECT_EQ(l.evidence[0].kind, "eu_declaration_of_conformity");
  EXPECT_EQ(l.evidence[0].models, std::vector<std::string>{"PB-20"});
  EXPECT_EQ(l.evidence[0].expires->ToString(), "2029-01-09");
}

// Keys and columns the readers do not know are kept by name, so that a
// misspelt field is reported; every name they know is in ListingFieldNames.
TEST(ListingJsonTest, KeysThatAreNotListingFieldsAreKeptByName) {
  EXPECT_TRUE(ParseListingJson(kGood).value().ignored_fields.empty());
  std::string typo = kGood;
  typo.insert(1, R"("warning_languages":["de"],"url":"https://shop.example/1",)");
  auto r = ParseListingJson(typo);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r.value().ignored_fields, (std::vector<std::string>{"warning_languages", "url"}));
  const std::vector<std::string>& known = ListingFieldNames();
  for (const char* key : {"listing_id", "seller_id", "title", "hs_code", "gtin", "attributes", "price", "target_markets", "image_count",
                          "manufacturer", "claims", "evidence", "warnings_languages", "eu_responsible_person"})
    EXPECT_NE(std::find(known.begin(), known.end(), key), known.end()) << key;

  const std::string csv = WriteTemp("ignored.csv", "listing_id,seller_id,title,target_markets,warning_languages\nL1,S,Fan,EU,de\n");
  const ReadAll all = Read(csv, ListingFormat::kCsv);
  ASSERT_EQ(all.listings.size(), 1u);
  EXPECT_EQ(all.listings[0].ignored_fields, std::vector<std::string>{"warning_languages"});
  std::remove(csv.c_str());
}

TEST(ListingJsonTest, AGtinWrittenInGroupsOrFullWidthIsItsDigits) {
  for (const char* written : {"0 36000 29145 2", "036000-291452", "０３６０００２９１４５２", "036000291452 ", "UPC 036000291452", "upc: 036000291452",
                              "EAN-13: 036000291452"}) {
    auto r = ParseListingJson(fmt::format(R"({{"listing_id":"L","seller_id":"S","title":"t","target_markets":["EU"],"gtin":"{}"}})", written));
    ASSERT_TRUE(r.ok()) << written << " -> " << r.error().ToString();
    EXPECT_EQ(r.value().gtin, "036000291452") << written;
  }
}

// A gtin field that holds no GTIN is kept aside with what is wrong; the
// listing is read.
TEST(ListingJsonTest, AGtinFieldHoldingNoGtinIsKeptAside) {
  for (const auto& [written, problem] : {std::pair{"B0CHYPVWHV", "field 'gtin': 'B0CHYPVWHV' is not all digits"},
                                         std::pair{"12-34", "field 'gtin': '12-34' has 4 digits, not 8 to 14"}}) {
    auto r = ParseListingJson(fmt::format(R"({{"listing_id":"L","seller_id":"S","title":"t","target_markets":["EU"],"gtin":"{}"}})", written));
    ASSERT_TRUE(r.ok()) << written << " -> " << r.error().ToString();
    EXPECT_EQ(r.value().gtin, "") << written;
    EXPECT_EQ(r.value().gtin_unreadable, written);
    EXPECT_EQ(r.value().gtin_problem, problem);
  }
}

TEST(ListingJsonTest, RejectsBadRecordsNamingTheField) {
  const struct {
    const char* json;
    const char* expected;
  } cases[] = {
      {"{", "not valid JSON"},
      {"[1,2]", "must be a JSON object"},
      {"listing_id,seller_id,title,target_markets", "the line looks like CSV: if the input is CSV, pass --format csv"},
      {R"({"seller_id":"S","title":"t","target_markets":["EU"]})", "'listing_id' is required"},
      {R"({"listing_id":"L","seller_id":"S","title":"t"})", "'target_markets' is required"},
      {R"({"listing_id":"L"})", "fields 'seller_id', 'title' and 'target_markets' are required"},
      {R"({"listing_id":"L","target_markets":["EU"]})", "fields 'seller_id' and 'title' are required"},
      {R"({"listing_id":"L","seller_id":"S","title":"t","target_markets":[]})", "must name at least one market"},
      {R"({"listing_id":7,"seller_id":"S","title":"t","target_markets":["EU"]})", "'listing_id': must be a string, got a number"},
      {R"({"listing_id":"L","seller_id":"S","title":"t","target_markets":"EU"})", "must be an array of strings"},
      {R"({"listing_id":"L","seller_id":"S","title":"t","target_markets":["EU"],"hs_code":"85x4"})", "not an HS code"},
      {R"({"listing_id":"L","seller_id":"S","title":"t","target_markets":["EU"],"hs_code":"85"})", "has 2 digits"},
      {R"({"listing_id":"L","seller_id":"S","title":"t","target_markets":["EU"],"image_count":-1})", "whole number"},
      {R"({"listing_id":"L","seller_id":"S","title":"t","target_markets":["EU"],"price":{"amount":"cheap"}})", "'price.amount'"},
      {R"({"listing_id":"L","seller_id":"S","title":"t","target_markets":["EU"],"attributes":{"radio":[1]}})", "'attributes.radio'"},
      {R"({"listing_id":"L","seller_id":"S","title":"t","target_markets":["EU"],"evidence":[{"number":"1"}]})", "needs a 'kind'"},
      {R"({"listing_id":"L","seller_id":"S","title":"t","target_markets":["EU"],"evidence":[{"kind":"test_report","expires":"2024-02-30"}]})", "'evidence[0].expires'"},
      {R"({"listing_id":"L","listing_id":"M","seller_id":"S","title":"t","target_markets":["EU"]})", "appears twice"},
      {"{\"listing_id\":\"L\xff\",\"seller_id\":\"S\",\"title\":\"t\",\"target_markets\":[\"EU\"]}", "not valid JSON"},
  };
  for (const auto& c : cases) {
    auto r = ParseListingJson(c.json);
    ASSERT_FALSE(r.ok()) << c.json;
    EXPECT_NE(r.error().ToString().find(c.expected), std::string::npos) << c.json << " -> " << r.error().ToString();
  }
}

TEST(ListingReaderTest, JsonLinesReportsBadLinesByNumberAndGoesOn) {
  const std::string path = WriteTemp("listings.jsonl", std::string("\xEF\xBB\xBF") + kGood + "\n\n{broken\n" +
                                                          std::string(kGood) + "\r\n" + std::string(kMaxRecordBytes + 10, ' ') +
                                                          "\n" + kGood);  // no final newline
  const auto all = Read(path, ListingFormat::kJsonLines);
  ASSERT_EQ(all.listings.size(), 3u);
  EXPECT_EQ(all.listings[0].line, 1u);
  EXPECT_EQ(all.listings[1].line, 4u);
  EXPECT_EQ(all.listings[2].line, 6u);
  ASSERT_EQ(all.problems.size(), 2u);
  EXPECT_EQ(all.problems[0].line, 3);
  EXPECT_NE(all.problems[0].message.find("not valid JSON"), std::string::npos);
  EXPECT_EQ(all.problems[1].line, 5);
  EXPECT_NE(all.problems[1].message.find("longer than"), std::string::npos);
  fs::remove(path);
}

TEST(ListingReaderTest, CsvWithQuotesListsAndEvidence) {
  const std::string csv =
      "listing_id,seller_id,title,target_markets,attributes,claims,price_amount,price_currency,evidence\n"
      "L1,S1,\"USB charger, 5V \"\"fast\"\"\",EU;UK,input_voltage_ac=230;radio=false,CE;UKCA,9.5,GBP,"
      "\"[{\"\"kind\"\":\"\"test_report\"\",\"\"standards\"\":[\"\"EN IEC 62368-1:2020+A11:2020\"\"]}]\"\n"
      "L2,S1,\"two\nlines\",US,,,,,\n"
      "L3,S1,short row\n"
      "L4,S1,\"bad price\",US,,,cheap,,\n";
  const std::string path = WriteTemp("listings.csv", csv);
  const auto all = Read(path, ListingFormat::kCsv);
  ASSERT_EQ(all.listings.size(), 2u);
  const Listing& a = all.listings[0];
  EXPECT_EQ(a.title, "USB charger, 5V \"fast\"");
  EXPECT_EQ(a.target_markets, (std::vector<std::string>{"EU", "UK"}));
  EXPECT_EQ(a.attributes.size(), 2u);
  EXPECT_EQ(a.claims, (std::vector<std::string>{"CE", "UKCA"}));
  EXPECT_EQ(*a.price_amount, 9.5);
  ASSERT_EQ(a.evidence.size(), 1u);
  EXPECT_EQ(a.evidence[0].standards, std::vector<std::string>{"EN IEC 62368-1:2020+A11:2020"});
  EXPECT_EQ(all.listings[1].title, "two\nlines");
  EXPECT_EQ(all.listings[1].line, 3u);
  ASSERT_EQ(all.problems.size(), 2u);
  EXPECT_EQ(all.problems[0].line, 5);
  EXPECT_NE(all.problems[0].message.find("row has 3 fields"), std::string::npos);
  EXPECT_EQ(all.problems[1].line, 6);
  EXPECT_NE(all.problems[1].message.find("price_amount"), std::string::npos);
  fs::remove(path);
}

TEST(ListingReaderTest, CsvAQuoteLeftOpenLosesOneLineNotTheRowsAfterIt) {
  const std::string header = "listing_id,seller_id,title,target_markets\n";
  std::string rows;
  for (int i = 0; i < 49; ++i) rows += "U-" + std::to_string(i + 2) + ",S,IKEA E2037 power bank,EU\n";
  // Never closed: the rest of the file would be one field.
  const std::string open = WriteTemp("open.csv", header + "U-1,S,\"unterminated,EU\n" + rows);
  const auto a = Read(open, ListingFormat::kCsv);
  ASSERT_EQ(a.problems.size(), 1u);
  EXPECT_EQ(a.problems[0].line, 2);
  EXPECT_NE(a.problems[0].message.find("never closed; the lines after it are read on their own"), std::string::npos) << a.problems[0].message;
  ASSERT_EQ(a.listings.size(), 49u);
  EXPECT_EQ(a.listings.front().listing_id, "U-2");
  EXPECT_EQ(a.listings.front().line, 3u);
  EXPECT_EQ(a.listings.back().listing_id, "U-50");
  EXPECT_EQ(a.listings.back().line, 51u);
  fs::remove(open);
  // Closed by a stray quote two lines below, in another column: the row it
  // made is refused, and the lines it swallowed are read again.
  const std::string stray = WriteTemp("stray.csv", "listing_id,seller_id,title,target_markets,brand\nU-1,S,\"Lamp,EU,Acme\n"
                                                   "U-2,S,Kettle,EU,Acme\nU-3,S,Toaster,EU,Acme \"Pro\"\nU-4,S,Fan,EU,Acme\n");
  const auto b = Read(stray, ListingFormat::kCsv);
  ASSERT_EQ(b.problems.size(), 1u);
  EXPECT_EQ(b.problems[0].line, 2);
  EXPECT_NE(b.problems[0].message.find("closes on line 4 with text after it"), std::string::npos) << b.problems[0].message;
  ASSERT_EQ(b.listings.size(), 3u);
  EXPECT_EQ(b.listings[0].listing_id, "U-2");
  EXPECT_EQ(b.listings[1].listing_id, "U-3");
  EXPECT_EQ(b.listings[1].brand, "Acme \"Pro\"");
  EXPECT_EQ(b.listings[2].listing_id, "U-4");
  EXPECT_EQ(b.listings[2].line, 5u);
  fs::remove(stray);
  // Closed by the quote of a quoted field on the next line, the row made
  // of the two has as many fields as the header: text after the closing
  // quote tells it, and the next line is read on its own.
  const std::string merged = WriteTemp("merged.csv", "listing_id,seller_id,title,brand,gtin,target_markets\nH-1,S,\"Garden hose 20 m, 1/2 inch,Hosey,,US\n"
                                                     "H-2,S,\"Kids bicycle helmet\",Limar,8055186669918,US\n");
  const auto m = Read(merged, ListingFormat::kCsv);
  ASSERT_EQ(m.problems.size(), 1u);
  EXPECT_EQ(m.problems[0].line, 2);
  ASSERT_EQ(m.listings.size(), 1u);
  EXPECT_EQ(m.listings[0].listing_id, "H-2");
  EXPECT_EQ(m.listings[0].gtin, "8055186669918");
  fs::remove(merged);
  // Text after the closing quote on one line is refused too.
  const std::string after = WriteTemp("after.csv", header + "U-1,S,\"Lamp\" 60W,EU\nU-2,S,Fan,EU\n");
  const auto e = Read(after, ListingFormat::kCsv);
  ASSERT_EQ(e.problems.size(), 1u);
  EXPECT_EQ(e.problems[0].message, "a quoted field has text after its closing quote");
  ASSERT_EQ(e.listings.size(), 1u);
  fs::remove(after);
  // Open past the record limit: read no further than the limit, and the
  // lines after its first are read on their own, as after any stray quote
  // (else one quote would hide every row after it).
  std::string after_quote;
  for (int k = 0; k < 30000; ++k) after_quote += fmt::format("R-{},S,Retro refrigerator GLR76TRDER,EU\n", k);
  const std::string big = WriteTemp("big.csv", header + "U-1,S,\"" + std::string(kMaxRecordBytes / 2, 'x') + "\n" + after_quote);
  const auto c = Read(big, ListingFormat::kCsv);
  ASSERT_GE(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].line, 2);
  EXPECT_NE(c.problems[0].message.find("runs past 1048576 bytes"), std::string::npos) << c.problems[0].message;
  ASSERT_GE(c.listings.size(), 29990u);
  EXPECT_EQ(c.listings.back().listing_id, "R-29999");
  // So a quoted field that closes past the limit is refused, and its lines
  // are read as rows: each must stand as one to be taken ("not a row" is
  // not, and the closing quote opens a field that never closes).
  const std::string closed = WriteTemp("closed.csv", header + "U-1,S,\"" + std::string(kMaxRecordBytes, 'x') +
                                                     "\nnot a row\n\",EU\nU-2,S,Fan,EU\n");
  const auto d = Read(closed, ListingFormat::kCsv);
  ASSERT_GE(d.problems.size(), 1u);
  EXPECT_NE(d.problems[0].message.find("runs past"), std::string::npos) << d.problems[0].message;
  ASSERT_EQ(d.listings.size(), 1u);
  EXPECT_EQ(d.listings[0].listing_id, "U-2");
  fs::remove(closed);
  fs::remove(big);
}

// Saved with a byte-order mark and every field quoted, as spreadsheets and
// Python's utf-8-sig do.
TEST(ListingReaderTest, CsvWithAByteOrderMarkAndQuotedHeader) {
  const std::string path = WriteTemp("bom.csv", "\xEF\xBB\xBF\"listing_id\",\"seller_id\",\"title\",\"target_markets\"\r\n\"R-1\",\"S\",\"Helmet\",\"EU\"\r\n");
  const auto all = Read(path, ListingFormat::kCsv);
  EXPECT_TRUE(all.problems.empty());
  ASSERT_EQ(all.listings.size(), 1u);
  EXPECT_EQ(all.listings[0].listing_id, "R-1");
  fs::remove(path);
}

// Written by hand or by a tool that pads them: a column's name is the name
// without the blanks around it.
TEST(ListingReaderTest, CsvHeaderNamesAreReadWithoutTheBlanksAroundThem) {
  const std::string path = WriteTemp("spaced.csv", "listing_id, seller_id ,\ttitle, target_markets\nR-1,S,Helmet,EU\n");
  const auto all = Read(path, ListingFormat::kCsv);
  EXPECT_TRUE(all.problems.empty());
  ASSERT_EQ(all.listings.size(), 1u);
  EXPECT_EQ(all.listings[0].title, "Helmet");
  fs::remove(path);
}

// Thousands of columns that are no listing fields cost no memory per row
// for them beyond the first few names, which are reported.
TEST(ListingReaderTest, ManyUnknownColumnsAreNamedUpToALimit) {
  std::string header = "listing_id,seller_id,title,target_markets";
  for (int k = 0; k < 5000; ++k) header += fmt::format(",c{}", k);
  const std::string path = WriteTemp("wide.csv", header + "\nR-1,S,Helmet,EU" + std::string(5000, ',') + "\n");
  const auto all = Read(path, ListingFormat::kCsv);
  EXPECT_TRUE(all.problems.empty());
  ASSERT_EQ(all.listings.size(), 1u);
  EXPECT_EQ(all.listings[0].ignored_fields.size(), Listing::kMaxIgnoredFields);
  EXPECT_EQ(all.listings[0].ignored_fields[0], "c0");
  fs::remove(path);
}

TEST(ListingReaderTest, CsvHeaderMayNotNameAColumnTwice) {
  const std::string path = WriteTemp("twice.csv", "listing_id,seller_id,title,target_markets,listing_id\nL1,S,Fan,EU,L2\n");
  auto r = ListingReader::Open(path, ListingFormat::kCsv);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().ToString().find("names the column 'listing_id' twice"), std::string::npos) << r.error().ToString();
  fs::remove(path);
}

TEST(ListingReaderTest, CsvHeaderMustNameRequiredColumns) {
  const std::string path = WriteTemp("noheader.csv", "id,title\n1,x\n");
  auto r = ListingReader::Open(path, ListingFormat::kCsv);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().ToString().find("no 'listing_id' column"), std::string::npos);
  fs::remove(path);
  EXPECT_FALSE(ListingReader::Open("/nonexistent/x.jsonl", ListingFormat::kJsonLines).ok());
  // Separated by semicolons, as spreadsheets in many locales save: said so.
  const std::string semicolons = WriteTemp("semicolons.csv", "listing_id;seller_id;title;target_markets\nL1;S;Fan;EU\n");
  auto s = ListingReader::Open(semicolons, ListingFormat::kCsv);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().ToString().find("the header seems separated by ';'"), std::string::npos) << s.error().ToString();
  fs::remove(semicolons);
}

// Recall matching needs a listing's id and title: one without a seller or
// markets still sells what it sells. Screening needs them all.
TEST(ListingReaderTest, RecallMatchingNeedsTheIdAndTitleAlone) {
  const std::string jsonl = WriteTemp("bare.jsonl", "{\"listing_id\":\"L1\",\"title\":\"BenQ GV31 projector\"}\n{\"listing_id\":\"L2\"}\n");
  const std::string csv = WriteTemp("bare.csv", "listing_id,title,gtin\nL1,BenQ GV31 projector,\nL2,,\n");
  for (const auto& [path, format] : {std::pair{jsonl, ListingFormat::kJsonLines}, std::pair{csv, ListingFormat::kCsv}}) {
    auto r = ListingReader::Open(path, format, ListingUse::kRecallMatching);
    ASSERT_TRUE(r.ok()) << r.error().ToString();
    Listing l;
    Diagnostic problem;
    ASSERT_EQ(r.value()->Read(&l, &problem), ListingReader::Next::kListing) << problem.message;
    EXPECT_EQ(l.title, "BenQ GV31 projector");
    ASSERT_EQ(r.value()->Read(&l, &problem), ListingReader::Next::kBadRecord);
    EXPECT_EQ(problem.message, "field 'title' is required");
    EXPECT_EQ(r.value()->Read(&l, &problem), ListingReader::Next::kEnd);
  }
  EXPECT_FALSE(ListingReader::Open(csv, ListingFormat::kCsv).ok());  // screening: no seller_id column
  auto screening = ListingReader::Open(jsonl, ListingFormat::kJsonLines);
  ASSERT_TRUE(screening.ok());
  Listing l;
  Diagnostic problem;
  EXPECT_EQ(screening.value()->Read(&l, &problem), ListingReader::Next::kBadRecord);
  EXPECT_EQ(problem.message, "fields 'seller_id' and 'target_markets' are required");
  fs::remove(jsonl);
  fs::remove(csv);
}

TEST(ListingReaderTest, AFileInUtf16IsRefusedAsSuch) {
  // "{" in UTF-16 little-endian, with and without its byte order mark.
  for (const std::string& bytes : {std::string("\xFF\xFE{\0\"\0", 6), std::string("{\0\"\0l\0", 6)}) {
    for (const ListingFormat format : {ListingFormat::kJsonLines, ListingFormat::kCsv}) {
      const std::string path = WriteTemp("utf16.jsonl", bytes);
      auto r = ListingReader::Open(path, format);
      ASSERT_FALSE(r.ok());
      EXPECT_NE(r.error().ToString().find("the file is UTF-16, UTF-32 or binary"), std::string::npos) << r.error().ToString();
      fs::remove(path);
    }
  }
}

TEST(ListingReaderTest, ArbitraryBytesNeverCrash) {
  std::string junk;
  uint32_t x = 12345;
  for (int i = 0; i < 200000; ++i) {
    x = x * 1103515245 + 12345;
    junk += static_cast<char>((x >> 16) & 0xff);
  }
  for (auto format : {ListingFormat::kJsonLines, ListingFormat::kCsv}) {
    const std::string path = WriteTemp("junk", "listing_id,seller_id,title,target_markets\n" + junk);
    const auto all = Read(path, format);
    EXPECT_TRUE(all.listings.empty());
    fs::remove(path);
  }
}

}  // namespace
}  // namespace conform
