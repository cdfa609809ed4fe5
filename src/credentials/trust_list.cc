#include "conform/credentials/trust_list.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "conform/core/text.h"
#include "conform/credentials/credential.h"
#include "conform/credentials/data_integrity.h"
#include "conform/credentials/jcs.h"

namespace conform {

namespace {

Error Fail(std::string what) { return Error(ErrorCode::kInvalidInput, std::move(what), ""); }

const std::string& Str(const JsonValue* v) {
  static const std::string kNone;
  return v != nullptr && v->is_string() ? v->text : kNone;
}

std::vector<std::string> Strings(const JsonValue* v) {
  std::vector<std::string> out;
  if (v == nullptr) return out;
  if (v->is_string()) out.push_back(v->text);
  for (const auto& x : v->items)
    if (x.is_string()) out.push_back(x.text);
  return out;
}

// Scope terms compare without case, spaces or the punctuation that varies
// between writers ("GB 4943.1-2022" and "GB4943.1-2022").
std::string Key(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  // ASCII (nearly every scope term) normalises to its lower case, which
  // needs no Unicode tables.
  bool ascii = true;
  for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    for (char c : s)
      if (c != ' ' && c != '_') out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
  }
  for (char c : NormalizeForMatching(s))
    if (c != ' ' && c != '_') out += c;
  return out;
}

// Key(a) == Key(b), without building either key when both are ASCII (the
// trust check compares every scope term with every term a credential names).
bool SameKey(std::string_view a, std::string_view b) {
  const auto ascii = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  };
  if (!ascii(a) || !ascii(b)) return Key(a) == Key(b);
  const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  size_t i = 0, j = 0;
  while (true) {
    while (i < a.size() && (a[i] == ' ' || a[i] == '_')) ++i;
    while (j < b.size() && (b[j] == ' ' || b[j] == '_')) ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (lower(a[i++]) != lower(b[j++])) return false;
  }
}

bool Covers(const std::vector<std::string>& scope, const std::vector<std::string>& wanted, std::string* missing) {
  if (scope.empty()) return true;
  // A limited accreditation and a credential that names nothing in that
  // dimension: nothing shows the work was within it.
  if (wanted.empty()) {
    missing->clear();
    return false;
  }
  for (const auto& w : wanted) {
    // A term read from an object may be known by its id or by its name
    // (joined by a newline): either may be what the scope lists.
    bool found = false;
    size_t start = 0;
    while (!found && start <= w.size()) {
      const size_t end = std::min(w.find('\n', start), w.size());
      const std::string_view part = std::string_view(w).substr(start, end - start);
      for (const auto& s : scope) found = found || SameKey(s, part);
      start = end + 1;
    }
    if (!found) {
      *missing = w.substr(0, w.find('\n'));
      return false;
    }
  }
  return true;
}

// Where Collect puts the values of some member names.
struct CollectTarget {
  std::initializer_list<std::string_view> names;
  std::vector<std::string>* out;
};

// Bit n set when some target name is n bytes long (63 and longer share bit
// 63): most members are type, id or name, which this rules out at once.
uint64_t NameLengths(std::initializer_list<CollectTarget> targets) {
  uint64_t lengths = 0;
  for (const CollectTarget& target : targets)
    for (std::string_view name : target.names) lengths |= uint64_t{1} << std::min<size_t>(name.size(), 63);
  return lengths;
}

