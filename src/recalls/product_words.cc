#include "product_words.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace conform::recalls {
namespace {

// One meaning per row: the English word, then its plural and other English
// words for it, "|", then German, French, Spanish, Italian, Polish and
// Dutch ones, singular and plural, folded (and, for some rows, those of
// other EU languages: Croatian "punjac", Czech "nabijecka"). A word with another meaning in
// product titles is left out: "casque" (a helmet and headphones), "pila"
// (a saw and a battery), "plancha" (a hair straightener and a griddle),
// "mascara" (Spanish for a mask).
constexpr std::string_view kKinds[] = {
    // Appliances and electrical goods.
    "kettle kettles | wasserkocher bouilloire bouilloires hervidor hervidores bollitore bollitori czajnik czajniki waterkoker waterkokers",
    "fan fans | ventilator ventilatoren ventilateur ventilateurs ventilador ventiladores ventilatore ventilatori wentylator wentylatory",
    "heater heaters | heizgerat heizlufter heizkorper chauffage calefactor calefactores estufa stufa stufetta termoventilatore grzejnik "
    "grzejniki farelka",
    "dryer dryers | trockner fohn haartrockner seche secador secadores asciugacapelli phon suszarka suszarki fohn haardroger fohnen",
    "straightener straighteners | glatteisen haarglatter lisseur prostownica stijltang",
    "speaker speakers | lautsprecher enceinte enceintes parleur altavoz altavoces altoparlante altoparlanti glosnik glosniki luidspreker "
    "luidsprekers",
    "headphones headphone earphones earbuds | kopfhorer ecouteurs auriculares cuffie auricolari sluchawki koptelefoon oordopjes",
    "projector projectors | projektor projektoren beamer projecteur projecteurs videoprojecteur videoprojecteurs proyector proyectores "
    "proiettore proiettori videoproiettore projektory",
    "lamp lamps light lights | lampe lampen leuchte leuchten licht lichter lumiere lumieres lampara lamparas luz luces lampada lampade luce "
    "luci lampa lampy lampka swiatlo swiatla",
    "torch torches flashlight flashlights | taschenlampe torche soplete linterna linternas torcia latarka latarki zaklamp",
    "cigarette cigarettes | zigarette zigaretten sigaretta sigarette cigarrillo cigarrillos papieros papierosy sigaret sigaretten",
    "lighter lighters | feuerzeug feuerzeuge briquet briquets mechero mecheros encendedor encendedores accendino accendini zapalniczka "
    "zapalniczki aansteker aanstekers",
    "charger chargers | ladegerat chargeur chargeurs cargador cargadores caricabatterie caricatore caricatori ladowarka ladowarki oplader "
    "opladers punjac polnilec nabijecka nabijacka incarcator laddare",
    "battery batteries | akku akkus batterie batterien bateria baterias batteria akumulator akumulatory accu batterij batterijen",
    "cable cables | kabel cavo cavi przewod kabels",
    "extension cord cords | verlangerungskabel rallonge rallonges alargador prolunga prolunghe przedluzacz przedluzacze verlengsnoer verlengkabel",
    "plug plugs | stecker enchufe spina wtyczka stekker",
    "adapter adapters adaptor adaptors | reiseadapter adaptateur adaptateurs adaptador adaptadores adattatore adattatori adaptery",
    "socket sockets | steckdose steckdosen presa prese gniazdo gniazdko stopcontact",
    "vacuum cleaner cleaners | staubsauger aspirateur aspiradora aspiradoras aspirapolvere odkurzacz odkurzacze stofzuiger",
    "toaster toasters | tostadora tostapane toster broodrooster",
    "blender blenders | standmixer mixeur batidora frullatore",
    "iron irons | bugeleisen zelazko strijkijzer",
    "refrigerator refrigerators fridge fridges | kuhlschrank refrigerateur frigo frigorifico refrigerador refrigeradores nevera frigorifero lodowka koelkast",
    "oven ovens | ofen backofen horno forno piekarnik",
    "grill grills | barbecue parrilla griglia",
    "coffee | kaffee cafe caffe kawa kawy koffie",
    "humidifier humidifiers | luftbefeuchter humidificateur humidificador umidificatore nawilzacz luchtbevochtiger",
    "detector detectors alarm alarms | melder detecteur rilevatore czujnik",
    "mower mowers | rasenmaher maher tondeuse cortacesped tosaerba kosiarka grasmaaier",
    "drill drills | bohrmaschine perceuse taladro trapano wiertarka boormachine",
    "pump pumps | pumpe pumpen pompe pompa pompy pomp pompen",
    "stairlift stairlifts | treppenlift treppenlifte salvaescaleras montascale schodolaz traplift",
    "clock clocks | uhr horloge reloj orologio zegar klok",
    "phone phones | telefon telephone telefono telefoon mobiltelefon mobitel",
    "smartphone smartphones | smartfon",
    "camera cameras | kamera camara fotocamera telecamera",
    "drone drones | drohne dron",
    "magnifier magnifiers | lupe handlupe leselupe standlupe vergrosserungsglas loupe lupa vergrootglas loep forstoringsglas suurennuslasi",
    "cutter cutters | freischneider motorsense debroussailleuse desbrozadora decespugliatore wykaszarka kosa kosy bosmaaier krovinorez",
    // Toys and childcare articles.
    "toy toys | spielzeug jouet jouets juguete juguetes giocattolo giocattoli zabawka zabawki speelgoed",
    "doll dolls | puppe poupee poupees muneca munecas bambola bambole lalka lalki",
    "mouse mice | maus mause souris raton ratones topo topi mysz myszka myszy muis muizen",
    "duck ducks | ente enten badeente badeenten canard canards pato patos patito patitos paperella paperelle anatra kaczka kaczki kaczuszka "
    "kaczuszki eend eenden badeend badeendjes",
    "ball balls | balle ballon pelota balon palla pallone pilka",
    "car cars | voiture voitures coche coches samochod samochodzik samochodu autko",
    "train trains | zug eisenbahn tren treno pociag pociagi trein",
    "blocks | bausteine blocs bloques mattoncini klocki blokken",
    "plush | pluschtier plusch peluche peluches pluszak pluszowy maskotka knuffel",
    "rattle rattles | rassel hochet sonajero sonaglio grzechotka rammelaar",
    "swing swings | schaukel balancoire columpio altalena hustawka schommel",
    "scooter scooters | trottinette patinete monopattino hulajnoga",
    "bicycle bicycles bike bikes | fahrrad velo bicicleta bicicletta rower rowerek fiets",
    "helmet helmets | helm casco kask",
    "kite kites | drachen cometa aquilone latawiec vlieger",
    "pushchair pushchairs stroller strollers | kinderwagen buggy poussette cochecito passeggino wozek wandelwagen",
    "chair chairs | stuhl chaise silla sedia krzeslo krzeselko stoel",
    "cot cots crib cribs | kinderbett babybett gitterbett cuna culla lettino lozeczko ledikant",
    "seat seats | sitz siege asiento sedile seggiolino fotelik siedzisko zitje",
    "bouncer bouncers | wippe babywippe transat hamaca sdraietta lezaczek wipstoel",
    "walker walkers | lauflernhilfe trotteur andador girello chodzik loopstoeltje",
    "carrier carriers | babytrage portabebe marsupio nosidelko draagzak",
    "bed beds | bett cama letto lozko",
    "rail rails | gitter bettgitter barriere barandilla sponda barierka hekje",
    "playpen playpens | laufstall kojec",
    "bottle bottles | flasche babyflasche biberon biberons bouteille botella bottiglia butelka butelki fles flesje",
    "pacifier pacifiers soother dummy | schnuller tetine sucette chupete ciuccio smoczek speen",
    // Furniture.
    "dresser dressers | kommode commode commodes comoda comodas cassettiera komoda ladekast",
    "drawer drawers | schublade schubladen tiroir tiroirs cajon cajones cassetto cassetti szuflada szuflady szuflad szufladami lade",
    "table tables | tisch mesa tavolo tavolino stol stolik tafel",
    "desk desks desktop | schreibtisch escritorio scrivania biurko biurkowy biurkowa",
    "stool stools | hocker tritthocker tabouret escabeau taburete sgabello stolek kruk opstapje",
    "shelf shelves | etagere estanteria scaffale polka",
    "wardrobe wardrobes | kleiderschrank armoire armario armadio szafa kledingkast",
    "mattress mattresses | matratze matelas colchon materasso materac matras",
    "tower towers | turm lernturm tour torre wieza toren",
    // Clothing and textiles.
    "jacket jackets | jacke chaqueta giacca giubbotto kurtka jas",
    "vest vests | weste gilet chaleco kamizelka bodywarmer",
    "hoodie hoodies sweatshirt sweatshirts | kapuzenpullover sudadera felpa bluza",
    "dress dresses | kleid vestido vestito abito sukienka jurk",
    "trousers pants | pantalon pantalones pantaloni spodnie broek",
    "shirt shirts | hemd chemise camisa camicia koszula overhemd",
    "shoes shoe | schuhe chaussures zapatos scarpe buty schoenen",
    "boots | stiefel bottes botas stivali kozaki laarzen",
    "hat hats | mutze chapeau sombrero gorro cappello czapka hoed muts",
    "gloves | handschuhe gants guantes guanti rekawice rekawiczki handschoenen",
    "pyjamas pajamas | schlafanzug pyjama pijama pigiama pizama",
    "blanket blankets | decke couverture manta coperta koc deken",
    // A sleeping bag, "bag" of a notice's "Baby sleeping bag", by its names
    // alone: "Tasche" and "sac" are other bags.
    "bag bags | schlafsack schlafsacke babyschlafsack gigoteuse gigoteuses spiwor spiworek spiworki slaapzak slaapzakken "
    "sovsack sovepose makuupussi",
    "pillow pillows cushion cushions | kissen coussin oreiller cojin almohada cuscino poduszka kussen",
    "towel towels | handtuch serviette toalla asciugamano recznik handdoek",
    "backpack backpacks | rucksack mochila zaino plecak rugzak",
    "umbrella umbrellas | regenschirm parapluie paraguas ombrello parasolka paraplu",
    "hairband hairbands headband headbands | haarreif stirnband diadema cerchietto opaska haarband",
    // Cosmetics.
    "cream creams | creme cremes crema krem",
    "shampoo shampoos | shampoing champu szampon",
    "soap soaps | seife savon jabon sapone mydlo zeep",
    "perfume perfumes | parfum profumo perfumy",
    "lipstick lipsticks | lippenstift pintalabios rossetto szminka pomadka",
    "eyeliner eyeliners | delineador delineadores kajal",
    "toothpaste | zahnpasta dentifrice dentifricio tandpasta",
    // Kitchen and household goods.
    "pan pans | pfanne poele sarten padella patelnia",
    "knife knives | messer couteau cuchillo coltello noz mes",
    "mug mugs cup cups | tasse becher taza tazza kubek mok beker",
    "plate plates | teller assiette plato piatto talerz",
    "bowl bowls | schussel schale cuenco ciotola miska kom",
    "lid lids | deckel couvercle tapa coperchio pokrywka deksel",
    "glass | glas verre vidrio vetro szklo",
    "candle candles | kerze bougie vela candela swieca swieczka kaars",
    "mirror mirrors | spiegel miroir espejo specchio lustro lusterko",
    "mat mats | tapis alfombrilla alfombrillas tappetino tappetini",
    "necklace necklaces | halskette collier collana naszyjnik ketting",
    "bracelet bracelets | armband pulsera braccialetto bransoletka",
    "earrings | ohrringe pendientes orecchini kolczyki oorbellen",
    "mask masks | maske masque mascarilla mascarillas maschera maska masker",
};

// What names say of a product, not what it is: a name ending in one of
// these ("Bluetooth Shower") names no kind of product.
constexpr std::string_view kModifiers[] = {
    "wooden | holz holzern bois madera legno drewniany drewniana drewniane hout houten",
    "plastic | kunststoff plastik plastique plastico plastica plastikowy plastikowa",
    "electric | elektrisch elektrische electrique electrico electrica elettrico elettrica elektryczny elektryczna elektryczne",
    "wireless | kabellos inalambrico inalambrica bezprzewodowy bezprzewodowa draadloos draadloze",
    "portable | tragbar tragbarer portatil portatile przenosny przenosna draagbaar draagbare",
    "foldable folding | faltbar klappbar pliable pliant plegable pieghevole skladany skladana opvouwbaar inklapbaar",
    "rechargeable | wiederaufladbar recargable ricaricabile oplaadbaar",
    "waterproof | wasserdicht etanche impermeable impermeabile wodoodporny waterdicht",
    "adjustable | verstellbar verstellbarer reglable ajustable regolabile regulowany regulowana verstelbaar",
    "heated | beheizt beheizte beheizbar beheizbare chauffant chauffante chauffants calefactable calefactado calefactada riscaldato "
    "riscaldata riscaldabile podgrzewany podgrzewana podgrzewane verwarmd verwarmde",
    "fabric | stoff tissu tela tessuto tkanina stof",
    "butane | butan butano butaan",
    "adult adults | erwachsene erwachsenen adulte adultes adulto adultos adulti doroslych dorosly volwassenen",
    "hair | haar haare cheveux cabello pelo capelli wlosow wlosy",
    "projection | projektion proyeccion proiezione projekcja projekcji projekcyjna projectie",
    "smoke | rauch fumee humo fumo dymu rook",
    "baby babies | babys bebe bebes neonato neonati niemowle niemowlat",
    "round | rund runde rond ronde redondo redonda rotondo rotonda okragly okragla",
    "star stars | stern sterne sternen etoile etoiles estrella estrellas stella stelle gwiazda gwiazdy gwiazd ster sterren",
    "astronaut astronauts | astronaute astronautes astronauta astronauten",
    "nebula | nebel nebuleuse nebulosa mglawica nevel",
    "shower | dusche dusch douche ducha doccia prysznic prysznicowy",
    "dive diving | tauchen tauch plongee buceo immersione subacqueo nurkowanie nurkowania duik duiken",
    "night | nacht nuit noche nocturna notte notturna nocna nocny",
};

// Each word's meanings (most have one): the row's English word, and
// whether the word is English itself. Built once.
struct Meaning {
  std::string_view english;
  bool english_word;
  bool kind;  // a kind of product's word, not a modifier's
};

const std::unordered_map<std::string_view, std::vector<Meaning>>& Meanings() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, std::vector<Meaning>>();
    std::vector<std::pair<std::string_view, bool>> rows;
    for (const std::string_view row : kKinds) rows.emplace_back(row, true);
    for (const std::string_view row : kModifiers) rows.emplace_back(row, false);
    for (const auto& [row, kind] : rows) {
      const std::string_view english = row.substr(0, row.find(' '));
      bool in_english = true;
      for (size_t at = 0; at < row.size();) {
        const size_t end = std::min(row.find(' ', at), row.size());
        const std::string_view word = row.substr(at, end - at);
        at = end + 1;
        if (word.empty()) continue;
        if (word == "|") {
          in_english = false;
          continue;
        }
        std::vector<Meaning>& of = (*t)[word];
        if (std::none_of(of.begin(), of.end(), [english](const Meaning& m) { return m.english == english; }))
          of.push_back({english, in_english, kind});
      }
    }
    return t;
  }();
  return *table;
}

