#include "conform/knowledge/data_dir.h"

#include <cstdlib>
#include <filesystem>

namespace conform {

std::string DefaultDataDir() {
  if (const char* env = std::getenv("CONFORM_DATA"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  if (std::filesystem::is_directory(CONFORM_SOURCE_DATA_DIR, ec)) return CONFORM_SOURCE_DATA_DIR;
  return CONFORM_INSTALL_DATA_DIR;
}

std::string VocabularyFor(const std::string& packs_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir(packs_dir);
  for (const fs::path& p : {dir / "vocabulary.yaml", dir.parent_path() / "vocabulary.yaml",
                            fs::absolute(dir, ec).parent_path() / "vocabulary.yaml"})
    if (fs::is_regular_file(p, ec)) return p.string();
  return (fs::path(DefaultDataDir()) / "vocabulary.yaml").string();
}

}  // namespace conform
