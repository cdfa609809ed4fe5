// Writes realistic synthetic marketplace listings as JSON Lines, for
// benchmarks: mixed categories, English and Chinese titles, some without a
// stated category (to be inferred), and evidence of every quality (complete,
// partial, expired, for another model, none).
//
//   listing_gen COUNT [SEED] [--stated-category-share 0.7] [--all-markets] > listings.jsonl
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace {

struct CategoryTemplate {
  const char* category;
  const char* hs;
  std::vector<const char*> titles_en;
  std::vector<const char*> titles_zh;
  const char* attributes;  // JSON members, stated when the seller is thorough
};

const std::vector<CategoryTemplate>& Templates() {
  static const std::vector<CategoryTemplate> t = {
      {"charger", "850440", {"USB-C fast charger 20W PD", "Wall charger 5V 2A dual USB", "65W GaN laptop charger"},
       {"20W快充充电器 PD", "双USB充电头 5V2A", "65W氮化镓充电器"},
       R"("input_voltage_ac":240,"output_voltage_dc":5,"radio":false,"connectable":false,"battery":"none")"},
      {"power_bank", "850760", {"20000mAh power bank fast charging", "10000mAh portable charger slim", "Magnetic power bank 5000mAh"},
       {"20000毫安充电宝 快充", "10000mAh移动电源 超薄", "磁吸充电宝5000毫安"},
       R"("input_voltage_dc":5,"output_voltage_dc":5,"radio":false,"connectable":false,"battery_wh":74)"},
      {"radio_device", "851762", {"Bluetooth headphones wireless earbuds", "Bluetooth speaker waterproof", "Walkie talkie 2 pack"},
       {"蓝牙耳机 无线", "防水蓝牙音箱", "对讲机 一对"},
       R"("radio":true,"connectable":false,"battery":"li_ion","input_voltage_ac":0,"input_voltage_dc":5)"},
      {"smart_device", "851762", {"Smart plug WiFi app control", "WiFi security camera 1080p", "Smart watch fitness tracker"},
       {"智能插座 WiFi APP控制", "WiFi监控摄像头 1080P", "智能手表 运动手环"},
       R"("radio":true,"connectable":true,"battery":"li_ion","input_voltage_ac":0,"input_voltage_dc":5)"},
      {"consumer_electronics", "852872", {"Portable DVD player", "Digital photo frame 10 inch", "USB desk lamp clock"},
       {"便携式DVD播放机", "10寸数码相框", "USB台灯时钟"},
       R"("radio":false,"connectable":false,"battery":"none","input_voltage_ac":0,"input_voltage_dc":12)"},
      {"household_appliance", "851631", {"Hair dryer 2000W ionic", "Electric kettle 1.7L stainless", "Desk fan 3 speeds"},
       {"负离子吹风机 2000W", "1.7L不锈钢电热水壶", "台式电风扇 三档"},
       R"("input_voltage_ac":230,"radio":false,"connectable":false,"battery":"none","food_contact":false)"},
      {"led_lamp", "853952", {"LED bulb E27 9W warm white", "LED light bulb GU10 5W", "E14 LED candle bulb"},
       {"LED灯泡 E27 9W 暖白", "GU10 LED射灯 5W", "E14 LED蜡烛灯泡"},
       R"("input_voltage_ac":230,"radio":false,"connectable":false,"battery":"none")"},
      {"toy", "950300", {"Wooden building blocks for kids 3+", "Plush teddy bear toy", "RC car toy for kids"},
       {"儿童木制积木 3岁以上", "毛绒泰迪熊玩具", "儿童遥控车玩具"},
       R"("intended_age_max":8,"radio":false,"battery":"none","input_voltage_ac":0,"input_voltage_dc":0)"},
      {"childrens_apparel", "611120", {"Baby romper cotton 0-12 months", "Kids hoodie with drawstring", "Toddler pajamas set"},
       {"婴儿连体衣 纯棉 0-12个月", "儿童连帽卫衣 抽绳", "幼儿睡衣套装"},
       R"("intended_age_max":2,"textile":true,"has_drawstrings":false)"},
      {"textile", "610910", {"Men's cotton T-shirt", "Women's polyester scarf", "Bath towel set cotton"},
       {"男士纯棉T恤", "女士涤纶围巾", "纯棉浴巾套装"}, R"("textile":true)"},
      {"cosmetic", "330499", {"Face cream moisturizer 50ml", "Matte lipstick long lasting", "Sunscreen SPF50 lotion"},
       {"保湿面霜 50ml", "哑光口红 持久", "防晒霜 SPF50"}, "" },
      {"food_contact", "392410", {"Plastic lunch box 3 compartments", "Silicone baking mat", "Stainless steel water bottle"},
       {"塑料便当盒 三格", "硅胶烘焙垫", "不锈钢保温杯"}, R"("food_contact":true)"},
  };
  return t;
}

std::string JsonEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: listing_gen COUNT [SEED] [--stated-category-share X] [--all-markets]\n");
    return 2;
  }
  const long count = std::atol(argv[1]);
  unsigned seed = 1;
  double stated_share = 0.7;
  bool all_markets = false;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--stated-category-share") == 0 && i + 1 < argc) stated_share = std::atof(argv[++i]);
    else if (std::strcmp(argv[i], "--all-markets") == 0) all_markets = true;
    else seed = static_cast<unsigned>(std::atol(argv[i]));
  }
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  static const char* kMarkets[] = {"EU", "UK", "US", "CA", "CN", "ID"};
  static const char* kEuDocs[] = {"Directive 2014/35/EU", "Directive 2014/30/EU", "Directive 2011/65/EU", "Directive 2014/53/EU"};
  const auto& templates = Templates();
  std::string line;
  for (long n = 0; n < count; ++n) {
    const CategoryTemplate& t = templates[rng() % templates.size()];
    const bool zh = u(rng) < 0.35;
    const auto& titles = zh ? t.titles_zh : t.titles_en;
    const std::string model = fmt::format("M{}-{}", static_cast<char>('A' + rng() % 26), rng() % 1000);
    line = fmt::format(R"({{"listing_id":"G{}","seller_id":"S{}","title":"{}","model":"{}")", n, rng() % 5000,
                       JsonEscape(titles[rng() % titles.size()]), model);
    if (u(rng) < 0.8) line += fmt::format(R"(,"hs_code":"{}")", t.hs);
    if (u(rng) < stated_share) line += fmt::format(R"(,"category":"{}")", t.category);
    if (u(rng) < 0.75 && t.attributes[0] != '\0') line += fmt::format(R"(,"attributes":{{{}}})", t.attributes);
    // One to three target markets.
    line += R"(,"target_markets":[)";
    const int nm = all_markets ? 6 : 1 + static_cast<int>(rng() % 3);
    const size_t first = rng() % 6;
    for (int m = 0; m < nm; ++m)
      line += fmt::format("{}\"{}\"", m ? "," : "", kMarkets[all_markets ? m : (first + m * 2) % 6]);
    line += "]";
    line += fmt::format(R"(,"image_count":{},"price":{{"amount":{:.2f},"currency":"USD"}})", rng() % 6, 3 + u(rng) * 60);
    const bool eu_maker = u(rng) < 0.15;
    line += fmt::format(R"(,"manufacturer":{{"name":"Maker {}","address":"{} Industrial Road","country":"{}","email":"info@maker{}.example"}})",
                        rng() % 900, rng() % 200, eu_maker ? "DE" : "CN", rng() % 900);
    if (!eu_maker && u(rng) < 0.5)
      line += R"(,"eu_responsible_person":{"name":"EU Rep GmbH","address":"Hauptstr. 1, Berlin","email":"rp@eurep.example"})";
    if (u(rng) < 0.6) line += R"(,"warnings_languages":["en","de","fr"])";
    if (u(rng) < 0.3) line += R"(,"claims":["CE"])";
    // Evidence: none, partial, or complete-looking, sometimes expired or for another model.
    const double q = u(rng);
    if (q > 0.3) {
      line += R"(,"evidence":[)";
      const int docs = q > 0.7 ? 5 : 2;
      static const char* kKinds[] = {"eu_declaration_of_conformity", "test_report", "fcc_sdoc", "ccc_certificate",
                                     "childrens_product_certificate", "uk_declaration_of_conformity", "sni_certificate"};
      for (int d = 0; d < docs; ++d) {
        const bool stale = u(rng) < 0.1;
        const bool other_model = u(rng) < 0.05;
        line += fmt::format(R"({}{{"kind":"{}","number":"R{}","models":["{}"],"legal_acts":["{}"],"issued":"2023-0{}-1{}","expires":"{}"}})",
                            d ? "," : "", kKinds[rng() % 7], rng() % 100000, other_model ? "X-1" : model, kEuDocs[rng() % 4],
                            1 + rng() % 9, rng() % 10, stale ? "2025-01-31" : "2029-12-31");
      }
      line += "]";
    }
    line += "}\n";
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  return 0;
}
