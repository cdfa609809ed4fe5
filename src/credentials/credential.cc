#include "conform/credentials/credential.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>
#include <tuple>
#include <nlohmann/json.hpp>

#include "conform/core/threads.h"
#include "conform/credentials/conformity_credential.h"
#include "conform/credentials/jcs.h"
#include "conform/credentials/schema_registry.h"
#include "conform/credentials/status_list.h"
#include "conform/credentials/trust_list.h"

namespace conform {

namespace {

using Json = nlohmann::ordered_json;

Error Fail(std::string what) { return Error(ErrorCode::kInvalidInput, std::move(what), ""); }

bool Digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// Parses strictly (I-JSON first, as the canonicaliser enforces it).
Result<Json> ParseStrict(std::string_view text) {
  auto canonical = CanonicalizeJson(text);
  if (!canonical.ok()) return canonical.error();
  return Json::parse(canonical.value());
}

std::string IssuerId(const Json& vc) {
  if (!vc.contains("issuer")) return "";
  const Json& i = vc["issuer"];
  if (i.is_string()) return i.get<std::string>();
  if (i.is_object() && i.contains("id") && i["id"].is_string()) return i["id"].get<std::string>();
  return "";
}

}  // namespace

Result<int64_t> ParseDateTime(std::string_view t) {
  const auto bad = [&] { return Error(ErrorCode::kInvalidInput, fmt::format("'{}' is not an XML Schema dateTime", t), "write e.g. 2026-01-31T12:00:00Z"); };
  if (t.size() < 20 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':') return bad();
  if (!Digits(t.substr(0, 4)) || !Digits(t.substr(5, 2)) || !Digits(t.substr(8, 2)) || !Digits(t.substr(11, 2)) ||
      !Digits(t.substr(14, 2)) || !Digits(t.substr(17, 2)))
    return bad();
  const std::chrono::year_month_day ymd{std::chrono::year{ToInt(t.substr(0, 4))}, std::chrono::month{static_cast<unsigned>(ToInt(t.substr(5, 2)))},
                                        std::chrono::day{static_cast<unsigned>(ToInt(t.substr(8, 2)))}};
  const int hh = ToInt(t.substr(11, 2)), mm = ToInt(t.substr(14, 2)), ss = ToInt(t.substr(17, 2));
  if (!ymd.ok() || hh > 23 || mm > 59 || ss > 59) return bad();
  size_t i = 19;
  if (i < t.size() && t[i] == '.') {
    ++i;
    const size_t b = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == b) return bad();
  }
  int offset = 0;
  if (i < t.size() && t[i] == 'Z') {
    ++i;
  } else if (i + 6 == t.size() && (t[i] == '+' || t[i] == '-') && t[i + 3] == ':' && Digits(t.substr(i + 1, 2)) && Digits(t.substr(i + 4, 2))) {
    offset = (ToInt(t.substr(i + 1, 2)) * 60 + ToInt(t.substr(i + 4, 2))) * 60 * (t[i] == '+' ? 1 : -1);
    i += 6;
  } else {
    return bad();  // a dateTime without a time zone is ambiguous
  }
  if (i != t.size()) return bad();
  const int64_t days = std::chrono::sys_days(ymd).time_since_epoch().count();
  return days * 86400 + hh * 3600 + mm * 60 + ss - offset;
}

std::string FormatDateTime(int64_t seconds) {
  const int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  const int64_t rest = seconds - days * 86400;
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  const int year = static_cast<int>(ymd.year());
  if (year >= 0 && year <= 9999) {
    // Every verification reports the time it checked against: the fixed
    // form is written digit by digit rather than through a format string.
    std::string out = "0000-00-00T00:00:00Z";
    const auto put = [&](size_t at, int64_t value, int width) {
      for (size_t i = at + static_cast<size_t>(width); i-- > at; value /= 10) out[i] = static_cast<char>('0' + value % 10);
    };
    put(0, year, 4);
    put(5, static_cast<unsigned>(ymd.month()), 2);
    put(8, static_cast<unsigned>(ymd.day()), 2);
    put(11, rest / 3600, 2);
    put(14, rest % 3600 / 60, 2);
    put(17, rest % 60, 2);
    return out;
  }
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()), rest / 3600, rest % 3600 / 60, rest % 60);
}

SigningKey GenerateSigningKey() {
  if (sodium_init() < 0) std::abort();
  SigningKey k;
  randombytes_buf(k.seed.data(), k.seed.size());
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(k.public_key.data(), sk, k.seed.data());
  sodium_memzero(sk, sizeof sk);
  return k;
}

std::string SigningKeyToJson(const SigningKey& key) {
  Json j;
  j["id"] = key.did();
  j["verificationMethod"] = key.verification_method();
  j["publicKeyMultibase"] = EncodePublicKeyMultibase(key.public_key);
  j["secretKeyMultibase"] = EncodeSecretKeyMultibase(key.seed);
  return j.dump(2) + "\n";
}

