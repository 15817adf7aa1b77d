// Numbers as a request's query writes them. The whole text must be the number: "12abc", "" or
// "1e3" never silently mean another value or another filter.
#pragma once

#include <optional>
#include <string_view>

#include "service/model.h"

namespace giaoban::service {

// An id: a whole number above 0.
std::optional<Id> ParseId(std::string_view text);

// A whole number with an optional sign, within int.
std::optional<int> ParseInt(std::string_view text);

// A count or an index: a whole number from 0 to `max`, digits only.
std::optional<int> ParseCount(std::string_view text, int max);

}  // namespace giaoban::service
