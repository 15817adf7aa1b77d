#include "domain/deadline_text.h"

#include <array>
#include <charconv>
#include <cstdlib>
#include <utility>
#include <vector>

#include "domain/document_lines.h"
#include "domain/period.h"
#include "domain/words.h"

namespace giaoban::domain {

namespace {

using Words = std::vector<std::string_view>;

std::optional<int> Number(std::string_view word) {
  int value = 0;
  const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
  if (error != std::errc() || end != word.data() + word.size()) return std::nullopt;
  return value;
}

// A year as programs write it: four digits; two only for the program's own year or one beside
// it ("31/12/24" in a 2024 program), for "tháng 9-10" (September to October) folds as "tháng 9/10"
// does.
std::optional<int> Year(std::string_view word, std::optional<int> program_year) {
  const auto n = Number(word);
  if (!n) return std::nullopt;
  if (word.size() == 4 && *n >= 1900) return *n;
  if (word.size() == 2 && program_year && std::abs(2000 + *n - *program_year) <= 1)
    return 2000 + *n;
  return std::nullopt;
}

std::optional<int> Quarter(std::string_view word) {
  static constexpr std::array<std::string_view, 4> kRoman = {"i", "ii", "iii", "iv"};
  for (std::size_t i = 0; i < kRoman.size(); ++i)
    if (word == kRoman[i]) return static_cast<int>(i) + 1;
  const auto n = Number(word);
  if (n && *n >= 1 && *n <= 4) return n;
  return std::nullopt;
}

std::optional<int> Month(std::string_view word) {
  const auto n = Number(word);
  if (n && *n >= 1 && *n <= 12) return n;
  return std::nullopt;
}

// Whether `words` from `at` begin with `phrase` (its words separated by spaces).
bool StartsWith(const Words& words, std::size_t at, std::string_view phrase) {
  for (const std::string_view word : SplitWords(phrase)) {
    if (at >= words.size() || words[at] != word) return false;
    ++at;
  }
  return true;
}

// The words that only say "by", "within", "at the latest", "by the end of": "trước ngày 15/9",
// "chậm nhất trong tháng 9", "hoàn thành trước Quý III", "đến hết năm 2024", "cuối tháng 9".
constexpr std::string_view kFillers[] = {"hoan thanh", "cham nhat", "truoc", "ngay", "trong", "den",
                                         "het",        "han",       "vao",   "xong", "cuoi"};

// The work that goes on, with the label it is shown with.
struct Recurring {
  std::string_view words;
  std::string_view label;
};
constexpr std::array<Recurring, 10> kRecurring = {{
    {"thuong xuyen", "Thường xuyên"},
    {"hang ngay", "Hằng ngày"},
    {"lien tuc", "Liên tục"},
    {"hang tuan", "Hằng tuần"},
    {"hang thang", "Hằng tháng"},
    {"hang quy", "Hằng quý"},
    {"hang nam", "Hằng năm"},
    {"dinh ky hang thang", "Định kỳ hằng tháng"},
    {"dinh ky hang quy", "Định kỳ hằng quý"},
    {"dinh ky", "Định kỳ"},
}};

// Tables shorten a quarter to "Q3", "Q.3" or "QIII" and a month to "T6" or "T.6": the words they
// stand for, so that the readings below take them as written out. Only a "q" or "t" alone before
// a number, or joined to one, is taken so, and no other reading has such a word: "T6" is the
// month and nothing else, not a day. (It also shortens the weekday, thứ 6, but a weekday alone
// names no deadline.)
Words Expanded(const Words& words) {
  Words out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view word = words[i];
    const std::string_view rest = word.substr(word.empty() ? 0 : 1);
    const std::string_view next = i + 1 < words.size() ? words[i + 1] : std::string_view();
    if (word.starts_with('q') && Quarter(rest.empty() ? next : rest)) {
      out.push_back("quy");
      if (!rest.empty()) out.push_back(rest);
    } else if (word.starts_with('t') && Number(rest.empty() ? next : rest)) {
      out.push_back("thang");
      if (!rest.empty()) out.push_back(rest);
    } else {
      out.push_back(word);
    }
  }
  return out;
}

// The year named at `at` ("2024" or "năm 2024"), or the program's when the text ends there.
std::optional<int> YearAt(const Words& words, std::size_t at, std::optional<int> program_year,
                          std::size_t& end) {
  if (at < words.size() && words[at] == "nam") ++at;
  if (at < words.size()) {
    end = at + 1;
    return words[at].size() == 4 ? Year(words[at], std::nullopt) : std::nullopt;
  }
  end = at;
  return program_year;
}

DeadlineText OfPeriod(const Period& p) { return {p.last_day(), p.Vietnamese()}; }

// The months or quarters a deadline names from `at`, each after `unit` ("thang", "quy") and read
// by `index`: one ("iii"), or a span or list of two ("iii iv", "iii den quy iv", "i va ii": "Quý
// III-IV", "Quý III đến quý IV", "Quý I, II", "Quý I và II"), for work that is due when the
// later one ends. The first and the last, or nullopt for a second one not after the first
// ("Quý IV-II"). `at` moves past them.
std::optional<std::pair<int, int>> Indexes(const Words& words, std::size_t& at,
                                           std::string_view unit,
                                           std::optional<int> (*index)(std::string_view)) {
  const auto first = at < words.size() ? index(words[at]) : std::nullopt;
  if (!first) return std::nullopt;
  std::size_t next = ++at;
  if (next < words.size() && (words[next] == "den" || words[next] == "va")) ++next;
  if (next < words.size() && words[next] == unit) ++next;
  const auto last = next < words.size() ? index(words[next]) : std::nullopt;
  if (!last) return std::pair{*first, *first};
  if (*last <= *first) return std::nullopt;
  at = next + 1;
  return std::pair{*first, *last};
}

// A deadline of the months or quarters `indexes` of `year`: the period's, or for several the
// last one's day with a label naming the span as Period names one ("Quý III-IV/2024", "Tháng
// 6-7/2024"), which reads back to the same.
DeadlineText OfPeriods(Period::Kind kind, int year, std::pair<int, int> indexes) {
  const Period last{kind, year, indexes.second};
  if (indexes.first == indexes.second) return OfPeriod(last);
  const bool quarters = kind == Period::Kind::kQuarter;
  const auto numeral = [&](int i) { return quarters ? RomanNumeral(i) : std::to_string(i); };
  return {last.last_day(), std::string(quarters ? "Quý " : "Tháng ") + numeral(indexes.first) +
                               "-" + numeral(indexes.second) + "/" + std::to_string(year)};
}

}  // namespace