Result<SigningKey> SigningKeyFromJson(std::string_view json) {
  auto j = ParseStrict(json);
  if (!j.ok()) return j.error();
  if (!j.value().is_object() || !j.value().contains("secretKeyMultibase") || !j.value()["secretKeyMultibase"].is_string())
    return Fail("a key file needs secretKeyMultibase (see `conform keys generate`)");
  auto seed = DecodeSecretKeyMultibase(j.value()["secretKeyMultibase"].get<std::string>());
  if (!seed.ok()) return seed.error();
  if (sodium_init() < 0) return Error(ErrorCode::kInternal, "libsodium failed to initialise");
  SigningKey k;
  k.seed = seed.value();
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(k.public_key.data(), sk, k.seed.data());
  sodium_memzero(sk, sizeof sk);
  if (j.value().contains("publicKeyMultibase") && j.value()["publicKeyMultibase"] != EncodePublicKeyMultibase(k.public_key))
    return Fail("the key file's publicKeyMultibase does not belong to its secret key");
  // The file names the DID it signs for; one that names another would have
  // its user believe they issue as someone they are not.
  for (const char* field : {"id", "verificationMethod"}) {
    if (!j.value().contains(field)) continue;
    const Json& v = j.value()[field];
    const std::string want = std::string(field) == "id" ? k.did() : k.verification_method();
    if (!v.is_string() || v.get<std::string>() != want)
      return Fail(fmt::format("the key file's {} is {}, but its secret key is {}", field, v.is_string() ? v.get<std::string>() : v.dump(), want));
  }
  return k;
}

// A status list that verified, decoded; or why it did not.
struct VerifyContext::CachedList {
  std::string source;  // the JSON text it was made from
  std::string error;   // empty when usable
  std::string purpose;
  std::string issuer;
  BitstringStatusList bits{0};
  // The list's own validity period (Unix seconds): a list past its
  // validUntil may no longer say what was revoked since.
  int64_t valid_from = INT64_MIN, valid_until = INT64_MAX;
  std::string valid_from_text, valid_until_text;
};

std::shared_ptr<const VerifyContext::CachedList> VerifyContext::Cached(const std::string& id) const {
  std::lock_guard<std::mutex> lock(cache_mu_);
  auto it = cache_.find(id);
  return it == cache_.end() ? nullptr : it->second;
}

void VerifyContext::Cache(const std::string& id, std::shared_ptr<const CachedList> list) const {
  std::lock_guard<std::mutex> lock(cache_mu_);
  cache_[id] = std::move(list);
}

namespace {
std::shared_ptr<const VerifyContext::CachedList> LoadList(const std::string& id, const std::string& text, const DidResolver* dids) {
  auto list = std::make_shared<VerifyContext::CachedList>();
  list->source = text;
  auto parsed = ParseIJson(text);
  const Status proof = parsed.ok() ? VerifyEddsaJcsProof(parsed.value(), dids) : Status(parsed.error());
  if (!proof.ok()) {
    list->error = fmt::format("status list {}: {}", id, proof.error().ToString());
    return list;
  }
  const Json j = Json::parse(CanonicalizeJson(text).value());
  const Json subject = j.contains("credentialSubject") ? j["credentialSubject"] : Json();
  if (!subject.is_object() || !subject.contains("statusPurpose") || !subject["statusPurpose"].is_string() ||
      !subject.contains("encodedList") || !subject["encodedList"].is_string()) {
    list->error = fmt::format("status list {} has no statusPurpose and encodedList", id);
    return list;
  }
  auto bits = BitstringStatusList::Decode(subject["encodedList"].get<std::string>());
  if (!bits.ok()) {
    list->error = fmt::format("status list {}: {}", id, bits.error().ToString());
    return list;
  }
  list->purpose = subject["statusPurpose"].get<std::string>();
  list->issuer = IssuerId(j);
  list->bits = std::move(bits).value();
  for (const auto& [field, when, text] : {std::tuple{"validFrom", &list->valid_from, &list->valid_from_text},
                                          std::tuple{"validUntil", &list->valid_until, &list->valid_until_text}}) {
    if (!j.contains(field)) continue;
    auto t = j[field].is_string() ? ParseDateTime(j[field].get<std::string>()) : Result<int64_t>(Error(ErrorCode::kInvalidInput, "not text"));
    if (!t.ok()) {
      list->error = fmt::format("status list {}: {} is not a date-time", id, field);
      return list;
    }
    *when = t.value();
    *text = j[field].get<std::string>();
  }
  return list;
}
}  // namespace

namespace {

// A string member's text, or an empty string: read in place, not copied.
const std::string& Str(const JsonValue* v) {
  static const std::string kNone;
  return v != nullptr && v->is_string() ? v->text : kNone;
}

const std::string& IssuerOf(const JsonValue& v) {
  const JsonValue* i = v.Find("issuer");
  return i != nullptr && i->is_object() ? Str(i->Find("id")) : Str(i);
}

bool HasType(const JsonValue& v, std::string_view type) {
  const JsonValue* t = v.Find("type");
  if (t == nullptr) return false;
  if (t->is_string()) return t->text == type;
  for (const auto& x : t->items)
    if (x.is_string() && x.text == type) return true;
  return false;
}

// A URL for the data model: a scheme, ':', and no spaces.
bool IsUrl(const std::string& u) {
  const size_t colon = u.find(':');
  if (colon == std::string::npos || colon == 0 || u.find(' ') != std::string::npos) return false;
  // ASCII letters and digits as the scheme allows them, whatever the locale.
  const auto scheme_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
  };
  return std::all_of(u.begin(), u.begin() + static_cast<std::ptrdiff_t>(colon), scheme_char) && colon + 1 < u.size();
}

