// How a statement is quoted in an error message; shared by the dialects so that their errors read
// alike in a log.
#pragma once

#include <string>
#include <string_view>

namespace giaoban::storage {

// Enough of the statement to recognise it in a log, cut on a UTF-8 character boundary.
std::string SqlSnippet(std::string_view sql);

}  // namespace giaoban::storage
