#include "conform/screen/listing_reader.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <unordered_set>
#include <sys/stat.h>

#include "conform/core/text.h"
#include "listing_parse_util.h"

namespace conform {

Result<ListingFormat> ListingFormatFromName(std::string_view name) {
  const std::string n = AsciiLower(name);
  if (n == "jsonl" || n == "json" || n == "ndjson") return ListingFormat::kJsonLines;
  if (n == "csv") return ListingFormat::kCsv;
  return Error(ErrorCode::kInvalidInput, fmt::format("unknown listing format '{}'", name), "use jsonl or csv");
}

namespace {

// The digits of a code field written with `separators` between them, or an
// error naming the field: `written` as the seller gave it, `text` as read.
Result<std::string> CodeDigits(std::string_view field, std::string_view written, std::string_view text, std::string_view separators,
                               size_t min_digits, size_t max_digits, std::string_view not_digits, std::string_view hint) {
  std::string digits;
  for (const char c : text) {
    if (separators.find(c) != std::string_view::npos) continue;
    if (c < '0' || c > '9')
      return Error(ErrorCode::kInvalidInput, fmt::format("field '{}': '{}' {}", field, written, not_digits), std::string(hint));
    digits += c;
  }
  if (digits.size() < min_digits || digits.size() > max_digits)
    return Error(ErrorCode::kInvalidInput,
                 fmt::format("field '{}': '{}' has {} digits, not {} to {}", field, written, digits.size(), min_digits, max_digits),
                 std::string(hint));
  return digits;
}

}  // namespace

Status FinishListing(Listing* l, ListingUse use) {
  // Every required field missing, at once: a record fixed one field a run
  // would come back as many times.
  const bool screening = use == ListingUse::kScreening;
  std::vector<std::string> missing;
  if (l->listing_id.empty()) missing.emplace_back("'listing_id'");
  if (l->seller_id.empty() && screening) missing.emplace_back("'seller_id'");
  if (l->title.empty()) missing.emplace_back("'title'");
  if (l->target_markets.empty() && screening) missing.emplace_back("'target_markets'");
  if (missing.size() == 1 && missing[0] == "'target_markets'")
    return Error(ErrorCode::kInvalidInput, "field 'target_markets' is required and must name at least one market",
                 "name the markets the listing is offered in (e.g. DE and FR); see doc/listing-format.md");
  if (missing.size() == 1) return Error(ErrorCode::kInvalidInput, fmt::format("field {} is required", missing[0]), "see doc/listing-format.md");
  if (missing.size() > 1) {
    const std::string last = missing.back();
    missing.pop_back();
    return Error(ErrorCode::kInvalidInput, fmt::format("fields {} and {} are required", fmt::join(missing, ", "), last), "see doc/listing-format.md");
  }
  for (auto& m : l->target_markets) m = AsciiUpper(m);
  if (!l->hs_code.empty()) {
    auto digits = CodeDigits("hs_code", l->hs_code, l->hs_code, ". ", 4, 10, "is not an HS code", "write 4 to 10 digits, e.g. 8504.40 or 850440");
    if (!digits.ok()) return digits.error();
    l->hs_code = std::move(digits).value();
  }
  if (!l->gtin.empty()) {
    // Sellers write barcodes in groups ("0 36000 29145 2", "400-6381-333931")
    // and in full-width digits: the digits are the barcode. A GTIN is a
    // number: one that lost leading zeros (a spreadsheet's "36000291452")
    // is still itself, as GS1 pads every GTIN to 14 digits; its check digit
    // still decides whether it is used.
    // A field that holds no GTIN (a marketplace's ASIN, a cut-off
    // barcode) is the seller's mistake in one field, not a reason to leave
    // the whole listing unscreened: kept aside and pointed out.
    // A label before the code ("EAN 8055348167320", "UPC: ...") is the
    // field's name said again.
    std::string text = NormalizeForMatching(l->gtin);
    for (const std::string_view label : {"ean-13", "ean13", "ean-8", "ean8", "ean", "gtin-13", "gtin13", "gtin-14", "gtin14", "gtin", "upc-a", "upc", "jan"})
      if (text.starts_with(label) && text.size() > label.size() && (text[label.size()] == ' ' || text[label.size()] == ':')) {
        text.erase(0, label.size());
        while (!text.empty() && (text.front() == ' ' || text.front() == ':')) text.erase(0, 1);
        break;
      }
    auto digits = CodeDigits("gtin", l->gtin, text, " -", 8, 14, "is not all digits",
                             "write the 8, 12, 13 or 14 digits of the barcode (spaces and hyphens between them are allowed)");
    if (digits.ok()) {
      l->gtin = std::move(digits).value();
    } else {
      l->gtin_problem = digits.error().diagnostics().front().message;
      l->gtin_unreadable = std::move(l->gtin);
      l->gtin.clear();
    }
  }
  return Status::Ok();
}

namespace {

// Buffered byte source over a FILE*, with line counting.
class ByteSource {
 public:
  explicit ByteSource(FILE* f, bool owned) : f_(f), owned_(owned), buf_(1 << 16) {}
  ~ByteSource() {
    if (owned_ && f_) std::fclose(f_);
  }
  // Next byte, or -1 at the end.
  int Get() {
    if (pos_ == end_ && !Fill()) return -1;
    return static_cast<unsigned char>(buf_[pos_++]);
  }
  int Peek() {
    if (pos_ == end_ && !Fill()) return -1;
    return static_cast<unsigned char>(buf_[pos_]);
  }
  // Up to the first 64 bytes not yet read, left unread: what the file's
  // encoding is told by.
  std::string_view Head() {
    if (pos_ == end_) Fill();
    return std::string_view(buf_.data() + pos_, std::min<size_t>(64, end_ - pos_));
  }
  // Appends bytes up to (not including) the next '\n' to *out, consuming
  // the '\n'; at most `limit` bytes are kept, the rest dropped and
  // *too_long set. False at the end of input with nothing read.
  bool Line(std::string* out, size_t limit, bool* too_long) {
    out->clear();
    *too_long = false;
    bool any = false;
    while (true) {
      if (pos_ == end_ && !Fill()) return any;
      any = true;
      const char* start = buf_.data() + pos_;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
      const size_t n = nl ? static_cast<size_t>(nl - start) : end_ - pos_;
      if (!*too_long) {
        if (out->size() + n > limit) *too_long = true;
        else out->append(start, n);
      }
      pos_ += n;
      if (nl) {
        ++pos_;
        return true;
      }
    }
  }

