#include "cli_files.h"

#include <fmt/format.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace conform::cli {

namespace {

// How to mend a failed open or read, by its errno.
std::string HintFor(int error) {
  switch (error) {
    case ENOENT:
    case ENOTDIR: return "check the path";
    case EACCES:
    case EPERM: return "this user may not read it: check its permissions, or run as a user who may";
    case EISDIR: return "give a file, not a directory";
    default: return "check the file and the disk it is on";
  }
}

Error FileError(const std::string& path, std::string_view what, int error) {
  return Error(error == ENOENT || error == ENOTDIR ? ErrorCode::kNotFound : ErrorCode::kIo,
               {Diagnostic{path, 0, 0, fmt::format("{}: {}", what, std::strerror(error)), HintFor(error)}});
}

}  // namespace

Result<std::string> ReadFileText(const std::string& path, size_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return FileError(path, "cannot open", errno);
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return FileError(path, "cannot read", EISDIR);
  }
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      return FileError(path, "cannot read", error);
    }
    if (n == 0) break;
    text.append(buffer, static_cast<size_t>(n));
    if (text.size() > max_bytes) {
      ::close(fd);
      const std::string limit = max_bytes % (1 << 20) == 0 ? fmt::format("{} MiB", max_bytes >> 20) : fmt::format("{} bytes", max_bytes);
      return Error(ErrorCode::kInvalidInput, {Diagnostic{path, 0, 0, fmt::format("larger than the limit of {} for one file", limit),
                                                         "split it into smaller files (a feed by date range) and give each"}});
    }
  }
  ::close(fd);
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

Status CheckWritable(const std::string& path, std::string_view what) {
  namespace fs = std::filesystem;
  const fs::path p(path);
  const fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
  std::error_code ec;
  const auto fail = [&](std::string why) {
    return Error(ErrorCode::kInvalidInput, {Diagnostic{path, 0, 0, fmt::format("cannot write the {}: {}", what, why), "give a path in a writable directory"}});
  };
  if (!fs::is_directory(dir, ec)) return fail(fmt::format("the directory {} does not exist", dir.string()));
  if (fs::is_directory(p, ec)) return fail("it is a directory");
  if (fs::exists(p, ec) && ::access(path.c_str(), W_OK) != 0) return fail("the file is read-only");
  if (::access(dir.c_str(), W_OK) != 0) return fail(fmt::format("the directory {} is not writable", dir.string()));
  return Status::Ok();
}

}  // namespace conform::cli
