#include "cli_files.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace conform::cli {

Result<std::string> ReadFileText(const std::string& path, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(ErrorCode::kNotFound, {Diagnostic{path, 0, 0, "cannot open", "check the path"}});
  std::string text;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (text.size() > max_bytes)
      return Error(ErrorCode::kInvalidInput, {Diagnostic{path, 0, 0, fmt::format("larger than the limit of {} bytes", max_bytes), ""}});
  }
  if (in.bad()) return Error(ErrorCode::kIo, {Diagnostic{path, 0, 0, "read error", ""}});
  return text;
}

Status WriteFileAtomically(const std::string& path, const std::string& text, bool secret) {
  if (path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return Status::Ok();
  }
  std::error_code ec;
  const auto st = std::filesystem::status(path, ec);
  const bool special = !ec && std::filesystem::exists(st) && !std::filesystem::is_regular_file(st);
  const std::string target = special ? path : path + ".partial";
  FILE* f = std::fopen(target.c_str(), "wb");
  if (f == nullptr) return Error(ErrorCode::kIo, fmt::format("cannot write {}: {}", target, std::strerror(errno)));
  if (secret && !special) ::chmod(target.c_str(), 0600);
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0;
  std::fclose(f);
  if (special) return ok ? Status::Ok() : Status(Error(ErrorCode::kIo, fmt::format("cannot write {}", path)));
  if (!ok || std::rename(target.c_str(), path.c_str()) != 0) {
    std::remove(target.c_str());
    return Error(ErrorCode::kIo, fmt::format("cannot write {}", path));
  }
  return Status::Ok();
}

}  // namespace conform::cli
