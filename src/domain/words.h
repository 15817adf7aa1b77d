// The words of a text whose words stand one space apart, as intl::Fold writes them: what the
// readers of deadlines, headers and unit names compare word by word.
#pragma once

#include <string_view>
#include <vector>

namespace giaoban::domain {

// "quy iii 2024" -> {"quy", "iii", "2024"}; empty runs between spaces are skipped.
std::vector<std::string_view> SplitWords(std::string_view text);

}  // namespace giaoban::domain
