#include "conform/recalls/brand.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include <unordered_set>

#include "conform/knowledge/data_dir.h"
#include "conform/recalls/text_similarity.h"
#include "core/yaml_util.h"

namespace conform::recalls {

namespace {

// Words of a legal form, never part of what a shopper calls the brand.
bool LegalFormWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kForms = {
      "co", "ltd", "limited", "inc", "incorporated", "llc", "gmbh", "corp", "corporation", "company", "sa", "srl",
      "bv", "nv", "ag", "plc", "kg", "oy", "ab", "as", "sas", "spa", "sro", "tbk", "pte", "pty"};
  return kForms.count(w) != 0;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The bytes of a Chinese province or city, in pinyin as companies write
// it in English, and the space after, opening `key`, when a word follows:
// the provinces and the cities where most goods sold across borders are
// made.
size_t PinyinPlaceLength(std::string_view key) {
  static constexpr std::string_view kPlaces[] = {
      // Provinces, municipalities and special administrative regions.
      "beijing", "tianjin", "shanghai", "chongqing", "hebei", "shanxi", "liaoning", "jilin", "heilongjiang", "jiangsu", "zhejiang",
      "anhui", "fujian", "jiangxi", "shandong", "henan", "hubei", "hunan", "guangdong", "hainan", "sichuan", "guizhou", "yunnan",
      "shaanxi", "gansu", "qinghai", "guangxi", "hong kong", "macau", "macao",
      // Cities.
      "shenzhen", "guangzhou", "dongguan", "foshan", "zhongshan", "zhuhai", "huizhou", "jiangmen", "shantou", "chaozhou", "jieyang",
      "zhaoqing", "ningbo", "hangzhou", "wenzhou", "yiwu", "jinhua", "taizhou", "jiaxing", "shaoxing", "huzhou", "cixi", "yuyao",
      "yongkang", "suzhou", "wuxi", "changzhou", "nanjing", "nantong", "yangzhou", "kunshan", "xiamen", "fuzhou", "quanzhou",
      "putian", "jinjiang", "qingdao", "jinan", "yantai", "weifang", "changsha", "wuhan", "chengdu", "hefei", "nanchang",
      "zhengzhou", "xi an", "xian", "shijiazhuang", "dalian", "shenyang", "harbin", "kunming", "nanning", "guiyang", "lanzhou",
      "taiyuan"};
  for (const std::string_view p : kPlaces)
    if (key.size() > p.size() + 1 && key.starts_with(p) && key[p.size()] == ' ') return p.size() + 1;
  return 0;
}

}  // namespace

std::string BrandKey(std::string_view brand) {
  const std::string normalized = NormalizeText(brand);
  std::vector<std::string_view> words = Words(normalized);
  // Indonesian companies lead with PT ("PT Maju Jaya").
  if (words.size() > 1 && words.front() == "pt") words.erase(words.begin());
  // Amazon's link to a brand's store, which scraped listings and exports
  // give as the brand ("Visit the JOBON Store", "Besuche den Bosch-Store",
  // "Visiter la boutique Tefal", "Visita la tienda de Cecotec", "Visita
  // lo Store di Ariete"), and a label written into the field ("Brand:
  // JOBON", "Marque : Tefal"): the brand within.
  const auto opens = [&](std::initializer_list<std::string_view> lead, size_t tail) {
    if (words.size() < lead.size() + tail + 1 || !std::equal(lead.begin(), lead.end(), words.begin())) return false;
    words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(lead.size()));
    words.resize(words.size() - tail);
    return true;
  };
  const bool store_at_end = !words.empty() && words.back() == "store";
  if (!(store_at_end && (opens({"visit", "the"}, 1) || opens({"besuche", "den"}, 1))) && !opens({"visiter", "la", "boutique"}, 0) &&
      !opens({"visita", "la", "tienda", "de"}, 0) && !opens({"visita", "lo", "store", "di"}, 0)) {
    const std::string_view label = words.empty() ? std::string_view() : words.front();
    const size_t colon = brand.find(':');
    if (words.size() > 1 && (label == "brand" || label == "marque" || label == "marke" || label == "marca") && colon != std::string_view::npos &&
        NormalizeText(brand.substr(0, colon)) == label)
      words.erase(words.begin());
  }
  // A brand written as its web address ("Dapteri.com", "www.dapteri.de"),
  // which sellers write without the address: the name in it. Only a field
  // of one token, so "Hotels.com Deals" or a sentence stays as it is.
  if (words.size() >= 2 && brand.find_first_of(" \t") == std::string_view::npos && brand.find('.') != std::string_view::npos) {
    static constexpr std::string_view kDomains[] = {"com", "net", "org", "de", "fr", "it", "es", "pl", "nl", "be", "at", "ch",
                                                     "cz", "sk", "hu", "ro", "se", "dk", "fi", "pt", "gr", "ie", "uk", "shop", "store", "online"};
    // (".co.uk": "co" then goes as a legal form does, below.)
    const size_t drop_head = words.front() == "www" ? 1 : 0;
    if (std::find(std::begin(kDomains), std::end(kDomains), words.back()) != std::end(kDomains) && words.size() > 1 + drop_head) {
      words.pop_back();
      words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(drop_head));
    }
  }
  // Legal forms written with points come apart into letters ("B.V." is
  // "b v", "S.p.A." "s p a", "A/S" "a s"): joined, they are read as one.
  std::string joined;
  for (;;) {
    while (words.size() > 1 && LegalFormWord(words.back())) words.pop_back();
    // A marketplace store's or a regional company's name is the brand's
    // with a word after it ("Jobon Official Store", "Raybee-Direct",
    // "Rowenta USA"). Not "America", "Shop", "US": "Captain America", "The
    // Body Shop", "Toys R Us" are brands whole.
    if (words.size() > 2 && words[words.size() - 2] == "official" && (words.back() == "store" || words.back() == "shop")) {
      words.resize(words.size() - 2);
      continue;
    }
    if (words.size() > 1 && (words.back() == "direct" || words.back() == "usa" || words.back() == "americas" || words.back() == "europe" ||
                             words.back() == "canada" || words.back() == "eu" || words.back() == "uk")) {
      words.pop_back();
      continue;
    }
    size_t letters = 0;
    while (letters + 1 < words.size() && words[words.size() - 1 - letters].size() == 1) ++letters;
    if (letters < 2) break;
    joined.clear();
    for (size_t k = words.size() - letters; k < words.size(); ++k) joined += words[k];
    if (!LegalFormWord(joined)) break;
    words.resize(words.size() - letters);
  }
  std::string key;
  for (std::string_view w : words) {
    if (!key.empty()) key += ' ';
    key += w;
  }
  // What follows reads Chinese, Japanese and Korean names only.
  if (std::all_of(key.begin(), key.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return key;
  // Chinese legal forms are written without spaces.
  for (std::string_view form : {"股份有限公司", "有限责任公司", "有限責任公司", "有限公司", "公司"}) {
    if (EndsWith(key, form) && key.size() > form.size()) {
      key.resize(key.size() - form.size());
      break;
    }
  }
  // A marketplace store's name in Chinese, Japanese or Korean: the brand
  // and "official flagship store", "flagship store", "specialty store"
  // ("安克官方旗舰店", "Galanz格兰仕旗舰店"), written without a space. Two
  // characters (six bytes) of the name stay at least.
  for (bool dropped = true; dropped;) {
    dropped = false;
    for (std::string_view store : {"官方旗舰店", "官方旗艦店", "旗舰店", "旗艦店", "官方店", "专卖店", "專賣店", "专营店", "專營店", "官方",
                                   "公式ストア", "公式ショップ", "公式", "공식스토어", "공식몰", "공식"}) {
      if (EndsWith(key, store) && key.size() >= store.size() + 2) {
        key.resize(key.size() - store.size());
        while (!key.empty() && key.back() == ' ') key.pop_back();
        dropped = true;
        break;
      }
    }
  }
  // The brand in Latin letters and in its Chinese, Japanese or Korean name
  // ("BenQ明基", "Galanz 格兰仕", "小米 Xiaomi", "LG전자"): the Latin name,
  // which notices of every country write. Not a single letter ("3M中国",
  // "A字"): the key stays whole.
  std::string latin;
  bool cjk = false;
  for (size_t i = 0; i < key.size();) {
    const auto c = static_cast<unsigned char>(key[i]);
    if (c < 0x80) {
      latin += key[i];
      ++i;
      continue;
    }
    // Lead bytes E3 to ED: U+3000 to U+DFFF, kana, CJK ideographs, Hangul.
    const bool ideograph_or_kana = c >= 0xE3 && c <= 0xED;
    if (!ideograph_or_kana) return key;  // another script: the key as it is
    cjk = true;
    latin += ' ';
    i += 3;
  }
  if (cjk) {
    std::string words;
    for (std::string_view w : Words(latin)) {
      if (!words.empty()) words += ' ';
      words += w;
    }
    const bool letters = std::count_if(words.begin(), words.end(), [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)); }) >= 2;
    if (letters) return words;
  }
  return key;
}

