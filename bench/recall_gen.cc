// Writes synthetic recall notices and marketplace listings with planted
// matches, for the recall-matching benchmark (bench/run_recall_bench.sh).
//
//   recall_gen NOTICES LISTINGS OUT_DIR [--seed N] [--match-share 0.01]
//              [--brands 4000] [--zipf-s 1] [--zipf-q 10]
//
// Writes, into OUT_DIR:
//   notices.jsonl   one notice a line, in the Notice JSON form
//                   (conform/recalls/notice.h NoticeToJson);
//   listings.jsonl  one listing a line (doc/listing-format.md);
//   truth.tsv       the planted pairs: listing_id, notice "source:id", and how
//                   the listing names the product ("gtin", "code", "title").
// The same arguments always give the same files.
//
// The shape: a catalogue of products, each with a brand, a product type, a
// maker's model code ("QC-65A", "HD2200X", "KDL-40EX500"), often a GTIN-13
// (valid check digit), sometimes a product line name ("Nova"), and the specs
// that sellers put in titles (65W, 20000mAh). Brands follow a Zipf-Mandelbrot
// law, p(k) ~ 1 / (k + q)^s, over a few thousand invented names. Notices name
// products of the catalogue (a few are the same product notified again by
// another regulator); listings sell products, and MATCH_SHARE of them sell a
// product some notice names. Listings write the code as sellers do (no
// separators, spaces, lower case, region and colour suffixes), and titles
// carry extra words, spec words and a reordering now and then. Other
// products of the same brand and type, some with a sibling model code
// ("QC-45A" beside "QC-65A"), are the near misses.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "conform/core/date.h"
#include "conform/core/gtin.h"
#include "conform/recalls/notice.h"