// A word's hash, eight bytes at a time: every title word of every record
// is looked up when its keys are made, so this is on the matcher's path.
uint64_t WordHash(std::string_view w) {
  uint64_t h = (w.size() + 1) * 0x9E3779B97F4A7C15ULL;
  for (size_t i = 0; i < w.size(); i += 8) {
    uint64_t chunk = 0;
    std::memcpy(&chunk, w.data() + i, std::min<size_t>(8, w.size() - i));
    h = (h ^ chunk) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
  }
  return h;
}

// Meanings() as an open-addressed table at most a quarter full, probed
// linearly, and a bit per (first two letters, length) of the words it
// holds: most words looked up are in no row, and are turned away on that
// bit without hashing.
struct Slot {
  std::string_view word;
  const std::vector<Meaning>* meanings = nullptr;
};

constexpr size_t kMaxWordSize = 31;

size_t ShapeBit(std::string_view w) {
  return (static_cast<size_t>(static_cast<unsigned char>(w[0]) & 31) << 10) | (static_cast<size_t>(static_cast<unsigned char>(w[1]) & 31) << 5) |
         (w.size() & 31);
}

struct Lookup {
  std::vector<Slot> slots;
  std::vector<bool> shapes = std::vector<bool>(size_t{1} << 15);
};

