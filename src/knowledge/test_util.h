// Shared fixtures for knowledge/ tests.
#ifndef CONFORM_KNOWLEDGE_TEST_UTIL_H_
#define CONFORM_KNOWLEDGE_TEST_UTIL_H_

#include <gtest/gtest.h>

#include "conform/knowledge/vocabulary_loader.h"

namespace conform {

inline const Vocabulary& TestVocabulary() {
  static const Vocabulary* v = [] {
    auto r = LoadVocabulary(CONFORM_TEST_DATA_DIR "/vocabulary.yaml");
    if (!r.ok()) {
      ADD_FAILURE() << r.error().ToString();
      return new Vocabulary();
    }
    return new Vocabulary(std::move(r).value());
  }();
  return *v;
}

}  // namespace conform

#endif  // CONFORM_KNOWLEDGE_TEST_UTIL_H_
