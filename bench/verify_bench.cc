// Credential verification speed, side by side with the floor the
// cryptography sets: a raw libsodium Ed25519 signature verification.
//
//   cmake --build build --target verify_bench && build/bench/verify_bench
//
// BM_RawEd25519Verify: crypto_sign_verify_detached over 64 bytes (the size
// eddsa-jcs-2022 signs). BM_VerifyProof: parse (a new tree each time),
// canonicalise (RFC 8785), hash, verify one eddsa-jcs-2022 proof. BM_VerifyCredential: all checks
// (structure, proof, issuer, trust list, validity, status lookup in a
// 131,072-entry list).
//
// build/bench/verify_bench --alternate[=ROUNDS] instead alternates bursts of
// raw and full verifications and prints the ratio of their rates per CPU
// second: the steadiest figure on a shared machine. --alternate-distinct
// does the same over 256 different signatures and 256 different credentials
// of 16 issuers, as a batch of real credentials would be.
#include <benchmark/benchmark.h>
#include <sodium.h>

#include <fmt/format.h>
#include <time.h>

#include <algorithm>
#include <array>
#include <vector>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "conform/core/gtin.h"
#include "conform/credentials/credential.h"
#include "conform/credentials/jcs.h"
#include "conform/credentials/schema_registry.h"
#include "conform/credentials/trust_list.h"

