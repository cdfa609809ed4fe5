#include "conform/knowledge/condition.h"

#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "conform/core/text.h"

namespace conform {

const char* TriName(Tri t) {
  switch (t) {
    case Tri::kFalse: return "false";
    case Tri::kTrue: return "true";
    case Tri::kUnknown: return "unknown";
  }
  return "?";
}

namespace {

enum class Tok { kEnd, kIdent, kNumber, kString, kTrue, kFalse, kIn, kCmp, kAnd, kOr, kNot,
                 kLParen, kRParen, kLBracket, kRBracket, kComma };

struct Token {
  Tok kind = Tok::kEnd;
  std::string text;  // identifier name, string value, operator spelling
  double number = 0;
  Condition::Cmp cmp = Condition::Cmp::kEq;
  size_t pos = 0;  // 0-based offset in the source
};

// An operand of a comparison before it is compiled.
struct Operand {
  enum Kind { kAttr, kNumber, kBool, kString } kind = kNumber;
  AttributeId attr = 0;
  double number = 0;
  std::string str;
  size_t pos = 0;
};

Condition::Cmp Flip(Condition::Cmp c) {
  using C = Condition::Cmp;
  switch (c) {
    case C::kLt: return C::kGt;
    case C::kLe: return C::kGe;
    case C::kGt: return C::kLt;
    case C::kGe: return C::kLe;
    default: return c;
  }
}

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }

}  // namespace

// Recursive-descent parser that emits postfix code as it goes.
class ConditionCompiler {
 public:
  ConditionCompiler(std::string_view src, const Vocabulary& vocab) : src_(src), vocab_(vocab) {}

  Result<Condition> Run() {
    if (src_.size() > Condition::kMaxLength)
      return Fail(0, fmt::format("condition is {} characters long; the limit is {}", src_.size(),
                                 Condition::kMaxLength),
                  "split the requirement or simplify the condition");
    if (!Lex()) return std::move(*error_);
    if (tokens_.size() == 1) return Fail(0, "empty condition", "remove `when` for a requirement that always applies");
    ParseOr(0);
    if (!error_ && Peek().kind != Tok::kEnd) Fail(Peek().pos, fmt::format("unexpected '{}'", Peek().text), "");
    if (error_) return std::move(*error_);
    out_.text_ = std::string(src_);
    return std::move(out_);
  }

 private:
  Error Fail(size_t pos, std::string message, std::string hint) {
    if (!error_) error_ = Error(ErrorCode::kInvalidInput, {Diagnostic{"", 0, static_cast<int>(pos) + 1,
                                                                      std::move(message), std::move(hint)}});
    return *error_;
  }