 private:
  bool Fill() {
    if (eof_) return false;
    const size_t n = std::fread(buf_.data(), 1, buf_.size(), f_);
    pos_ = 0;
    end_ = n;
    if (n == 0) eof_ = true;
    return n > 0;
  }

  FILE* f_;
  bool owned_;
  std::vector<char> buf_;
  size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
};

Result<std::unique_ptr<ByteSource>> OpenSource(const std::string& path) {
  if (path == "-") return std::make_unique<ByteSource>(stdin, false);
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr)
    return Error(ErrorCode::kNotFound, {Diagnostic{path, 0, 0, fmt::format("cannot open: {}", std::strerror(errno)), "check the path"}});
  // A directory opens, and then reads as nothing: "0 listings" would hide the mistake.
  struct stat st {};
  if (::fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
    std::fclose(f);
    return Error(ErrorCode::kInvalidInput, {Diagnostic{path, 0, 0, "is a directory", "give a listings file (JSON Lines or CSV)"}});
  }
  return std::make_unique<ByteSource>(f, true);
}

class JsonLinesReader : public ListingReader {
 public:
  JsonLinesReader(std::string path, std::unique_ptr<ByteSource> src, ListingUse use)
      : path_(std::move(path)), src_(std::move(src)), use_(use) {}

  Next Read(Listing* listing, Diagnostic* problem) override {
    Pending p;
    const Next n = ReadPending(&p, problem);
    if (n != Next::kListing) return n;
    return Finish(&p, path_, listing, problem, use_);
  }

