#include "conform/knowledge/requirement.h"

#include <algorithm>

#include "conform/core/text.h"

namespace conform {

std::string StandardIdKey(std::string_view id) {
  std::string key;
  for (char c : AsciiUpper(id))
    if (c != ' ') key += c;
  if (key.rfind("GB/T", 0) == 0 || key.rfind("GB/Z", 0) == 0) key.erase(2, 2);
  // The national standards bodies of Europe, which adopt each EN under
  // their own prefix.
  for (std::string_view national : {"DIN", "BS", "NF", "UNE", "ÖNORM", "OENORM", "ONORM", "SS", "NEN", "PN", "ČSN", "CSN", "STN", "UNI", "DS",
                                    "SFS", "I.S.", "IS", "NBN", "NS", "ELOT", "SIST", "SR", "MSZ", "LST", "LVS", "EVS", "CYS", "ILNAS", "HRN",
                                    "BDS", "MSA", "OVE"}) {
    if (key.rfind(national, 0) != 0) continue;
    size_t at = national.size();
    if (at < key.size() && (key[at] == '-' || key[at] == '/')) ++at;
    if (key.compare(at, 2, "EN") == 0) {
      key.erase(0, at);
      break;
    }
  }
  return key;
}

std::vector<std::string> StandardAlternatives(const std::vector<StandardRef>& standards) {
  std::vector<std::string> out, keys;
  for (const auto& st : standards) {
    const std::string key = StandardIdKey(st.id);
    const auto same = std::find(keys.begin(), keys.end(), key);
    if (same != keys.end()) {
      out[static_cast<size_t>(same - keys.begin())] += " or " + st.ToString();
      continue;
    }
    keys.push_back(key);
    out.push_back(st.ToString());
  }
  return out;
}

}  // namespace conform