std::optional<DeadlineText> ParseDeadlineText(std::string_view folded,
                                              std::optional<int> program_year) {
  const Words all = SplitWords(folded);
  std::size_t at = 0;
  for (bool found = true; found;) {
    found = false;
    for (const std::string_view filler : kFillers) {
      if (StartsWith(all, at, filler)) {
        at += SplitWords(filler).size();
        found = true;
      }
    }
  }
  const Words words = Expanded(Words(all.begin() + static_cast<std::ptrdiff_t>(at), all.end()));
  if (words.empty()) return std::nullopt;

  for (const Recurring& r : kRecurring)
    if (StartsWith(words, 0, r.words)) return DeadlineText{std::nullopt, std::string(r.label)};

  std::size_t end = 0;
  // "Ngày 30 tháng 6 năm 2024" as documents date themselves (its "ngày" went with the fillers),
  // "30 tháng 6/2024", "30 tháng 6": one day, like "30/6/2024".
  if (words.size() >= 3 && words[1] == "thang" && Number(words[0]) && Number(words[2])) {
    const auto year = YearAt(words, 3, program_year, end);
    if (!year || end != words.size()) return std::nullopt;
    const auto date = Date::FromYmd(*year, *Number(words[2]), *Number(words[0]));
    if (!date) return std::nullopt;
    return DeadlineText{*date, ""};
  }
  // "Tháng 9/2024", "tháng 9 năm 2024", "tháng 9", "tháng 6-7/2024", "tháng 6 đến tháng 7"
  // "Quý III/2024", "quý 3 năm 2024", "quý III", "quý III-IV/2024", "quý I và quý II"
  if ((words[0] == "thang" || words[0] == "quy") && words.size() >= 2) {
    const bool months = words[0] == "thang";
    std::size_t next = 1;
    const auto indexes = Indexes(words, next, words[0], months ? Month : Quarter);
    const auto year = indexes ? YearAt(words, next, program_year, end) : std::nullopt;
    if (!year || end != words.size()) return std::nullopt;
    return OfPeriods(months ? Period::Kind::kMonth : Period::Kind::kQuarter, *year, *indexes);
  }
  // "Đầu quý III/2024": by the end of the quarter's first month. ("Cuối quý III" is the quarter,
  // its "cuối" one of the fillers.) The start of a month or a year says no such day: not read.
  if (words.size() >= 3 && words[0] == "dau" && words[1] == "quy") {
    const auto quarter = Quarter(words[2]);
    const auto year = YearAt(words, 3, program_year, end);
    if (!quarter || !year || end != words.size()) return std::nullopt;
    const Period first_month{Period::Kind::kMonth, *year, 3 * *quarter - 2};
    return DeadlineText{first_month.last_day(),
                        "Đầu quý " + RomanNumeral(*quarter) + "/" + std::to_string(*year)};
  }
  // "Giữa năm 2024": mid-year, when the first six months are reviewed (sơ kết 6 tháng): 30 June.
  if (words.size() >= 2 && words[0] == "giua" && words[1] == "nam") {
    const auto year = YearAt(words, 1, program_year, end);
    if (!year || end != words.size()) return std::nullopt;
    return DeadlineText{Period{Period::Kind::kMonth, *year, 6}.last_day(),
                        "Giữa năm " + std::to_string(*year)};
  }
  // "Năm 2024", "cả năm", "cuối năm 2024"
  if (words[0] == "nam" || StartsWith(words, 0, "ca nam")) {
    const std::size_t from = words[0] == "nam" ? 0 : 1;
    const auto year = YearAt(words, from, program_year, end);
    if (!year || end != words.size()) return std::nullopt;
    return OfPeriod({Period::Kind::kYear, *year, 0});
  }
  // "6 tháng đầu năm 2024", "9 tháng đầu năm", "6 tháng cuối năm"
  if (words.size() >= 4 && words[1] == "thang" && (words[2] == "dau" || words[2] == "cuoi") &&
      words[3] == "nam") {
    const auto months = Number(words[0]);
    const auto year = YearAt(words, 3, program_year, end);
    if (!months || *months < 1 || *months > 11 || !year || end != words.size()) return std::nullopt;
    const bool first = words[2] == "dau";
    const int last_month = first ? *months : 12;
    const Date last = Period{Period::Kind::kMonth, *year, last_month}.last_day();
    return DeadlineText{last, std::to_string(*months) +
                                  (first ? " tháng đầu năm " : " tháng cuối năm ") +
                                  std::to_string(*year)};
  }
  // Numbers only: "15/9/2024", "2024-09-15", "15/9", "9/2024", "2024".
  std::vector<int> numbers;
  for (const std::string_view word : words) {
    const auto n = Number(word);
    if (!n) return std::nullopt;
    numbers.push_back(*n);
  }
  auto day = [](std::optional<int> year, int month, int d) -> std::optional<DeadlineText> {
    if (!year) return std::nullopt;
    const auto date = Date::FromYmd(*year, month, d);
    if (!date) return std::nullopt;
    return DeadlineText{*date, ""};
  };
  switch (words.size()) {
    case 3:
      if (words[0].size() == 4) return day(Year(words[0], std::nullopt), numbers[1], numbers[2]);
      return day(Year(words[2], program_year), numbers[1], numbers[0]);
    case 2:
      if (const auto year = Year(words[1], std::nullopt); year && words[1].size() == 4) {
        if (numbers[0] < 1 || numbers[0] > 12) return std::nullopt;
        return OfPeriod({Period::Kind::kMonth, *year, numbers[0]});
      }
      return day(program_year, numbers[1], numbers[0]);
    case 1:
      if (const auto year = Year(words[0], std::nullopt); year && words[0].size() == 4)
        return OfPeriod({Period::Kind::kYear, *year, 0});
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

std::optional<int> ProgramYearNamedIn(std::string_view folded) {
  const Words words = SplitWords(folded);
  std::optional<int> named;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i] != "nam") continue;
    const auto year = Year(words[i + 1], std::nullopt);
    if (!year) continue;
    // "ngày 25 tháng 12 năm 2026": the day the title was written, not the program's year.
    if (i >= 2 && words[i - 2] == "thang" && Number(words[i - 1])) continue;
    // "năm 2026 - 2027", "giai đoạn năm 2026 - 2030" (the dash is a space in the folded form):
    // a span is no one year.
    if (i + 2 < words.size() && Year(words[i + 2], std::nullopt)) continue;
    if (named && *named != *year) return std::nullopt;
    named = year;
  }
  return named;
}

}  // namespace giaoban::domain
