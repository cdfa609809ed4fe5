#include "conform/recalls/product_kind.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "conform/core/text.h"
#include "conform/knowledge/data_dir.h"
#include "conform/knowledge/vocabulary_loader.h"
#include "conform/recalls/recall_matcher.h"
#include "conform/recalls/text_similarity.h"
#include "conform/screen/classifier.h"
#include "core/yaml_util.h"
#include "text_words.h"

namespace conform::recalls {

namespace {

// A regulator's category as compared: case folded, letters and digits only,
// so that a category written with or without an apostrophe, a comma or
// other spacing ("children's", "childrens") is one category.
std::string CategoryKey(std::string_view category) {
  std::string key;
  for (char c : FoldForMatching(category))
    if (static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += c;
  return key;
}

// Whether a folded phrase holds a Chinese, Japanese or Korean character.
bool HasCjk(std::string_view folded) { return std::any_of(folded.begin(), folded.end(), IsCjkLeadByte); }

bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether a listing's title gives a vehicle's mileage or registration, as
// used vehicles' ads do ("8.900 km", "km 6.000", "35000km", "12,000
// miles", "EZ 05/2021", "Baujahr 2019"). Its other words then list the
// vehicle's equipment ("con baúl", a top case; "Anhängerkupplung"), not
// goods sold on their own. Not a speed ("6 km/h").
bool GivesMileageOrRegistration(std::string_view title) {
  static const std::unordered_set<std::string_view> kRegistration = {"ez", "erstzulassung", "bj", "baujahr", "hu", "mec",
                                                                     "immatriculation", "registered", "registration"};
  static const std::unordered_set<std::string_view> kDistance = {"km", "kms", "tkm", "miles"};
  // Kept from one call to the next: every listing's title is read.
  thread_local std::vector<std::string> words;
  thread_local std::string word;
  words.clear();
  word.clear();
  for (size_t at = 0; at <= title.size(); ++at) {
    if (at < title.size() && IsAsciiAlnum(title[at])) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(title[at])));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  const auto number = [](std::string_view w) { return !w.empty() && std::all_of(w.begin(), w.end(), IsAsciiDigit); };
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    if (kRegistration.count(w) != 0) return true;
    const bool speed = i + 1 < words.size() && words[i + 1] == "h";
    if (kDistance.count(w) != 0 && !speed && ((i > 0 && number(words[i - 1])) || (i + 1 < words.size() && number(words[i + 1]))))
      return true;
    // "35000km", "8k miles"
    size_t digits = 0;
    while (digits < w.size() && IsAsciiDigit(w[digits])) ++digits;
    if (digits > 0 && !speed && (kDistance.count(w.substr(digits)) != 0 ||
                                 (w.substr(digits) == "k" && i + 1 < words.size() && kDistance.count(words[i + 1]) != 0)))
      return true;
  }
  return false;
}

// The scale of a model a listing's title gives, as written ("1:43",
// "1 : 18", "1/18"), or empty. Read from the title as written: folded,
// "1:12" is the decimal "1.12". "1:N" counts for N from 5 to 1000 (not
// "1:1", a life-size replica), unless a mixing word comes before it (a
// two-stroke engine's fuel "Mischung 1:50"). "1/N" is a date as often
// ("EZ 1/18", first registered in January 2018): it counts for the
// classic scales only; a title that registers a vehicle or gives its
// mileage is a vehicle's ad, whose words OfListing reads as none of the
// table's (GivesMileageOrRegistration).
std::string ModelScaleIn(std::string_view title) {
  // Words a mixing ratio follows, as they begin, compared with the word
  // lower-cased ("Mischverhältnis", "Mélange").
  static const std::vector<std::string_view> kMixing = {"misch", "gemisch", "mix", "ratio", "verh", "melange", "m\xc3\xa9lange",
                                                        "miscel", "mezcl", "mieszan", "propor"};
  static const std::unordered_set<int> kSlashScales = {8, 10, 12, 14, 16, 18, 24, 32, 43, 64, 72, 87};
  const auto mixing_before = [&](size_t at) {
    size_t end = at;
    while (end > 0 && std::string_view(" :(").find(title[end - 1]) != std::string_view::npos) --end;
    size_t begin = end;
    while (begin > 0 && title[begin - 1] != ' ') --begin;
    std::string word(title.substr(begin, end - begin));
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::any_of(kMixing.begin(), kMixing.end(), [&](std::string_view m) { return word.starts_with(m); });
  };
  for (size_t i = 0; i < title.size(); ++i) {
    if (title[i] != '1') continue;
    // "M1:87", a model railway's way, or "1" standing alone.
    const size_t before = i > 0 && (title[i - 1] == 'M' || title[i - 1] == 'm') && (i == 1 || !IsAsciiAlnum(title[i - 2])) ? i - 1 : i;
    if (before > 0 && (IsAsciiAlnum(title[before - 1]) || std::string_view(".,:/-").find(title[before - 1]) != std::string_view::npos))
      continue;
    size_t j = i + 1;
    while (j < title.size() && title[j] == ' ') ++j;
    if (j >= title.size() || (title[j] != ':' && title[j] != '/')) continue;
    const bool slash = title[j] == '/';
    if (slash && j != i + 1) continue;  // "1 / 18" is more likely a count
    size_t k = j + 1;
    while (!slash && k < title.size() && title[k] == ' ') ++k;
    const size_t digits = k;
    while (k < title.size() && IsAsciiDigit(title[k])) ++k;
    if (k == digits || k - digits > 4 || title[digits] == '0') continue;
    // Not a time ("1:30:00"), a date ("1/18/2024") or a decimal ("1:2.5").
    if (k < title.size() && std::string_view(":/.,").find(title[k]) != std::string_view::npos && k + 1 < title.size() &&
        IsAsciiDigit(title[k + 1]))
      continue;
    const int n = std::stoi(std::string(title.substr(digits, k - digits)));
    if (slash ? kSlashScales.count(n) == 0 : n < 5 || n > 1000 || mixing_before(i)) continue;
    return std::string(title.substr(i, k - i));
  }
  return {};
}

}  // namespace