namespace {

using namespace conform;

struct Fixture {
  SigningKey key = GenerateSigningKey();
  int64_t now = ParseDateTime("2026-06-01T00:00:00Z").value();
  SigningKey anchor = GenerateSigningKey();
  std::string list, credential, untp_credential;
  SchemaRegistry schemas;
  VerifyContext schema_context;
  TrustList trust;
  VerifyContext context;
  Fixture() {
    IssueOptions t;
    t.created = now;
    trust = LoadTrustList(IssueCredential(fmt::format(R"({{"@context":["https://www.w3.org/ns/credentials/v2"],)"
                                                      R"("type":["VerifiableCredential","TrustList"],"credentialSubject":{{"type":"TrustList",)"
                                                      R"("accreditationBodies":[{{"id":"did:example:ab"}}],"accreditations":[{{"certificationBody":"{}",)"
                                                      R"("accreditedBy":"did:example:ab","scope":{{"standards":["GB 4943.1-2022"]}}}}]}}}})",
                                                      key.did()),
                                          anchor, t)
                              .value(),
                          {anchor.did()})
                .value();
    list = CreateStatusListCredential("https://cb.example/status/1", "revocation", key, now).value();
    IssueOptions o;
    o.created = now;
    o.status_list = list;
    o.status_index = 4242;
    // A UNTP Digital Conformity Credential of ordinary size (about 2 KB
    // signed): one assessment of one product against one standard.
    credential = Issue(o, "");
    untp_credential = Issue(o, R"(,"https://test.uncefact.org/vocabulary/untp/dcc/0.5.0/")");
    context.now = now;
    context.trust = &trust;
    context.status_lists["https://cb.example/status/1"] = list;
    schema_context = context;
    if (schemas.AddDirectory(CONFORM_SHARED_TESTDATA_DIR "/untp-tests/packages/untp-test-suite/src/schemas").ok())
      schema_context.schemas = &schemas;
  }

  std::string Issue(const IssueOptions& o, const std::string& untp_context) { return Issue(o, untp_context, key, 7781, "06901234567892", "20"); }

  std::string Issue(const IssueOptions& o, const std::string& untp_context, const SigningKey& by, int serial, const std::string& gtin,
               const std::string& model) {
    const std::string n = std::to_string(serial);
    const std::string body =
        R"({"@context":["https://www.w3.org/ns/credentials/v2")" + untp_context + R"(],)"
        R"("type":["DigitalConformityCredential","VerifiableCredential"],"id":"https://cb.example/credentials/)" + n + R"(",)"
        R"("issuer":{"type":["CredentialIssuer"],"id":")" + by.did() + R"(","name":"Example Certification Body"},)"
        R"("validUntil":"2028-01-01T00:00:00Z","credentialSubject":{"type":["ConformityAttestation","Attestation"],)"
        R"("id":"https://cb.example/attestations/)" + n + R"(","assessorLevel":"3rdParty","assessmentLevel":"Accredited",)"
        R"("attestationType":"certification","issuedToParty":{"type":["Party"],"id":"https://maker.example/","name":"Example Power Co., Ltd."},)"
        R"("authorisation":[{"type":["Endorsement"],"id":"https://cnas.example/accreditations/L1234","name":"Accreditation L1234",)"
        R"("issuingAuthority":{"type":["Identifier"],"id":"https://cnas.example/","name":"Example Accreditation Service"}}],)"
        R"("assessment":[{"type":["ConformityAssessment","Declaration"],"id":"https://cb.example/attestations/)" + n + R"(/1","assessmentDate":"2026-02-20",)"
        R"("referenceStandard":{"type":["Standard"],"id":"https://std.example/GB-4943.1-2022","name":"GB 4943.1-2022",)"
        R"("issuingParty":{"type":["Identifier"],"id":"https://www.sac.gov.cn/","name":"Standardization Administration of China"}},)"
        R"("conformance":true,"conformityTopic":"social.safety",)"
        R"("assessedProduct":[{"type":["Product"],"id":"https://id.gs1.org/01/)" + gtin + R"(","name":"20000 mAh power bank PB-)" + model + R"(",)"
        R"("batchNumber":"2026-02"}]}]}})";
    auto issued = IssueCredential(body, by, o);
    if (!issued.ok()) {
      std::fprintf(stderr, "verify_bench: cannot issue: %s\n", issued.error().ToString().c_str());
      std::abort();
    }
    return std::move(issued).value();
  }
};

const Fixture& F() {
  static const Fixture* f = new Fixture();
  return *f;
}

// A batch as a platform sees one: kDistinct different credentials from
// kIssuers certification bodies, each with its own status list, all on one
// trust list; beside them kDistinct different raw Ed25519 signatures by the
// same keys. Distinct signatures keep the processor from learning one
// signature's branches, on both sides alike.
struct DistinctFixture {
  static constexpr int kIssuers = 16, kDistinct = 256;
  std::vector<SigningKey> keys;
  std::vector<std::string> credentials;
  std::vector<std::array<unsigned char, 64>> messages, signatures;
  std::vector<std::array<unsigned char, 32>> public_keys;
  TrustList trust;
  VerifyContext context;
  DistinctFixture() {
    Fixture& base = const_cast<Fixture&>(F());
    IssueOptions t;
    t.created = base.now;
    std::string accreditations;
    for (int i = 0; i < kIssuers; ++i) {
      keys.push_back(GenerateSigningKey());
      accreditations += fmt::format(R"({}{{"certificationBody":"{}","accreditedBy":"did:example:ab","scope":{{"standards":["GB 4943.1-2022"]}}}})",
                                    i ? "," : "", keys.back().did());
    }
    trust = LoadTrustList(IssueCredential(fmt::format(R"({{"@context":["https://www.w3.org/ns/credentials/v2"],)"
                                                      R"("type":["VerifiableCredential","TrustList"],"credentialSubject":{{"type":"TrustList",)"
                                                      R"("accreditationBodies":[{{"id":"did:example:ab"}}],"accreditations":[{}]}}}})",
                                                      accreditations),
                                          base.anchor, t)
                              .value(),
                          {base.anchor.did()})
                .value();
    context.now = base.now;
    context.trust = &trust;
    std::vector<std::string> lists;
    for (int i = 0; i < kIssuers; ++i) {
      const std::string id = fmt::format("https://cb{}.example/status/1", i);
      lists.push_back(CreateStatusListCredential(id, "revocation", keys[i], base.now).value());
      context.status_lists[id] = lists.back();
    }
    for (int i = 0; i < kDistinct; ++i) {
      const int issuer = i % kIssuers;
      IssueOptions o;
      o.created = base.now;
      o.status_list = lists[issuer];
      o.status_index = 1000 + 37 * i;
      std::string gtin = fmt::format("0690123{:06d}", 100000 + i);
      gtin += static_cast<char>('0' + GtinCheckDigit(gtin));
      credentials.push_back(base.Issue(o, "", keys[issuer], 10000 + i, gtin, std::to_string(10 + i)));
      std::array<unsigned char, 64> msg{}, sig{};
      randombytes_buf(msg.data(), msg.size());
      unsigned char pk[32], sk[64];
      crypto_sign_seed_keypair(pk, sk, keys[issuer].seed.data());
      crypto_sign_detached(sig.data(), nullptr, msg.data(), msg.size(), sk);
      messages.push_back(msg);
      signatures.push_back(sig);
      public_keys.push_back(std::to_array(pk));
    }
  }
};

void BM_RawEd25519Verify(benchmark::State& state) {
  unsigned char pk[32], sk[64], sig[64], msg[64] = {1, 2, 3};
  crypto_sign_keypair(pk, sk);
  crypto_sign_detached(sig, nullptr, msg, sizeof msg, sk);
  for (auto _ : state) benchmark::DoNotOptimize(crypto_sign_verify_detached(sig, msg, sizeof msg, pk));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RawEd25519Verify);

void BM_VerifyProof(benchmark::State& state) {
  const std::string& vc = F().credential;
  for (auto _ : state) benchmark::DoNotOptimize(VerifyEddsaJcsProof(vc).ok());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_VerifyProof);

// The steps of a verification apart, to see where the time beyond the
// signature goes: the strict parse (into a tree kept from the last parse, as
// VerifyCredential does), and the canonical form of the document without its
// proof (one of the two canonicalisations).
void BM_ParseCredential(benchmark::State& state) {
  const std::string& vc = F().credential;
  JsonValue tree;
  for (auto _ : state) benchmark::DoNotOptimize(ParseIJsonInto(vc, &tree).ok());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseCredential);

void BM_CanonicalizeCredential(benchmark::State& state) {
  const JsonValue vc = ParseIJson(F().credential).value();
  std::string out;
  for (auto _ : state) {
    out.clear();
    AppendCanonical(vc, &out, "proof");
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CanonicalizeCredential);

void BM_VerifyCredential(benchmark::State& state) {
  const Fixture& f = F();
  for (auto _ : state) {
    const auto r = VerifyCredential(f.credential, f.context);
    if (!r.ok()) state.SkipWithError("credential did not verify");
    benchmark::DoNotOptimize(r.checks.data());
  }
  state.SetItemsProcessed(state.iterations());
}
// Threads(2): both cores verifying at once, sharing one context (its status
// list cache included), as `conform credential verify` does.
BENCHMARK(BM_VerifyCredential)->Threads(1)->Threads(2)->UseRealTime();

void BM_VerifyCredentialWithSchema(benchmark::State& state) {
  const Fixture& f = F();
  if (f.schema_context.schemas == nullptr) {
    state.SkipWithError("UNTP schemas not found under ../shared/testdata");
    return;
  }
  for (auto _ : state) {
    const auto r = VerifyCredential(f.untp_credential, f.schema_context);
    if (!r.ok()) state.SkipWithError("credential did not verify");
    benchmark::DoNotOptimize(r.checks.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_VerifyCredentialWithSchema);

double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// --alternate[=ROUNDS]: 50 raw Ed25519 verifications, then 50 full
// verifications of the benchmark credential, ROUNDS times (default 200),
// each side timed in thread CPU time. Swapping every few milliseconds puts
// both rates under the same machine state, which one-second repetitions on
// a shared machine do not; the ratio is the figure to compare with the aim.
int RunAlternating(int rounds) {
  const Fixture& f = F();
  unsigned char pk[32], sk[64], sig[64], msg[64] = {1, 2, 3};
  crypto_sign_keypair(pk, sk);
  crypto_sign_detached(sig, nullptr, msg, sizeof msg, sk);
  if (!VerifyCredential(f.credential, f.context).ok()) {
    std::fprintf(stderr, "verify_bench: the benchmark credential does not verify\n");
    return 1;
  }
  constexpr int kBurst = 50;
  double raw = 0, full = 0;
  int failures = 0;
  for (int r = 0; r < rounds; ++r) {
    const double t0 = ThreadCpuSeconds();
    for (int i = 0; i < kBurst; ++i) failures += crypto_sign_verify_detached(sig, msg, sizeof msg, pk) != 0;
    const double t1 = ThreadCpuSeconds();
    for (int i = 0; i < kBurst; ++i) failures += !VerifyCredential(f.credential, f.context).ok();
    const double t2 = ThreadCpuSeconds();
    raw += t1 - t0;
    full += t2 - t1;
  }
  const double n = static_cast<double>(rounds) * kBurst;
  std::printf("alternating %d x %d: raw Ed25519 %.0f/s, full verify %.0f/s per CPU second, full / raw %.3f%s\n", rounds, kBurst, n / raw,
              n / full, (n / full) / (n / raw), failures ? " (FAILURES)" : "");
  return failures ? 1 : 0;
}

// --alternate-distinct[=ROUNDS]: as --alternate, over DistinctFixture's
// signatures and credentials in turn.
int RunAlternatingDistinct(int rounds) {
  const DistinctFixture f;
  for (const std::string& vc : f.credentials)
    if (!VerifyCredential(vc, f.context).ok()) {
      std::fprintf(stderr, "verify_bench: a distinct benchmark credential does not verify\n");
      return 1;
    }
  constexpr int kBurst = 50;
  double raw = 0, full = 0;
  int failures = 0;
  size_t next_raw = 0, next_full = 0;
  for (int r = 0; r < rounds; ++r) {
    const double t0 = ThreadCpuSeconds();
    for (int i = 0; i < kBurst; ++i, next_raw = (next_raw + 1) % f.messages.size())
      failures += crypto_sign_verify_detached(f.signatures[next_raw].data(), f.messages[next_raw].data(), 64,
                                              f.public_keys[next_raw].data()) != 0;
    const double t1 = ThreadCpuSeconds();
    for (int i = 0; i < kBurst; ++i, next_full = (next_full + 1) % f.credentials.size())
      failures += !VerifyCredential(f.credentials[next_full], f.context).ok();
    const double t2 = ThreadCpuSeconds();
    raw += t1 - t0;
    full += t2 - t1;
  }
  const double n = static_cast<double>(rounds) * kBurst;
  std::printf("alternating %d x %d over %d distinct signatures and credentials (%d issuers): raw Ed25519 %.0f/s, full verify %.0f/s per CPU second, full / raw %.3f%s\n",
              rounds, kBurst, DistinctFixture::kDistinct, DistinctFixture::kIssuers, n / raw, n / full, (n / full) / (n / raw),
              failures ? " (FAILURES)" : "");
  return failures ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (sodium_init() < 0) return 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--alternate") return RunAlternating(200);
    if (a == "--alternate-distinct") return RunAlternatingDistinct(200);
    if (a.substr(0, 21) == "--alternate-distinct=") return RunAlternatingDistinct(std::max(1, std::atoi(argv[i] + 21)));
    if (a.substr(0, 12) == "--alternate=") return RunAlternating(std::max(1, std::atoi(argv[i] + 12)));
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
