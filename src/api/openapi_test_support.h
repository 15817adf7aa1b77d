// Reading the OpenAPI document in tests: its text values and its "#/..." references, for the
// tests of the document itself (openapi_test.cc) and of the JSON checked against it
// (openapi_shapes_test.cc).
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "api/openapi.h"

namespace giaoban::api::openapi_testing {

namespace json = boost::json;

inline std::string Str(const json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : std::string();
}

inline const json::value& Doc() { return OpenApiDocument(); }

// Follows one "#/..." reference; nullptr when it does not resolve.
inline const json::value* Resolve(std::string_view ref) {
  if (ref.substr(0, 2) != "#/") return nullptr;
  boost::system::error_code ec;
  return Doc().find_pointer(ref.substr(1), ec);
}

// The object itself, or what its $ref points to (chains followed).
inline const json::value& Deref(const json::value& v) {
  const json::value* current = &v;
  for (int hops = 0; hops < 10 && current->is_object() && current->as_object().contains("$ref");
       ++hops) {
    const json::value* next = Resolve(Str(current->as_object().at("$ref")));
    if (next == nullptr) return *current;
    current = next;
  }
  return *current;
}

}  // namespace giaoban::api::openapi_testing
