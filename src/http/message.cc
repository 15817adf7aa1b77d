#include "http/message.h"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <cctype>

namespace giaoban::http {

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const int ca = std::tolower(static_cast<unsigned char>(a[i]));
    const int cb = std::tolower(static_cast<unsigned char>(b[i]));
    if (ca != cb) return ca < cb;
  }
  return a.size() < b.size();
}

std::optional<std::string_view> Request::header(std::string_view name) const {
  auto it = headers.find(std::string(name));
  if (it == headers.end()) return std::nullopt;
  return std::string_view(it->second);
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  auto h = header("Cookie");
  if (!h) return std::nullopt;
  std::string_view rest = *h;
  while (!rest.empty()) {
    const std::size_t end = rest.find(';');
    std::string_view pair = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name)
      return std::string(pair.substr(eq + 1));
  }
  return std::nullopt;
}

namespace {

// RFC 9110 token characters, the only ones a type or subtype may have.
bool IsTokenChar(char c) {
  if (std::isalnum(static_cast<unsigned char>(c))) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

std::string_view TrimWhiteSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<std::string> LowerToken(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (!IsTokenChar(c)) return std::nullopt;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

}  // namespace

std::optional<MediaType> ParseMediaType(std::string_view value) {
  // Parameters are not interpreted: JSON is UTF-8 whatever a charset says (RFC 8259).
  const std::string_view essence = TrimWhiteSpace(value.substr(0, value.find(';')));
  const std::size_t slash = essence.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto type = LowerToken(essence.substr(0, slash));
  auto subtype = LowerToken(essence.substr(slash + 1));
  if (!type || !subtype) return std::nullopt;
  return MediaType{std::move(*type), std::move(*subtype)};
}

bool IsJsonMediaType(std::string_view value) {
  const auto media = ParseMediaType(value);
  return media && media->type == "application" && media->subtype == "json";
}

bool ParseTarget(std::string_view target, std::string& path,
                 std::multimap<std::string, std::string>& query) {
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return false;
  const boost::urls::url_view& url = *parsed;
  path = url.path();
  for (auto param : url.params()) {
    // "?a=1&" or "?&a=1": an empty segment is a joining slip, not a parameter.
    if (param.key.empty() && !param.has_value) continue;
    query.emplace(param.key, param.has_value ? param.value : std::string());
  }
  return true;
}

}  // namespace giaoban::http
