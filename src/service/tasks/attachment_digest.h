// The digest stored with each attachment, so a download can be checked against what was sent.
// Which files may be attached is a domain rule: domain/attachment_policy.h.
#pragma once

#include <string>
#include <string_view>

namespace giaoban::service {

std::string Sha256Hex(std::string_view content);

}  // namespace giaoban::service
