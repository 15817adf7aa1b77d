// The built web interface (web/dist), held in memory and served on the same origin as the API.
// Vite names every asset under /assets/ by its content hash, so those are cached for a year;
// index.html is revalidated on every load so that a new build reaches users at once.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>

#include "http/message.h"

namespace giaoban::http {

class StaticFiles {
 public:
  // Reads every file under `root`; a sibling "name.gz" is kept as the gzip form of "name".
  // Nothing when `root` holds no index.html, with the reason in `error`.
  static std::optional<StaticFiles> Load(const std::filesystem::path& root, std::string& error);

  // GET of a file, or of index.html for any other path without an extension, so that the
  // interface's own routes (/tasks/12) survive a reload.
  Response Serve(const Request& request) const;

  std::size_t file_count() const { return files_.size(); }
  std::size_t total_bytes() const;

 private:
  struct File {
    std::string content_type;
    std::string body;
    std::string gzip;  // empty when there is no compressed form
    std::string etag;
    bool immutable = false;
  };

  const File* Find(const std::string& path) const;

  std::unordered_map<std::string, File> files_;
};

// The Content-Security-Policy of the interface: scripts only from this origin, never inline.
// Styles may be inline because the component library sets them at run time.
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

}  // namespace giaoban::http
