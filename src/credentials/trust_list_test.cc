#include "conform/credentials/trust_list.h"

#include <gtest/gtest.h>

#include <string>

namespace conform {
namespace {

TrustList ListWithScope(std::vector<std::string> standards) {
  TrustList list;
  list.anchor = "did:example:anchor";
  list.accreditation_bodies = {"did:example:ab"};
  Accreditation a;
  a.certification_body = "did:example:cb";
  a.accredited_by = "did:example:ab";
  a.standards = std::move(standards);
  list.accreditations.push_back(a);
  return list;
}

Certified Naming(std::vector<std::string> standards) {
  Certified c;
  c.issuer = "did:example:cb";
  c.issued = 1767225600;  // 2026-01-01
  c.standards = std::move(standards);
  return c;
}

// Scope terms match without case, spaces or underscores; a term read from
// an object matches by its id or by its name (joined by a newline).
TEST(TrustListTest, ScopeTermsMatchAsWritersVaryThem) {
  const TrustList list = ListWithScope({"GB 4943.1-2022", "IEC_62368-1"});
  for (const char* same : {"GB 4943.1-2022", "gb4943.1-2022", "GB_4943.1-2022", " GB  4943.1-2022 ", "iec 62368-1",
                           "https://std.example/GB-4943.1-2022\nGB 4943.1-2022", "IEC62368-1\nanother name"})
    EXPECT_TRUE(CheckTrust(list, Naming({same})).ok()) << same;
  for (const char* other : {"GB 4943.1-2023", "GB 4943.1", "GB 4943.1-2022-A", "", "https://std.example/GB-4943.1-2022\nGB 4943"}) {
    const Status st = CheckTrust(list, Naming({other}));
    ASSERT_FALSE(st.ok()) << other;
    // The term is reported by its first part (an object's id).
    const std::string first = std::string(other).substr(0, std::string(other).find('\n'));
    EXPECT_NE(st.error().ToString().find("does not cover the standard " + first), std::string::npos) << st.error().ToString();
  }
}

// Terms beyond ASCII are compared by Unicode case folding.
TEST(TrustListTest, ScopeTermsBeyondAsciiFoldCase) {
  const TrustList list = ListWithScope({"Lampe \xC3\xA9lectrique", "GB 4943.1-2022"});
  EXPECT_TRUE(CheckTrust(list, Naming({"LAMPE \xC3\x89LECTRIQUE"})).ok());
  EXPECT_TRUE(CheckTrust(list, Naming({"lampe_\xC3\xA9lectrique"})).ok());
  EXPECT_FALSE(CheckTrust(list, Naming({"lampe electrique"})).ok());
  EXPECT_TRUE(CheckTrust(list, Naming({"\xEF\xBC\xA7\xEF\xBC\xA2 4943.1-2022"})).ok());  // full-width "ＧＢ"
}

}  // namespace
}  // namespace conform
