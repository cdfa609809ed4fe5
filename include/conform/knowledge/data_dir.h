// Where the shipped rule data lives.
#ifndef CONFORM_KNOWLEDGE_DATA_DIR_H_
#define CONFORM_KNOWLEDGE_DATA_DIR_H_

#include <string>

namespace conform {

// The data directory (holding vocabulary.yaml and packs/): $CONFORM_DATA if
// set, else the source tree's data/ when it exists (running from a build
// tree), else the installed share/conform.
std::string DefaultDataDir();

// The vocabulary that goes with a pack directory: DIR/vocabulary.yaml, else
// DIR/../vocabulary.yaml, else the default data directory's.
std::string VocabularyFor(const std::string& packs_dir);

}  // namespace conform

#endif  // CONFORM_KNOWLEDGE_DATA_DIR_H_