const Lookup& TheLookup() {
  static const auto* lookup = [] {
    const auto& table = Meanings();
    size_t capacity = 64;
    while (capacity < 4 * table.size()) capacity *= 2;
    auto* l = new Lookup;
    l->slots.resize(capacity);
    for (const auto& [word, meanings] : table) {
      size_t at = WordHash(word) & (capacity - 1);
      while (l->slots[at].meanings != nullptr) at = (at + 1) & (capacity - 1);
      l->slots[at] = {word, &meanings};
      if (word.size() >= 2 && word.size() <= kMaxWordSize) l->shapes[ShapeBit(word)] = true;
    }
    return l;
  }();
  return *lookup;
}

const std::vector<Meaning>* MeaningsOf(std::string_view word) {
  const Lookup& lookup = TheLookup();
  if (word.size() < 2 || word.size() > kMaxWordSize || !lookup.shapes[ShapeBit(word)]) return nullptr;
  const std::vector<Slot>& slots = lookup.slots;
  const size_t mask = slots.size() - 1;
  for (size_t at = WordHash(word) & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots[at];
    if (slot.meanings == nullptr) return nullptr;
    if (slot.word == word) return slot.meanings;
  }
}

}  // namespace

void AddEnglishOfForeignWord(std::string_view title_word, std::vector<std::string_view>* english) {
  const auto add = [english](const std::vector<Meaning>* meanings) {
    if (meanings == nullptr) return;
    for (const Meaning& m : *meanings)
      if (!m.english_word && std::find(english->begin(), english->end(), m.english) == english->end()) english->push_back(m.english);
  };
  add(MeaningsOf(title_word));
  if (title_word.size() < 8) return;
  for (size_t split = 3; split + 3 <= title_word.size(); ++split) {
    if (title_word.size() - split >= 5) add(MeaningsOf(title_word.substr(split)));
    if (split >= 5) add(MeaningsOf(title_word.substr(0, split)));
  }
}

