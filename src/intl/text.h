// Vietnamese text handling backed by ICU: normalisation, diacritic-insensitive folding for search,
// and collation keys so that databases sort names in Vietnamese order with a plain byte comparison.
#pragma once

#include <string>
#include <string_view>

#include "domain/utf8.h"

namespace giaoban::intl {

using domain::IsValidUtf8;

// The text with every run of bytes that is not well-formed UTF-8 replaced by one U+FFFD, for
// echoing what a client sent (a parameter name, say) in a JSON answer.
std::string ToValidUtf8(std::string_view text);

// Unicode NFC. Input that is not valid UTF-8 is returned unchanged (validate first).
std::string ToNfc(std::string_view text);

// Search form: NFC-independent, lower case, diacritics removed (đ -> d), every run of white space
// and punctuation collapsed to one space, trimmed. Fold("Kế hoạch  ĐÌNH") == "ke hoach dinh".
std::string Fold(std::string_view text);
// The same, always through ICU: what Fold's table for the Latin blocks is held equal to.
std::string FoldWithIcu(std::string_view text);

// Upper case in Vietnamese, in NFC: "Sở Giao thông vận tải" -> "SỞ GIAO THÔNG VẬN TẢI", as the
// heading of an official document writes an agency's name. Input that is not valid UTF-8 is
// returned unchanged.
std::string ToUpper(std::string_view text);

// Vietnamese (ICU "vi") collation key of `text`, hex-encoded, so that comparing keys as byte
// strings orders the texts as a Vietnamese reader expects (a < ă < â < b ..., d < đ). Ties in
// letters but not in case or accents sort in a stable, collator-defined way.
std::string CollationKey(std::string_view text);

// Compares two texts in Vietnamese order (<0, 0, >0).
int Collate(std::string_view a, std::string_view b);

}  // namespace giaoban::intl