// The pieces joined, in one allocation: the details of the checks a
// credential passes are built this way on every verification, where a
// format string costs more than the checks.
std::string Concat(std::initializer_list<std::string_view> pieces) {
  size_t size = 0;
  for (std::string_view p : pieces) size += p.size();
  std::string out;
  out.reserve(size);
  for (std::string_view p : pieces) out.append(p);
  return out;
}

// The "json" check shared by credentials and presentations: size limit and
// strict parse into `into`. False when it failed (the check says why).
bool ParseChecked(std::string_view json, const char* what, JsonValue* into, std::vector<CredentialCheck>* checks) {
  if (json.size() > kMaxCredentialBytes) {
    checks->push_back({"json", false, fmt::format("{} bytes, more than the limit of {} for a {}", json.size(), kMaxCredentialBytes, what)});
    return false;
  }
  if (Status st = ParseIJsonInto(json, into); !st.ok()) {
    checks->push_back({"json", false, st.error().ToString()});
    return false;
  }
  checks->push_back({"json", true, "I-JSON: UTF-8, no duplicate keys, no lone surrogates"});
  return true;
}

// Credentials up to this size are parsed into a tree each thread keeps, so
// that a batch reuses its memory instead of allocating and freeing every
// string and vector again; larger ones get a tree of their own, which the
// thread does not hold on to.
constexpr size_t kReusedTreeBytes = size_t{64} << 10;

// A property that holds one object or an array of them, as a list: a view
// of the array's items or of the one value, so nothing is allocated.
std::span<const JsonValue> ItemsOf(const JsonValue* v) {
  if (v == nullptr) return {};
  if (v->is_array()) return v->items;
  return {v, 1};
}

// The @context rule shared by credentials and presentations.
void ContextStructure(const JsonValue& v, std::vector<std::string>* problems) {
  const JsonValue* c = v.Find("@context");
  if (c == nullptr || !c->is_array() || c->items.empty() || Str(&c->items[0]) != "https://www.w3.org/ns/credentials/v2") {
    problems->push_back("@context must be an array starting with https://www.w3.org/ns/credentials/v2");
    return;
  }
  for (size_t i = 1; i < c->items.size(); ++i)
    if (!(c->items[i].is_object() || (c->items[i].is_string() && IsUrl(c->items[i].text))))
      problems->push_back(fmt::format("@context entry {} must be a URL or an object", i + 1));
}

// A credential's validFrom and validUntil, where given, as read by the
// structure check: the validity check compares them without parsing again.
struct ValidityPeriod {
  std::optional<int64_t> from, until;
};

// VC Data Model 2.0 structure of a credential (section 4), as far as it can
// be checked without JSON-LD processing. `period`, if given, receives the
// dates that are well formed.
// VC 2.0 (4.6): a name or description is text, a language value object
// ({"@value", optionally "@language" and "@direction", nothing else), or an
// array of those.
void NamesAndDescriptions(const JsonValue& owner, std::string_view where, std::vector<std::string>* problems) {
  for (const char* field : {"name", "description"}) {
    const JsonValue* v = owner.Find(field);
    if (v == nullptr) continue;
    const auto ok = [](const JsonValue& x) {
      if (x.is_string()) return true;
      if (!x.is_object()) return false;
      const JsonValue* value = x.Find("@value");
      if (value == nullptr || !value->is_string()) return false;
      return std::all_of(x.members.begin(), x.members.end(), [](const auto& m) {
        return (m.first == "@value" || m.first == "@language" || m.first == "@direction") && m.second.is_string();
      });
    };
    const bool good = v->is_array() ? std::all_of(v->items.begin(), v->items.end(), ok) : ok(*v);
    if (!good)
      problems->push_back(fmt::format("{}{} must be text or language value objects ({{\"@value\", \"@language\", \"@direction\"}}, nothing else)",
                                      where, field));
  }
}