namespace {

using Rng = std::mt19937_64;

struct ProductType {
  const char* notice_noun;                  // the regulator's product name: "Charger"
  std::vector<const char*> listing_nouns;   // how sellers call it
  const char* listing_category;             // data/vocabulary.yaml category
  const char* notice_category;              // the regulator's category words
  std::vector<const char*> hazards;         // hazard types
  const char* hazard_sentence;
  std::vector<std::vector<const char*>> specs;  // slots; a product takes one value of each
  std::vector<const char*> extras;              // words sellers add for this type
  double price_low, price_high;
};

const std::vector<ProductType>& Types() {
  static const std::vector<ProductType> t = {
      {"Charger", {"USB C Charger", "Fast Charger", "Wall Charger", "GaN Charger", "Travel Charger"}, "charger",
       "Electrical appliances and equipment", {"Electric shock"},
       "The insulation between the mains and the accessible output is insufficient; the user may get an electric shock.",
       {{"20W", "25W", "33W", "45W", "65W", "100W", "120W"}, {"PD", "QC 3.0", "GaN", "2-Port", "3-Port"}},
       {"for iPhone", "Samsung", "Laptop", "MacBook", "Type C", "Power Adapter", "Plug"}, 8, 45},
      {"Power bank", {"Power Bank", "Portable Charger", "Battery Pack", "External Battery"}, "power_bank",
       "Electrical appliances and equipment", {"Fire", "Burns"}, "The battery cells can overheat and catch fire while charging.",
       {{"5000mAh", "10000mAh", "20000mAh", "26800mAh", "30000mAh"}, {"22.5W", "PD 20W", "Magnetic", "LED Display"}},
       {"for iPhone", "Android", "Slim", "Travel", "USB C", "Fast Charging"}, 12, 60},
      {"Hair dryer", {"Hair Dryer", "Blow Dryer", "Ionic Hair Dryer", "Hairdryer"}, "household_appliance",
       "Electrical appliances and equipment", {"Electric shock", "Fire"},
       "The product has no protection against overheating and the fan motor can ignite.",
       {{"1200W", "1800W", "2000W", "2200W"}, {"Ionic", "Diffuser", "Foldable", "3 Heat Settings"}},
       {"Professional", "Salon", "Travel", "Negative Ion", "Fast Drying"}, 15, 80},
      {"Electric kettle", {"Electric Kettle", "Kettle", "Tea Kettle", "Water Boiler"}, "household_appliance",
       "Electrical appliances and equipment", {"Burns", "Electric shock"},
       "The lid can open while the water boils and the base is not properly earthed.",
       {{"1.0L", "1.5L", "1.7L", "1.8L"}, {"1500W", "2200W", "3000W"}, {"Stainless Steel", "Glass", "Cordless"}},
       {"Auto Shut Off", "BPA Free", "Boil Dry Protection", "Fast Boil"}, 15, 70},
      {"Soft toy", {"Plush Toy", "Stuffed Animal", "Teddy Bear", "Plush Doll"}, "toy", "Toys", {"Choking"},
       "Small parts (the eyes) can easily detach; a child may put them in the mouth and choke.",
       {{"20cm", "30cm", "45cm", "60cm"}, {"Bear", "Unicorn", "Dinosaur", "Bunny", "Panda"}},
       {"Kids", "Gift", "Soft", "Cute", "Birthday", "Girls", "Boys"}, 6, 35},
      {"Slime toy", {"Slime Kit", "Fluffy Slime", "Putty Slime", "Cloud Slime"}, "toy", "Toys", {"Chemical"},
       "The slime contains too much boron (migration measured up to 1200 mg/kg).",
       {{"6 Pack", "12 Pack", "24 Pack"}, {"Glitter", "Scented", "Unicorn", "Butter"}},
       {"Kids", "Party Favors", "Stress Relief", "DIY", "Girls"}, 5, 25},
      {"Magnetic building set", {"Magnetic Tiles", "Magnetic Building Blocks", "Magnet Toy", "Magnetic Balls"}, "toy", "Toys",
       {"Injuries", "Choking"}, "Small, powerful magnets can detach; if swallowed they can attract each other and injure the intestines.",
       {{"32 Pcs", "60 Pcs", "100 Pcs", "216 Pcs"}, {"STEM", "3D", "Rainbow"}}, {"Kids", "Educational", "Construction", "Gift"}, 10, 60},
      {"Skin whitening cream", {"Face Cream", "Whitening Cream", "Moisturizer", "Brightening Cream"}, "cosmetic", "Cosmetics",
       {"Chemical"}, "The cream contains mercury (measured value: 9000 mg/kg).", {{"30ml", "50ml", "100ml"}, {"Night", "Day", "Vitamin C"}},
       {"Anti Aging", "Dark Spot", "Women", "Natural", "Glow"}, 4, 30},
      {"Hair dye", {"Hair Dye", "Hair Color Cream", "Permanent Hair Colour"}, "cosmetic", "Cosmetics", {"Chemical"},
       "The product contains p-phenylenediamine above the permitted level.", {{"100ml", "500ml"}, {"Black", "Brown", "Blonde", "Red"}},
       {"Permanent", "Men", "Women", "Long Lasting", "Grey Coverage"}, 4, 20},
      {"LED lamp", {"LED Bulb", "LED Light Bulb", "LED Lamp", "Light Bulb"}, "led_lamp", "Lighting equipment", {"Electric shock"},
       "The cap can separate from the bulb, exposing live parts.",
       {{"E27", "E14", "GU10", "B22"}, {"5W", "7W", "9W", "12W", "15W"}, {"Warm White", "Cool White", "Daylight"}},
       {"Energy Saving", "Dimmable", "Pack of 4", "Equivalent 60W"}, 3, 25},
      {"Extension socket", {"Power Strip", "Extension Lead", "Surge Protector", "Extension Cord"}, "consumer_electronics",
       "Electrical appliances and equipment", {"Fire", "Electric shock"},
       "The cable cross-section is too small for the rated current; the cable can overheat.",
       {{"3 Way", "4 Way", "6 Way"}, {"1.5m", "2m", "3m", "5m"}, {"USB", "Switched", "Surge"}},
       {"Home", "Office", "Multi Plug", "Overload Protection"}, 8, 40},
      {"Wireless earphones", {"Wireless Earbuds", "Bluetooth Headphones", "TWS Earbuds", "Earphones"}, "radio_device",
       "Radio and telecommunication equipment", {"Burns"}, "The charging case battery can overheat.",
       {{"Bluetooth 5.3", "Bluetooth 5.0", "Bluetooth 5.1"}, {"ENC", "Noise Cancelling", "IPX7", "40H Playtime"}},
       {"Sport", "Mic", "Touch Control", "for iPhone", "Android", "Deep Bass"}, 10, 70},
      {"Smart plug", {"WiFi Smart Plug", "Smart Socket", "Smart Plug", "WiFi Outlet"}, "smart_device",
       "Electrical appliances and equipment", {"Cybersecurity", "Electric shock"},
       "The plug accepts any firmware without checking it, and the earth pin is not connected.",
       {{"16A", "10A", "13A"}, {"Alexa", "Google Home", "Energy Monitoring", "Timer"}}, {"App Control", "Voice", "2 Pack", "4 Pack"}, 8, 35},
      {"Fan heater", {"Space Heater", "Fan Heater", "Ceramic Heater", "Electric Heater"}, "household_appliance",
       "Electrical appliances and equipment", {"Fire"}, "The heater has no tip-over switch and the housing can ignite.",
       {{"1500W", "2000W"}, {"Thermostat", "Oscillating", "Remote", "Tip Over Protection"}}, {"Indoor", "Bedroom", "Office", "Portable"},
       20, 90},
      {"Children's hooded sweatshirt", {"Kids Hoodie", "Girls Hooded Sweatshirt", "Boys Hoodie", "Children Hoodie"},
       "childrens_apparel", "Clothing, textiles and fashion items", {"Strangulation", "Injuries"},
       "The hood has functional drawstrings that can get caught while the child moves.",
       {{"4-5 Years", "6-7 Years", "8-9 Years", "10-12 Years"}, {"Cotton", "Fleece", "Zip Up"}}, {"Casual", "Winter", "Pullover", "Sweatshirt"},
       8, 30},
      {"Baby bottle", {"Baby Bottle", "Feeding Bottle", "Baby Feeding Bottle"}, "food_contact",
       "Childcare articles and children's equipment", {"Chemical"}, "The bottle releases bisphenol A into the food.",
       {{"150ml", "240ml", "300ml"}, {"BPA Free", "Glass", "Silicone", "Anti Colic"}}, {"Newborn", "Infant", "Wide Neck", "2 Pack"}, 5, 25},
      {"Smoke alarm", {"Smoke Detector", "Smoke Alarm", "Fire Alarm"}, "consumer_electronics", "Protective equipment", {"Fire"},
       "The alarm does not sound when smoke enters the chamber.", {{"10 Year Battery", "9V Battery", "Mains"}, {"Photoelectric", "Interlinked"}},
       {"Home", "Kitchen", "Battery Operated", "Test Button"}, 8, 40},
  };
  return t;
}

// Product line names some makers give their products.
const std::vector<const char*>& LineNames() {
  static const std::vector<const char*> v = {"Nova", "AirWave", "Turbo", "Lumi", "Aero", "Flex", "Pulse", "Zen", "Orbit", "Vibe",
                                             "Max", "Mini", "Pro", "Ultra", "Spark", "Comet", "Breeze", "Echo", "Fusion", "Glow",
                                             "Titan", "Pixel", "Nimbus", "Cosmo", "Boost", "Snap", "Luna", "Terra", "Swift", "Halo"};
  return v;
}

const std::vector<const char*>& NoiseWords() {
  static const std::vector<const char*> v = {"New", "2024", "Upgraded", "Hot Sale", "Portable", "Premium", "High Quality", "Original",
                                             "Best Gift", "Free Shipping", "Black", "White", "Grey", "Pink", "Blue", "Compact",
                                             "Durable", "Lightweight", "1 Pcs", "Ship from EU"};
  return v;
}

const std::vector<const char*>& Colours() {
  static const std::vector<const char*> v = {"black", "white", "grey", "pink", "blue", "red", "green", "beige", "silver", "multicoloured"};
  return v;
}

// Invented brand names, distinct; a few have two words ("Kamiro Home").
std::vector<std::string> MakeBrands(size_t n, Rng& rng) {
  static const char* kStart[] = {"Vo", "Ne", "Ka", "Lu", "Zen", "Or", "Tek", "Ax", "Bri", "Cel", "Dra", "Fy", "Gio", "Ho", "Iva", "Jo",
                                 "Ky", "Mo", "Pu", "Qui", "Ra", "Sy", "Tor", "Ul", "Vey", "Wa", "Xe", "Yo", "Zo", "Ama", "Bel", "Cor",
                                 "Del", "Eno", "Fa", "Gra", "Hu", "Ig", "Ju", "Kro", "Li", "Ma", "Nu", "Om", "Pe", "Ri", "So", "Ta"};
  static const char* kMiddle[] = {"lt", "ra", "mi", "no", "ve", "ta", "xi", "ri", "lo", "na", "ke", "vo", "ze", "li", "", "", ""};
  static const char* kEnd[] = {"x", "ix", "on", "ra", "o", "is", "ex", "a", "us", "ia", "ar", "en", "ly", "io", "tech", "go", "max", "pro",
                               "ko", "el", "um", "ine", "ova", "ity"};
  static const char* kSecond[] = {"Home", "Life", "Kids", "Power", "Beauty", "Electric", "Audio", "Tech", "Toys", "Care"};
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  while (out.size() < n) {
    std::string name = std::string(kStart[rng() % std::size(kStart)]) + kMiddle[rng() % std::size(kMiddle)] + kEnd[rng() % std::size(kEnd)];
    if (name.size() < 4) continue;
    if (rng() % 100 < 8) name += std::string(" ") + kSecond[rng() % std::size(kSecond)];
    if (seen.insert(name).second) out.push_back(std::move(name));
  }
  return out;
}

// Zipf-Mandelbrot ranks 0..n-1: p(k) ~ 1 / (k + 1 + q)^s.
class ZipfDraw {
 public:
  ZipfDraw(size_t n, double s, double q) {
    cdf_.resize(n);
    double total = 0;
    for (size_t k = 0; k < n; ++k) cdf_[k] = total += 1 / std::pow(static_cast<double>(k) + 1 + q, s);
    for (double& c : cdf_) c /= total;
  }
  size_t operator()(Rng& rng) const {
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return std::min<size_t>(std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin(), cdf_.size() - 1);
  }
  double head(size_t k) const { return cdf_[std::min(k, cdf_.size()) - 1]; }

