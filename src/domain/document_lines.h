// The lines of an official document that Nghị định 30/2020 spells out to the digit (Phụ lục I):
// its number ("Số: 15/BC-SGTVT") and its place and date ("Quảng Ngãi, ngày 05 tháng 01 năm 2024").
#pragma once

#include <string>
#include <string_view>

#include "domain/date.h"

namespace giaoban::domain {

// "15/BC-SGTVT": the number in its register, below 10 with a leading 0, then the type code and the
// agency code joined by "-". Number 0 is a document not issued yet, whose number is left blank for
// the register to fill: "    /BC-SGTVT".
std::string DocumentNumber(int number, std::string_view type_code, std::string_view agency_code);

// "Số: 15/BC-SGTVT", the line under the issuing agency's name.
std::string DocumentNumberLine(int number, std::string_view type_code,
                               std::string_view agency_code);

// "Quảng Ngãi, ngày 05 tháng 01 năm 2024": days below 10 and the months January and February with
// a leading 0, as the decree writes them.
std::string PlaceDateLine(std::string_view place, Date date);

// "I", "II", …, "XXXIX" for the numbered sections of a document; 1 to 3999.
std::string RomanNumeral(int n);

}  // namespace giaoban::domain