void CredentialStructure(const JsonValue& vc, std::vector<std::string>* out, ValidityPeriod* period_out = nullptr) {
  std::vector<std::string>& problems = *out;
  if (!vc.is_object()) {
    problems.push_back("not a JSON object");
  } else {
    ContextStructure(vc, &problems);
    if (!HasType(vc, "VerifiableCredential")) problems.push_back("type must include VerifiableCredential");
    const JsonValue* issuer_value = vc.Find("issuer");
    const std::string& issuer_id = IssuerOf(vc);
    if (issuer_value == nullptr || issuer_id.empty() || !IsUrl(issuer_id)) problems.push_back("issuer must be a URL or an object whose id is a URL");
    NamesAndDescriptions(vc, "", &problems);
    if (issuer_value != nullptr && issuer_value->is_object()) NamesAndDescriptions(*issuer_value, "issuer.", &problems);
    const JsonValue* subject = vc.Find("credentialSubject");
    bool subject_ok = subject != nullptr && (subject->is_object() || (subject->is_array() && !subject->items.empty()));
    if (subject_ok) {
      const auto claims = [](const JsonValue& s) { return s.is_object() && !s.members.empty(); };
      if (subject->is_object()) subject_ok = claims(*subject);
      for (const auto& x : subject->items) subject_ok = subject_ok && claims(x);
    }
    if (!subject_ok) problems.push_back("credentialSubject must be one or more objects, each with at least one claim");
    if (subject != nullptr) {
      for (const JsonValue& x : ItemsOf(subject))
        if (const JsonValue* id = x.is_object() ? x.Find("id") : nullptr; id != nullptr && !(id->is_string() && IsUrl(id->text)))
          problems.push_back("a credentialSubject id must be a single URL");
    }
    // Each date is read once, for its form and then for the order.
    constexpr const char* kPeriod[] = {"validFrom", "validUntil"};
    std::optional<int64_t> period[2];
    for (int i = 0; i < 2; ++i) {
      const JsonValue* v = vc.Find(kPeriod[i]);
      if (v == nullptr) continue;
      if (v->is_string())
        if (auto when = ParseDateTime(v->text); when.ok()) {
          period[i] = when.value();
          continue;
        }
      problems.push_back(fmt::format("{} must be an XML Schema dateTime with a time zone", kPeriod[i]));
    }
    if (period[0] && period[1] && *period[1] < *period[0]) problems.push_back("validUntil is before validFrom");
    if (period_out != nullptr) *period_out = {period[0], period[1]};
    if (const JsonValue* id = vc.Find("id"); id != nullptr && !(id->is_string() && IsUrl(id->text))) problems.push_back("id must be a single URL");
    // Objects of these properties must say what they are (a type), and an
    // id, where given, must be a URL; a schema needs both.
    for (const char* f : {"credentialStatus", "credentialSchema", "evidence", "refreshService", "termsOfUse"}) {
      const JsonValue* v = vc.Find(f);
      if (v == nullptr) continue;
      for (const JsonValue& x : ItemsOf(v)) {
        const JsonValue* type = x.is_object() ? x.Find("type") : nullptr;
        const bool typed = type != nullptr && (type->is_string() || (type->is_array() && !type->items.empty() &&
                                                                     std::all_of(type->items.begin(), type->items.end(), [](const JsonValue& t) { return t.is_string(); })));
        if (!typed) problems.push_back(fmt::format("every {} needs a type", f));
        const JsonValue* id = x.is_object() ? x.Find("id") : nullptr;
        if (id != nullptr && !(id->is_string() && IsUrl(id->text))) problems.push_back(fmt::format("the id of a {} must be a URL", f));
        if (std::string_view(f) == "credentialSchema" && id == nullptr) problems.push_back("every credentialSchema needs an id");
      }
    }
  }
}

}  // namespace

namespace {

// One credentialStatus entry against the local copy of its list: whether
// it lets the credential stand, and why in `detail`.
bool CheckStatusEntry(const JsonValue& st, const std::string& issuer, const VerifyContext& ctx, std::string* detail) {
  const auto fail = [detail](std::string why) {
    *detail = std::move(why);
    return false;
  };
  if (!st.is_object() || !HasType(st, "BitstringStatusListEntry") || Str(st.Find("statusListCredential")).empty() ||
      !Digits(Str(st.Find("statusListIndex"))) || Str(st.Find("statusPurpose")).empty())
    return fail("credentialStatus must be a BitstringStatusListEntry with statusPurpose, statusListIndex (digits) and statusListCredential");
  const std::string& list_id = Str(st.Find("statusListCredential"));
  const std::string& purpose = Str(st.Find("statusPurpose"));
  auto it = ctx.status_lists.find(list_id);
  if (it == ctx.status_lists.end()) return fail(fmt::format("status list {} is not available locally", list_id));
  auto list = ctx.Cached(list_id);
  if (!list || list->source != it->second) {
    list = LoadList(list_id, it->second, ctx.dids);
    ctx.Cache(list_id, list);
  }
  if (!list->error.empty()) return fail(list->error);
  // Only the issuer may say whether its credential still stands.
  if (list->issuer != issuer)
    return fail(fmt::format("status list {} was issued by '{}', not the credential's issuer '{}'", list_id, list->issuer, issuer));
  if (list->purpose != purpose) return fail(fmt::format("status list {} is a {} list, the entry says {}", list_id, list->purpose, purpose));
  // A set bit of a refresh or message list does not say the credential is
  // withdrawn, and a message list's entries may be wider than a bit.
  if (purpose != "revocation" && purpose != "suspension")
    return fail(fmt::format("status purpose '{}' is not checked: only revocation and suspension lists say whether a credential stands", purpose));
  if (ctx.now < list->valid_from || ctx.now > list->valid_until)
    return fail(ctx.now < list->valid_from
                    ? fmt::format("status list {} is not valid before {}: use the copy in force now", list_id, list->valid_from_text)
                    : fmt::format("status list {} expired at {}: fetch a current copy", list_id, list->valid_until_text));
  const BitstringStatusList& bits = list->bits;
  const std::string& index_text = Str(st.Find("statusListIndex"));
  if (index_text.size() > 18) return fail(fmt::format("statusListIndex {} is out of range", index_text));
  const uint64_t index = std::stoull(index_text);
  if (index >= bits.size()) return fail(fmt::format("index {} is outside the list of {} entries", index, bits.size()));
  const bool set = bits.Get(index);
  *detail = set ? fmt::format("{} (entry {} of {} is set)", purpose == "revocation" ? "revoked" : "suspended", index, list_id)
                : Concat({"not ", purpose == "revocation" ? "revoked" : "suspended", " (entry ", std::to_string(index), " of ", list_id, ")"});
  return !set;
}

}  // namespace