  Next ReadPending(Pending* pending, Diagnostic* problem) override {
    bool too_long = false;
    while (src_->Line(&line_, kMaxRecordBytes, &too_long)) {
      ++line_no_;
      if (!line_.empty() && line_.back() == '\r') line_.pop_back();
      if (line_no_ == 1 && line_.compare(0, 3, "\xEF\xBB\xBF") == 0) line_.erase(0, 3);  // BOM
      if (too_long) {
        *problem = Diagnostic{path_, static_cast<int>(line_no_), 0,
                              fmt::format("line is longer than {} bytes", kMaxRecordBytes), "split or shorten the record"};
        return Next::kBadRecord;
      }
      if (line_.find_first_not_of(" \t") == std::string::npos) continue;  // blank line
      pending->parsed = false;
      pending->raw.swap(line_);
      pending->line = line_no_;
      return Next::kListing;
    }
    return Next::kEnd;
  }

 private:
  std::string path_;
  std::unique_ptr<ByteSource> src_;
  ListingUse use_;
  std::string line_;
  size_t line_no_ = 0;
};

// RFC 4180 records: quoted fields may hold commas, quotes ("") and newlines.
class CsvReader : public ListingReader {
 public:
  CsvReader(std::string path, std::unique_ptr<ByteSource> src, ListingUse use) : path_(std::move(path)), src_(std::move(src)), use_(use) {}

  Status ReadHeader() {
    bool too_long = false;
    size_t start = 0;
    if (!Record(&header_, &too_long, &start))
      return Error(ErrorCode::kInvalidInput, {Diagnostic{path_, 1, 0, "file is empty", "the first row must name the columns"}});
    if (!header_.empty() && header_[0].compare(0, 3, "\xEF\xBB\xBF") == 0) {
      header_[0].erase(0, 3);
      // The byte-order mark came before the first field's opening quote
      // ('"listing_id"', as spreadsheets quoting every field save it),
      // which was read as text: the quotes go now.
      std::string& first = header_[0];
      if (first.size() >= 2 && first.front() == '"' && first.back() == '"') {
        first = first.substr(1, first.size() - 2);
        for (size_t at = first.find("\"\""); at != std::string::npos; at = first.find("\"\"", at + 1)) first.erase(at, 1);
      }
    }
    // Blanks around a name ("listing_id, title") are no part of it.
    for (auto& h : header_) {
      const size_t b = h.find_first_not_of(" \t"), e = h.find_last_not_of(" \t");
      h = b == std::string::npos ? std::string() : AsciiLower(std::string_view(h).substr(b, e - b + 1));
    }
    // A column named twice would leave one of the two values unread, as a
    // JSON listing with a key given twice is refused.
    // (A set: a header of many thousands of columns is read in linear time.)
    std::unordered_set<std::string_view> seen;
    for (const std::string& h : header_)
      if (!h.empty() && !seen.insert(h).second)
        return Error(ErrorCode::kInvalidInput, {Diagnostic{path_, 1, 0, fmt::format("the header names the column '{}' twice", h),
                                                           "keep one of the two columns"}});
    for (const char* required : {"listing_id", "seller_id", "title", "target_markets"}) {
      if (use_ == ListingUse::kRecallMatching && (std::string_view(required) == "seller_id" || std::string_view(required) == "target_markets"))
        continue;
      bool found = false;
      for (const auto& h : header_) found = found || h == required;
      if (!found) {
        // One column holding the names: another separator than the comma.
        const bool other_separator = header_.size() == 1 && header_[0].find_first_of(";\t|") != std::string::npos;
        return Error(ErrorCode::kInvalidInput,
                     {Diagnostic{path_, 1, 0, fmt::format("header has no '{}' column", required),
                                 other_separator ? "the header seems separated by ';', a tab or '|': conform reads CSV separated by commas "
                                                   "(RFC 4180); save it so, or as JSON Lines"
                                                 : "see doc/listing-format.md for the column names"}});
      }
    }
    return Status::Ok();
  }