namespace {

// WithoutCompanyWords; with `keep_pinyin_place`, a place in pinyin before
// dropped company words stays ("shanghai tang group" is "shanghai tang").
std::string_view DropCompanyWords(std::string_view key, bool keep_pinyin_place) {
  static constexpr std::array<std::string_view, 17> kWords = {
      "innovations", "innovation", "technology", "technologies", "electronics", "electronic", "industries",   "industrial",
      "international", "group",    "holdings",   "holding",      "enterprises", "enterprise", "manufacturing", "trading",
      "worldwide"};
  // Written without spaces: technology, innovation, electronics, industry,
  // group, trading.
  static constexpr std::array<std::string_view, 6> kCjk = {"科技", "创新", "电子", "实业", "集团", "贸易"};
  constexpr size_t kMinCjkBytes = 6;  // two characters left at least
  bool company_words = false;  // Latin ones dropped
  for (bool dropped = true; dropped;) {
    dropped = false;
    const size_t space = key.rfind(' ');
    if (space != std::string_view::npos && space > 0 &&
        std::find(kWords.begin(), kWords.end(), key.substr(space + 1)) != kWords.end()) {
      key = key.substr(0, space);
      dropped = company_words = true;
      continue;
    }
    for (std::string_view word : kCjk)
      if (key.size() >= word.size() + kMinCjkBytes && EndsWith(key, word)) {
        key.remove_suffix(word.size());
        dropped = true;
        break;
      }
  }
  // A Chinese company's registered name opens with its place ("深圳市"),
  // in pinyin too when the name is written in Latin letters; there only
  // when company words were dropped, the place being part of a brand as
  // often ("Shanghai Tang"; with company words, "Shanghai Tang Group" is
  // read as Tang's, the lesser error than never reading "Shenzhen Sunsky
  // Technology" as Sunsky's).
  if (const size_t place = ChinesePlaceLength(key); place > 0 && key.size() >= place + kMinCjkBytes) key.remove_prefix(place);
  if (company_words && !keep_pinyin_place)
    if (const size_t place = PinyinPlaceLength(key); place > 0) key.remove_prefix(place);
  return key;
}

}  // namespace