CredentialReport VerifyCredential(std::string_view json, const VerifyContext& ctx) {
  CredentialReport report;
  report.checks.reserve(10);  // one block for every check a credential can get
  const auto add = [&](const char* name, bool passed, std::string detail) {
    report.checks.push_back(CredentialCheck{name, passed, std::move(detail)});
  };
  // Parsed once, strictly; every check reads the same tree. Nothing of an
  // earlier credential survives in the reused tree: the parse overwrites
  // every node and drops the rest.
  thread_local JsonValue reused;
  JsonValue own;
  JsonValue& tree = json.size() <= kReusedTreeBytes ? reused : own;
  if (!ParseChecked(json, "credential", &tree, &report.checks)) return report;
  const JsonValue& vc = tree;
  std::vector<std::string> problems;
  ValidityPeriod period;
  CredentialStructure(vc, &problems, &period);
  add("structure", problems.empty(), problems.empty() ? "VC Data Model 2.0" : fmt::format("{}", fmt::join(problems, "; ")));
  // The checks after it still run on an object that breaks the data model,
  // so that one pass names every problem.
  if (!vc.is_object()) return report;

  // A UNTP Digital Conformity Credential must also say what was assessed,
  // against what, and with what result.
  if (IsConformityCredential(vc)) {
    auto dcc = ReadConformityCredential(vc);
    if (!dcc.ok()) {
      add("content", false, fmt::format("UNTP DCC: {}", dcc.error().ToString()));
    } else {
      const ConformityAttestation& a = dcc.value();
      size_t products = 0;
      for (const auto& x : a.assessments) products += x.products.size();
      add("content", true,
          Concat({"UNTP DCC ",
                  // Without the UNTP context the type names no UNTP version:
                  // read as a DCC, but no UNTP schema can be chosen for it.
                  a.version.empty() ? "(no UNTP @context: no UNTP version, so no UNTP schema is checked)" : a.version,
                  ": ", a.attestation_type,
                  a.assessor_level.empty() ? "" : " by ", a.assessor_level, ", ", std::to_string(a.assessments.size()), " assessment(s), ",
                  std::to_string(products), " product(s), ", a.AllConform() ? "all conform" : "NOT all conform"}));
    }
  }

  // JSON Schemas: those credentialSchema names, and a UNTP credential's own.
  std::vector<std::string> schema_keys;
  if (const JsonValue* cs = vc.Find("credentialSchema")) {
    for (const JsonValue& x : ItemsOf(cs))
      if (HasType(x, "JsonSchema") || HasType(x, "JsonSchemaCredential")) schema_keys.push_back(Str(x.Find("id")));
  }
  if (const std::string untp = UntpSchemaKey(vc); !untp.empty()) schema_keys.push_back(untp);
  if (!schema_keys.empty()) {
    std::vector<std::string> failures;
    size_t checked = 0;
    for (const std::string& key : schema_keys) {
      const JsonSchema* schema = ctx.schemas != nullptr ? ctx.schemas->Find(key) : nullptr;
      if (schema == nullptr) {
        failures.push_back(fmt::format("the schema {} was not given, so the credential cannot be checked against it", key));
        continue;
      }
      ++checked;
      const auto violations = schema->Validate(vc);
      for (size_t i = 0; i < violations.size() && i < 5; ++i) failures.push_back(fmt::format("{}: {}", key, violations[i].ToString()));
      if (violations.size() > 5) failures.push_back(fmt::format("{}: and {} more", key, violations.size() - 5));
    }
    add("schema", failures.empty(),
        failures.empty() ? fmt::format("valid against {}", fmt::join(schema_keys, ", ")) : fmt::format("{}", fmt::join(failures, "; ")));
  }

  Status proof = VerifyEddsaJcsProof(vc, ctx.dids);
  const std::vector<const JsonValue*> proofs = ProofsOf(vc);
  // A signature that verifies still says nothing for this credential when
  // it was made for another purpose (authentication: a holder presenting),
  // or has expired (Data Integrity's `expires`).
  for (size_t i = 0; proof.ok() && i < proofs.size(); ++i) {
    const std::string& purpose = Str(proofs[i]->Find("proofPurpose"));
    if (purpose != "assertionMethod")
      proof = Error(ErrorCode::kInvalidInput, fmt::format("proof {} has proofPurpose '{}'; a credential's proofs are assertionMethod", i + 1, purpose));
    else if (const std::string& expires = Str(proofs[i]->Find("expires")); !expires.empty()) {
      auto when = ParseDateTime(expires);
      if (!when.ok()) proof = Error(ErrorCode::kInvalidInput, fmt::format("proof {}: expires '{}' is not a date-time", i + 1, expires));
      else if (ctx.now > when.value()) proof = Error(ErrorCode::kInvalidInput, fmt::format("proof {} expired at {}", i + 1, expires));
    }
  }
  if (!proof.ok() || proofs.size() == 1) {
    add("proof", proof.ok(), proof.ok() ? "eddsa-jcs-2022 signature verifies" : proof.error().ToString());
  } else {
    // Several: who signed, in order.
    std::vector<std::string_view> signers;
    bool chained = false;
    for (const JsonValue* p : proofs) {
      signers.push_back(ProofController(*p));
      chained = chained || p->Find("previousProof") != nullptr;
    }
    add("proof", true,
        fmt::format("{} eddsa-jcs-2022 signatures verify (a proof {}), by {}", proofs.size(), chained ? "chain" : "set", fmt::join(signers, ", ")));
  }

  // The key that signed must be the issuer's: for did:key, the DID itself.
  // Of a proof set, one proof must be the issuer's; the others may be
  // anyone's (a co-signer, an endorsement), and were verified above.
  const std::string& issuer = IssuerOf(vc);
  std::string_view controller;
  for (const JsonValue* p : proofs) {
    controller = ProofController(*p);
    if (!controller.empty() && controller == issuer) break;
  }
  const bool bound = !controller.empty() && controller == issuer;
  add("issuer", bound,
      bound                ? Concat({"signed by the issuer's key (", issuer, ")"})
      : proofs.size() <= 1 ? fmt::format("the proof's key belongs to '{}', not to the issuer '{}'", controller, issuer)
                           : fmt::format("none of the {} proofs is made with a key of the issuer '{}'", proofs.size(), issuer));

  // Was the issuer accredited for this, on the date it issued it?
  if (ctx.trust == nullptr) {
    add("trust", false, "no trust list given: whether the issuer may certify this cannot be checked");
  } else {
    auto certified = ReadCertified(vc);
    Status trusted = TrustListInForce(*ctx.trust, ctx.now);
    if (trusted.ok()) trusted = certified.ok() ? CheckTrust(*ctx.trust, certified.value()) : Status(certified.error());
    add("trust", trusted.ok(),
        trusted.ok() ? Concat({issuer, " was accredited for it on the trust list of ", ctx.trust->anchor})
                     : trusted.error().ToString());
  }

  // The structure check read each date it could; one it refused would read
  // as none, so the period is then not judged.
  const bool dates_read = (vc.Find("validFrom") == nullptr || period.from) && (vc.Find("validUntil") == nullptr || period.until);
  if (!dates_read) {
    add("validity", false, "not judged: validFrom or validUntil cannot be read (see the structure check)");
  } else if (period.from && ctx.now < *period.from) {
    add("validity", false, fmt::format("not valid before {}", Str(vc.Find("validFrom"))));
  } else if (period.until && ctx.now > *period.until) {
    add("validity", false, fmt::format("expired at {}", Str(vc.Find("validUntil"))));
  } else if (period.from || period.until) {
    add("validity", true, "valid at " + FormatDateTime(ctx.now));
  } else {
    add("validity", true, "no validity period");
  }

  const JsonValue* st = vc.Find("credentialStatus");
  if (st == nullptr) {
    add("status", true, "no status list entry");
    return report;
  }
  // VC 2.0 allows several entries (a revocation and a suspension list):
  // the credential stands only if every one says so.
  const std::span<const JsonValue> entries = ItemsOf(st);
  if (entries.empty()) {
    add("status", false, "credentialStatus is an empty list: give a BitstringStatusListEntry, or leave the property out");
    return report;
  }
  bool all_passed = true;
  std::vector<std::string> details;
  for (size_t i = 0; i < entries.size(); ++i) {
    std::string detail;
    all_passed = CheckStatusEntry(entries[i], issuer, ctx, &detail) && all_passed;
    details.push_back(entries.size() == 1 ? std::move(detail) : fmt::format("entry {}: {}", i + 1, detail));
  }
  add("status", all_passed, fmt::format("{}", fmt::join(details, "; ")));
  return report;
}

