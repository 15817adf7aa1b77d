// Well-formed UTF-8 (RFC 3629): no overlong forms, surrogates or code points above U+10FFFF.
#pragma once

#include <cstddef>
#include <string_view>

namespace giaoban::domain {

// The length of the well-formed UTF-8 sequence at p (p < end), or 0 when there is none.
std::size_t Utf8SequenceLength(const unsigned char* p, const unsigned char* end);

bool IsValidUtf8(std::string_view text);

// The characters of well-formed UTF-8 `text`: its bytes that begin one.
std::size_t Utf8Characters(std::string_view text);

}  // namespace giaoban::domain