struct ProductKinds::State {
  // Set by LoadDefault, which owns what the table points to.
  std::optional<Vocabulary> own_vocabulary;
  std::optional<Classifier> own_classifier;
  const Vocabulary* vocabulary = nullptr;
  const Classifier* classifier = nullptr;
  double min_evidence = 1.5;
  // Kinds only a regulator's category names, numbered after the
  // vocabulary's categories: a listing is never read as one.
  std::vector<std::string> outside;
  std::vector<std::vector<bool>> agree;  // [a][b]: kinds a and b can be one product
  std::map<std::pair<CategoryId, CategoryId>, std::string> why;  // of two kinds that agree, why
  // Of two kinds that agree only where one of them is a category the
  // record is filed under: that one.
  std::map<std::pair<CategoryId, CategoryId>, CategoryId> filed_as;
  // A regulator's category (CategoryKey) -> the kinds it holds.
  std::unordered_map<std::string, std::vector<CategoryId>> regulator_categories;
  // The words (folded; one or several) by which a listing's title says it
  // sells something else named after a kind outside the vocabulary, by
  // their first word: the word -> (kind, the whole phrase), so that a title
  // is read once, word by word.
  std::unordered_map<std::string, std::vector<std::pair<CategoryId, std::string>>> not_of_by_first_word;
  // Those written in Chinese, Japanese or Korean, which titles run together with
  // other words ("奥迪Q7全包围脚垫"): found anywhere in a title.
  std::vector<std::pair<CategoryId, std::string>> not_of_cjk;
  bool has_not_of() const { return !not_of_by_first_word.empty() || !not_of_cjk.empty(); }
};


ProductKinds::ProductKinds() : state_(std::make_unique<State>()) {}
ProductKinds::ProductKinds(ProductKinds&&) noexcept = default;
ProductKinds& ProductKinds::operator=(ProductKinds&&) noexcept = default;
ProductKinds::~ProductKinds() = default;

