// What makes two files the same program: the rows they read as, not their bytes. Excel saving a
// program again, a CSV file saved from the workbook or a file with its line ends changed all read
// as the same rows, and an import of any of them after the first would give every task twice.
#pragma once

#include <sodium.h>

#include <string>

#include "service/imports/import_plan.h"

namespace giaoban::service {

// A digest of planned rows as the sheet wrote them: their numbers, texts, units and leaders as
// written (folded), deadlines as read. What the user chose (units picked, headings as parents)
// is left out, so a file is the same one whatever was chosen for it.
class RowsDigest {
 public:
  RowsDigest();

  void Add(const PlannedRow& row);
  // Hexadecimal; the digest of no rows when none was added.
  std::string Hex();

 private:
  void Field(std::string_view text);

  crypto_hash_sha256_state state_;
};

}  // namespace giaoban::service