  bool Lex() {
    size_t i = 0;
    while (i < src_.size()) {
      const char c = src_[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { ++i; continue; }
      Token t;
      t.pos = i;
      auto two = [&](const char* s) { return src_.compare(i, 2, s) == 0; };
      if (IsIdentStart(c)) {
        size_t j = i;
        while (j < src_.size() && IsIdentChar(src_[j])) ++j;
        t.text = std::string(src_.substr(i, j - i));
        if (t.text == "true") t.kind = Tok::kTrue;
        else if (t.text == "false") t.kind = Tok::kFalse;
        else if (t.text == "in") t.kind = Tok::kIn;
        else if (t.text == "and" || t.text == "or" || t.text == "not") {
          Fail(i, fmt::format("'{}' is not an operator here", t.text),
               t.text == "and" ? "write &&" : t.text == "or" ? "write ||" : "write !");
          return false;
        } else t.kind = Tok::kIdent;
        i = j;
      } else if (IsAsciiDigit(c) || (c == '-' && i + 1 < src_.size() && (IsAsciiDigit(src_[i + 1]) || src_[i + 1] == '.')) ||
                 (c == '.' && i + 1 < src_.size() && IsAsciiDigit(src_[i + 1]))) {
        size_t j = i + (c == '-' ? 1 : 0);
        while (j < src_.size() && (IsAsciiDigit(src_[j]) || src_[j] == '.')) ++j;
        t.kind = Tok::kNumber;
        t.text = std::string(src_.substr(i, j - i));
        char* end = nullptr;
        t.number = std::strtod(t.text.c_str(), &end);
        if (end != t.text.c_str() + t.text.size() || !std::isfinite(t.number)) {
          Fail(i, fmt::format("'{}' is not a number", t.text), "write numbers like 230 or 0.5");
          return false;
        }
        i = j;
      } else if (c == '\'' || c == '"') {
        const size_t close = src_.find(c, i + 1);
        if (close == std::string_view::npos) {
          Fail(i, "string is not closed", fmt::format("add the closing {}", c));
          return false;
        }
        t.kind = Tok::kString;
        t.text = std::string(src_.substr(i + 1, close - i - 1));
        i = close + 1;
      } else if (two("==") || two("!=") || two("<=") || two(">=")) {
        t.kind = Tok::kCmp;
        t.text = std::string(src_.substr(i, 2));
        t.cmp = two("==") ? Condition::Cmp::kEq : two("!=") ? Condition::Cmp::kNe
              : two("<=") ? Condition::Cmp::kLe : Condition::Cmp::kGe;
        i += 2;
      } else if (two("&&") || two("||")) {
        t.kind = two("&&") ? Tok::kAnd : Tok::kOr;
        t.text = std::string(src_.substr(i, 2));
        i += 2;
      } else if (c == '<' || c == '>') {
        t.kind = Tok::kCmp;
        t.text = std::string(1, c);
        t.cmp = c == '<' ? Condition::Cmp::kLt : Condition::Cmp::kGt;
        ++i;
      } else if (c == '!' ) { t.kind = Tok::kNot; t.text = "!"; ++i; }
      else if (c == '(') { t.kind = Tok::kLParen; t.text = "("; ++i; }
      else if (c == ')') { t.kind = Tok::kRParen; t.text = ")"; ++i; }
      else if (c == '[') { t.kind = Tok::kLBracket; t.text = "["; ++i; }
      else if (c == ']') { t.kind = Tok::kRBracket; t.text = "]"; ++i; }
      else if (c == ',') { t.kind = Tok::kComma; t.text = ","; ++i; }
      else if (c == '=') { Fail(i, "'=' is not an operator", "write == to compare"); return false; }
      else if (c == '&' || c == '|') {
        Fail(i, fmt::format("'{}' is not an operator", c), c == '&' ? "write &&" : "write ||");
        return false;
      } else {
        Fail(i, fmt::format("unexpected character '{}'", c), "conditions use names, numbers, 'strings', == != < <= > >= && || ! in ( ) [ ]");
        return false;
      }
      tokens_.push_back(std::move(t));
    }
    Token end;
    end.pos = src_.size();
    end.text = "end of condition";
    tokens_.push_back(end);
    return true;
  }

  const Token& Peek() const { return tokens_[next_]; }
  const Token& Take() { return tokens_[next_ < tokens_.size() - 1 ? next_++ : next_]; }

  // Tracks the postfix stack depth so that evaluation can use a fixed array.
  void Emit(const Condition::Instr& in, int stack_delta) {
    out_.code_.push_back(in);
    depth_ += stack_delta;
    if (depth_ > Condition::kMaxDepth)
      Fail(Peek().pos, "condition is nested too deeply", fmt::format("use at most {} levels", Condition::kMaxDepth));
  }

  void Use(AttributeId id) {
    for (AttributeId a : out_.attributes_)
      if (a == id) return;
    out_.attributes_.push_back(id);
  }

  void ParseOr(int nesting) { ParseBinary(nesting, Tok::kOr, Condition::Op::kOr, &ConditionCompiler::ParseAnd); }
  void ParseAnd(int nesting) { ParseBinary(nesting, Tok::kAnd, Condition::Op::kAnd, &ConditionCompiler::ParseUnary); }

  // operand (tok operand)*, left-associative.
  void ParseBinary(int nesting, Tok tok, Condition::Op op, void (ConditionCompiler::*operand)(int)) {
    (this->*operand)(nesting);
    while (!error_ && Peek().kind == tok) {
      Take();
      (this->*operand)(nesting);
      Condition::Instr in;
      in.op = op;
      Emit(in, -1);
    }
  }

  void ParseUnary(int nesting) {
    if (error_) return;
    if (nesting > Condition::kMaxDepth) {
      Fail(Peek().pos, "condition is nested too deeply", fmt::format("use at most {} levels", Condition::kMaxDepth));
      return;
    }
    if (Peek().kind == Tok::kNot) {
      Take();
      ParseUnary(nesting + 1);
      Condition::Instr in;
      in.op = Condition::Op::kNot;
      Emit(in, 0);
      return;
    }
    if (Peek().kind == Tok::kLParen) {
      const Token open = Take();
      ParseOr(nesting + 1);
      if (error_) return;
      if (Peek().kind != Tok::kRParen) {
        Fail(Peek().pos, fmt::format("expected ')' to close the '(' at column {}, found '{}'", open.pos + 1, Peek().text), "");
      } else {
        Take();
      }
      return;
    }
    ParseComparison();
  }

  std::optional<Operand> ParseOperand() {
    const Token& t = Peek();
    Operand o;
    o.pos = t.pos;
    switch (t.kind) {
      case Tok::kIdent: {
        const auto id = vocab_.FindAttribute(t.text);
        if (!id) {
          Fail(t.pos, fmt::format("unknown attribute '{}'", t.text), SuggestionHint(t.text, vocab_.AttributeNames()));
          return std::nullopt;
        }
        o.kind = Operand::kAttr;
        o.attr = *id;
        Use(*id);
        break;
      }
      case Tok::kNumber: o.kind = Operand::kNumber; o.number = t.number; break;
      case Tok::kString: o.kind = Operand::kString; o.str = t.text; break;
      case Tok::kTrue: o.kind = Operand::kBool; o.number = 1; break;
      case Tok::kFalse: o.kind = Operand::kBool; o.number = 0; break;
      default:
        Fail(t.pos, fmt::format("expected an attribute, a value, '(' or '!', found '{}'", t.text), "");
        return std::nullopt;
    }
    Take();
    return o;
  }

  // The value of literal `lit` as stored for attribute `def`, or an error.
  std::optional<double> LiteralFor(const AttributeDef& def, const Operand& lit) {
    switch (def.type) {
      case AttributeType::kNumber:
        if (lit.kind == Operand::kNumber) return lit.number;
        break;
      case AttributeType::kBool:
        if (lit.kind == Operand::kBool) return lit.number;
        break;
      case AttributeType::kEnum:
        if (lit.kind == Operand::kString) {
          const int idx = def.EnumIndex(lit.str);
          if (idx < 0) {
            Fail(lit.pos, fmt::format("'{}' is not a value of '{}'", lit.str, def.name), SuggestionHint(lit.str, def.values));
            return std::nullopt;
          }
          return idx;
        }
        break;
    }
    Fail(lit.pos, fmt::format("'{}' is a {} attribute and cannot be compared with this value", def.name,
                              AttributeTypeName(def.type)),
         def.type == AttributeType::kEnum ? fmt::format("use one of '{}' in quotes", Join(def.values, "', '"))
         : def.type == AttributeType::kBool ? "use true or false" : "use a number");
    return std::nullopt;
  }

  void ParseComparison() {
    auto lhs = ParseOperand();
    if (!lhs) return;
    const Token& t = Peek();
    Condition::Instr in;
    if (t.kind == Tok::kIn) {
      Take();
      if (lhs->kind != Operand::kAttr) {
        Fail(lhs->pos, "the left side of 'in' must be an attribute", "");
        return;
      }
      const AttributeDef& def = vocab_.attribute(lhs->attr);
      if (Peek().kind != Tok::kLBracket) {
        Fail(Peek().pos, fmt::format("expected '[' after 'in', found '{}'", Peek().text), "write e.g. battery in ['li_ion', 'other']");
        return;
      }
      Take();
      in.op = Condition::Op::kIn;
      in.a = lhs->attr;
      in.list_begin = static_cast<uint32_t>(out_.list_values_.size());
      while (true) {
        auto item = ParseOperand();
        if (!item) return;
        if (item->kind == Operand::kAttr) {
          Fail(item->pos, "list items must be values, not attributes", "");
          return;
        }
        auto v = LiteralFor(def, *item);
        if (!v) return;
        out_.list_values_.push_back(*v);
        if (Peek().kind == Tok::kComma) { Take(); continue; }
        if (Peek().kind == Tok::kRBracket) { Take(); break; }
        Fail(Peek().pos, fmt::format("expected ',' or ']' in the list, found '{}'", Peek().text), "");
        return;
      }
      in.list_size = static_cast<uint32_t>(out_.list_values_.size()) - in.list_begin;
      Emit(in, +1);
      return;
    }
    if (t.kind != Tok::kCmp) {
      // A bare operand: a bool attribute or a bool constant.
      if (lhs->kind == Operand::kBool) {
        in.op = Condition::Op::kConst;
        in.constant = lhs->number != 0 ? Tri::kTrue : Tri::kFalse;
        Emit(in, +1);
        return;
      }
      if (lhs->kind == Operand::kAttr && vocab_.attribute(lhs->attr).type == AttributeType::kBool) {
        in.op = Condition::Op::kCmpConst;
        in.cmp = Condition::Cmp::kEq;
        in.a = lhs->attr;
        in.k = 1;
        Emit(in, +1);
        return;
      }
      if (lhs->kind == Operand::kAttr) {
        const AttributeDef& def = vocab_.attribute(lhs->attr);
        Fail(lhs->pos, fmt::format("'{}' is a {} attribute, not a condition by itself", def.name, AttributeTypeName(def.type)),
             def.type == AttributeType::kEnum ? fmt::format("compare it, e.g. {} == '{}'", def.name, def.values.empty() ? "" : def.values[0])
                                              : fmt::format("compare it, e.g. {} > 0", def.name));
        return;
      }
      Fail(lhs->pos, "a value alone is not a condition", "compare it with an attribute");
      return;
    }
    const Token op = Take();
    auto rhs = ParseOperand();
    if (!rhs) return;
    Condition::Cmp cmp = op.cmp;
    if (lhs->kind != Operand::kAttr && rhs->kind != Operand::kAttr) {
      Fail(lhs->pos, "comparison of two constant values", "compare an attribute with a value");
      return;
    }
    if (lhs->kind != Operand::kAttr) {  // value OP attr  ==>  attr FLIP(OP) value
      std::swap(lhs, rhs);
      cmp = Flip(cmp);
    }
    const AttributeDef& def = vocab_.attribute(lhs->attr);
    const bool ordered = cmp != Condition::Cmp::kEq && cmp != Condition::Cmp::kNe;
    if (ordered && def.type != AttributeType::kNumber) {
      Fail(op.pos, fmt::format("'{}' is a {} attribute: only == and != (or 'in') apply", def.name, AttributeTypeName(def.type)), "");
      return;
    }
    in.cmp = cmp;
    in.a = lhs->attr;
    if (rhs->kind == Operand::kAttr) {
      const AttributeDef& rdef = vocab_.attribute(rhs->attr);
      if (def.type != rdef.type || def.type == AttributeType::kEnum) {
        Fail(rhs->pos, fmt::format("cannot compare '{}' ({}) with '{}' ({})", def.name, AttributeTypeName(def.type),
                                   rdef.name, AttributeTypeName(rdef.type)),
             "attributes compare with each other only when both are numbers or both are bools");
        return;
      }
      in.op = Condition::Op::kCmpAttr;
      in.b = rhs->attr;
    } else {
      auto v = LiteralFor(def, *rhs);
      if (!v) return;
      in.op = Condition::Op::kCmpConst;
      in.k = *v;
    }
    Emit(in, +1);
  }

  std::string_view src_;
  const Vocabulary& vocab_;
  std::vector<Token> tokens_;
  size_t next_ = 0;
  int depth_ = 0;
  Condition out_;
  std::optional<Error> error_;
};

Result<Condition> Condition::Compile(std::string_view text, const Vocabulary& vocab) {
  return ConditionCompiler(text, vocab).Run();
}

namespace {

inline bool Compare(Condition::Cmp c, double x, double y) {
  switch (c) {
    case Condition::Cmp::kEq: return x == y;
    case Condition::Cmp::kNe: return x != y;
    case Condition::Cmp::kLt: return x < y;
    case Condition::Cmp::kLe: return x <= y;
    case Condition::Cmp::kGt: return x > y;
    case Condition::Cmp::kGe: return x >= y;
  }
  return false;
}

// Kleene tables indexed [a][b] with F=0, T=1, U=2.
constexpr Tri kAnd[3][3] = {{Tri::kFalse, Tri::kFalse, Tri::kFalse},
                            {Tri::kFalse, Tri::kTrue, Tri::kUnknown},
                            {Tri::kFalse, Tri::kUnknown, Tri::kUnknown}};
constexpr Tri kOr[3][3] = {{Tri::kFalse, Tri::kTrue, Tri::kUnknown},
                           {Tri::kTrue, Tri::kTrue, Tri::kTrue},
                           {Tri::kUnknown, Tri::kTrue, Tri::kUnknown}};
constexpr Tri kNot[3] = {Tri::kTrue, Tri::kFalse, Tri::kUnknown};

inline Tri FromBool(bool b) { return b ? Tri::kTrue : Tri::kFalse; }

}  // namespace

Condition::Node Condition::Tree() const {
  static const char* kOps[] = {"==", "!=", "<", "<=", ">", ">="};
  std::vector<Node> stack;
  if (code_.empty()) return Node{};
  for (const Instr& in : code_) {
    Node n;
    switch (in.op) {
      case Op::kConst: n.kind = in.constant == Tri::kFalse ? Node::Kind::kFalse : Node::Kind::kTrue; break;
      case Op::kCmpConst:
        n.kind = Node::Kind::kCompare;
        n.attribute = in.a;
        n.op = kOps[static_cast<int>(in.cmp)];
        n.value = in.k;
        break;
      case Op::kCmpAttr:
        n.kind = Node::Kind::kCompareAttributes;
        n.attribute = in.a;
        n.other = in.b;
        n.op = kOps[static_cast<int>(in.cmp)];
        break;
      case Op::kIn:
        n.kind = Node::Kind::kIn;
        n.attribute = in.a;
        n.values.assign(list_values_.begin() + in.list_begin, list_values_.begin() + in.list_begin + in.list_size);
        break;
      case Op::kNot:
        n.kind = Node::Kind::kNot;
        n.children.push_back(std::move(stack.back()));
        stack.pop_back();
        break;
      case Op::kAnd:
      case Op::kOr:
        n.kind = in.op == Op::kAnd ? Node::Kind::kAnd : Node::Kind::kOr;
        n.children.resize(2);
        n.children[1] = std::move(stack.back());
        stack.pop_back();
        n.children[0] = std::move(stack.back());
        stack.pop_back();
        break;
    }
    stack.push_back(std::move(n));
  }
  return std::move(stack.back());
}

Tri Condition::Evaluate(const double* values) const {
  if (code_.empty()) return Tri::kTrue;
  Tri stack[kMaxDepth + 1];
  int sp = 0;
  for (const Instr& in : code_) {
    switch (in.op) {
      case Op::kConst: stack[sp++] = in.constant; break;
      case Op::kCmpConst: {
        const double v = values[in.a];
        stack[sp++] = std::isnan(v) ? Tri::kUnknown : FromBool(Compare(in.cmp, v, in.k));
        break;
      }
      case Op::kCmpAttr: {
        const double x = values[in.a], y = values[in.b];
        stack[sp++] = (std::isnan(x) || std::isnan(y)) ? Tri::kUnknown : FromBool(Compare(in.cmp, x, y));
        break;
      }
      case Op::kIn: {
        const double v = values[in.a];
        if (std::isnan(v)) {
          stack[sp++] = Tri::kUnknown;
          break;
        }
        bool found = false;
        for (uint32_t i = 0; i < in.list_size && !found; ++i) found = list_values_[in.list_begin + i] == v;
        stack[sp++] = FromBool(found);
        break;
      }
      case Op::kNot: stack[sp - 1] = kNot[static_cast<int>(stack[sp - 1])]; break;
      case Op::kAnd:
        --sp;
        stack[sp - 1] = kAnd[static_cast<int>(stack[sp - 1])][static_cast<int>(stack[sp])];
        break;
      case Op::kOr:
        --sp;
        stack[sp - 1] = kOr[static_cast<int>(stack[sp - 1])][static_cast<int>(stack[sp])];
        break;
    }
  }
  return stack[0];
}

}  // namespace conform