Result<ProductKinds> ProductKinds::Load(const std::string& path, const Vocabulary& vocabulary, const Classifier& classifier) {
  YamlReader reader(path);
  auto root = reader.Load();
  if (!root) return Error(ErrorCode::kInvalidInput, reader.diagnostics());
  ProductKinds table;
  State& s = *table.state_;
  s.vocabulary = &vocabulary;
  s.classifier = &classifier;
  if (!reader.CheckMap(*root, "the product kinds table",
                       {"schema", "min_evidence", "groups", "pairs", "outside_vocabulary", "regulator_categories", "listings_not_of"}))
    return Error(ErrorCode::kInvalidInput, reader.diagnostics());
  if (const YAML::Node outside = (*root)["outside_vocabulary"]) {
    if (!outside.IsMap()) {
      reader.Fail(outside, "outside_vocabulary must be a map of a kind to what it holds");
    } else {
      for (const auto& o : outside) {
        auto name = reader.Scalar(o.first, "a kind");
        if (!name) continue;
        if (!reader.Scalar(o.second, "what the kind holds")) continue;  // a kind says what it is
        if (vocabulary.FindCategory(*name))
          reader.Fail(o.first, fmt::format("'{}' is a category of the vocabulary", *name), "list it under groups or pairs instead");
        else if (std::find(s.outside.begin(), s.outside.end(), *name) != s.outside.end())
          reader.Fail(o.first, fmt::format("'{}' is listed twice", *name));
        else
          s.outside.push_back(*name);
      }
    }
  }
  const size_t n = vocabulary.category_count() + s.outside.size();
  s.agree.assign(n, std::vector<bool>(n, false));
  for (size_t c = 0; c < n; ++c) s.agree[c][c] = true;

  if (auto schema = reader.String(*root, "schema", true); schema && *schema != "conform-product-kinds/1")
    reader.Fail((*root)["schema"], fmt::format("schema is '{}'", *schema), "this table is read as conform-product-kinds/1");
  if (const YAML::Node m = (*root)["min_evidence"]) {
    double v = -1;
    try {
      v = m.as<double>();
    } catch (const YAML::Exception&) {
    }
    if (!(v > 0)) reader.Fail(m, "min_evidence must be a positive number", "a title term of weight 2 scores 2, a description's half");
    else s.min_evidence = v;
  }
  // Category names, each checked against the vocabulary; a regulator's
  // category may also name a kind outside it.
  const auto kinds_of = [&](const YAML::Node& list, const char* what, size_t at_least = 2, bool outside_too = false) {
    std::vector<CategoryId> out;
    if (!list || !list.IsSequence() || list.size() < at_least) {
      reader.Fail(list ? list : *root, fmt::format("{} must be a list of at least {} categor{}", what, at_least, at_least == 1 ? "y" : "ies"));
      return out;
    }
    for (const auto& item : list) {
      auto name = reader.Scalar(item, "a category");
      if (!name) continue;
      const auto o = std::find(s.outside.begin(), s.outside.end(), *name);
      if (auto id = vocabulary.FindCategory(*name)) out.push_back(*id);
      else if (outside_too && o != s.outside.end())
        out.push_back(static_cast<CategoryId>(vocabulary.category_count() + (o - s.outside.begin())));
      else if (o != s.outside.end())
        reader.Fail(item, fmt::format("'{}' is outside the vocabulary: it agrees with no other kind", *name),
                    "only regulator_categories name such kinds");
      else
        reader.Fail(item, fmt::format("'{}' is not a category of the vocabulary", *name),
                    "use a category of data/vocabulary.yaml, or a kind of outside_vocabulary");
    }
    return out;
  };
  const auto agree_all = [&](const std::vector<CategoryId>& kinds, const std::string& why) {
    for (CategoryId a : kinds)
      for (CategoryId b : kinds) {
        s.agree[a][b] = true;
        if (a != b) s.why[{a, b}] = why;
      }
  };
  if (const YAML::Node groups = (*root)["groups"]) {
    if (!groups.IsMap()) reader.Fail(groups, "groups must be a map of group name to categories");
    else
      for (const auto& g : groups) agree_all(kinds_of(g.second, "a group"), fmt::format("both {}", g.first.as<std::string>()));
  }
  if (const YAML::Node pairs = (*root)["pairs"]) {
    if (reader.CheckSeq(pairs, "pairs")) {
      for (const auto& p : pairs) {
        if (!reader.CheckMap(p, "a pair", {"kinds", "why", "filed_as"})) continue;
        const auto why = reader.String(p, "why", true);  // a pair says why one product is both
        const std::vector<CategoryId> kinds = kinds_of(p["kinds"], "kinds");
        if (kinds.size() > 2) reader.Fail(p["kinds"], "a pair names two categories", "list a group for more");
        agree_all(kinds, why.value_or(""));
        if (const YAML::Node filed = p["filed_as"]; filed && kinds.size() == 2) {
          auto name = reader.Scalar(filed, "filed_as");
          const auto id = name ? vocabulary.FindCategory(*name) : std::nullopt;
          if (name && (!id || (*id != kinds[0] && *id != kinds[1])))
            reader.Fail(filed, fmt::format("filed_as '{}' is not one of the pair's kinds", *name), "name one of the two kinds");
          else if (id)
            s.filed_as[{kinds[0], kinds[1]}] = s.filed_as[{kinds[1], kinds[0]}] = *id;
        }
      }
    }
  }
  if (const YAML::Node regulators = (*root)["regulator_categories"]) {
    if (!regulators.IsMap()) {
      reader.Fail(regulators, "regulator_categories must be a map of a regulator's category to categories");
    } else {
      for (const auto& r : regulators) {
        auto name = reader.Scalar(r.first, "a regulator's category");
        if (!name) continue;
        std::vector<CategoryId> kinds = kinds_of(r.second, "the categories of a regulator's category", 1, /*outside_too=*/true);
        if (!s.regulator_categories.emplace(CategoryKey(*name), std::move(kinds)).second)
          reader.Fail(r.first, fmt::format("'{}' is listed twice", *name));
      }
    }
  }
  if (const YAML::Node not_of = (*root)["listings_not_of"]) {
    if (!not_of.IsMap()) {
      reader.Fail(not_of, "listings_not_of must be a map of a kind outside the vocabulary to words");
    } else {
      for (const auto& entry : not_of) {
        auto name = reader.Scalar(entry.first, "a kind");
        if (!name) continue;
        const auto o = std::find(s.outside.begin(), s.outside.end(), *name);
        if (o == s.outside.end()) {
          reader.Fail(entry.first, fmt::format("'{}' is not a kind of outside_vocabulary", *name),
                      "a listing is read as a vocabulary category by the classifier; only kinds outside it need words");
          continue;
        }
        if (!reader.CheckSeq(entry.second, "the words")) continue;
        const auto kind = static_cast<CategoryId>(vocabulary.category_count() + (o - s.outside.begin()));
        for (const auto& w : entry.second)
          if (auto word = reader.Scalar(w, "a word"); word) {
            std::string folded = CollapseToWords(FoldForMatching(*word));
            if (folded.empty()) reader.Fail(w, "a word must hold a letter or a digit");
            else if (HasCjk(folded)) s.not_of_cjk.emplace_back(kind, std::move(folded));
            else s.not_of_by_first_word[folded.substr(0, folded.find(' '))].emplace_back(kind, std::move(folded));
          }
      }
    }
  }
  if (reader.failed()) return Error(ErrorCode::kInvalidInput, reader.diagnostics());
  return table;
}

