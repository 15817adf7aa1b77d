#include "service/tasks/attachment_upload.h"

#include <sodium.h>

#include <optional>

namespace giaoban::service {

namespace {

std::optional<std::string> DecodeBase64(const std::string& text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), "\r\n", &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  out.resize(length);
  return out;
}

}  // namespace

Expected<NewAttachment> DecodeAttachment(const EncodedAttachment& encoded, std::int64_t max_bytes,
                                         const std::string& field) {
  // Every 4 characters of base64 carry 3 bytes; the last group may be padding.
  if (static_cast<std::int64_t>(encoded.content_base64.size()) / 4 * 3 > max_bytes + 3)
    return Error::Validation({{field, "attachment_too_large"}});
  auto content = DecodeBase64(encoded.content_base64);
  if (!content || content->empty()) return Error::Validation({{field, "invalid"}});
  if (encoded.file_name.find('\0') != std::string::npos)
    return Error::Validation({{field, "invalid"}});
  return NewAttachment{encoded.file_name, encoded.content_type, std::move(*content)};
}

}  // namespace giaoban::service