// Collects values of each target's names anywhere below `v` (strings, or
// objects' id/name), in one walk for all targets.
void Collect(const JsonValue& v, std::initializer_list<CollectTarget> targets, uint64_t lengths) {
  if (v.is_array()) {
    for (const auto& x : v.items) Collect(x, targets, lengths);
    return;
  }
  if (!v.is_object()) return;
  for (const auto& [k, x] : v.members) {
    const bool may_be_named = (lengths >> std::min<size_t>(k.size(), 63) & 1) != 0;
    for (const CollectTarget& target : targets) {
      if (!may_be_named) break;
      if (std::find(target.names.begin(), target.names.end(), k) == target.names.end()) continue;
      const auto take = [&](const JsonValue& y) {
        if (y.is_string()) target.out->push_back(y.text);
        else if (y.is_object()) {
          const std::string &id = Str(y.Find("id")), &name = Str(y.Find("name"));
          if (!id.empty() && !name.empty()) target.out->push_back(id + "\n" + name);
          else if (!id.empty()) target.out->push_back(id);
          else if (!name.empty()) target.out->push_back(name);
        }
      };
      if (x.is_array())
        for (const auto& y : x.items) take(y);
      else
        take(x);
    }
    if (x.is_object() || x.is_array()) Collect(x, targets, lengths);
  }
}

void Collect(const JsonValue& v, std::initializer_list<CollectTarget> targets) { Collect(v, targets, NameLengths(targets)); }

}  // namespace

Result<TrustList> LoadTrustList(std::string_view json, const std::vector<std::string>& anchors, const DidResolver* dids) {
  auto parsed = ParseIJson(json);
  if (!parsed.ok()) return parsed.error();
  const JsonValue& doc = parsed.value();
  if (Status st = VerifyEddsaJcsProof(doc, dids); !st.ok()) return Fail("trust list: " + st.error().ToString());
  TrustList list;
  const JsonValue* issuer = doc.Find("issuer");
  list.anchor = issuer && issuer->is_object() ? Str(issuer->Find("id")) : Str(issuer);
  const auto proofs = ProofsOf(doc);
  const bool by_issuer =
      std::any_of(proofs.begin(), proofs.end(), [&list](const JsonValue* proof) { return ProofController(*proof) == list.anchor; });
  if (!by_issuer) return Fail("trust list: it is not signed by its issuer's key");
  if (std::find(anchors.begin(), anchors.end(), list.anchor) == anchors.end())
    return Fail(fmt::format("trust list: its issuer {} is not a trust anchor you named", list.anchor));
  for (const auto& [field, target] : {std::pair{"validFrom", &list.valid_from}, std::pair{"validUntil", &list.valid_until}}) {
    const std::string t = Str(doc.Find(field));
    if (t.empty()) continue;
    auto when = ParseDateTime(t);
    if (!when.ok()) return Fail(fmt::format("trust list: {}: {}", field, when.error().ToString()));
    *target = when.value();
  }
  const JsonValue* subject = doc.Find("credentialSubject");
  if (subject == nullptr || !subject->is_object()) return Fail("trust list: no credentialSubject");
  if (const JsonValue* abs = subject->Find("accreditationBodies"))
    for (const auto& ab : abs->items) list.accreditation_bodies.push_back(Str(ab.Find("id")));
  if (const JsonValue* accs = subject->Find("accreditations")) {
    for (const auto& a : accs->items) {
      Accreditation acc;
      acc.certification_body = Str(a.Find("certificationBody"));
      acc.name = Str(a.Find("name"));
      acc.accredited_by = Str(a.Find("accreditedBy"));
      if (acc.certification_body.empty() || acc.accredited_by.empty())
        return Fail("trust list: every accreditation needs certificationBody and accreditedBy");
      for (const auto& [field, target] : {std::pair{"validFrom", &acc.valid_from}, std::pair{"validUntil", &acc.valid_until}}) {
        const std::string t = Str(a.Find(field));
        if (t.empty()) continue;
        auto when = ParseDateTime(t);
        if (!when.ok()) return Fail(fmt::format("trust list: {} of {}: {}", field, acc.certification_body, when.error().ToString()));
        *target = when.value();
      }
      if (const JsonValue* scope = a.Find("scope")) {
        acc.schemes = Strings(scope->Find("schemes"));
        acc.standards = Strings(scope->Find("standards"));
        acc.categories = Strings(scope->Find("categories"));
      }
      list.accreditations.push_back(std::move(acc));
    }
  }
  return list;
}