  Next Read(Listing* listing, Diagnostic* problem) override {
    bool too_long = false, unclosed = false, stray = false;
    size_t start = 0;
    while (Record(&fields_, &too_long, &start, &unclosed, &stray)) {
      const auto bad = [&](std::string msg, std::string hint) {
        *problem = Diagnostic{path_, static_cast<int>(start), 0, std::move(msg), std::move(hint)};
        return Next::kBadRecord;
      };
      const size_t last_line = line_no_;
      if (unclosed) {
        // Read again from the next line: the bytes taken are all still here.
        Replay(start);
        return bad(too_long ? fmt::format("a quoted field opened on this line runs past {} bytes (to line {}) without closing; the lines "
                                          "after this one are read on their own",
                                          kMaxRecordBytes, last_line)
                            : "a quoted field opened on this line is never closed; the lines after it are read on their own",
                   "close the quote, or write a quote inside a quoted field as two (\"\")");
      }
      if (stray && !too_long) {
        Replay(start);
        return bad(last_line > start ? fmt::format("a quoted field opened on this line closes on line {} with text after it; the lines "
                                                   "after this one are read on their own",
                                                   last_line)
                                     : std::string("a quoted field has text after its closing quote"),
                   "close the quote on this line, or write a quote inside a quoted field as two (\"\")");
      }
      if (too_long) return bad(fmt::format("record is longer than {} bytes", kMaxRecordBytes), "split or shorten the record");
      if (fields_.size() == 1 && fields_[0].empty()) continue;  // blank line
      if (fields_.size() != header_.size()) {
        if (last_line > start) {  // too_long was refused above: raw_ holds the whole record
          Replay(start);
          return bad(fmt::format("row has {} fields, the header {}, reading a quoted field from here to line {}; the lines after this one "
                                 "are read on their own",
                                 fields_.size(), header_.size(), last_line),
                     "check the quotes on this line: a quote inside a quoted field is written as two (\"\")");
        }
        return bad(fmt::format("row has {} fields, the header {}", fields_.size(), header_.size()),
                   "quote fields that contain commas");
      }
      Listing l;
      for (size_t i = 0; i < fields_.size(); ++i) {
        if (!simdjson::validate_utf8(fields_[i].data(), fields_[i].size()))
          return bad(fmt::format("column '{}' is not valid UTF-8", header_[i]), "save the file as UTF-8");
        if (Status st = Assign(header_[i], fields_[i], &l); !st.ok()) {
          const Diagnostic& d = st.error().diagnostics().front();
          return bad(d.message, d.hint);
        }
      }
      if (Status st = FinishListing(&l, use_); !st.ok()) {
        const Diagnostic& d = st.error().diagnostics().front();
        return bad(d.message, d.hint);
      }
      l.line = start;
      *listing = std::move(l);
      return Next::kListing;
    }
    return Next::kEnd;
  }

 private:
  static std::vector<std::string> SplitList(const std::string& s) {
    std::vector<std::string> out;
    size_t b = 0;
    while (b <= s.size()) {
      size_t e = s.find(';', b);
      if (e == std::string::npos) e = s.size();
      std::string item = s.substr(b, e - b);
      const size_t first = item.find_first_not_of(' '), last = item.find_last_not_of(' ');
      if (first != std::string::npos) out.push_back(item.substr(first, last - first + 1));
      b = e + 1;
    }
    return out;
  }