Result<std::shared_ptr<const ProductKinds>> ProductKinds::LoadDefault() {
  const std::filesystem::path data = DefaultDataDir();
  auto vocabulary = LoadVocabulary((data / "vocabulary.yaml").string());
  if (!vocabulary.ok()) return vocabulary.error();
  // The table points at the vocabulary and the classifier, so both live in
  // its state, at addresses that do not move.
  auto owner = std::unique_ptr<ProductKinds>(new ProductKinds());
  owner->state_->own_vocabulary.emplace(std::move(vocabulary).value());
  auto classifier = Classifier::Load(*owner->state_->own_vocabulary, (data / "classify" / "hs.yaml").string(),
                                     (data / "classify" / "keywords.yaml").string());
  if (!classifier.ok()) return classifier.error();
  owner->state_->own_classifier.emplace(std::move(classifier).value());
  auto table = Load((data / "recalls" / "product_kinds.yaml").string(), *owner->state_->own_vocabulary, *owner->state_->own_classifier);
  if (!table.ok()) return table.error();
  owner->state_->vocabulary = &*owner->state_->own_vocabulary;
  owner->state_->classifier = &*owner->state_->own_classifier;
  owner->state_->min_evidence = table.value().state_->min_evidence;
  owner->state_->outside = std::move(table.value().state_->outside);
  owner->state_->agree = std::move(table.value().state_->agree);
  owner->state_->why = std::move(table.value().state_->why);
  owner->state_->filed_as = std::move(table.value().state_->filed_as);
  owner->state_->regulator_categories = std::move(table.value().state_->regulator_categories);
  owner->state_->not_of_by_first_word = std::move(table.value().state_->not_of_by_first_word);
  owner->state_->not_of_cjk = std::move(table.value().state_->not_of_cjk);
  return std::shared_ptr<const ProductKinds>(std::move(owner));
}

