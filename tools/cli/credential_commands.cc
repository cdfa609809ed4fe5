#include "credential_commands.h"

#include "cli_files.h"
#include "cli_output.h"
#include "conform/core/text.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "conform/credentials/credential.h"
#include "conform/credentials/schema_registry.h"
#include "conform/credentials/did_resolver.h"
#include "conform/credentials/trust_list.h"

namespace conform::cli {

namespace {

constexpr int kOk = 0, kFailed = 1, kBadInput = 2;

int Report(const Error& e) {
  cli::PrintError(e);
  return kBadInput;
}

int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Result<int64_t> TimeOrNow(const std::string& text) {
  if (text.empty()) return Now();
  return ParseDateTime(text);
}

Result<SigningKey> LoadKey(const std::string& path) {
  auto text = ReadFileText(path);
  if (!text.ok()) return text.error();
  auto key = SigningKeyFromJson(text.value());
  if (!key.ok()) return Error(ErrorCode::kInvalidInput, {Diagnostic{path, 0, 0, key.error().ToString(), ""}});
  // `keys generate` writes 0600; a key others can read may have been copied.
  struct stat st {};
  if (path != "-" && ::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) != 0)
    PrintNote(fmt::format("warning: {} holds a secret key and can be read by others (mode {:o}): chmod 600 {}", path, st.st_mode & 0777, path));
  return key;
}

}  // namespace

}  // namespace conform::cli

namespace conform {

std::map<std::string, std::string> LoadStatusListFiles(const std::string& dir) {
  std::map<std::string, std::string> lists;
  if (dir.empty()) return lists;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".json") continue;
    auto text = cli::ReadFileText(e.path().string());
    if (!text.ok()) continue;
    const auto j = nlohmann::json::parse(text.value(), nullptr, false);
    if (j.is_object() && j.contains("id") && j["id"].is_string() && j.contains("type") && j["type"].dump().find("BitstringStatusListCredential") != std::string::npos)
      lists[j["id"].template get<std::string>()] = text.value();
  }
  return lists;
}

}  // namespace conform