 private:
  std::vector<double> cdf_;
};

struct Product {
  uint32_t brand = 0;
  uint16_t type = 0;
  std::string code;  // as the maker writes it: "QC-65A"
  std::string gtin;  // GTIN-13, or empty
  std::string line;  // product line name, may be empty
  std::vector<std::string> specs;
  std::string colour;
  double price = 0;
};

class Generator {
 public:
  Generator(uint64_t seed, size_t brands, double zipf_s, double zipf_q)
      : rng_(seed), brands_(MakeBrands(brands, rng_)), zipf_(brands, zipf_s, zipf_q) {
    for (const auto& b : brands_) prefixes_.push_back(Prefix(b));
  }

  double Uniform() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
  bool Chance(double p) { return Uniform() < p; }
  size_t Below(size_t n) { return static_cast<size_t>(rng_() % n); }
  template <typename T>
  const T& Pick(const std::vector<T>& v) { return v[Below(v.size())]; }

  const std::string& brand(const Product& p) const { return brands_[p.brand]; }
  const ZipfDraw& zipf() const { return zipf_; }

  Product NewProduct() {
    Product p;
    p.brand = static_cast<uint32_t>(zipf_(rng_));
    p.type = static_cast<uint16_t>(Below(Types().size()));
    p.code = UniqueCode(p.brand, p.type);
    if (Chance(0.5)) p.gtin = NextGtin();
    if (Chance(0.35)) p.line = Pick(LineNames());
    for (const auto& slot : Types()[p.type].specs) p.specs.emplace_back(Pick(slot));
    p.colour = Pick(Colours());
    const ProductType& t = Types()[p.type];
    p.price = t.price_low + Uniform() * (t.price_high - t.price_low);
    return p;
  }