namespace {

// Categories with enough evidence, strongest first, and `given`: a
// listing's stated category, which leads; or a regulator's category, which
// may name several kinds ("Electrical appliances and equipment": chargers,
// kettles, lamps...) and so counts only when the text names no kind, but
// for kinds outside the vocabulary (ids from `first_outside`), which the
// text cannot name. A fan heater's notice agrees with heaters, not with
// every electrical product.
std::vector<CategoryId> KindsOf(const std::vector<double>& scores, const std::vector<CategoryId>& given, bool given_first,
                                double min_evidence, CategoryId first_outside) {
  std::vector<std::pair<double, CategoryId>> scored;
  for (size_t i = 0; i < scores.size(); ++i)
    if (scores[i] >= min_evidence) scored.emplace_back(scores[i], static_cast<CategoryId>(i));
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<CategoryId> kinds;
  const auto add = [&](CategoryId k) {
    if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
  };
  if (given_first)
    for (CategoryId k : given) add(k);
  for (const auto& [score, id] : scored) add(id);
  if (!given_first)
    for (CategoryId k : given)
      if (scored.empty() || k >= first_outside) add(k);
  return kinds;
}

// `text` without the record's brand names: a brand may hold a kind's word
// ("Lutago Kids", "Power Bear") that says nothing of the product.
std::string WithoutBrands(std::string_view text, const std::vector<std::string>& brands) {
  std::string folded = NormalizeForMatching(text);
  for (const std::string& brand : brands) {
    const std::string b = NormalizeForMatching(brand);
    // A brand of spaces alone would be found again where it was replaced.
    if (b.find_first_not_of(' ') == std::string::npos) continue;
    for (size_t at = folded.find(b); at != std::string::npos; at = folded.find(b, at + 1)) folded.replace(at, b.size(), 1, ' ');
  }
  return folded;
}

}  // namespace

ProductKind ProductKinds::OfNotice(const MatchRecord& notice) const {
  // The regulator's own category (several, "; "-joined, for some feeds).
  std::vector<CategoryId> given;
  std::string_view categories = notice.record.Get("category");
  while (!categories.empty()) {
    const size_t end = std::min(categories.find(';'), categories.size());
    auto it = state_->regulator_categories.find(CategoryKey(categories.substr(0, end)));
    if (it != state_->regulator_categories.end())
      for (CategoryId k : it->second)
        if (std::find(given.begin(), given.end(), k) == given.end()) given.push_back(k);
    categories.remove_prefix(std::min(end + 1, categories.size()));
  }
  const std::vector<double> scores = state_->classifier->TermScores(WithoutBrands(notice.record.Get("title"), notice.brands),
                                                                     WithoutBrands(notice.record.Get("description"), notice.brands));
  const auto first_outside = static_cast<CategoryId>(state_->vocabulary->category_count());
  ProductKind kind{KindsOf(scores, given, /*given_first=*/false, state_->min_evidence, first_outside), {}, {}, {}};
  for (CategoryId k : given)
    if (std::find(kind.kinds.begin(), kind.kinds.end(), k) != kind.kinds.end()) kind.filed.push_back(k);
  if (state_->has_not_of())
    for (const CategoryId k : kind.kinds)
      if (k >= first_outside) {
        kind.words.append(" ").append(CollapseToWords(FoldForMatching(notice.record.Get("title"))));
        kind.words.append(" ").append(CollapseToWords(FoldForMatching(notice.record.Get("description")))).append(" ");
        break;
      }
  return kind;
}

ProductKind ProductKinds::OfListing(const MatchRecord& listing) const {
  std::vector<CategoryId> given;
  if (const std::string_view category = listing.record.Get("category"); !category.empty())
    if (auto stated = state_->vocabulary->FindCategory(category)) given.push_back(*stated);
  const std::vector<double> scores = state_->classifier->TermScores(WithoutBrands(listing.record.Get("title"), listing.brands), "");
  ProductKind kind{KindsOf(scores, given, /*given_first=*/true, state_->min_evidence, /*first_outside=*/0), given, {}, {}};
  kind.vehicle_ad = GivesMileageOrRegistration(listing.record.Get("title"));
  if (state_->has_not_of()) {
    const std::string title = CollapseToWords(FoldForMatching(listing.record.Get("title")));
    // The phrases are in Chinese, Japanese or Korean script: an ASCII
    // title holds none of them.
    if (!IsAsciiText(title))
      for (const auto& [outside, phrase] : state_->not_of_cjk)
        if (title.find(phrase) != std::string::npos) kind.not_of.emplace_back(outside, phrase);
    std::string word;
    for (size_t at = 0; at < title.size();) {
      const size_t end = std::min(title.find(' ', at), title.size());
      word.assign(title, at, end - at);
      if (auto it = state_->not_of_by_first_word.find(word); it != state_->not_of_by_first_word.end())
        for (const auto& [outside, phrase] : it->second) {
          // The phrase whole at `at`: "floor mats", not "floor matsu".
          const bool whole = title.compare(at, phrase.size(), phrase) == 0 && (at + phrase.size() == title.size() || title[at + phrase.size()] == ' ');
          if (whole) kind.not_of.emplace_back(outside, phrase);
        }
      at = end + 1;
    }
    // A scale ("1:43") says what "scale model" says.
    if (auto it = state_->not_of_by_first_word.find("scale"); it != state_->not_of_by_first_word.end())
      if (std::string scale = ModelScaleIn(listing.record.Get("title")); !scale.empty())
        for (const auto& [outside, phrase] : it->second)
          if (phrase == "scale model") kind.not_of.emplace_back(outside, scale);
    // A used vehicle's ad lists its equipment, which the table's words
    // name. Read only when a word is there: most titles have none.
    if (!kind.not_of.empty() && kind.vehicle_ad) kind.not_of.clear();
  }
  return kind;
}