namespace conform::cli {

namespace {

struct Args {
  std::string out = "-", key, list, id, purpose = "revocation", created, now, lists, format = "table", credential, trust_list, did_documents, schemas,
                                  proof_purpose = "assertionMethod";
  std::vector<std::string> files, anchors, previous_proofs;
  uint64_t index = 0;
  bool has_index = false;
  bool force = false;
  unsigned threads = 0;
};

}  // namespace

void AddCredentialCommands(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<Args>();

  auto* keys = app.add_subcommand("keys", "Signing keys (Ed25519, did:key)");
  keys->require_subcommand(1);
  auto* generate = keys->add_subcommand("generate", "Make a new signing key");
  generate->add_option("-o,--output", args->out, "Key file to write (default: standard output)");
  generate->add_flag("--force", args->force, "Replace an existing key file");
  generate->callback([args, exit_code] {
    // A key replaced is a key lost: its status lists could no longer be
    // updated, nor credentials be issued under its DID.
    std::error_code ec;
    if (args->out != "-" && !args->force && std::filesystem::exists(args->out, ec) && std::filesystem::is_regular_file(args->out, ec)) {
      *exit_code = Report(Error(ErrorCode::kInvalidInput, {Diagnostic{args->out, 0, 0, "exists: writing a new key would replace the key it holds",
                                                                      "give another file name, or --force to replace it"}}));
      return;
    }
    const SigningKey k = GenerateSigningKey();
    const Status st = WriteFileAtomically(args->out, SigningKeyToJson(k), /*secret=*/true);
    *exit_code = st.ok() ? kOk : Report(st.error());
    if (st.ok() && args->out != "-") std::fprintf(stderr, "conform: key %s written to %s\n", k.did().c_str(), args->out.c_str());
  });

  auto* credential = app.add_subcommand("credential", "Issue and verify digital conformity credentials");
  credential->require_subcommand(1);
  auto* issue = credential->add_subcommand("issue", "Sign a credential (eddsa-jcs-2022)");
  issue->add_option("credential", args->credential, "Unsigned credential (JSON, VC Data Model 2.0)")->required();
  issue->add_option("--key", args->key, "Key file (conform keys generate)")->required();
  issue->add_option("-o,--output", args->out, "Where to write the signed credential (default: standard output)");
  issue->add_option("--status-list", args->list, "Status list credential to register the credential in");
  // A uint64_t option would take "-1" as 2^64 - 1.
  const CLI::Validator entry_number([](std::string& text) -> std::string {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos ? "" : "must be an entry number, 0 or more";
  }, "INDEX");
  issue->add_option("--status-index", args->index, "Entry in the status list")
      ->check(entry_number)
      ->each([args](const std::string&) { args->has_index = true; })
      ->needs(issue->get_option("--status-list"));
  issue->add_option("--created", args->created, "Creation time, e.g. 2026-01-31T12:00:00Z (default: now)");
  issue->callback([args, exit_code] {
    auto key = LoadKey(args->key);
    if (!key.ok()) return void(*exit_code = Report(key.error()));
    auto body = ReadFileText(args->credential, kMaxCredentialBytes);
    if (!body.ok()) return void(*exit_code = Report(body.error()));
    IssueOptions o;
    auto created = TimeOrNow(args->created);
    if (!created.ok()) return void(*exit_code = Report(created.error()));
    o.created = created.value();
    if (!args->list.empty()) {
      auto list = ReadFileText(args->list);
      if (!list.ok()) return void(*exit_code = Report(list.error()));
      o.status_list = list.value();
      if (args->has_index) o.status_index = args->index;
    }
    auto vc = IssueCredential(body.value(), key.value(), o);
    if (!vc.ok()) return void(*exit_code = Report(Error(ErrorCode::kInvalidInput, {Diagnostic{args->credential, 0, 0, vc.error().ToString(), ""}})));
    const Status st = WriteFileAtomically(args->out, vc.value() + "\n");
    *exit_code = st.ok() ? kOk : Report(st.error());
  });

  auto* add_proof = credential->add_subcommand(
      "add-proof", "Add a proof (eddsa-jcs-2022) to a signed credential: a co-signature, or a link of a proof chain");
  add_proof->add_option("credential", args->credential, "Signed credential (JSON)")->required();
  add_proof->add_option("--key", args->key, "Key file (conform keys generate)")->required();
  add_proof->add_option("-o,--output", args->out, "Where to write the credential with the new proof (default: standard output)");
  add_proof->add_option("--created", args->created, "Creation time, e.g. 2026-01-31T12:00:00Z (default: now)");
  add_proof->add_option("--proof-id", args->id, "The new proof's id (a URL such as urn:uuid:...), for later proofs to follow");
  add_proof->add_option("--previous-proof", args->previous_proofs, "Id of a proof the new one follows (repeat for more): a proof chain");
  add_proof->add_option("--proof-purpose", args->proof_purpose, "assertionMethod (a credential's, the default) or authentication (a presentation holder's)")
      ->check(CLI::IsMember({"assertionMethod", "authentication"}));
  add_proof->add_option("--did-documents", args->did_documents, "Directory of DID documents for did:web (DIR/host/.well-known/did.json)");
  add_proof->callback([args, exit_code] {
    auto key = LoadKey(args->key);
    if (!key.ok()) return void(*exit_code = Report(key.error()));
    auto body = ReadFileText(args->credential, kMaxCredentialBytes);
    if (!body.ok()) return void(*exit_code = Report(body.error()));
    AddProofOptions o;
    auto created = TimeOrNow(args->created);
    if (!created.ok()) return void(*exit_code = Report(created.error()));
    o.created = created.value();
    o.id = args->id;
    o.previous_proof = args->previous_proofs;
    o.proof_purpose = args->proof_purpose;
    const DidResolver dids(args->did_documents);
    auto vc = AddCredentialProof(body.value(), key.value(), o, &dids);
    if (!vc.ok()) return void(*exit_code = Report(Error(ErrorCode::kInvalidInput, {Diagnostic{args->credential, 0, 0, vc.error().ToString(), ""}})));
    const Status st = WriteFileAtomically(args->out, vc.value() + "\n");
    *exit_code = st.ok() ? kOk : Report(st.error());
  });

  auto* verify = credential->add_subcommand("verify", "Verify credentials: one line per check; exit 0 only when all pass");
  verify->add_option("files", args->files, "Credential files")->required();
  verify->add_option("--status-lists", args->lists, "Directory of status list credentials (never fetched from the network)")
      ->check(CLI::ExistingDirectory);
  verify->add_option("--now", args->now, "Verify as of this time (default: now)");
  verify->add_option("-f,--format", args->format, "Output format")->check(CLI::IsMember({"table", "json"}));
  verify->add_option("--trust-list", args->trust_list, "Trust list credential: which certification bodies may certify what");
  verify->add_option("--anchor", args->anchors, "DID whose trust lists you accept (repeat for more)");
  verify->add_option("--threads", args->threads, "Threads verifying at once (default: one per core)")->check(CLI::Range(0, 1024));
  verify->add_option("--did-documents", args->did_documents, "Directory of DID documents for did:web (DIR/host/.well-known/did.json)");
  verify->add_option("--schemas", args->schemas, "Directory of JSON Schemas as UNTP publishes them (DIR/<kind>/v<version>/schema.json)");
  verify->callback([args, exit_code] {
    VerifyContext ctx;
    auto now = TimeOrNow(args->now);
    if (!now.ok()) return void(*exit_code = Report(now.error()));
    ctx.now = now.value();
    const DidResolver dids(args->did_documents);
    ctx.dids = &dids;
    SchemaRegistry schemas;
    if (!args->schemas.empty()) {
      if (Status st = schemas.AddDirectory(args->schemas); !st.ok()) return void(*exit_code = Report(st.error()));
      ctx.schemas = &schemas;
    }
    TrustList trust;
    if (!args->trust_list.empty()) {
      if (args->anchors.empty())
        return void(*exit_code = Report(Error(ErrorCode::kInvalidInput, "--trust-list needs --anchor: the DID whose lists you trust")));
      auto text = ReadFileText(args->trust_list);
      if (!text.ok()) return void(*exit_code = Report(text.error()));
      auto list = LoadTrustList(text.value(), args->anchors, &dids);
      if (!list.ok()) return void(*exit_code = Report(Error(ErrorCode::kInvalidInput, {Diagnostic{args->trust_list, 0, 0, list.error().ToString(), ""}})));
      trust = std::move(list).value();
      ctx.trust = &trust;
    }
    ctx.status_lists = LoadStatusListFiles(args->lists);
    // Read every file, then verify them on all cores.
    std::vector<std::string> texts(args->files.size());
    std::vector<std::string> unreadable(args->files.size());
    for (size_t i = 0; i < args->files.size(); ++i) {
      auto text = ReadFileText(args->files[i], kMaxCredentialBytes);
      if (text.ok()) texts[i] = std::move(text).value();
      else unreadable[i] = text.error().ToString();
    }
    // Credentials and presentations alike on every core; a presentation
    // gets its own checks, then one line per credential it holds.
    std::vector<CredentialReport> reports = VerifyDocuments(texts, ctx, args->threads);
    bool all = true;
    nlohmann::json out = nlohmann::json::array();
    for (size_t i = 0; i < args->files.size(); ++i) {
      const std::string& f = args->files[i];
      CredentialReport& r = reports[i];
      if (!unreadable[i].empty()) r.checks = {CredentialCheck{"file", false, unreadable[i]}};
      all = all && r.ok();
      if (args->format == "json") {
        nlohmann::json checks = nlohmann::json::array();
        for (const auto& c : r.checks) checks.push_back({{"check", c.name}, {"passed", c.passed}, {"detail", c.detail}});
        out.push_back({{"file", f}, {"verified", r.ok()}, {"checks", checks}});
        continue;
      }
      std::printf("%s: %s\n", ForTerminal(f).c_str(), r.ok() ? "VERIFIED" : "NOT VERIFIED");
      for (const auto& c : r.checks) std::printf("  %-9s %-4s %s\n", c.name.c_str(), c.passed ? "ok" : "FAIL", ForTerminal(c.detail).c_str());
    }
    // A detail may quote a byte that is not UTF-8: written as U+FFFD.
    if (args->format == "json") std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    // A file that could not be read is bad input (exit 2), as for every
    // other command; a credential that fails a check is exit 1.
    const bool any_unreadable = std::any_of(unreadable.begin(), unreadable.end(), [](const std::string& u) { return !u.empty(); });
    *exit_code = any_unreadable ? kBadInput : all ? kOk : kFailed;
  });

  auto* status = app.add_subcommand("status", "Bitstring status lists: revoke and suspend credentials");
  status->require_subcommand(1);
  auto* create = status->add_subcommand("create", "Make a signed status list credential with every entry clear");
  create->add_option("--key", args->key, "Key file of the list's issuer")->required();
  create->add_option("--id", args->id, "URL the list will be published at")->required();
  create->add_option("--purpose", args->purpose, "revocation or suspension")->check(CLI::IsMember({"revocation", "suspension"}));
  create->add_option("-o,--output", args->out, "Where to write it (default: standard output)");
  create->callback([args, exit_code] {
    auto key = LoadKey(args->key);
    if (!key.ok()) return void(*exit_code = Report(key.error()));
    // Credentials name the list by this id, and a verifier's copy is found
    // by it: VC 2.0 wants a URL.
    if (args->id.find(':') == std::string::npos || args->id.find_first_of(" \t\n") != std::string::npos)
      return void(*exit_code = Report(Error(ErrorCode::kInvalidInput, fmt::format("--id '{}' is not a URL", args->id),
                                            "give the URL the list will be published at, e.g. https://cb.example/status/1")));
    auto list = CreateStatusListCredential(args->id, args->purpose, key.value(), Now());
    if (!list.ok()) return void(*exit_code = Report(list.error()));
    const Status st = WriteFileAtomically(args->out, list.value() + "\n");
    *exit_code = st.ok() ? kOk : Report(st.error());
  });
  for (const auto& [name, value, help] : {std::tuple{"revoke", true, "Set an entry of a revocation list"},
                                          std::tuple{"suspend", true, "Set an entry of a suspension list"},
                                          std::tuple{"reinstate", false, "Clear an entry of a suspension list"}}) {
    auto* cmd = status->add_subcommand(name, help);
    cmd->add_option("list", args->list, "Status list credential file (rewritten in place)")->required();
    cmd->add_option("index", args->index, "Entry to change")->required()->check(entry_number);
    cmd->add_option("--key", args->key, "Key file of the list's issuer")->required();
    const std::string verb = name;
    const bool set = value;
    cmd->callback([args, exit_code, verb, set] {
      auto key = LoadKey(args->key);
      if (!key.ok()) return void(*exit_code = Report(key.error()));
      auto text = ReadFileText(args->list);
      if (!text.ok()) return void(*exit_code = Report(text.error()));
      const auto j = nlohmann::json::parse(text.value(), nullptr, false);
      const std::string purpose = j.is_object() && j.contains("credentialSubject") ? j["credentialSubject"].value("statusPurpose", "") : "";
      const std::string wanted = verb == "revoke" ? "revocation" : "suspension";
      if (purpose != wanted)
        return void(*exit_code = Report(Error(ErrorCode::kInvalidInput, fmt::format("{} is a '{}' list; '{}' needs a {} list", args->list, purpose, verb, wanted))));
      auto updated = UpdateStatusListCredential(text.value(), args->index, set, key.value(), Now());
      if (!updated.ok()) return void(*exit_code = Report(updated.error()));
      const Status st = WriteFileAtomically(args->list, updated.value() + "\n");
      *exit_code = st.ok() ? kOk : Report(st.error());
    });
  }
  auto* check = status->add_subcommand("check", "Is a credential revoked or suspended?");
  check->add_option("credential", args->credential, "Credential file")->required();
  check->add_option("--status-lists", args->lists, "Directory of status list credentials")->required()->check(CLI::ExistingDirectory);
  check->callback([args, exit_code] {
    auto text = ReadFileText(args->credential);
    if (!text.ok()) return void(*exit_code = Report(text.error()));
    VerifyContext ctx;
    ctx.now = Now();
    ctx.status_lists = LoadStatusListFiles(args->lists);
    const CredentialReport r = VerifyCredential(text.value(), ctx);
    for (const auto& c : r.checks) {
      if (c.name != "status") continue;
      std::printf("%s: %s\n", c.passed ? "ok" : "FAIL", c.detail.c_str());
      *exit_code = c.passed ? kOk : kFailed;
      return;
    }
    std::printf("FAIL: the credential could not be read far enough to check its status\n");
    *exit_code = kFailed;
  });
}

}  // namespace conform::cli
