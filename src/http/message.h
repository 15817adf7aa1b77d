// HTTP requests and responses as plain data, so that everything above the server is free of Beast.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace giaoban::http {

struct CaseInsensitiveLess {
  bool operator()(std::string_view a, std::string_view b) const;
};

struct Request {
  std::string method;                             // upper case: GET, POST, ...
  std::string target;                             // as received: "/api/v1/tasks?q=..."
  std::string path;                               // percent-decoded path without the query
  std::multimap<std::string, std::string> query;  // percent-decoded
  std::map<std::string, std::string, CaseInsensitiveLess> headers;
  std::string body;
  std::string client_address;

  std::optional<std::string_view> header(std::string_view name) const;
  // The value of one cookie from the Cookie header.
  std::optional<std::string> cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string log_user;  // who made the request, for the access log only

  void set_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

// A Content-Type's type and subtype, lower case; its parameters (such as charset) are not kept.
struct MediaType {
  std::string type;
  std::string subtype;
};

// Parses "type/subtype *(OWS ; OWS parameter)" (RFC 9110, 8.3.1); nullopt when it is not one.
std::optional<MediaType> ParseMediaType(std::string_view value);

// Whether a Content-Type names JSON: application/json, any case, with or without parameters.
bool IsJsonMediaType(std::string_view value);

// Splits a request target into its decoded path and query; false if it is malformed.
bool ParseTarget(std::string_view target, std::string& path,
                 std::multimap<std::string, std::string>& query);

}  // namespace giaoban::http