namespace {

// VC Data Model 2.0 structure of a presentation (section 4.13) and of the
// credentials it holds.
void PresentationStructure(const JsonValue& vp, std::vector<std::string>* problems) {
  if (!vp.is_object()) {
    problems->push_back("not a JSON object");
    return;
  }
  ContextStructure(vp, problems);
  if (!HasType(vp, "VerifiablePresentation")) problems->push_back("type must include VerifiablePresentation");
  if (const JsonValue* id = vp.Find("id"); id != nullptr && !(id->is_string() && IsUrl(id->text))) problems->push_back("id must be a single URL");
  if (const JsonValue* holder = vp.Find("holder")) {
    const std::string id = holder->is_object() ? Str(holder->Find("id")) : Str(holder);
    if (id.empty() || !IsUrl(id)) problems->push_back("holder must be a URL or an object whose id is a URL");
  }
  const JsonValue* held = vp.Find("verifiableCredential");
  if (held == nullptr) return;
  const std::span<const JsonValue> items = ItemsOf(held);
  for (size_t i = 0; i < items.size(); ++i) {
    const JsonValue& x = items[i];
    if (!x.is_object()) {
      problems->push_back(fmt::format("verifiableCredential[{}] must be an object (a credential, or an EnvelopedVerifiableCredential)", i));
      continue;
    }
    if (HasType(x, "EnvelopedVerifiableCredential")) {
      if (Str(x.Find("id")).rfind("data:", 0) != 0)
        problems->push_back(fmt::format("verifiableCredential[{}]: an EnvelopedVerifiableCredential's id must be a data: URL", i));
      continue;
    }
    std::vector<std::string> inner;
    CredentialStructure(x, &inner);
    for (auto& p : inner) problems->push_back(fmt::format("verifiableCredential[{}]: {}", i, p));
  }
}

}  // namespace

bool IsPresentationJson(std::string_view json) {
  auto v = ParseIJson(json);
  return v.ok() && v.value().is_object() && HasType(v.value(), "VerifiablePresentation");
}

