// Deadlines as work programs write them (docs/domain.md#tasks): a day ("15/9/2024", "Trước ngày
// 15/9/2024", "Ngày 15 tháng 9 năm 2024"), a month ("Tháng 9/2024", "T9/2024"), a quarter ("Quý
// III/2024", "Q3/2024"), two of them ("Quý III-IV/2024", "Tháng 6 đến tháng 7"), the start of a
// quarter ("Đầu quý III": its first month), mid-year ("Giữa năm": 30 June), the first months of
// a year ("6 tháng đầu năm 2024"), a year ("Năm 2024"), or none at all for work that goes on
// ("Thường xuyên", "Hằng tháng"). A period's deadline is its last day, and the task keeps the
// period's name as its deadline's label.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/date.h"

namespace giaoban::domain {

struct DeadlineText {
  // The day the task is due; none for work that goes on.
  std::optional<Date> deadline;
  // How the deadline is shown where it is not one day: "Quý III/2024", "Quý III-IV/2024", "6
  // tháng đầu năm 2024", "Thường xuyên". Empty for a day.
  std::string label;

  friend bool operator==(const DeadlineText&, const DeadlineText&) = default;
};

// Reads `folded`, a deadline in the search form of intl::Fold (lower case, no diacritics, every
// run of spaces and punctuation one space: "quy iii 2024"). `year` is the program's, for a text
// that leaves its year out ("Tháng 9", "6 tháng cuối năm", "30/9"); without one such a text is not
// read. Nullopt for a text that names no deadline this way.
std::optional<DeadlineText> ParseDeadlineText(std::string_view folded,
                                              std::optional<int> year = std::nullopt);

// The year a program's title gives its work ("Chương trình công tác năm 2027" gives 2027), from
// the title `folded` as above: the one year written after "năm", leaving out spans ("năm 2026 -
// 2030") and dates ("ngày 25 tháng 12 năm 2026"). Nullopt for a title naming none, or several,
// where a deadline without its year could mean any of them.
std::optional<int> ProgramYearNamedIn(std::string_view folded);

}  // namespace giaoban::domain