KindJudgement ProductKinds::Judge(const ProductKind& notice, const ProductKind& listing) const {
  KindJudgement j;
  // A listing that names goods made after a kind of the notice's, and the
  // notice of that kind alone: a car cover against a car.
  const auto says_not = [&](CategoryId k, const std::pair<CategoryId, std::string>& n) {
    return n.first == k && notice.words.find(HasCjk(n.second) ? n.second : " " + n.second + " ") == std::string::npos;
  };
  if (!notice.kinds.empty() && !listing.not_of.empty() &&
      std::all_of(notice.kinds.begin(), notice.kinds.end(), [&](CategoryId k) {
        return std::any_of(listing.not_of.begin(), listing.not_of.end(), [&](const auto& n) { return says_not(k, n); });
      })) {
    j.agreement = KindAgreement::kConflict;
    j.notice_kind = name(notice.kinds.front());
    for (const auto& n : listing.not_of)
      if (j.listing_kind.empty() && says_not(notice.kinds.front(), n)) j.listing_kind = fmt::format("not a {} (\"{}\")", name(n.first), n.second);
    return j;
  }
  if (notice.kinds.empty() || listing.kinds.empty()) return j;
  // A kind both name says most; then two that one product can be.
  for (CategoryId a : notice.kinds)
    if (std::find(listing.kinds.begin(), listing.kinds.end(), a) != listing.kinds.end()) {
      j.agreement = KindAgreement::kAgree;
      j.notice_kind = j.listing_kind = name(a);
      return j;
    }
  // A pair that holds only for a filed category: the side of that kind
  // files it so.
  const auto filed = [&](CategoryId a, CategoryId b) {
    const auto it = state_->filed_as.find({a, b});
    if (it == state_->filed_as.end()) return true;
    const ProductKind& side = it->second == a ? notice : listing;
    return std::find(side.filed.begin(), side.filed.end(), it->second) != side.filed.end();
  };
  for (CategoryId a : notice.kinds)
    for (CategoryId b : listing.kinds)
      if (state_->agree[a][b] && filed(a, b)) {
        j.agreement = KindAgreement::kAgree;
        j.notice_kind = name(a);
        j.listing_kind = name(b);
        if (auto it = state_->why.find({a, b}); it != state_->why.end()) j.why = it->second;
        return j;
      }
  j.agreement = KindAgreement::kConflict;
  j.notice_kind = name(notice.kinds.front());
  j.listing_kind = name(listing.kinds.front());
  j.listing_filed_only = std::all_of(listing.kinds.begin(), listing.kinds.end(), [&](CategoryId k) {
    return std::find(listing.filed.begin(), listing.filed.end(), k) != listing.filed.end();
  });
  return j;
}

const std::string& ProductKinds::name(CategoryId kind) const {
  const size_t n = state_->vocabulary->category_count();
  return kind < n ? state_->vocabulary->category(kind).name : state_->outside[kind - n];
}

bool ProductKinds::OnlyOutsideVocabulary(const ProductKind& kind) const {
  const size_t n = state_->vocabulary->category_count();
  return !kind.kinds.empty() && std::all_of(kind.kinds.begin(), kind.kinds.end(), [n](CategoryId k) { return k >= n; });
}

double ProductKinds::min_evidence() const { return state_->min_evidence; }

}  // namespace conform::recalls
