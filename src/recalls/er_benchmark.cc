#include "conform/recalls/er_benchmark.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace conform::recalls {

namespace {

constexpr size_t kMaxDiagnostics = 20;

std::string_view Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  const size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// The next space-separated token at or after `pos`; `pos` moves past it.
std::string_view NextToken(std::string_view s, size_t& pos, size_t* start) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  *start = pos;
  while (pos < s.size() && s[pos] != ' ') ++pos;
  return s.substr(*start, pos - *start);
}

}  // namespace

Result<Record> ParseDittoRecord(std::string_view text) {
  Record record;
  size_t pos = 0, start = 0;
  std::string_view token = NextToken(text, pos, &start);
  if (token != "COL")
    return Error(ErrorCode::kInvalidInput,
                 token.empty() ? "empty record" : fmt::format("record starts with '{}', not 'COL'", token),
                 "a record is 'COL <attribute> VAL <value> ...'");
  while (token == "COL") {
    // The attribute name: every token up to "VAL".
    std::string name;
    while (true) {
      token = NextToken(text, pos, &start);
      if (token.empty())
        return Error(ErrorCode::kInvalidInput,
                     fmt::format("attribute '{}' has no 'VAL'", name.empty() ? "(unnamed)" : name),
                     "a record is 'COL <attribute> VAL <value> ...'");
      if (token == "VAL") break;
      if (!name.empty()) name += ' ';
      name += token;
    }
    if (name.empty()) return Error(ErrorCode::kInvalidInput, "'COL' without an attribute name");
    // The value: everything up to the next "COL" token.
    const size_t value_begin = pos;
    size_t value_end = text.size();
    while (true) {
      token = NextToken(text, pos, &start);
      if (token.empty()) break;
      if (token == "COL") {
        value_end = start;
        break;
      }
    }
    record.fields.emplace_back(std::move(name), std::string(Trim(text.substr(value_begin, value_end - value_begin))));
  }
  return record;
}

Result<std::vector<LabeledPair>> ParseDittoPairs(std::string_view text, const std::string& file_name) {
  // A byte order mark is invisible in a message; UTF-16 is no text here.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF") || text.substr(0, 256).find('\0') != std::string_view::npos)
    return Error(ErrorCode::kInvalidInput, {Diagnostic{file_name, 0, 0, "the file is UTF-16 or binary, not UTF-8 text",
                                                       "save it as UTF-8: one pair per line, '<left>\\t<right>\\t<label>'"}});
  std::vector<LabeledPair> pairs;
  std::vector<Diagnostic> problems;
  int line_number = 0;
  size_t pos = 0;
  while (pos < text.size() && problems.size() < kMaxDiagnostics) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) continue;

    const size_t tab1 = line.find('\t');
    const size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos || line.find('\t', tab2 + 1) != std::string_view::npos) {
      size_t tabs = 0;
      for (char c : line) tabs += c == '\t';
      problems.push_back({file_name, line_number, 0, fmt::format("{} tab(s) on the line, expected 2", tabs),
                          "a line is '<left record>\\t<right record>\\t<label>'"});
      continue;
    }
    const std::string_view label = Trim(line.substr(tab2 + 1));
    if (label != "0" && label != "1") {
      problems.push_back({file_name, line_number, static_cast<int>(tab2 + 2),
                          fmt::format("label '{}' is neither 0 nor 1", label), ""});
      continue;
    }
    LabeledPair pair;
    pair.label = label == "1" ? 1 : 0;
    pair.line = line_number;
    auto left = ParseDittoRecord(line.substr(0, tab1));
    auto right = ParseDittoRecord(line.substr(tab1 + 1, tab2 - tab1 - 1));
    if (!left.ok() || !right.ok()) {
      const Diagnostic& d = (!left.ok() ? left.error() : right.error()).diagnostics().front();
      problems.push_back({file_name, line_number, !left.ok() ? 1 : static_cast<int>(tab1 + 2),
                          fmt::format("{} record: {}", !left.ok() ? "left" : "right", d.message), d.hint});
      continue;
    }
    pair.left = std::move(left).value();
    pair.right = std::move(right).value();
    pairs.push_back(std::move(pair));
  }
  if (problems.size() == kMaxDiagnostics && pos < text.size())
    problems.push_back({file_name, line_number, 0, fmt::format("stopped after {} problems: the lines after this one were not checked", kMaxDiagnostics),
                        "mend the lines above and run again"});
  if (!problems.empty()) return Error(ErrorCode::kInvalidInput, std::move(problems));
  return pairs;
}

Result<std::vector<LabeledPair>> ReadDittoPairs(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error(ErrorCode::kNotFound, {Diagnostic{path, 0, 0, fmt::format("cannot open the file: {}", std::strerror(errno)), "check the path and its permissions"}});
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Error(ErrorCode::kIo, {Diagnostic{path, 0, 0, "cannot read the file", ""}});
  return ParseDittoPairs(text.str(), path);
}

}  // namespace conform::recalls
