#include "http/static_files.h"

#include <array>
#include <cstdint>
#include <fstream>
#include <iterator>

namespace giaoban::http {

namespace {

namespace fs = std::filesystem;

std::string ContentType(const fs::path& file) {
  static const std::unordered_map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
  };
  auto it = kTypes.find(file.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

bool ReadFile(const fs::path& file, std::string& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

// A strong validator that is the same in every server process: FNV-1a over the bytes.
std::string EntityTag(const std::string& body) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : body) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  static constexpr std::array<char, 16> kHex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  std::string tag = "\"";
  for (int shift = 60; shift >= 0; shift -= 4) tag += kHex[(hash >> shift) & 0xF];
  tag += '-' + std::to_string(body.size()) + '"';
  return tag;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// True when Accept-Encoding lists gzip (or *) without q=0.
bool AcceptsGzip(std::string_view header) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view item = Trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    const auto semicolon = item.find(';');
    const std::string_view coding = Trim(item.substr(0, semicolon));
    if (coding != "gzip" && coding != "*") continue;
    if (semicolon == std::string_view::npos) return true;
    std::string_view q = Trim(item.substr(semicolon + 1));
    if (q.substr(0, 2) != "q=") return true;
    q.remove_prefix(2);
    return q.find_first_not_of("0.") != std::string_view::npos;
  }
  return false;
}

// If-None-Match holds one or more entity tags, or "*".
bool Matches(std::string_view if_none_match, std::string_view etag) {
  if (Trim(if_none_match) == "*") return true;
  while (!if_none_match.empty()) {
    const auto comma = if_none_match.find(',');
    std::string_view tag = Trim(if_none_match.substr(0, comma));
    if_none_match =
        comma == std::string_view::npos ? std::string_view() : if_none_match.substr(comma + 1);
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    if (tag == etag) return true;
  }
  return false;
}

Response Plain(int status, std::string body) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body);
  return r;
}

}  // namespace

std::optional<StaticFiles> StaticFiles::Load(const fs::path& root, std::string& error) {
  std::error_code ec;
  if (!fs::is_regular_file(root / "index.html", ec)) {
    error = "no index.html in " + root.string();
    return std::nullopt;
  }
  StaticFiles files;
  std::unordered_map<std::string, std::string> compressed;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const fs::path& file = it->path();
    std::string url = "/" + fs::relative(file, root).generic_string();
    std::string bytes;
    if (!ReadFile(file, bytes)) {
      error = "cannot read " + file.string();
      return std::nullopt;
    }
    if (file.extension() == ".gz") {
      compressed.emplace(url.substr(0, url.size() - 3), std::move(bytes));
      continue;
    }
    File f;
    f.content_type = ContentType(file);
    f.etag = EntityTag(bytes);
    f.immutable = url.rfind("/assets/", 0) == 0;
    f.body = std::move(bytes);
    files.files_.emplace(std::move(url), std::move(f));
  }
  if (ec) {
    error = "cannot list " + root.string() + ": " + ec.message();
    return std::nullopt;
  }
  for (auto& [url, bytes] : compressed) {
    auto it = files.files_.find(url);
    // A compressed form only pays when it is smaller; a stale one from an older build is ignored.
    if (it != files.files_.end() && bytes.size() < it->second.body.size())
      it->second.gzip = std::move(bytes);
  }
  return files;
}

std::size_t StaticFiles::total_bytes() const {
  std::size_t total = 0;
  for (const auto& [url, f] : files_) total += f.body.size() + f.gzip.size();
  return total;
}

const StaticFiles::File* StaticFiles::Find(const std::string& path) const {
  auto it = files_.find(path == "/" ? "/index.html" : path);
  if (it != files_.end()) return &it->second;
  const auto slash = path.rfind('/');
  const bool has_extension =
      path.find('.', slash == std::string::npos ? 0 : slash) != std::string::npos;
  // A missing hashed asset is an old page asking for a file of a previous build: a 404 lets the
  // page notice, where index.html in its place would fail as a script with the wrong type.
  if (has_extension || path.rfind("/assets/", 0) == 0) return nullptr;
  it = files_.find("/index.html");
  return it == files_.end() ? nullptr : &it->second;
}

Response StaticFiles::Serve(const Request& request) const {
  if (request.method != "GET") {
    Response r = Plain(405, "Method Not Allowed");
    r.set_header("Allow", "GET");
    return r;
  }
  const File* file = Find(request.path);
  if (file == nullptr) return Plain(404, "Not Found");

  Response r;
  r.content_type = file->content_type;
  r.set_header("ETag", file->etag);
  r.set_header("Cache-Control",
               file->immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (!file->gzip.empty()) r.set_header("Vary", "Accept-Encoding");
  if (file->content_type.rfind("text/html", 0) == 0) {
    r.set_header("Content-Security-Policy", kContentSecurityPolicy);
    r.set_header("Referrer-Policy", "same-origin");
    r.set_header("X-Frame-Options", "DENY");
  }
  if (auto tags = request.header("If-None-Match"); tags && Matches(*tags, file->etag)) {
    r.status = 304;
    return r;
  }
  if (!file->gzip.empty() && AcceptsGzip(request.header("Accept-Encoding").value_or(""))) {
    r.set_header("Content-Encoding", "gzip");
    r.body = file->gzip;
  } else {
    r.body = file->body;
  }
  return r;
}

}  // namespace giaoban::http