Result<Certified> ReadCertified(std::string_view json) {
  auto parsed = ParseIJson(json);
  if (!parsed.ok()) return parsed.error();
  return ReadCertified(parsed.value());
}

Result<Certified> ReadCertified(const JsonValue& vc) {
  Certified c;
  const JsonValue* issuer = vc.Find("issuer");
  c.issuer = issuer && issuer->is_object() ? Str(issuer->Find("id")) : Str(issuer);
  std::string when = Str(vc.Find("validFrom"));
  if (when.empty())
    // The issuer's proof's date; a co-signature may come later.
    for (const JsonValue* proof : ProofsOf(vc)) {
      const bool issuers = ProofController(*proof) == c.issuer;
      if (when.empty() || issuers) when = Str(proof->Find("created"));
      if (issuers) break;
    }
  if (when.empty()) return Fail("the credential gives no date (validFrom or the proof's created)");
  auto t = ParseDateTime(when);
  if (!t.ok()) return t.error();
  c.issued = t.value();
  if (const JsonValue* subject = vc.Find("credentialSubject")) {
    Collect(*subject, {{{"referenceStandard"}, &c.standards}, {{"scheme", "scope"}, &c.schemes}, {{"productCategory", "category"}, &c.categories}});
  }
  return c;
}

Status TrustListInForce(const TrustList& list, int64_t now) {
  if (now < list.valid_from) return Fail(fmt::format("the trust list of {} is not valid before {}", list.anchor, FormatDateTime(list.valid_from)));
  if (now > list.valid_until)
    return Fail(fmt::format("the trust list of {} expired at {}: fetch a current one", list.anchor, FormatDateTime(list.valid_until)));
  return Status::Ok();
}

Status CheckTrust(const TrustList& list, const Certified& what) {
  std::string why;  // why the last candidate failed, formatted only then
  for (const Accreditation& a : list.accreditations) {
    if (a.certification_body != what.issuer) continue;
    if (std::find(list.accreditation_bodies.begin(), list.accreditation_bodies.end(), a.accredited_by) == list.accreditation_bodies.end()) {
      why = fmt::format("{} was accredited by {}, which is not a listed accreditation body", what.issuer, a.accredited_by);
      continue;
    }
    if (what.issued < a.valid_from || what.issued > a.valid_until) {
      why = fmt::format("{} was not accredited on {} (accreditation {} to {})", what.issuer, FormatDateTime(what.issued),
                        FormatDateTime(a.valid_from), a.valid_until == INT64_MAX ? "open" : FormatDateTime(a.valid_until));
      continue;
    }
    std::string missing;
    if (!Covers(a.standards, what.standards, &missing)) {
      why = what.standards.empty()
                ? fmt::format("{}'s accreditation is limited to the standards {}, and the credential names none", what.issuer,
                              fmt::join(a.standards, ", "))
                : fmt::format("{}'s accreditation does not cover the standard {}", what.issuer, missing);
      continue;
    }
    if (!Covers(a.schemes, what.schemes, &missing)) {
      why = what.schemes.empty()
                ? fmt::format("{}'s accreditation is limited to the schemes {}, and the credential names none", what.issuer,
                              fmt::join(a.schemes, ", "))
                : fmt::format("{}'s accreditation does not cover the scheme {}", what.issuer, missing);
      continue;
    }
    if (!Covers(a.categories, what.categories, &missing)) {
      why = what.categories.empty()
                ? fmt::format("{}'s accreditation is limited to the product categories {}, and the credential names none", what.issuer,
                              fmt::join(a.categories, ", "))
                : fmt::format("{}'s accreditation does not cover the product category {}", what.issuer, missing);
      continue;
    }
    return Status::Ok();
  }
  if (why.empty()) why = fmt::format("{} holds no accreditation on the trust list of {}", what.issuer, list.anchor);
  return Fail(why);
}

}  // namespace conform