  // Another product of the same maker, type and line with a neighbouring
  // model number: a near miss for the matcher.
  Product Sibling(const Product& of) {
    Product p = of;
    p.code = UniqueSibling(of);
    p.gtin = of.gtin.empty() ? "" : NextGtin();
    if (Chance(0.5)) {
      const auto& slot = Types()[p.type].specs[0];
      p.specs[0] = Pick(slot);
    }
    p.price = of.price * (0.8 + 0.4 * Uniform());
    return p;
  }

  // The model code as a seller writes it.
  std::string CodeVariant(const std::string& code) {
    std::string c = code;
    const double r = Uniform();
    if (r < 0.35) {
      // As given.
    } else if (r < 0.55) {
      c.erase(std::remove_if(c.begin(), c.end(), [](char x) { return x == '-' || x == '/' || x == ' '; }), c.end());
    } else if (r < 0.65) {
      std::replace(c.begin(), c.end(), '-', ' ');
    } else if (r < 0.75) {
      for (char& x : c) x = static_cast<char>(std::tolower(static_cast<unsigned char>(x)));
    } else if (r < 0.85) {
      // A separator where the maker has none: after the letters.
      size_t i = 0;
      while (i < c.size() && std::isalpha(static_cast<unsigned char>(c[i]))) ++i;
      if (i > 0 && i < c.size() && c[i] != '-') c.insert(i, "-");
    } else {
      static const char* kSuffix[] = {"-EU", "/B", "BK", "-UK", "W", "-US", "/W"};
      c += kSuffix[Below(std::size(kSuffix))];
    }
    return c;
  }

