#include "domain/document_lines.h"

#include <array>
#include <cstdio>
#include <stdexcept>
#include <utility>

namespace giaoban::domain {

std::string DocumentNumber(int number, std::string_view type_code, std::string_view agency_code) {
  std::string out;
  if (number <= 0) {
    out = "    ";
  } else {
    char digits[16];
    std::snprintf(digits, sizeof digits, "%02d", number);
    out = digits;
  }
  out += '/';
  out += type_code;
  if (!agency_code.empty()) {
    out += '-';
    out += agency_code;
  }
  return out;
}

std::string DocumentNumberLine(int number, std::string_view type_code,
                               std::string_view agency_code) {
  return "Số: " + DocumentNumber(number, type_code, agency_code);
}

std::string PlaceDateLine(std::string_view place, Date date) {
  // The decree pads January and February only: those are the months a digit added by hand
  // could turn into another (tháng 1 into tháng 11 or 12).
  char text[64];
  std::snprintf(text, sizeof text, "ngày %02d tháng %s%d năm %d", date.day(),
                date.month() <= 2 ? "0" : "", date.month(), date.year());
  std::string out(place);
  if (!out.empty()) out += ", ";
  out += text;
  return out;
}

std::string RomanNumeral(int n) {
  if (n < 1 || n > 3999) throw std::out_of_range("RomanNumeral: outside 1..3999");
  static constexpr std::array<std::pair<int, const char*>, 13> kParts{{{1000, "M"},
                                                                       {900, "CM"},
                                                                       {500, "D"},
                                                                       {400, "CD"},
                                                                       {100, "C"},
                                                                       {90, "XC"},
                                                                       {50, "L"},
                                                                       {40, "XL"},
                                                                       {10, "X"},
                                                                       {9, "IX"},
                                                                       {5, "V"},
                                                                       {4, "IV"},
                                                                       {1, "I"}}};
  std::string out;
  for (const auto& [value, letters] : kParts) {
    for (; n >= value; n -= value) out += letters;
  }
  return out;
}

}  // namespace giaoban::domain
