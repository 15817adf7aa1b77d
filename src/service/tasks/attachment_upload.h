// Attachments on their way in: decoded from the base64 a client sends, with the deployment's size
// limit checked before decoding. Which decoded files are accepted is domain/attachment_policy.h.
#pragma once

#include <cstdint>
#include <string>

#include "service/error.h"
#include "service/tasks/tasks.h"

namespace giaoban::service {

// An attachment as a client sends it: the bytes in base64.
struct EncodedAttachment {
  std::string file_name;
  std::string content_type;
  std::string content_base64;
};

// The attachment's bytes, or a validation error on `field`: attachment_too_large beyond
// `max_bytes`, invalid when the content is not base64 or empty or the name holds a NUL byte. The
// size is checked before decoding, so an oversized file is refused without being decoded.
Expected<NewAttachment> DecodeAttachment(const EncodedAttachment& encoded, std::int64_t max_bytes,
                                         const std::string& field);

}  // namespace giaoban::service
