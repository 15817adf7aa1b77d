#include "service/tasks/attachment_policy.h"

#include <sodium.h>

#include <array>

#include "intl/text.h"

namespace giaoban::service {
namespace {

enum class Magic { kPdf, kZip, kOle, kPng, kJpeg, kText };

struct AllowedType {
  std::string_view content_type;
  Magic magic;
};

// Office documents, PDFs, images and plain text: what agencies attach to progress reports.
constexpr std::array<AllowedType, 10> kAllowed = {{
    {"application/pdf", Magic::kPdf},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", Magic::kZip},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Magic::kZip},
    {"application/vnd.openxmlformats-officedocument.presentationml.presentation", Magic::kZip},
    {"application/msword", Magic::kOle},
    {"application/vnd.ms-excel", Magic::kOle},
    {"image/png", Magic::kPng},
    {"image/jpeg", Magic::kJpeg},
    {"text/plain", Magic::kText},
    {"application/zip", Magic::kZip},
}};

bool Starts(std::string_view content, std::string_view prefix) {
  return content.substr(0, prefix.size()) == prefix;
}

bool Matches(Magic magic, std::string_view c) {
  switch (magic) {
    case Magic::kPdf:
      return Starts(c, "%PDF-");
    case Magic::kZip:
      return Starts(c, std::string_view("PK\x03\x04", 4));
    case Magic::kOle:
      return Starts(c, std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
    case Magic::kPng:
      return Starts(c, std::string_view("\x89PNG\r\n\x1A\n", 8));
    case Magic::kJpeg:
      return Starts(c, std::string_view("\xFF\xD8\xFF", 3));
    case Magic::kText:
      return intl::IsValidUtf8(c) && c.find('\0') == std::string_view::npos;
  }
  return false;
}

}  // namespace

std::string CheckAttachment(std::string_view file_name, std::string_view content_type,
                            std::string_view content) {
  if (file_name.empty() || file_name.size() > 255 || !intl::IsValidUtf8(file_name) ||
      file_name.find_first_of("/\\\r\n\"") != std::string_view::npos)
    return "invalid";
  for (const auto& allowed : kAllowed) {
    if (allowed.content_type == content_type)
      return Matches(allowed.magic, content) ? "" : "attachment_type_not_allowed";
  }
  return "attachment_type_not_allowed";
}

std::string Sha256Hex(std::string_view content) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(content.data()),
                     content.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

}  // namespace giaoban::service
