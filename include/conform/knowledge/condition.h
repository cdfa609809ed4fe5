// The applicability condition language of rule packs.
//
//   radio && connectable
//   input_voltage_ac >= 50 && input_voltage_ac <= 1000
//   battery in ['li_ion', 'other'] || !(intended_age_max > 12)
//
// A condition is compiled once, against a Vocabulary, into a flat postfix
// program; evaluation is a loop over that program with a small fixed stack,
// no allocation, no I/O, no loops in the language itself.
//
// Logic is three-valued (Kleene): an attribute the product does not state is
// unknown, `false && unknown` is false, `true || unknown` is true, and every
// other use of an unknown value is unknown. That lets the knowledge base say
// "applies if ..." instead of silently guessing.
#ifndef CONFORM_KNOWLEDGE_CONDITION_H_
#define CONFORM_KNOWLEDGE_CONDITION_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "conform/core/result.h"
#include "conform/core/vocabulary.h"

namespace conform {

enum class Tri : uint8_t { kFalse = 0, kTrue = 1, kUnknown = 2 };
const char* TriName(Tri t);

class Condition {
 public:
  // The condition that always holds (a requirement without `when`).
  Condition() = default;

  // Compiles `text`. On error, each diagnostic's `column` is the 1-based
  // position in `text` of the offending token (line 0, no file): callers
  // that know where the text came from shift it to file coordinates.
  // Errors: syntax errors, unknown attributes (with a "did you mean" hint),
  // type mismatches (comparing an enum with a number, `<` on a bool, an enum
  // value that is not declared), nesting deeper than kMaxDepth, text longer
  // than kMaxLength.
  static Result<Condition> Compile(std::string_view text, const Vocabulary& vocab);

  // Precondition: values.size() equals the vocabulary's attribute count at
  // compile time.
  Tri Evaluate(const AttributeValues& values) const { return Evaluate(values.data()); }
  Tri Evaluate(const double* values) const;

  bool always() const { return code_.empty(); }

  // The condition as a tree, for explaining it or translating it into other
  // rule languages. Enum values are given as their index in the attribute's
  // `values`; bools as 0/1.
  struct Node {
    enum class Kind { kTrue, kFalse, kCompare, kCompareAttributes, kIn, kNot, kAnd, kOr };
    Kind kind = Kind::kTrue;
    AttributeId attribute = 0;  // kCompare, kCompareAttributes (left), kIn
    AttributeId other = 0;      // kCompareAttributes (right)
    const char* op = "==";      // kCompare, kCompareAttributes: == != < <= > >=
    double value = 0;           // kCompare
    std::vector<double> values; // kIn
    std::vector<Node> children; // kNot (1), kAnd and kOr (2)
  };
  Node Tree() const;
  // The source text ("" for always).
  const std::string& text() const { return text_; }
  // The attributes the condition reads, each once, in order of appearance.
  const std::vector<AttributeId>& attributes() const { return attributes_; }

  static constexpr int kMaxDepth = 32;
  static constexpr size_t kMaxLength = 4096;

  // Implementation detail, public for the compiler in condition.cc.
  enum class Op : uint8_t { kConst, kCmpConst, kCmpAttr, kIn, kNot, kAnd, kOr };
  enum class Cmp : uint8_t { kEq, kNe, kLt, kLe, kGt, kGe };
  struct Instr {
    Op op = Op::kConst;
    Cmp cmp = Cmp::kEq;
    Tri constant = Tri::kTrue;
    AttributeId a = 0;
    AttributeId b = 0;
    uint32_t list_begin = 0;  // kIn: slice of list_values_
    uint32_t list_size = 0;
    double k = 0;
  };

 private:
  friend class ConditionCompiler;
  std::string text_;
  std::vector<Instr> code_;
  std::vector<double> list_values_;
  std::vector<AttributeId> attributes_;
};

}  // namespace conform

#endif  // CONFORM_KNOWLEDGE_CONDITION_H_
