// Expected failures of a request, carried as values from the services to the HTTP boundary.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace giaoban::service {

struct FieldError {
  std::string field;
  std::string code;  // "required", "too_long", "invalid", "not_found", ...
  // For a value outside a closed set: the values that are accepted, so the caller can correct it.
  std::vector<std::string> allowed = {};
};

// What went wrong, in the services' terms: the API decides which HTTP status each code gets
// (api/error_status.cc), so a code is all a caller needs to react to.
struct Error {
  std::string code;  // stable English code, also the key of its message in the catalogue
  std::vector<FieldError> fields;
  std::int64_t retry_after_seconds = 0;  // with too_many_requests: when trying again makes sense
  // Where the failure lies when the code alone cannot say: the part and row of a file.
  std::string detail = {};

  static Error BadRequest(std::string code = "bad_request") { return {std::move(code), {}}; }
  static Error Validation(std::vector<FieldError> fields) {
    return {"validation_failed", std::move(fields)};
  }
  static Error Unauthenticated() { return {"unauthenticated", {}}; }
  static Error InvalidCredentials() { return {"invalid_credentials", {}}; }
  static Error Forbidden() { return {"forbidden", {}}; }
  static Error CsrfFailed() { return {"csrf_failed", {}}; }
  static Error NotFound() { return {"not_found", {}}; }
  static Error MethodNotAllowed() { return {"method_not_allowed", {}}; }
  static Error Conflict(std::string code = "conflict") { return {std::move(code), {}}; }
  static Error PreconditionFailed() { return {"precondition_failed", {}}; }
  static Error PreconditionRequired() { return {"precondition_required", {}}; }
  static Error TooManyRequests(std::int64_t retry_after_seconds) {
    return {"too_many_requests", {}, retry_after_seconds};
  }
  static Error TooLarge(std::string code) { return {std::move(code), {}}; }
  static Error UnsupportedMediaType() { return {"unsupported_media_type", {}}; }
  static Error Internal() { return {"internal_error", {}}; }
};

// A value or the reason there is none. Kept deliberately small: C++20 has no std::expected.
template <class T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Expected(Error error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

struct Done {};
using Status = Expected<Done>;
inline Status Ok() { return Done{}; }

// Collects field errors while validating an input, then yields one Error for all of them.
class Validator {
 public:
  void Add(std::string field, std::string code, std::vector<std::string> allowed = {}) {
    fields_.push_back({std::move(field), std::move(code), std::move(allowed)});
  }
  // A text that must be given: "required" when empty, "too_long" past `max_bytes`.
  void RequireText(std::string field, std::string_view text, std::size_t max_bytes) {
    if (text.empty())
      Add(std::move(field), "required");
    else
      LimitText(std::move(field), text, max_bytes);
  }
  // A text that may be empty: "too_long" past `max_bytes`.
  void LimitText(std::string field, std::string_view text, std::size_t max_bytes) {
    if (text.size() > max_bytes) Add(std::move(field), "too_long");
  }
  bool ok() const { return fields_.empty(); }
  Error error() const { return Error::Validation(fields_); }

 private:
  std::vector<FieldError> fields_;
};

}  // namespace giaoban::service