  // What the listing generator is told for a planted listing.
  enum class Mode { kFree, kGtin, kCode, kTitle };

  std::string Listing(size_t n, const Product& p, Mode mode) {
    const ProductType& t = Types()[p.type];
    const std::string& brand_name = brands_[p.brand];
    bool brand_field = Chance(0.65), brand_in_title = Chance(0.75);
    bool code_in_title = Chance(0.55), model_field = Chance(0.3);
    bool gtin = !p.gtin.empty() && Chance(0.45);
    bool line = !p.line.empty() && Chance(0.7);
    switch (mode) {
      case Mode::kFree: break;
      case Mode::kGtin: gtin = true; break;
      case Mode::kCode:
        gtin = false;
        if (!code_in_title && !model_field) (Chance(0.5) ? code_in_title : model_field) = true;
        if (!brand_field && !brand_in_title) brand_field = true;
        break;
      case Mode::kTitle:
        gtin = code_in_title = model_field = false;
        if (!brand_field && !brand_in_title) brand_in_title = true;
        line = !p.line.empty();
        break;
    }
    // Title: [brand] [line] noun [code] specs extras, reordered now and then.
    std::vector<std::string> parts;
    if (line) parts.push_back(p.line);
    parts.emplace_back(Pick(t.listing_nouns));
    if (code_in_title) parts.push_back(CodeVariant(p.code));
    for (const auto& s : p.specs)
      if (Chance(0.7)) parts.push_back(s);
    const size_t extras = Below(4);
    for (size_t i = 0; i < extras; ++i) parts.emplace_back(Chance(0.6) ? Pick(t.extras) : Pick(NoiseWords()));
    if (Chance(0.3)) std::shuffle(parts.begin(), parts.end(), rng_);
    if (brand_in_title) {
      if (Chance(0.85)) parts.insert(parts.begin(), brand_name);
      else parts.insert(parts.begin() + static_cast<long>(std::min<size_t>(parts.size(), 1 + Below(2))), brand_name);
    }
    std::string title;
    for (const auto& part : parts) title += (title.empty() ? "" : Chance(0.1) ? ", " : " ") + part;
    if (Chance(0.05))
      for (char& c : title) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));