PresentationReport VerifyPresentation(std::string_view json, const VerifyContext& ctx) {
  PresentationReport report;
  const auto add = [&](const char* name, bool passed, std::string detail) {
    report.presentation.checks.push_back(CredentialCheck{name, passed, std::move(detail)});
  };
  // A tree of its own: the credentials it holds are verified with the
  // reused one while this is read.
  JsonValue vp;
  if (!ParseChecked(json, "presentation", &vp, &report.presentation.checks)) return report;
  std::vector<std::string> problems;
  PresentationStructure(vp, &problems);
  add("structure", problems.empty(), problems.empty() ? "VC Data Model 2.0 presentation" : fmt::format("{}", fmt::join(problems, "; ")));
  if (!problems.empty()) return report;

  // The holder proves control with a proof for authentication; a
  // presentation without a proof is legal but says nothing of who sent it.
  const JsonValue* holder = vp.Find("holder");
  const std::string holder_id = holder == nullptr ? "" : holder->is_object() ? Str(holder->Find("id")) : Str(holder);
  if (vp.Find("proof") == nullptr) {
    add("proof", true, "no proof: the presentation is not bound to a holder");
  } else {
    const Status proof = VerifyEddsaJcsProof(vp, ctx.dids);
    // Of a proof set, one proof must be the holder's.
    const auto proofs = ProofsOf(vp);
    std::string_view controller;
    for (const JsonValue* p : proofs) {
      controller = ProofController(*p);
      if (controller == holder_id) break;
    }
    if (!proof.ok()) {
      add("proof", false, proof.error().ToString());
    } else if (!holder_id.empty() && controller != holder_id) {
      add("proof", false,
          proofs.size() <= 1 ? fmt::format("the proof's key belongs to '{}', not to the holder '{}'", controller, holder_id)
                             : fmt::format("none of the {} proofs is made with a key of the holder '{}'", proofs.size(), holder_id));
    } else {
      add("proof", true, fmt::format("eddsa-jcs-2022 signature of {} verifies", controller));
    }
  }
  if (const JsonValue* held = vp.Find("verifiableCredential")) {
    for (const JsonValue& x : ItemsOf(held)) {
      if (HasType(x, "EnvelopedVerifiableCredential")) {
        CredentialReport r;
        r.checks.push_back(CredentialCheck{"proof", false, "enveloped credentials (VC-JOSE/COSE) are not verified by conform"});
        report.credentials.push_back(std::move(r));
        continue;
      }
      report.credentials.push_back(VerifyCredential(Canonicalize(x), ctx));
    }
  }
  return report;
}

std::vector<CredentialReport> VerifyCredentials(const std::vector<std::string>& jsons, const VerifyContext& context,
                                                unsigned threads) {
  std::vector<CredentialReport> reports(jsons.size());
  ParallelFor(jsons.size(), threads, [&](size_t i) { reports[i] = VerifyCredential(jsons[i], context); });
  return reports;
}

std::vector<CredentialReport> VerifyDocuments(const std::vector<std::string>& jsons, const VerifyContext& context, unsigned threads) {
  std::vector<CredentialReport> reports(jsons.size());
  // Only a text that spells the type out (or escapes characters, which
  // could spell it) can be a presentation: the rest skip a second parse.
  const auto maybe_presentation = [](std::string_view json) {
    return json.find("VerifiablePresentation") != std::string_view::npos || json.find("\\u") != std::string_view::npos;
  };
  ParallelFor(jsons.size(), threads, [&](size_t i) {
    if (!maybe_presentation(jsons[i]) || !IsPresentationJson(jsons[i])) {
      reports[i] = VerifyCredential(jsons[i], context);
      return;
    }
    const PresentationReport p = VerifyPresentation(jsons[i], context);
    reports[i] = p.presentation;
    for (size_t k = 0; k < p.credentials.size(); ++k) {
      const CredentialReport& c = p.credentials[k];
      std::string detail = fmt::format("all {} checks pass", c.checks.size());
      for (const auto& check : c.checks)
        if (!check.passed) {
          detail = fmt::format("{}: {}", check.name, check.detail);
          break;
        }
      reports[i].checks.push_back(CredentialCheck{fmt::format("credential[{}]", k), c.ok(), detail});
    }
  });
  return reports;
}

