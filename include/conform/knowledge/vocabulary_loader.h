// Loads data/vocabulary.yaml (format: see that file's comments).
#ifndef CONFORM_KNOWLEDGE_VOCABULARY_LOADER_H_
#define CONFORM_KNOWLEDGE_VOCABULARY_LOADER_H_

#include <string>

#include "conform/core/result.h"
#include "conform/core/vocabulary.h"

namespace conform {

// All-or-nothing: any problem yields an error listing every diagnostic.
Result<Vocabulary> LoadVocabulary(const std::string& file);

}  // namespace conform

#endif  // CONFORM_KNOWLEDGE_VOCABULARY_LOADER_H_
