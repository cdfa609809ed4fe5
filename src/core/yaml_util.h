// Reading YAML with positions: every problem becomes a Diagnostic with the
// file, line and column of the node at fault. Private to the library.
#ifndef CONFORM_KNOWLEDGE_YAML_UTIL_H_
#define CONFORM_KNOWLEDGE_YAML_UTIL_H_

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "conform/core/date.h"
#include "conform/core/result.h"

namespace conform {

class YamlReader {
 public:
  explicit YamlReader(std::string file) : file_(std::move(file)) {}

  // Parses the file; on a syntax error or an unreadable file records a
  // diagnostic and returns nullopt.
  std::optional<YAML::Node> Load();

  const std::string& file() const { return file_; }
  std::vector<Diagnostic>& diagnostics() { return diags_; }
  bool failed() const { return !diags_.empty(); }

  void Fail(const YAML::Node& at, std::string message, std::string hint = "");
  void FailAt(const YAML::Mark& at, std::string message, std::string hint = "");
  void FailAtOffset(const YAML::Node& scalar, int column_in_scalar, std::string message, std::string hint);

  // Checks `node` is a map and that its keys are unique and among `allowed`,
  // recording a diagnostic for each key at fault. Returns false only when
  // `node` is not a map (nothing in it can be read); callers go on reading
  // after key errors so that one run reports every problem.
  bool CheckMap(const YAML::Node& node, const char* what, std::initializer_list<const char*> allowed);
  bool CheckSeq(const YAML::Node& node, const char* what);

  // Field readers: `map` must be a map. A missing required field, or a field
  // of the wrong shape, records a diagnostic and returns nullopt/empty.
  std::optional<std::string> String(const YAML::Node& map, const char* key, bool required);
  std::vector<std::string> StringList(const YAML::Node& map, const char* key, bool required);
  std::optional<Date> DateField(const YAML::Node& map, const char* key, bool required);

  // A plain string for a scalar node, or a diagnostic.
  std::optional<std::string> Scalar(const YAML::Node& node, const char* what);

 private:
  std::string file_;
  std::vector<Diagnostic> diags_;
};

}  // namespace conform

#endif  // CONFORM_KNOWLEDGE_YAML_UTIL_H_