  static Status Assign(const std::string& column, const std::string& v, Listing* l) {
    if (column == "listing_id") l->listing_id = v;
    else if (column == "seller_id") l->seller_id = v;
    else if (column == "title") l->title = v;
    else if (column == "description") l->description = v;
    else if (column == "brand") l->brand = v;
    else if (column == "model") l->model = v;
    else if (column == "gtin") l->gtin = v;
    else if (column == "hs_code") l->hs_code = v;
    else if (column == "category") l->category = v;
    else if (column == "attributes") {
      for (const auto& item : SplitList(v)) {
        const size_t eq = item.find('=');
        if (eq == std::string::npos || eq == 0)
          return Error(ErrorCode::kInvalidInput, fmt::format("column 'attributes': '{}' is not name=value", item),
                       "write name=value;name=value");
        l->attributes.emplace_back(item.substr(0, eq), item.substr(eq + 1));
      }
    } else if (column == "price_amount") {
      if (v.empty()) return Status::Ok();
      char* end = nullptr;
      const double d = std::strtod(v.c_str(), &end);
      if (end != v.c_str() + v.size() || !std::isfinite(d) || d < 0)
        return Error(ErrorCode::kInvalidInput, fmt::format("column 'price_amount': '{}' is not a price", v), "write e.g. 19.99");
      l->price_amount = d;
    } else if (column == "price_currency") l->price_currency = v;
    else if (column == "target_markets") l->target_markets = SplitList(v);
    else if (column == "image_count") {
      if (v.empty()) return Status::Ok();
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (end != v.c_str() + v.size() || n < 0 || n > 100000)
        return Error(ErrorCode::kInvalidInput, fmt::format("column 'image_count': '{}' is not a count", v), "write a whole number");
      l->image_count = static_cast<int>(n);
    } else if (column == "manufacturer_name") l->manufacturer.name = v;
    else if (column == "manufacturer_address") l->manufacturer.address = v;
    else if (column == "manufacturer_country") l->manufacturer.country = v;
    else if (column == "manufacturer_email") l->manufacturer.email = v;
    else if (column == "eu_rp_name") l->eu_responsible_person.name = v;
    else if (column == "eu_rp_address") l->eu_responsible_person.address = v;
    else if (column == "eu_rp_email") l->eu_responsible_person.email = v;
    else if (column == "warnings_languages") l->warnings_languages = SplitList(v);
    else if (column == "claims") l->claims = SplitList(v);
    else if (column == "evidence") {
      if (v.find_first_not_of(' ') != std::string::npos) return ParseEvidenceJson(v, &l->evidence);
    } else if (!column.empty() && l->ignored_fields.size() < Listing::kMaxIgnoredFields) {
      l->ignored_fields.push_back(column);
    }
    return Status::Ok();
  }