    std::string out = fmt::format(R"({{"listing_id":"L{}","seller_id":"S{}","title":"{}")", n, Below(20000), title);
    if (brand_field) out += fmt::format(R"(,"brand":"{}")", brand_name);
    if (model_field) out += fmt::format(R"(,"model":"{}")", CodeVariant(p.code));
    if (gtin) out += fmt::format(R"(,"gtin":"{}")", p.gtin);
    if (Chance(0.6)) out += fmt::format(R"(,"category":"{}")", t.listing_category);
    static const char* kMarkets[] = {"EU", "UK", "US", "CA"};
    static const char* kCurrency[] = {"EUR", "GBP", "USD", "CAD"};
    const size_t market = Below(4);
    out += fmt::format(R"(,"price":{{"amount":{:.2f},"currency":"{}"}},"target_markets":["{}"]}})", p.price * (0.85 + 0.35 * Uniform()),
                       kCurrency[market], kMarkets[market]);
    out += '\n';
    return out;
  }

  conform::Notice MakeNotice(const Product& p, conform::NoticeSource source, const std::string& id) {
    const ProductType& t = Types()[p.type];
    const std::string& brand_name = brands_[p.brand];
    conform::Notice n;
    n.source = source;
    n.id = id;
    n.published = conform::Date::FromDays(18262 + static_cast<int32_t>(Below(2190)));  // 2020 to 2025
    const double naming = Uniform();
    if (naming < 0.45) {
      n.product_name = t.notice_noun;  // Safety Gate style: the kind of product only
    } else if (naming < 0.85) {
      n.product_name = fmt::format("{} {}{}", brand_name, p.line.empty() ? "" : p.line + " ", t.notice_noun);
      if (Chance(0.5) && !p.specs.empty()) n.product_name += " " + p.specs[0];
    } else {  // CPSC style: a headline only
      n.title = fmt::format("{} Recalls {}{}s Due to {} Hazard", brand_name, p.line.empty() ? "" : p.line + " ", t.notice_noun,
                            t.hazards[0]);
    }
    // Regulators write "Unknown" when the product shows no brand.
    const double branding = Uniform();
    if (branding < 0.88) n.brands.push_back(Chance(0.15) ? Upper(brand_name) : brand_name);
    else if (branding < 0.95) n.brands.emplace_back("Unknown");
    if (Chance(0.85)) {
      n.model_numbers.push_back(p.code);
      if (Chance(0.08)) n.model_numbers.push_back(p.code + (Chance(0.5) ? "-B" : "W"));
    }
    if (!p.gtin.empty() && Chance(0.8)) {
      auto g = conform::NormalizeGtin(p.gtin);
      if (g.ok()) n.gtins.push_back(g.value());
    }
    n.category = t.notice_category;
    std::string specs;
    for (const auto& s : p.specs) specs += (specs.empty() ? "" : ", ") + s;
    n.description = fmt::format("{} {} in a cardboard box{}.", Capitalised(p.colour), Lower(t.notice_noun),
                                specs.empty() ? "" : " (" + specs + ")");
    if (Chance(0.4)) n.companies.push_back(brand_name + " Technology Co., Ltd");
    n.hazard_types.emplace_back(Pick(t.hazards));
    n.hazard_description = t.hazard_sentence;
    n.risk_level = Chance(0.8) ? "serious" : "high";
    n.measures.emplace_back(Chance(0.5) ? "Withdrawal of the product from the market" : "Recall of the product from end users");
    n.origin_countries.emplace_back("CN");
    return n;
  }

  std::string NextGtin() {
    // A bijection of a counter over nine digits (the multiplier is prime to
    // 10): distinct, but not in sequence. Prefixes 690-695 (China).
    const uint64_t k = (gtin_counter_++ * 7919ULL + 1234567ULL) % 1000000000ULL;
    std::string body = fmt::format("69{}{:09}", Below(6), k);
    return body + static_cast<char>('0' + conform::GtinCheckDigit(body));
  }

 private:
  static std::string Upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  }
  static std::string Lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }
  static std::string Capitalised(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
  }

  // Two or three capitals from the brand name: "Voltix" -> "VX".
  std::string Prefix(const std::string& brand) {
    std::string letters;
    for (char c : brand)
      if (std::isalpha(static_cast<unsigned char>(c))) letters += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string p(1, letters[0]);
    p += letters[1 + Below(letters.size() - 1)];
    if (Chance(0.4)) p += static_cast<char>('A' + Below(26));
    return p;
  }

  // A model code in one of the shapes makers use.
  std::string Code(uint32_t brand, uint16_t type) {
    const std::string& pre = prefixes_[brand];
    auto letter = [&] { return static_cast<char>('A' + Below(26)); };
    switch (Below(6)) {
      case 0: return fmt::format("{}-{}{}", pre, 10 + Below(190), letter());                      // QC-65A
      case 1: return fmt::format("{}{}{}", pre, 100 + Below(9900), letter());                     // HD2200X
      case 2: return fmt::format("{}-{}{}{}{}", pre, 10 + Below(80), letter(), letter(), 100 + Below(900));  // KDL-40EX500
      case 3: return fmt::format("{}-{}", pre, 1000 + Below(9000));                               // YS-1588
      case 4: return fmt::format("{}{}-{}", pre.substr(0, 1), type, 100 + Below(900));             // T3-029
      default: return fmt::format("{}{}{}", pre, 100 + Below(900), Chance(0.5) ? "S" : "PRO");    // KX450PRO
    }
  }

  static std::string Compact(const std::string& code) {
    std::string c;
    for (char x : code)
      if (std::isalnum(static_cast<unsigned char>(x))) c += static_cast<char>(std::toupper(static_cast<unsigned char>(x)));
    return c;
  }

  std::string UniqueCode(uint32_t brand, uint16_t type) {
    for (;;) {
      std::string c = Code(brand, type);
      if (codes_.insert(fmt::format("{}|{}", brand, Compact(c))).second) return c;
    }
  }

  // The same shape with another number: the digit run nearest the end
  // changed.
  std::string UniqueSibling(const Product& of) {
    for (int attempt = 0; attempt < 20; ++attempt) {
      std::string c = of.code;
      size_t end = c.find_last_of("0123456789");
      if (end == std::string::npos) break;
      size_t begin = end;
      while (begin > 0 && std::isdigit(static_cast<unsigned char>(c[begin - 1]))) --begin;
      const std::string digits = c.substr(begin, end - begin + 1);
      long v = std::atol(digits.c_str());
      v = std::max(1L, v + (Chance(0.5) ? 1 : -1) * static_cast<long>(1 + Below(20)));
      c.replace(begin, digits.size(), std::to_string(v));
      if (codes_.insert(fmt::format("{}|{}", of.brand, Compact(c))).second) return c;
    }
    return UniqueCode(of.brand, of.type);
  }

  Rng rng_;
  std::vector<std::string> brands_;
  std::vector<std::string> prefixes_;
  ZipfDraw zipf_;
  std::unordered_set<std::string> codes_;
  uint64_t gtin_counter_ = 0;
};

