#include "conform/screen/html_report.h"

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include <algorithm>

#include "conform/core/text.h"

namespace conform {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

void HtmlReport::Add(const Listing& l, const ListingResult& r) {
  ++listings_;
  bool all_pass = true;
  for (const MarketVerdict& mv : r.markets) {
    const auto v = static_cast<size_t>(mv.verdict);
    ++by_market_[mv.market][v];
    ++by_seller_[l.seller_id][v];
    all_pass = all_pass && mv.verdict == Verdict::kPass;
    for (const Finding& f : mv.findings) {
      if (f.severity < Severity::kReview) continue;
      Gap& g = gaps_[std::string(f.code) + "|" + (f.requirement ? f.requirement->id : "")];
      g.code = f.code;
      g.requirement = f.requirement;
      ++g.count;
    }
  }
  if (all_pass) return;
  if (shown_.size() >= max_listings_) {
    ++not_shown_;
    return;
  }
  Shown s;
  s.listing_id = l.listing_id;
  s.seller_id = l.seller_id;
  s.title = l.title;
  s.line = l.line;
  if (r.classification.source != Classification::Source::kNone)
    s.category = kb_.vocabulary().category(r.classification.category).name;
  for (const MarketVerdict& mv : r.markets) {
    s.verdicts.emplace_back(mv.market, VerdictName(mv.verdict));
    for (const Finding& f : mv.findings) {
      if (f.severity == Severity::kInfo) continue;
      s.findings.push_back({mv.market, SeverityName(f.severity), f.code,
                            f.requirement ? fmt::format("{} ({}, {})", f.requirement->id, f.requirement->legal_act, f.requirement->citation) : "",
                            f.reason, f.remediation, f.requirement ? f.requirement->source_url : f.source_url});
    }
  }
  shown_.push_back(std::move(s));
}

void HtmlReport::AddBadRecord(const Diagnostic& d) {
  if (bad_.size() < 100) bad_.push_back(d);
  ++bad_count_;
}

namespace {
data Counts(const std::string& name, const std::array<size_t, 4>& c) {
  data d;
  d.set("name", name);
  d.set("block", std::to_string(c[3]));
  d.set("review", std::to_string(c[2]));
  d.set("warn", std::to_string(c[1]));
  d.set("pass", std::to_string(c[0]));
  d.set("total", std::to_string(c[0] + c[1] + c[2] + c[3]));
  return d;
}

// A text a section may test: mustache renders a section for any string,
// the empty one too, so an empty text is false.
data TextOrFalse(const std::string& text) { return text.empty() ? data(false) : data(text); }

// A source's address as a link only when it is a web address: a feed or
// a rule pack could carry "javascript:..." and the report is opened in a
// browser.
data LinkOrFalse(const std::string& url) { return IsWebAddress(url) ? data(url) : data(false); }

}  // namespace

Result<std::string> HtmlReport::Render(const std::string& template_text, const std::string& input_name, Date on) const {
  mustache tmpl{template_text};
  if (!tmpl.is_valid()) return Error(ErrorCode::kInvalidInput, "report template: " + tmpl.error_message(), "fix the template");
  // HTML's escapes, and control characters (NUL, ESC, ... from a listing's
  // text), which HTML does not allow, shown as U+FFFD.
  tmpl.set_custom_escape([](const std::string& text) {
    std::string out = kainjow::mustache::html_escape<std::string>(text);
    std::string clean;
    clean.reserve(out.size());
    for (char c : out) {
      const auto b = static_cast<unsigned char>(c);
      if ((b < 0x20 && c != '\t' && c != '\n' && c != '\r') || b == 0x7F) clean += "\xEF\xBF\xBD";
      else clean += c;
    }
    return clean;
  });
  data d;
  d.set("input", input_name);
  d.set("on", on.ToString());
  d.set("listings", std::to_string(listings_));
  std::array<size_t, 4> total{};
  data markets{data::type::list};
  for (const auto& [m, c] : by_market_) {
    markets.push_back(Counts(m, c));
    for (size_t i = 0; i < 4; ++i) total[i] += c[i];
  }
  d.set("markets", markets);
  d.set("total", Counts("All markets", total));

  // Sellers with the most blocked rows first; the 50 worst.
  std::vector<std::pair<std::string, std::array<size_t, 4>>> sellers(by_seller_.begin(), by_seller_.end());
  std::sort(sellers.begin(), sellers.end(), [](const auto& a, const auto& b) {
    return a.second[3] != b.second[3] ? a.second[3] > b.second[3] : a.second[2] > b.second[2];
  });
  data seller_list{data::type::list};
  for (size_t i = 0; i < sellers.size() && i < 50; ++i) seller_list.push_back(Counts(sellers[i].first, sellers[i].second));
  d.set("sellers", seller_list);
  d.set("sellers_total", std::to_string(sellers.size()));

  std::vector<const Gap*> gaps;
  for (const auto& [k, g] : gaps_) gaps.push_back(&g);
  std::sort(gaps.begin(), gaps.end(), [](const Gap* a, const Gap* b) { return a->count > b->count; });
  data gap_list{data::type::list};
  for (size_t i = 0; i < gaps.size() && i < 25; ++i) {
    data g;
    g.set("count", std::to_string(gaps[i]->count));
    g.set("code", gaps[i]->code);
    g.set("requirement", gaps[i]->requirement ? gaps[i]->requirement->id : "");
    g.set("title", gaps[i]->requirement ? gaps[i]->requirement->title : "");
    g.set("law", gaps[i]->requirement ? gaps[i]->requirement->legal_act + ", " + gaps[i]->requirement->citation : "");
    g.set("url", LinkOrFalse(gaps[i]->requirement ? gaps[i]->requirement->source_url : ""));
    gap_list.push_back(g);
  }
  d.set("gaps", gap_list);

  data listing_list{data::type::list};
  for (const Shown& s : shown_) {
    data l;
    l.set("listing_id", s.listing_id);
    l.set("seller_id", s.seller_id);
    l.set("title", s.title);
    l.set("category", s.category.empty() ? "unknown" : s.category);
    l.set("line", std::to_string(s.line));
    data verdicts{data::type::list};
    for (const auto& [m, v] : s.verdicts) {
      data x;
      x.set("market", m);
      x.set("verdict", v);
      verdicts.push_back(x);
    }
    l.set("verdicts", verdicts);
    data findings{data::type::list};
    for (const auto& f : s.findings) {
      data x;
      x.set("market", f[0]);
      x.set("severity", f[1]);
      x.set("code", f[2]);
      x.set("requirement", f[3]);
      x.set("reason", f[4]);
      x.set("remediation", f[5]);
      x.set("url", LinkOrFalse(f[6]));
      findings.push_back(x);
    }
    l.set("findings", findings);
    listing_list.push_back(l);
  }
  d.set("shown", listing_list);
  d.set("not_shown", TextOrFalse(not_shown_ > 0 ? std::to_string(not_shown_) : ""));
  data bad{data::type::list};
  for (const Diagnostic& b : bad_) bad.push_back(data("text", b.ToString()));
  d.set("bad", bad);
  d.set("bad_count", TextOrFalse(bad_count_ > 0 ? std::to_string(bad_count_) : ""));
  return tmpl.render(d);
}

}  // namespace conform