std::string_view WithoutCompanyWords(std::string_view key) { return DropCompanyWords(key, /*keep_pinyin_place=*/false); }

size_t ChinesePlaceLength(std::string_view name) {
  static constexpr std::string_view kProvinces[] = {
      "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
      "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
      "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门"};
  constexpr std::string_view kCity = "市", kProvince = "省";
  size_t at = 0;
  for (const std::string_view p : kProvinces)
    if (name.starts_with(p)) {
      at = p.size();
      if (name.substr(at).starts_with(kProvince) || name.substr(at).starts_with(kCity)) at += kCity.size();
      break;
    }
  // A city: two or three characters (three bytes each) and 市.
  for (size_t chars = 2; chars <= 3; ++chars) {
    const std::string_view head = name.substr(at, chars * 3);
    const bool cjk = head.size() == chars * 3 &&
                     std::all_of(head.begin(), head.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; });
    if (cjk && name.substr(at + chars * 3, kCity.size()) == kCity) {
      at += chars * 3 + kCity.size();
      break;
    }
  }
  return at < name.size() ? at : 0;
}

namespace {

// The bytes of a brand key as spellings of one brand are compared: without
// spaces ("de longhi" from "De'Longhi", "delonghi"), and without the word
// "and" between two words ("black and decker", "black decker" from
// "BLACK+DECKER"). Reads the key in place: brands are compared for every
// candidate pair. (A German vowel written out, "Kaercher" for "Kärcher",
// is the alias table's: dropping every "e" after a vowel would make
// Bauer and Baur one brand.)
class LooseBrandBytes {
 public:
  explicit LooseBrandBytes(std::string_view key) : key_(key) {}
  // The next byte, or -1 at the end.
  int Next() {
    while (at_ < key_.size()) {
      const char c = key_[at_++];
      if (c == ' ') {
        if (key_.substr(at_, 4) == "and " && at_ + 4 < key_.size()) at_ += 3;
        continue;
      }
      return static_cast<unsigned char>(c);
    }
    return -1;
  }

 private:
  std::string_view key_;
  size_t at_ = 0;
};

bool SameLooseBrand(std::string_view a, std::string_view b) {
  LooseBrandBytes x(a), y(b);
  size_t bytes = 0;
  for (;; ++bytes) {
    const int c = x.Next();
    if (c != y.Next()) return false;
    if (c < 0) break;
  }
  return bytes >= 4;  // "a b" and "ab" are too short to tell
}

}  // namespace

