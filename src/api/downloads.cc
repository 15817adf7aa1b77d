#include "api/downloads.h"

#include <cctype>

namespace giaoban::api {

std::string ContentDisposition(const std::string& file_name) {
  // RFC 6266: an ASCII fallback plus the UTF-8 name, so Vietnamese names survive the download.
  std::string ascii, encoded;
  for (unsigned char c : file_name) {
    ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

http::Response Download(documents::ExportedFile file, const std::string& cache_control) {
  http::Response r;
  r.content_type = std::move(file.content_type);
  r.body = std::move(file.bytes);
  r.set_header("Content-Disposition", ContentDisposition(file.file_name));
  r.set_header("Cache-Control", cache_control);
  return r;
}

}  // namespace giaoban::api
