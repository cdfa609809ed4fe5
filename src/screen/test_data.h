// The shipped knowledge base and classifier, loaded once, for screen/ tests.
#ifndef CONFORM_SCREEN_TEST_DATA_H_
#define CONFORM_SCREEN_TEST_DATA_H_

#include <gtest/gtest.h>

#include "conform/knowledge/knowledge_base.h"
#include "conform/screen/classifier.h"

namespace conform {

inline const KnowledgeBase& ShippedKnowledgeBase() {
  static const KnowledgeBase* kb = [] {
    auto r = KnowledgeBase::Load(CONFORM_SHIPPED_DATA_DIR "/vocabulary.yaml", CONFORM_SHIPPED_DATA_DIR "/packs");
    if (!r.ok()) {
      ADD_FAILURE() << r.error().ToString();
      std::abort();
    }
    return new KnowledgeBase(std::move(r).value());
  }();
  return *kb;
}

inline const Classifier& ShippedClassifier() {
  static const Classifier* c = [] {
    auto r = Classifier::Load(ShippedKnowledgeBase().vocabulary(), CONFORM_SHIPPED_DATA_DIR "/classify/hs.yaml",
                              CONFORM_SHIPPED_DATA_DIR "/classify/keywords.yaml");
    if (!r.ok()) {
      ADD_FAILURE() << r.error().ToString();
      std::abort();
    }
    return new Classifier(std::move(r).value());
  }();
  return *c;
}

}  // namespace conform

#endif  // CONFORM_SCREEN_TEST_DATA_H_
