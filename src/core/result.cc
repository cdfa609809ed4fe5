#include "conform/core/result.h"

#include <fmt/format.h>

namespace conform {

std::string Diagnostic::ToString() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) out += fmt::format(":{}", line);
    if (line > 0 && column > 0) out += fmt::format(":{}", column);
    out += ": ";
  }
  out += message;
  if (!hint.empty()) out += fmt::format(" ({})", hint);
  return out;
}

std::string Error::ToString() const {
  std::string out;
  for (size_t i = 0; i < diagnostics_.size(); ++i) {
    if (i > 0) out += '\n';
    out += diagnostics_[i].ToString();
  }
  return out;
}

}  // namespace conform