Result<std::string> IssueCredential(std::string_view credential, const SigningKey& key, const IssueOptions& options) {
  auto parsed = ParseStrict(credential);
  if (!parsed.ok()) return parsed.error();
  Json vc = std::move(parsed).value();
  if (!vc.is_object()) return Fail("a credential must be a JSON object");
  const auto types = vc.find("type");
  if (types != vc.end() && (types->is_array() ? std::find(types->begin(), types->end(), "VerifiablePresentation") != types->end()
                                              : *types == "VerifiablePresentation"))
    return Fail("this is a presentation, which its holder signs for authentication, not a credential an issuer asserts");
  if (vc.contains("proof"))
    return Fail(
        "the credential already has a proof, which issuing would break (it may add issuer and validFrom); a signed credential takes "
        "more proofs with AddCredentialProof (conform credential add-proof)");
  if (!vc.contains("issuer")) vc["issuer"] = key.did();
  if (vc["issuer"].is_object() && !vc["issuer"].contains("id")) vc["issuer"]["id"] = key.did();
  if (IssuerId(vc) != key.did())
    return Fail(fmt::format("the credential's issuer is '{}', the key is '{}'", IssuerId(vc), key.did()));
  if (!vc.contains("validFrom")) vc["validFrom"] = FormatDateTime(options.created);
  if (!options.status_list.empty()) {
    if (!options.status_index) return Fail("a status list needs a status index");
    auto list = ParseStrict(options.status_list);
    if (!list.ok()) return list.error();
    const Json& l = list.value();
    if (!l.is_object() || !l.contains("id") || !l.contains("credentialSubject") || !l["credentialSubject"].contains("statusPurpose"))
      return Fail("not a status list credential");
    auto bits = BitstringStatusList::Decode(l["credentialSubject"].value("encodedList", ""));
    if (!bits.ok()) return bits.error();
    if (*options.status_index >= bits.value().size())
      return Fail(fmt::format("status index {} is outside the list of {} entries", *options.status_index, bits.value().size()));
    // Verifiers take a credential's status only from its issuer's list.
    if (IssuerId(l) != key.did())
      return Fail(fmt::format("the status list is issued by '{}', not by the key's '{}': verifiers would refuse its entry", IssuerId(l), key.did()));
    const std::string id = l["id"].get<std::string>();
    vc["credentialStatus"] = {{"id", fmt::format("{}#{}", id, *options.status_index)},
                              {"type", "BitstringStatusListEntry"},
                              {"statusPurpose", l["credentialSubject"]["statusPurpose"]},
                              {"statusListIndex", std::to_string(*options.status_index)},
                              {"statusListCredential", id}};
  }
  // What verification would refuse for its form is not signed.
  const std::string body = vc.dump();
  if (auto strict = ParseIJson(body); strict.ok()) {
    std::vector<std::string> problems;
    CredentialStructure(strict.value(), &problems);
    if (!problems.empty()) return Fail(fmt::format("the credential would not verify: {}", fmt::join(problems, "; ")));
  }
  ProofOptions po;
  po.created = FormatDateTime(options.created);
  po.verification_method = key.verification_method();
  return AddEddsaJcsProof(body, key.seed, po);
}

Result<std::string> AddCredentialProof(std::string_view credential, const SigningKey& key, const AddProofOptions& options,
                                       const DidResolver* dids) {
  auto parsed = ParseIJson(credential);
  if (!parsed.ok()) return parsed.error();
  if (!parsed.value().is_object() || parsed.value().Find("proof") == nullptr)
    return Fail("the credential carries no proof: sign it first (IssueCredential, conform credential issue)");
  if (Status st = VerifyEddsaJcsProof(parsed.value(), dids); !st.ok())
    return Fail("the credential's own proofs do not verify, so no proof is added beside them: " + st.error().ToString());
  ProofOptions po;
  po.created = FormatDateTime(options.created);
  po.verification_method = key.verification_method();
  po.proof_purpose = options.proof_purpose;
  po.id = options.id;
  po.previous_proof = options.previous_proof;
  return AddEddsaJcsProof(credential, key.seed, po);
}

namespace {
Result<std::string> SignStatusList(Json list, const SigningKey& key, int64_t now) {
  ProofOptions po;
  po.created = FormatDateTime(now);
  po.verification_method = key.verification_method();
  return AddEddsaJcsProof(list.dump(), key.seed, po);
}
}  // namespace

Result<std::string> CreateStatusListCredential(const std::string& id, const std::string& purpose, const SigningKey& key,
                                               int64_t created, size_t entries) {
  if (purpose != "revocation" && purpose != "suspension") return Fail(fmt::format("status purpose '{}' is not revocation or suspension", purpose));
  if (entries < BitstringStatusList::kMinimumEntries || entries % 8 != 0)
    return Fail(fmt::format("a status list holds at least {} entries, a multiple of 8", BitstringStatusList::kMinimumEntries));
  Json list;
  list["@context"] = Json::array({"https://www.w3.org/ns/credentials/v2"});
  list["id"] = id;
  list["type"] = Json::array({"VerifiableCredential", "BitstringStatusListCredential"});
  list["issuer"] = key.did();
  list["validFrom"] = FormatDateTime(created);
  list["credentialSubject"] = {{"id", id + "#list"}, {"type", "BitstringStatusList"}, {"statusPurpose", purpose},
                               {"encodedList", BitstringStatusList(entries).Encode()}};
  return SignStatusList(std::move(list), key, created);
}

Result<std::string> UpdateStatusListCredential(std::string_view list_json, uint64_t index, bool value, const SigningKey& key, int64_t now) {
  const Status proof = VerifyEddsaJcsProof(list_json);
  if (!proof.ok()) return Fail("the status list's own proof does not verify: " + proof.error().ToString());
  Json list = Json::parse(CanonicalizeJson(list_json).value());
  if (IssuerId(list) != key.did()) return Fail(fmt::format("the status list belongs to '{}', not to this key", IssuerId(list)));
  auto bits = BitstringStatusList::Decode(list["credentialSubject"].value("encodedList", ""));
  if (!bits.ok()) return bits.error();
  if (index >= bits.value().size()) return Fail(fmt::format("index {} is outside the list of {} entries", index, bits.value().size()));
  bits.value().Set(index, value);
  list["credentialSubject"]["encodedList"] = bits.value().Encode();
  list.erase("proof");
  return SignStatusList(std::move(list), key, now);
}

}  // namespace conform
