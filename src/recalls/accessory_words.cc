#include "accessory_words.h"

namespace conform::recalls {

namespace {

using Also = AccessoryWord::Also;

// Folded as titles are ("Schutzhülle" is "schutzhulle", "étui" "etui").
constexpr AccessoryWord kAccessories[] = {
    {"cover", true}, {"covers", true}, {"case", true}, {"cases", true}, {"folio", true}, {"folios", true}, {"insert", false},
    {"inserts", false}, {"cushion", false},
    {"cushions", false}, {"poster", true}, {"posters", true}, {"sticker", true}, {"stickers", true}, {"decal", true},
    {"decals", true}, {"keychain", true}, {"keyring", true}, {"holder", true}, {"holders", true}, {"mount", false},
    {"screen protector", true}, {"screen protectors", true}, {"sleeve", true}, {"sleeves", true}, {"strap", false}, {"straps", false},
    {"skin", false}, {"skins", false},
    // Parts and attachments made for a device: its power adapter, cable,
    // filter, tripod or bracket ("BenQ GV31 power adapter", "Rowenta
    // RH99A2U1 HEPA filter"). Not "charger", which is what a power bank's
    // listings call it, nor "stand" ("stand mixer").
    {"power adapter", true, true}, {"ac adapter", true, true}, {"cable", true, true, false, Also::kCable},
    {"cables", true, true, false, Also::kCable},
    {"filter", true, true}, {"filters", true, true}, {"tripod", true, true}, {"bracket", true, true}, {"brackets", true, true},
    {"ceiling mount", true, true}, {"wall mount", true, true}, {"projection screen", true, true}, {"repair kit", true, true}, {"doll clothes", true, true},
    {"doll clothing", true, true}, {"kabel", true, true, false, Also::kCable}, {"ladekabel", true, true}, {"stativ", true, true},
    // Doll clothes in French, German, Italian, Spanish and Polish, as
    // titles write them, a preposition between or not.
    {"vetements poupee", true, true}, {"vetements de poupee", true, true}, {"vetements pour poupee", true, true},
    {"habits de poupee", true, true}, {"puppenkleidung", true, true}, {"puppenkleider", true, true},
    {"vestiti bambola", true, true}, {"vestiti per bambola", true, true}, {"vestiti per bambole", true, true},
    {"ropa de muneca", true, true}, {"ropa para muneca", true, true}, {"ropa muneca", true, true},
    {"ubranka dla lalki", true, true}, {"ubranka dla lalek", true, true},
    // A remote control, a door gasket, a knob, a manual, a brush, a
    // power cord: parts and spares sold on their own. (Not shelves,
    // which bookcases have; a charging station, a charger's own name
    // too, is one only for other notices, below.)
    {"remote control", true, true, true}, {"remote controls", true, true, true}, {"fernbedienung", true, true, true},
    {"telecommande", true, true, true}, {"telecomando", true, true, true}, {"mando a distancia", true, true, true},
    {"afstandsbediening", true, true, true}, {"pilot", true, true, true}, {"пульт", true, true, true},
    {"gasket", true, true}, {"gaskets", true, true}, {"door seal", true, true}, {"uszczelka", true, true}, {"knob", true, true},
    {"knobs", true, true}, {"netzkabel", true, true}, {"stromkabel", true, true},
    {"user manual", true, true}, {"instruction manual", true, true}, {"bedienungsanleitung", true, true}, {"brush", true, true},
    {"brushes", true, true}, {"burste", true, true}, {"brosse", true, true},
    // A fridge's glass shelf, a stroller's storage pocket, a pan's
    // protectors: parts and add-ons sold on their own.
    {"glass shelf", true, true}, {"glass shelves", true, true}, {"storage pocket", true}, {"storage pockets", true},
    {"pan protector", true}, {"pan protectors", true},
    // A fridge's door shelf, bin, crisper drawer or door handle; a grill's
    // grates, igniter or pizza stone; a part sold as one ("genuine OEM
    // part", "Ersatzteil", "pièce détachée"). A product recalled for
    // repair keeps its parts on sale. (Not a thermostat, which heaters and
    // kettles list as a feature.)
    {"door shelf", true, true}, {"door bin", true, true}, {"shelf bin", true, true}, {"crisper drawer", true, true},
    {"crisper", true, true}, {"door handle", true, true}, {"grill grate", true, true},
    {"grill grates", true, true}, {"grate", true, true}, {"grates", true, true}, {"igniter", true, true}, {"ignitor", true, true},
    {"pizza stone", true, true}, {"spare part", true, true}, {"spare parts", true, true}, {"replacement part", true, true},
    {"replacement parts", true, true}, {"oem part", true, true}, {"ersatzteil", true, true}, {"piece detachee", true, true},
    {"pieces detachees", true, true},
    // A refill or consumable for it: a fire pit's lava rocks, fuel or
    // gel (Nachfüllpack, recharge); a kettle's or coffee maker's
    // descaler (Entkalker, détartrant).
    {"refill", true, true}, {"refills", true, true}, {"lava rocks", true, true}, {"nachfullpack", true, true},
    {"descaler", true, true}, {"descaling", true, true}, {"entkalker", true, true}, {"detartrant", true, true},
    // A stand, when the title names nothing else ("BenQ GV31 stand"; a
    // "stand mixer" is the mixer).
    {"stand", true, true, true}, {"stands", true, true, true},
    // A seal, a door handle, a hinge, a nozzle (German); a bag for it
    // (Polish, French, Italian, Dutch); a screen protector (German).
    {"dichtung", true, true}, {"turgriff", true, true}, {"scharnier", true, true}, {"duse", true, true},
    {"torba", true}, {"sacoche", true}, {"borsa", true}, {"tas", true}, {"displayschutz", true}, {"displayschutzfolie", true},
    // A holder, a stand, a drawer, protective padding (German).
    {"halter", true}, {"stander", true}, {"schublade", true, true}, {"schutzpolster", true},
    // A tray (a high chair's), in English, German, Italian, Spanish,
    // Dutch, Swedish, Polish, Hungarian and Finnish; a swing's rope kit.
    {"tray", true, true}, {"trays", true, true}, {"tablett", true, true}, {"vassoio", true, true}, {"bandeja", true, true},
    {"dienblad", true, true}, {"bricka", true, true}, {"tacka", true, true}, {"talca", true, true}, {"tarjotin", true, true},
    {"rope kit", true, true}, {"rope", true, true}, {"ropes", true, true},
    // A lid, a bag, a pushchair's footmuff, canopy, rain cover, mattress
    // (in German, French, Dutch, Italian, Spanish, Portuguese and
    // Swedish too) or liner, a helmet's pads: sold on their own for the
    // product.
    {"lid", true, true}, {"lids", true, true}, {"bag", true, true}, {"bags", true, true}, {"carry bag", true, true},
    {"mesh bag", true, true}, {"storage bag", true, true}, {"footmuff", true, true}, {"footmuffs", true, true},
    {"canopy", true, true}, {"rain cover", true, true}, {"mattress", true, true}, {"matratze", true, true}, {"matelas", true, true}, {"matras", true, true},
    {"materasso", true, true}, {"colchon", true, true}, {"colchao", true, true}, {"madrass", true, true}, {"liner", true, true}, {"liners", true, true},
    {"pad", true, true}, {"pads", true, true},
    {"wandhalterung", true, true}, {"deckenhalterung", true, true}, {"filtre", true, true}, {"trepied", true, true},
    {"filtro", true, true}, {"filtr", true, true}, {"tripode", true, true}, {"cavo", true, true, false, Also::kCable}, {"treppiede", true, true},
    // The same in German, French, Spanish, Italian, Dutch, Polish, Czech
    // and Slovak (not "obal", as often the packaging).
    {"hulle", true}, {"schutzhulle", true}, {"tasche", true}, {"abdeckung", true}, {"halterung", true}, {"aufkleber", true},
    {"housse", true}, {"etui", true}, {"coque", true}, {"autocollant", true}, {"funda", true}, {"carcasa", true},
    {"pegatina", true}, {"custodia", true}, {"hoes", true}, {"pokrowiec", true}, {"uchwyt", true}, {"kryt", true},
    {"pouzdro", true}, {"puzdro", true}, {"drzak", true}, {"drziak", true}, {"ochranne sklo", true}, {"ochranna folie", true},
    {"nalepka", true}, {"bezug", true}, {"bezuge", true},
    // A cushion, a pad, a mat, corner guards, a bag sold for the product
    // (as parts: listed after its name, they come with it). "Sac" (a
    // bag) also begins codes sellers write apart ("SAC 142R"): not
    // before a word with a digit (below).
    {"sac", true, true}, {"polster", true, true}, {"kissen", true, true}, {"coussin", true, true}, {"cuscino", true, true}, {"cuscini", true, true},
    {"cojin", true, true}, {"mata", true, true}, {"eckenschutz", true, true},
    // A robot's or a scooter's charging station sold on its own, in
    // English, German, French, Spanish, Italian, Polish and Dutch (not
    // of a charger's notice, below).
    {"charging station", true, true, false, Also::kChargingStation}, {"ladestation", true, true, false, Also::kChargingStation},
    {"station de charge", true, true, false, Also::kChargingStation}, {"estacion de carga", true, true, false, Also::kChargingStation},
    {"base de carga", true, true, false, Also::kChargingStation}, {"stazione di ricarica", true, true, false, Also::kChargingStation},
    {"stacja ladujaca", true, true, false, Also::kChargingStation}, {"laadstation", true, true, false, Also::kChargingStation},
    // A charging cable, a case, a mattress in Hungarian, Lithuanian,
    // Latvian, Estonian, Czech, Polish, Romanian and Bulgarian (each
    // off, as the English word, when the notice names one).
    {"toltokabel", true, true}, {"kabelis", true, true, false, Also::kCable}, {"laidas", true, true},
    {"kaabel", true, true, false, Also::kCable},
    {"laadimiskaabel", true, true}, {"deklas", true}, {"matrace", true, true}, {"materac", true, true}, {"saltea", true, true},
    {"матрак", true, true}, {"madrac", true, true}, {"matrac", true, true},
    // A cover, a case, a pad, a tray, a footmuff, a cushion, a seal, a
    // remote in Czech, Slovak, Estonian, Bulgarian, Polish, Croatian,
    // Romanian and Latvian; an insert in Polish.
    {"potah", true}, {"kate", true}, {"wkladka", false}, {"калъф", true}, {"podlozka", true, true}, {"подложка", true, true}, {"nakladka", true},
    {"taca", true, true}, {"fusak", true, true}, {"jastuk", true, true}, {"perna", true, true}, {"tesnenie", true, true},
    {"pults", true, true, true}, {"talvadibas pults", true, true}, {"paliktnis", true, true},
    // A pushchair's or car seat's add-ons sold on their own: a sleeping
    // bag, a mosquito net, a parasol, a sunshade, an organiser, a seat
    // cushion, an Isofix base, a mirror; in English, Polish and German.
    {"sleeping bag", true, true}, {"mosquito net", true, true}, {"parasol", true, true}, {"sunshade", true, true},
    {"sun shade", true, true}, {"organizer", true, true}, {"organiser", true, true}, {"seat cushion", true, true},
    {"isofix base", true, true}, {"mirror", true, true}, {"spiworek", true, true}, {"moskitiera", true, true},
    {"parasolka", true, true}, {"oslona przeciwsloneczna", true, true}, {"baza isofix", true, true}, {"lusterko", true, true},
    {"schlafsack", true, true}, {"moskitonetz", true, true}, {"insektenschutz", true, true},
    {"sonnenschirm", true, true}, {"sonnenschutz", true, true}, {"sitzkissen", true, true}, {"isofix basis", true, true},
    {"spiegel", true, true},
    // The same add-ons, and a canopy, a footmuff, a play arch, a strap,
    // a headrest, a cot bumper, a handle, a cup holder, a changing bag,
    // in French, Spanish, Italian and German (folded: "chancelière" is
    // "chanceliere").
    {"ombrelle", true, true}, {"moustiquaire", true, true}, {"gigoteuse", true, true}, {"sac de couchage", true, true},
    {"miroir", true, true}, {"base isofix", true, true}, {"pare soleil", true, true}, {"reducteur", true, true},
    {"cale bebe", true, true}, {"capote", true, true}, {"chanceliere", true, true}, {"arche", true, true},
    {"sangle", true, true}, {"appui tete", true, true}, {"tour de lit", true, true}, {"poignee", true, true},
    {"porte gobelet", true, true}, {"sac a langer", true, true}, {"visiere", true, true},
    {"sombrilla", true, true}, {"mosquitera", true, true}, {"saco de dormir", true, true}, {"espejo", true, true},
    {"protector de lluvia", true, true}, {"capota", true, true}, {"correa", true, true}, {"reposacabezas", true, true},
    {"protector de cuna", true, true}, {"portavasos", true, true}, {"bolso cambiador", true, true},
    {"ombrellino", true, true}, {"zanzariera", true, true}, {"parasole", true, true}, {"sacco nanna", true, true},
    {"poggiatesta", true, true}, {"paracolpi", true, true}, {"portabicchiere", true, true}, {"borsa fasciatoio", true, true},
    {"sonnensegel", true, true}, {"sitzeinlage", true, true}, {"fusssack", true, true}, {"spielbugel", true, true},
    {"kopfstutze", true, true}, {"nestchen", true, true}, {"haltegriff", true, true}, {"sicherheitsgurt", true, true},
    {"becherhalter", true, true}, {"wickeltasche", true, true},
    // More of them as Italian, Spanish and Polish titles name them, often
    // "per bambini", "para recién nacido", "dla dzieci": a lining or
    // cover, a small mattress, a winter or footmuff bag, a seat insert
    // (reducer), a leg cover, a cot bumper, a headrest, a bumper bar, a
    // hand muff. Not "budka" or "daszek" (a kennel, a roof), nor
    // "ochraniacz" alone (knee pads).
    {"fodera", true}, {"materassino", true, true}, {"sacco invernale", true, true}, {"sacco termico", true, true},
    {"coprigambe", true, true}, {"riduttore", true, true}, {"coprimaterasso", true, true}, {"capottina", true, true},
    {"cappottina", true, true}, {"colchoneta", true, true}, {"saco de abrigo", true, true}, {"saco de invierno", true, true},
    {"saco de silla", true, true}, {"reductor", true, true}, {"cubrepies", true, true}, {"materacyk", true, true},
    {"spiwor", true, true}, {"ochraniacz do lozeczka", true, true}, {"ochraniacz na lozeczko", true, true},
    {"zaglowek", true, true}, {"palak", true, true}, {"mufka", true, true},
    // Stickers, a cover, a holder in Italian, Polish, French and Spanish,
    // as titles write them, "per bambini", "dla dzieci" (plurals too).
    {"adesivo", true}, {"adesivi", true}, {"copertura", true}, {"supporto", true}, {"naklejka", true}, {"naklejki", true},
    {"oslona", true}, {"autocollants", true}, {"pegatinas", true},
    // An anti-slip mat for a step, a tower or a bath seat, in English,
    // French, Spanish, German, Italian and Polish.
    {"anti slip mat", true, true}, {"non slip mat", true, true}, {"tapis antiderapant", true, true},
    {"alfombrilla antideslizante", true, true}, {"antirutschmatte", true, true}, {"tappetino antiscivolo", true, true},
    {"mata antyposlizgowa", true, true},
    // A rain cover in Spanish, Czech, German, French, Italian, Polish,
    // Swedish and Dutch.
    {"burbuja de lluvia", true, true}, {"plastico de lluvia", true, true}, {"plastenka", true, true}, {"regenverdeck", true, true},
    {"regenschutz", true, true}, {"habillage pluie", true, true}, {"parapioggia", true, true}, {"folia przeciwdeszczowa", true, true},
    {"regnskydd", true, true}, {"regenhoes", true, true},
    // A fitted sheet for a cot, a lounger or a mattress, in English,
    // French, Spanish, German, Italian, Dutch and Polish.
    {"fitted sheet", true, true}, {"sheet", true, true}, {"drap", true, true}, {"drap housse", true, true}, {"sabana", true, true},
    {"bettlaken", true, true}, {"spannbettlaken", true, true}, {"lenzuolo", true, true}, {"hoeslaken", true, true},
    {"przescieradlo", true, true},
    // Goods sold under a character's or a product's name. Not "notebook"
    // (a laptop) nor "umbrella" (an umbrella stroller).
    {"backpack", false}, {"backpacks", false}, {"rucksack", false}, {"schoolbag", false}, {"lunchbox", false},
    {"lunch box", false}, {"blanket", false}, {"blankets", false}, {"towel", false}, {"towels", false}, {"pillow", false},
    {"pillows", false}, {"pillowcase", false}, {"duvet", false}, {"bedding", false}, {"mug", false}, {"mugs", false},
    {"wallet", false}, {"calendar", false}, {"t shirt", false}, {"tshirt", false}, {"manual", false}, {"adapter", false},
    // The same in other languages, folded ("sac à dos" is "sac a dos").
    {"sac a dos", false}, {"mochila", false}, {"zaino", false}, {"plecak", false}, {"decke", false}, {"kuscheldecke", false},
    {"tasse", false}, {"becher", false}, {"handtuch", false}, {"kissen", false}, {"couverture", false}, {"coussin", false},
    {"taza", false}, {"toalla", false}, {"cojin", false}, {"coperta", false}, {"asciugamano", false}, {"cuscino", false},
    {"koc", false}, {"kocyk", false}, {"recznik", false}, {"poduszka", false}, {"posciel", false},
    // Russian: a cover or case, a bag, a holder, a stand, a sticker, a
    // protective glass or film; a backpack, a blanket, a mug, a towel, a
    // pillow, a wallet.
    {"чехол", true}, {"чехлы", true}, {"кейс", true}, {"сумка", true}, {"держатель", true}, {"подставка", true},
    {"наклейка", true}, {"наклейки", true}, {"защитное стекло", true}, {"защитная пленка", true}, {"защитная плёнка", true},
    {"рюкзак", false}, {"одеяло", false}, {"плед", false}, {"кружка", false}, {"полотенце", false}, {"подушка", false},
    {"кошелек", false}, {"кошелёк", false},
    // Portuguese, Indonesian, Turkish, Vietnamese, folded ("kılıf" is
    // "kilif", "ốp lưng" "op lung"); not "casing", an English word too.
    {"capa", true}, {"capinha", true}, {"estojo", true}, {"suporte", true}, {"pelicula", true}, {"sarung", true},
    {"pelindung layar", true}, {"stiker", true}, {"dudukan", true}, {"kilif", true}, {"tutucu", true}, {"cikartma", true},
    {"ekran koruyucu", true}, {"op lung", true}, {"bao da", true}, {"tui dung", true}, {"mieng dan", true}, {"gia do", true},
    {"caneca", false}, {"toalha", false}, {"cobertor", false}, {"travesseiro", false}, {"almofada", false}, {"ransel", false}, {"selimut", false},
    {"handuk", false}, {"bantal", false}, {"sirt cantasi", false}, {"battaniye", false}, {"havlu", false}, {"yastik", false},
    {"ba lo", false},
    // Arabic: a case, a cover.
    {"حافظة", true}, {"غطاء", true},
    // Dutch, Swedish, Danish, Norwegian, Finnish, Hungarian, Romanian,
    // folded ("skärmskydd" is "skarmskydd", "védőtok" "vedotok", "husă"
    // "husa"): a case or cover, a bag, a holder, a sticker, a screen
    // protector; a backpack, a blanket, a mug, a towel, a pillow. Not
    // "skal", which is the Danish and Norwegian "shall" too, nor the
    // Romanian "pernă" (pillow), the Portuguese "perna" (leg).
    {"houder", true}, {"beschermhoes", true}, {"screenprotector", true}, {"fodral", true}, {"skyddsfodral", true},
    {"skarmskydd", true}, {"hallare", true}, {"klistermarke", true}, {"vaska", true}, {"taske", true}, {"skaermbeskytter", true},
    {"klistermaerke", true}, {"deksel", true}, {"veske", true}, {"skjermbeskytter", true}, {"klistremerke", true},
    {"kotelo", true}, {"suojakotelo", true}, {"suojakuori", true}, {"kuori", true}, {"naytonsuoja", true}, {"pidike", true},
    {"teline", false}, {"tarra", true}, {"tok", true}, {"vedotok", true}, {"tarto", true}, {"matrica", true},
    {"kijelzovedo", true}, {"folia", true}, {"husa", true}, {"suport", true}, {"folie", true}, {"autocolant", true},
    {"rugzak", false}, {"deken", false}, {"mok", false}, {"handdoek", false}, {"kussen", false}, {"ryggsack", false},
    {"mugg", false}, {"handduk", false}, {"kudde", false}, {"rygsaek", false}, {"taeppe", false}, {"krus", false},
    {"handklaede", false}, {"pude", false}, {"ryggsekk", false}, {"teppe", false}, {"handkle", false}, {"pute", false},
    {"reppu", false}, {"huopa", false}, {"muki", false}, {"pyyhe", false}, {"tyyny", false}, {"hatizsak", false},
    {"takaro", false}, {"bogre", false}, {"torolkozo", false}, {"parna", false}, {"rucsac", false}, {"patura", false},
    {"prosop", false},
    // Greek, whose accents folding keeps (both forms): a case, a cover, a
    // sticker, a screen protector, a stand; a backpack, a mug, a towel, a
    // pillow, a blanket.
    {"θήκη", true}, {"θηκη", true}, {"κάλυμμα", true}, {"καλυμμα", true}, {"αυτοκόλλητο", true}, {"αυτοκολλητο", true},
    {"προστατευτικό οθόνης", true}, {"προστατευτικο οθονης", true}, {"βάση", false}, {"βαση", false}, {"σακίδιο", false},
    {"σακιδιο", false}, {"κούπα", false}, {"κουπα", false}, {"πετσέτα", false}, {"πετσετα", false}, {"μαξιλάρι", false},
    {"μαξιλαρι", false}, {"κουβέρτα", false}, {"κουβερτα", false}};
// Chinese, Japanese, Korean and Thai, written without spaces: a
// protective cover or case, a storage bag, a stand, stickers, a
// protective film.
// And goods under a name: a school bag, a backpack, a blanket, a cup, a
// towel, a cushion.
constexpr AccessoryWord kCjkAccessories[] = {{"保护套", true}, {"保护壳", true}, {"收纳包", true}, {"收纳袋", true}, {"支架", true},
                                           {"贴纸", true},   {"保護套", true}, {"保護殼", true}, {"收納包", true}, {"收納袋", true},
                                           {"貼紙", true},   {"書包", false},  {"馬克杯", false},   {"ケース", true}, {"カバー", true}, {"书包", false},  {"背包", false},
                                           {"毯子", false},  {"毛毯", false},  {"水杯", false},  {"马克杯", false}, {"毛巾", false},
                                           {"抱枕", false},  {"リュック", false}, {"ブランケット", false}, {"マグカップ", false},
                                           {"케이스", true}, {"커버", true}, {"파우치", true}, {"거치대", true}, {"스티커", true},
                                           {"보호필름", true}, {"백팩", false}, {"담요", false}, {"머그컵", false}, {"수건", false},
                                           {"쿠션", false}, {"เคส", true}, {"ฟิล์มกันรอย", true}};

constexpr CjkPart kCjkParts[] = {
    {"数据线", "cable"},   {"數據線", "cable"},   {"充电线", "cable"},   {"充電線", "cable"},      {"电源线", "cable"},
    {"電源線", "cable"},   {"ケーブル", "cable"}, {"케이블", "cable"},   {"适配器", "adapter"},    {"適配器", "adapter"},
    {"アダプター", "adapter"}, {"어댑터", "adapter"}, {"遥控器", "remote"}, {"遙控器", "remote"}, {"リモコン", "remote"},
    {"리모컨", "remote"},  {"滤网", "filter"},    {"濾網", "filter"},    {"フィルター", "filter"}, {"필터", "filter"},
    {"三脚架", "tripod"},  {"삼각대", "tripod"},  {"门封条", "gasket", true}, {"門封條", "gasket", true}, {"密封条", "gasket", true},
    {"密封條", "gasket", true}, {"密封圈", "gasket", true}, {"把手", "handle", true}};

}  // namespace

std::span<const AccessoryWord> AccessoryWords() { return kAccessories; }
std::span<const AccessoryWord> CjkAccessoryWords() { return kCjkAccessories; }
std::span<const CjkPart> CjkParts() { return kCjkParts; }

}  // namespace conform::recalls
