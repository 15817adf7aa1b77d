#include "domain/attachment_policy.h"

#include <array>

#include "domain/utf8.h"

namespace giaoban::domain {
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
      return IsValidUtf8(c) && c.find('\0') == std::string_view::npos;
  }
  return false;
}

// The name is sent back in Content-Disposition and shown in lists: no path separators, quotes or
// line breaks that could split a header or escape a folder.
bool IsPlainFileName(std::string_view name) {
  return !name.empty() && name.size() <= kMaxAttachmentNameBytes && IsValidUtf8(name) &&
         name.find_first_of("/\\\r\n\"") == std::string_view::npos;
}

}  // namespace

bool TooManyAttachments(std::size_t count) { return count > kMaxAttachmentsPerReport; }

std::string_view AttachmentProblem(const AttachmentFile& file, std::int64_t max_bytes) {
  if (static_cast<std::int64_t>(file.content.size()) > max_bytes) return "attachment_too_large";
  if (!IsPlainFileName(file.file_name)) return "invalid";
  for (const auto& allowed : kAllowed) {
    if (allowed.content_type == file.content_type)
      return Matches(allowed.magic, file.content) ? "" : "attachment_type_not_allowed";
  }
  return "attachment_type_not_allowed";
}

}  // namespace giaoban::domain
