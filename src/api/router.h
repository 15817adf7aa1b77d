// Maps "METHOD /path/{param}" to handlers. Path parameters are positive integer ids.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace giaoban::api {

struct Match {
  const void* route = nullptr;
  std::vector<std::int64_t> ids;  // the {param} values, in order
  bool path_known = false;        // the path exists for some other method (405, not 404)
};

template <class Handler>
class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler) {
    routes_.push_back({std::move(method), Split(pattern), std::move(pattern), std::move(handler)});
  }

  // The handler for the request, with its ids; nullptr when nothing matches.
  const Handler* Find(std::string_view method, std::string_view path, Match& match) const {
    const auto parts = Split(path);
    for (const auto& r : routes_) {
      std::vector<std::int64_t> ids;
      if (!MatchParts(r.parts, parts, ids)) continue;
      match.path_known = true;
      if (r.method != method) continue;
      match.ids = std::move(ids);
      match.route = &r;
      return &r.handler;
    }
    return nullptr;
  }

  // Every route as "METHOD pattern", for the OpenAPI test.
  std::vector<std::string> Describe() const {
    std::vector<std::string> out;
    for (const auto& r : routes_) out.push_back(r.method + " " + r.pattern);
    return out;
  }

 private:
  struct Route {
    std::string method;
    std::vector<std::string> parts;
    std::string pattern;
    Handler handler;
  };

  static std::vector<std::string> Split(std::string_view path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
      std::size_t end = path.find('/', start);
      if (end == std::string_view::npos) end = path.size();
      if (end > start) parts.emplace_back(path.substr(start, end - start));
      start = end + 1;
    }
    return parts;
  }

  static bool MatchParts(const std::vector<std::string>& pattern,
                         const std::vector<std::string>& path, std::vector<std::int64_t>& ids) {
    if (pattern.size() != path.size()) return false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i].front() == '{') {
        const std::string& p = path[i];
        if (p.empty() || p.size() > 18) return false;
        std::int64_t value = 0;
        for (char c : p) {
          if (c < '0' || c > '9') return false;
          value = value * 10 + (c - '0');
        }
        if (value <= 0) return false;
        ids.push_back(value);
      } else if (pattern[i] != path[i]) {
        return false;
      }
    }
    return true;
  }

  std::vector<Route> routes_;
};

}  // namespace giaoban::api
