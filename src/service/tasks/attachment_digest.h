// Which files may be attached to progress updates: the declared type must be on the list and the
// bytes must look like that type, so a renamed executable is not served back as a PDF.
#pragma once

#include <string>
#include <string_view>

namespace giaoban::service {

// Returns an error code ("attachment_type_not_allowed", "invalid") or empty when acceptable.
std::string CheckAttachment(std::string_view file_name, std::string_view content_type,
                            std::string_view content);

std::string Sha256Hex(std::string_view content);

}  // namespace giaoban::service
