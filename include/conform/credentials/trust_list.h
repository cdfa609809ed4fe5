// Trust lists: which certification bodies may certify what, and since when.
//
// A trust list is itself a verifiable credential (eddsa-jcs-2022), issued by
// a trust anchor the verifier chooses (a national accreditation body, a
// regulator, the marketplace). Its subject names accreditation bodies and the
// accreditations they granted: certification body, accrediting body, validity
// period and scope (schemes, standards, product categories). A credential is
// trusted when its issuer held an accreditation, granted by a listed
// accreditation body, that covered what the credential certifies on the date
// it was issued.
//
// credentialSubject: {"type": "TrustList",
//   "accreditationBodies": [{"id", "name", "country"}],
//   "accreditations": [{"certificationBody", "name", "accreditedBy",
//       "validFrom", "validUntil", "scope": {"schemes": [], "standards": [],
//       "categories": []}}]}
// An empty or absent scope list means "any".
#ifndef CONFORM_CREDENTIALS_TRUST_LIST_H_
#define CONFORM_CREDENTIALS_TRUST_LIST_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "conform/core/result.h"

namespace conform {

struct Accreditation {
  std::string certification_body;  // the CB's DID
  std::string name;
  std::string accredited_by;       // an accreditation body's DID
  int64_t valid_from = 0;
  int64_t valid_until = INT64_MAX;
  std::vector<std::string> schemes, standards, categories;
};

struct TrustList {
  std::string anchor;  // who signed the list
  std::vector<std::string> accreditation_bodies;
  std::vector<Accreditation> accreditations;
  // The list's own validFrom and validUntil (Unix seconds; open when not
  // given): a verifier uses a list only while it is in force.
  int64_t valid_from = INT64_MIN, valid_until = INT64_MAX;
};

// Whether `list` is in force at `now`; else why not ("the trust list of X
// expired at ...").
Status TrustListInForce(const TrustList& list, int64_t now);

// Loads a trust list credential. Its proof must verify and its issuer must be
// one of `anchors`. Errors say which.
// `dids` resolves did:web anchors (nullptr: did:key only).
Result<TrustList> LoadTrustList(std::string_view json, const std::vector<std::string>& anchors,
                                const class DidResolver* dids = nullptr);

// What a credential certifies, as far as trust is concerned. Where an
// accreditation's scope lists standards, schemes or categories, the
// credential must name some, all within it: one that names none in a
// limited dimension is not shown to be within the accreditation.
struct Certified {
  std::string issuer;
  int64_t issued = 0;                   // validFrom, else the proof's created
  std::vector<std::string> schemes;     // scheme ids or names
  std::vector<std::string> standards;   // reference standard ids or names
  std::vector<std::string> categories;  // product categories
};

// Reads issuer, date and scope terms from a credential (VC 2.0, UNTP
// conformity credentials included): every `referenceStandard`, `scheme`
// (or `scope`) and `productCategory`/`category` value under
// credentialSubject, as a string or as an object's `id` and `name` (joined
// by a newline: a scope may list either).
Result<Certified> ReadCertified(std::string_view credential_json);
struct JsonValue;
Result<Certified> ReadCertified(const JsonValue& credential);

// Ok when some accreditation covers `what`; otherwise says why not.
Status CheckTrust(const TrustList& list, const Certified& what);

}  // namespace conform

#endif  // CONFORM_CREDENTIALS_TRUST_LIST_H_