bool WriteAll(FILE* f, const std::string& s) { return std::fwrite(s.data(), 1, s.size(), f) == s.size(); }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr,
                 "usage: recall_gen NOTICES LISTINGS OUT_DIR [--seed N] [--match-share 0.01] [--brands 4000] [--zipf-s 1] [--zipf-q 10]\n");
    return 2;
  }
  const long notice_count = std::atol(argv[1]), listing_count = std::atol(argv[2]);
  const std::string dir = argv[3];
  uint64_t seed = 1;
  double match_share = 0.01, zipf_s = 1, zipf_q = 10;
  size_t brand_count = 4000;
  for (int i = 4; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--match-share") match_share = std::atof(argv[i + 1]);
    else if (flag == "--brands") brand_count = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--zipf-s") zipf_s = std::atof(argv[i + 1]);
    else if (flag == "--zipf-q") zipf_q = std::atof(argv[i + 1]);
    else {
      std::fprintf(stderr, "recall_gen: unknown option %s\n", flag.c_str());
      return 2;
    }
  }
  if (notice_count < 1 || listing_count < 1 || brand_count < 2 || match_share < 0 || match_share > 1) {
    std::fprintf(stderr, "recall_gen: NOTICES and LISTINGS must be at least 1, --brands at least 2, --match-share in [0, 1]\n");
    return 2;
  }
  FILE* notices_file = std::fopen((dir + "/notices.jsonl").c_str(), "w");
  FILE* listings_file = std::fopen((dir + "/listings.jsonl").c_str(), "w");
  FILE* truth_file = std::fopen((dir + "/truth.tsv").c_str(), "w");
  if (notices_file == nullptr || listings_file == nullptr || truth_file == nullptr) {
    std::fprintf(stderr, "recall_gen: cannot write into %s\n", dir.c_str());
    return 2;
  }

  Generator gen(seed, brand_count, zipf_s, zipf_q);

  // Notices: one product each; 2% notify again a product an earlier notice
  // of another regulator named.
  using conform::NoticeSource;
  std::vector<Product> products;
  std::vector<std::vector<std::string>> notices_of;  // per product: "source:id"
  std::vector<size_t> notice_product;                 // per notice
  std::vector<bool> notice_has_gtin, notice_has_code;
  size_t next_id[3] = {0, 0, 0};
  bool ok = true;
  for (long i = 0; i < notice_count; ++i) {
    size_t pi;
    if (!products.empty() && gen.Chance(0.02)) {
      pi = gen.Below(products.size());
    } else {
      pi = products.size();
      products.push_back(gen.NewProduct());
      notices_of.emplace_back();
    }
    const double s = gen.Uniform();
    const NoticeSource source = s < 0.5 ? NoticeSource::kEuSafetyGate : s < 0.75 ? NoticeSource::kUsCpsc : NoticeSource::kCaHealthCanada;
    const size_t k = static_cast<size_t>(source);
    const size_t seq = next_id[k]++;
    std::string id;
    switch (source) {
      case NoticeSource::kEuSafetyGate: id = fmt::format("A12/{:05}/{:02}", seq % 100000, 20 + seq / 100000); break;
      case NoticeSource::kUsCpsc: id = fmt::format("{:02}{:05}", 20 + seq / 100000, seq % 100000); break;
      case NoticeSource::kCaHealthCanada: id = fmt::format("RA-{}", 10000 + seq); break;
    }
    conform::Notice n = gen.MakeNotice(products[pi], source, id);
    notices_of[pi].push_back(fmt::format("{}:{}", conform::NoticeSourceName(source), id));
    notice_product.push_back(pi);
    notice_has_gtin.push_back(!n.gtins.empty());
    notice_has_code.push_back(!n.model_numbers.empty());
    ok = ok && WriteAll(notices_file, conform::NoticeToJson(n, /*with_raw=*/false) + "\n");
  }
  const size_t notice_products = products.size();

  // Products only listings sell: about a third per listing (several sellers
  // offer each), a fifth of them siblings of a product some notice names.
  const size_t other_products = std::max<size_t>(1, static_cast<size_t>(listing_count) / 3);
  for (size_t i = 0; i < other_products; ++i)
    products.push_back(gen.Chance(0.2) ? gen.Sibling(products[gen.Below(notice_products)]) : gen.NewProduct());

  size_t planted[4] = {0, 0, 0, 0};
  size_t truth_pairs = 0;
  for (long n = 0; n < listing_count; ++n) {
    std::string line;
    if (gen.Chance(match_share)) {
      // A listing selling a product a notice names, and how it shows it.
      const size_t notice = gen.Below(notice_product.size());
      const size_t pi = notice_product[notice];
      Generator::Mode mode;
      const double r = gen.Uniform();
      if (notice_has_gtin[notice])
        mode = r < 0.55 ? Generator::Mode::kGtin : r < 0.95 && notice_has_code[notice] ? Generator::Mode::kCode : Generator::Mode::kTitle;
      else if (notice_has_code[notice]) mode = r < 0.92 ? Generator::Mode::kCode : Generator::Mode::kTitle;
      else mode = Generator::Mode::kTitle;
      line = gen.Listing(static_cast<size_t>(n), products[pi], mode);
      static const char* kModeName[] = {"free", "gtin", "code", "title"};
      ++planted[static_cast<int>(mode)];
      for (const auto& id : notices_of[pi]) {
        ok = ok && WriteAll(truth_file, fmt::format("L{}\t{}\t{}\n", n, id, kModeName[static_cast<int>(mode)]));
        ++truth_pairs;
      }
    } else {
      line = gen.Listing(static_cast<size_t>(n), products[notice_products + gen.Below(other_products)], Generator::Mode::kFree);
    }
    ok = ok && WriteAll(listings_file, line);
  }
  ok = (std::fclose(notices_file) == 0) && ok;
  ok = (std::fclose(listings_file) == 0) && ok;
  ok = (std::fclose(truth_file) == 0) && ok;
  if (!ok) {
    std::fprintf(stderr, "recall_gen: writing into %s failed\n", dir.c_str());
    return 1;
  }
  std::fprintf(stderr,
               "recall_gen: %ld notices (%zu products), %ld listings (%zu products only listed); planted: %zu listings "
               "(%zu by GTIN, %zu by model code, %zu by title only), %zu listing x notice pairs; brands: %zu, "
               "top brand %.1f%% of products, top 10 %.1f%%, top 100 %.1f%%\n",
               notice_count, notice_products, listing_count, other_products, planted[1] + planted[2] + planted[3], planted[1],
               planted[2], planted[3], truth_pairs, brand_count, 100 * gen.zipf().head(1), 100 * gen.zipf().head(10),
               100 * gen.zipf().head(100));
  return 0;
}