bool SameBrandKey(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (!a.empty() && !b.empty() && SameLooseBrand(a, b)) return true;
  if (a.size() < b.size()) std::swap(a, b);
  // One is the other with company words after it. Not two company names
  // that share a first word: "digital innovations" and "digital
  // electronics" are two makers.
  // The place in pinyin may be the brand's own first word ("Shanghai Tang"
  // for "Shanghai Tang Group") or the maker's seat ("Anker" for "Changsha
  // Anker Innovations"): either reading agrees.
  if (b.empty()) return false;
  // Company words after one spelled otherwise ("headrush technologies" and
  // "head rush"); not when both have company words, as above.
  if (const std::string_view wa = WithoutCompanyWords(a), wb = WithoutCompanyWords(b);
      (wa != a && wb == b && SameLooseBrand(wa, b)) || (wb != b && wa == a && SameLooseBrand(a, wb)))
    return true;
  if (a.find(b) == std::string_view::npos) return false;
  return WithoutCompanyWords(a) == b || DropCompanyWords(a, /*keep_pinyin_place=*/true) == b;
}

Result<BrandAliases> BrandAliases::Load(const std::string& path) {
  YamlReader reader(path);
  auto root = reader.Load();
  if (!root) return Error(ErrorCode::kInvalidInput, reader.diagnostics());
  BrandAliases table;
  const YAML::Node schema = (*root)["schema"];
  if (!schema || !schema.IsScalar() || schema.as<std::string>() != "conform-brand-aliases/1")
    reader.Fail(*root, "schema must be conform-brand-aliases/1");
  const YAML::Node brands = (*root)["brands"];
  if (!brands || !brands.IsMap()) {
    reader.Fail(*root, "brands must be a map of canonical key to spellings");
  } else {
    for (const auto& entry : brands) {
      const std::string canonical = BrandKey(entry.first.as<std::string>());
      if (!entry.second.IsSequence()) {
        reader.Fail(entry.second, fmt::format("the spellings of '{}' must be a list", canonical));
        continue;
      }
      std::vector<std::string> spellings = {canonical};
      for (const auto& s : entry.second) {
        const std::string key = BrandKey(s.as<std::string>());
        if (key.empty()) continue;
        if (auto it = table.canonical_.find(key); it != table.canonical_.end() && it->second != canonical) {
          reader.Fail(s, fmt::format("'{}' is given to both '{}' and '{}'", s.as<std::string>(), it->second, canonical),
                      "a spelling belongs to one brand");
          continue;
        }
        table.canonical_[key] = canonical;
        if (std::find(spellings.begin(), spellings.end(), key) == spellings.end()) spellings.push_back(key);
      }
      table.canonical_[canonical] = canonical;
      table.spellings_[canonical] = std::move(spellings);
    }
  }
  if (reader.failed()) return Error(ErrorCode::kInvalidInput, reader.diagnostics());
  return table;
}

Result<BrandAliases> BrandAliases::LoadDefault() { return Load(DefaultDataDir() + "/recalls/brand_aliases.yaml"); }

std::string BrandAliases::Canonical(std::string_view brand) const {
  std::string key = BrandKey(brand);
  auto it = canonical_.find(key);
  if (it != canonical_.end()) return it->second;
  // A maker's company name for a brand of the table ("Anker Innovations").
  if (const std::string_view bare = WithoutCompanyWords(key); bare.size() < key.size())
    if (it = canonical_.find(std::string(bare)); it != canonical_.end()) return it->second;
  return key;
}

std::vector<std::string> BrandAliases::Spellings(const std::string& canonical) const {
  auto it = spellings_.find(canonical);
  return it == spellings_.end() ? std::vector<std::string>{canonical} : it->second;
}

}  // namespace conform::recalls

namespace conform::recalls {

std::string BrandAliases::Fingerprint() const {
  // FNV-1a over the table in sorted order: stable across runs and builds.
  std::vector<std::pair<std::string, std::string>> pairs(canonical_.begin(), canonical_.end());
  std::sort(pairs.begin(), pairs.end());
  uint64_t h = 0xcbf29ce484222325ull;
  const auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
    h = (h ^ 0xff) * 0x100000001b3ull;  // separator, so ("ab","c") differs from ("a","bc")
  };
  for (const auto& [spelling, canonical] : pairs) {
    mix(spelling);
    mix(canonical);
  }
  return fmt::format("{:016x}", h);
}

}  // namespace conform::recalls
