// What makes two files the same program: the rows they read as, not their bytes. Excel saving a
// program again, a CSV file saved from the workbook or a file with its line ends changed all read
// as the same rows, and an import of any of them after the first would give every task twice.
#pragma once

#include <sodium.h>

#include <string>

#include "service/imports/program_rows.h"

namespace giaoban::service {

// A digest of the rows as the sheet wrote them: every field's text folded, a deadline as the day
// it names where it names one. What the user chose (the units picked, headings as parents, the
// year) is left out, so a file is the same one whatever was chosen for it.
class RowsDigest {
 public:
  RowsDigest();

  void Add(const ProgramRow& row);
  // Hexadecimal; the digest of no rows when none was added.
  std::string Hex();

 private:
  void Field(std::string_view text);

  crypto_hash_sha256_state state_;
};

}  // namespace giaoban::service
