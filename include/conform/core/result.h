// Errors as values. Library functions never throw across module boundaries
// and never print: they return a Status or a Result<T>, whose error carries
// one or more diagnostics that say where (file:line:column), what is wrong,
// and how to fix it.
#ifndef CONFORM_CORE_RESULT_H_
#define CONFORM_CORE_RESULT_H_

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace conform {

enum class ErrorCode {
  kInvalidInput,  // the caller's input (arguments, a file's content) is wrong
  kNotFound,      // a named thing (file, market, category) does not exist
  kIo,            // reading or writing failed
  kInternal,      // a bug: an invariant did not hold
};

// One problem found in some input. `file` may be empty when the input is not a
// file (a command-line argument); line and column are 1-based, 0 when unknown.
struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;  // what is wrong
  std::string hint;     // how to fix it; may be empty

  // "file:line:column: message (hint)" with the parts that are known.
  std::string ToString() const;
};

class Error {
 public:
  Error(ErrorCode code, std::vector<Diagnostic> diagnostics)
      : code_(code), diagnostics_(std::move(diagnostics)) {}
  Error(ErrorCode code, std::string message, std::string hint = "")
      : code_(code), diagnostics_{Diagnostic{"", 0, 0, std::move(message), std::move(hint)}} {}

  ErrorCode code() const { return code_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  // All diagnostics, one per line.
  std::string ToString() const;

 private:
  ErrorCode code_;
  std::vector<Diagnostic> diagnostics_;
};

// Either success or an Error. Success costs no allocation.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design
  static Status Ok() { return Status(); }

  bool ok() const { return !error_.has_value(); }
  // Precondition: !ok().
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

// Either a T or an Error.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  // Preconditions: ok() for value(), !ok() for error().
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace conform

#endif  // CONFORM_CORE_RESULT_H_
