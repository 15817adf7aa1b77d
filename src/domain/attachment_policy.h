// Which files may be attached to a progress report (docs/domain.md#attachments): at most ten per
// report, each within the size limit, with a plain file name, a declared type on the list and
// bytes that start like that type, so a renamed executable is not served back as a PDF.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace giaoban::domain {

inline constexpr std::size_t kMaxAttachmentsPerReport = 10;
inline constexpr std::size_t kMaxAttachmentNameBytes = 255;

struct AttachmentFile {
  std::string_view file_name;
  std::string_view content_type;  // as the client declared it
  std::string_view content;
};

bool TooManyAttachments(std::size_t count);

// The error code for what is wrong with `file` ("attachment_too_large", "invalid" for the name,
// "attachment_type_not_allowed"), or empty when it may be attached.
std::string_view AttachmentProblem(const AttachmentFile& file, std::int64_t max_bytes);

}  // namespace giaoban::domain
