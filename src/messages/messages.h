// User-facing text. Every message has a stable English code (used in API error bodies and tests)
// and its Vietnamese and English wording; Vietnamese is the default.
#pragma once

#include <string>
#include <string_view>

namespace giaoban::messages {

enum class Language { kVietnamese, kEnglish };

// Picks the language from an Accept-Language header value: English only when it is preferred.
Language FromAcceptLanguage(std::string_view header);

// The message for `code`; unknown codes fall back to a generic message (and never to the code).
std::string_view Message(std::string_view code, Language language = Language::kVietnamese);

bool HasMessage(std::string_view code);

}  // namespace giaoban::messages