  // Reads one record. *start is its first line. False at the end of input.
  // A quoted field may run over lines; when the input ends before it is
  // closed, *unclosed is set. The record's first kMaxRecordBytes + 1 bytes
  // are kept in raw_, for Replay.
  bool Record(std::vector<std::string>* fields, bool* too_long, size_t* start, bool* unclosed = nullptr, bool* stray = nullptr) {
    fields->clear();
    raw_.clear();
    *too_long = false;
    if (unclosed) *unclosed = false;
    if (stray) *stray = false;
    if (Peek() < 0) return false;
    ++line_no_;
    *start = line_no_;
    std::string field;
    size_t bytes = 0;
    bool quoted = false, was_quoted = false;
    while (true) {
      const int c = Get();
      if (c < 0) {
        if (quoted && unclosed) *unclosed = true;
        break;
      }
      last_ = c;
      if (++bytes > kMaxRecordBytes) *too_long = true;
      if (raw_.size() <= kMaxRecordBytes) raw_ += static_cast<char>(c);
      if (quoted) {
        if (c == '"') {
          if (Peek() == '"') {
            raw_ += static_cast<char>(Get());
            field += '"';
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') ++line_no_;
          if (!*too_long) field += static_cast<char>(c);
        }
        // A quoted field past the limit is read no further: raw_ holds
        // every byte taken, so the lines after the first can be read again
        // (Replay), however much of the file a stray quote would take in.
        if (*too_long) {
          if (unclosed) *unclosed = true;
          break;
        }
        continue;
      }
      if (c == '"' && field.empty() && !was_quoted) {
        quoted = was_quoted = true;
      } else if (was_quoted && c != ',' && c != '\n' && c != '\r' && stray) {
        // Text after a closing quote: a quote inside the field not written
        // as two, or one left open that a later quote closed.
        *stray = true;
        if (!*too_long) field += static_cast<char>(c);
      } else if (c == ',') {
        fields->push_back(std::move(field));
        field.clear();
        was_quoted = false;
      } else if (c == '\n') {
        break;
      } else if (c == '\r' && Peek() == '\n') {
        continue;
      } else if (!*too_long) {
        field += static_cast<char>(c);
      }
    }
    fields->push_back(std::move(field));
    if (*too_long) fields->clear();
    return true;
  }

  // After a bad record that ran over lines (a quote opened and closed far
  // below, or never): reading goes on at the line after its first, so that
  // one stray quote loses one line, not every row after it.
  void Replay(size_t start) {
    const size_t newline = raw_.find('\n');
    if (newline == std::string::npos) return;  // it ended on its first line: nothing to read again
    std::string rest = raw_.substr(newline + 1);
    rest.append(replay_, replay_at_, std::string::npos);
    replay_ = std::move(rest);
    replay_at_ = 0;
    line_no_ = start;
  }

  int Get() { return replay_at_ < replay_.size() ? static_cast<unsigned char>(replay_[replay_at_++]) : src_->Get(); }
  int Peek() { return replay_at_ < replay_.size() ? static_cast<unsigned char>(replay_[replay_at_]) : src_->Peek(); }

  std::string path_;
  std::unique_ptr<ByteSource> src_;
  ListingUse use_;
  std::vector<std::string> header_;
  std::vector<std::string> fields_;
  size_t line_no_ = 0;
  std::string raw_;     // the last record's bytes
  int last_ = -1;       // the last byte read
  std::string replay_;  // bytes read again before the source's next ones
  size_t replay_at_ = 0;
};

}  // namespace

ListingReader::Next ListingReader::ReadPending(Pending* pending, Diagnostic* problem) {
  pending->parsed = true;
  const Next n = Read(&pending->listing, problem);
  pending->line = pending->listing.line;
  return n;
}

ListingReader::Next ListingReader::Finish(Pending* pending, const std::string& path, Listing* listing, Diagnostic* problem, ListingUse use) {
  if (pending->parsed) {
    *listing = std::move(pending->listing);
    return Next::kListing;
  }
  auto parsed = ParseListingJson(pending->raw, use);
  if (!parsed.ok()) {
    const Diagnostic& d = parsed.error().diagnostics().front();
    *problem = Diagnostic{path, static_cast<int>(pending->line), 0, d.message, d.hint};
    return Next::kBadRecord;
  }
  *listing = std::move(parsed).value();
  listing->line = pending->line;
  return Next::kListing;
}

const std::vector<std::string>& ListingFieldNames() {
  static const std::vector<std::string> kNames = {
      "listing_id", "seller_id", "title", "description", "brand", "model", "gtin", "hs_code", "category", "attributes",
      "price", "price_amount", "price_currency", "target_markets", "image_count", "manufacturer", "eu_responsible_person",
      "manufacturer_name", "manufacturer_address", "manufacturer_country", "manufacturer_email", "eu_rp_name",
      "eu_rp_address", "eu_rp_email", "warnings_languages", "claims", "evidence"};
  return kNames;
}

Result<std::unique_ptr<ListingReader>> ListingReader::Open(const std::string& path, ListingFormat format, ListingUse use) {
  auto src = OpenSource(path);
  if (!src.ok()) return src.error();
  // A file saved as UTF-16 or UTF-32 would give one bad record per line.
  if (const std::string_view head = src.value()->Head();
      head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF") || head.find('\0') != std::string_view::npos)
    return Error(ErrorCode::kInvalidInput,
                 {Diagnostic{path, 1, 0, "the file is UTF-16, UTF-32 or binary (a byte order mark or NUL bytes at its start), not UTF-8",
                             "save it as UTF-8: most editors and spreadsheets offer the encoding in 'Save as'"}});
  if (format == ListingFormat::kJsonLines)
    return std::unique_ptr<ListingReader>(std::make_unique<JsonLinesReader>(path, std::move(src).value(), use));
  auto csv = std::make_unique<CsvReader>(path, std::move(src).value(), use);
  if (Status st = csv->ReadHeader(); !st.ok()) return st.error();
  return std::unique_ptr<ListingReader>(std::move(csv));
}

}  // namespace conform