std::string_view EnglishHeadOf(std::string_view english_word) {
  const std::vector<Meaning>* meanings = MeaningsOf(english_word);
  if (meanings == nullptr) return {};
  for (const Meaning& m : *meanings)
    if (m.english_word && m.kind && m.english != english_word) return m.english;
  return {};
}

bool MeansAnyOf(std::string_view name_word, const std::vector<std::string_view>& english) {
  if (english.empty()) return false;
  const std::vector<Meaning>* meanings = MeaningsOf(name_word);
  if (meanings == nullptr) return false;
  return std::any_of(meanings->begin(), meanings->end(),
                     [&english](const Meaning& m) { return std::find(english.begin(), english.end(), m.english) != english.end(); });
}

bool IsListedKindWord(std::string_view word) {
  const std::vector<Meaning>* of = MeaningsOf(word);
  return of != nullptr && std::any_of(of->begin(), of->end(), [](const Meaning& m) { return m.kind; });
}

bool TranslatesWholeWord(std::string_view title_word, std::string_view name_word) {
  thread_local std::vector<std::string_view> english;
  english.clear();
  if (const std::vector<Meaning>* meanings = MeaningsOf(title_word))
    for (const Meaning& m : *meanings)
      if (!m.english_word) english.push_back(m.english);
  return MeansAnyOf(name_word, english);
}

bool TranslatesProductWord(std::string_view title_word, std::string_view name_word) {
  thread_local std::vector<std::string_view> english;
  english.clear();
  AddEnglishOfForeignWord(title_word, &english);
  return MeansAnyOf(name_word, english);
}

}  // namespace conform::recalls
