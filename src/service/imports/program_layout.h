// Where a work program's table is in a sheet and what its columns are: found by their Vietnamese
// headers, whatever their diacritics, case, spacing and punctuation, in one header row or in two
// (a merged "Đơn vị thực hiện" over "Chủ trì" and "Phối hợp").
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sheets/sheet.h"

namespace giaoban::service {

// What a column of a work program holds.
enum class ProgramColumn {
  kNumber,       // STT: "1", "I", "1.2"
  kContent,      // Nội dung nhiệm vụ
  kLead,         // Cơ quan, đơn vị chủ trì
  kCooperating,  // Đơn vị phối hợp
  kDeadline,     // Thời gian hoàn thành
  kProduct,      // Sản phẩm
  kNote,         // Ghi chú
  kLeader,       // Lãnh đạo phụ trách
  kKey,          // Trọng tâm
};

struct ProgramLayout {
  std::size_t header_row = 0;                    // the header's first row, counted from 0
  std::size_t header_rows = 1;                   // 1, or 2 when the header is written in two rows
  std::map<ProgramColumn, std::size_t> columns;  // each field's sheet column
  // Columns whose header names no field: the user may map them.
  std::map<std::size_t, std::string> unrecognised;
  // Every column's header as written ("Đơn vị thực hiện – Chủ trì" for two rows).
  std::map<std::size_t, std::string> headers;

  // The first row under the header.
  std::size_t first_data_row() const { return header_row + header_rows; }
};

// How many of a sheet's first rows are looked at for its header.
inline constexpr std::size_t kHeaderSearchRows = 20;

// The program's layout in `top`, the sheet's first rows (merged cells as the sheet gives them):
// the row whose headers name the most fields, the task's content among them; nullopt when no row
// names it.
std::optional<ProgramLayout> FindProgramLayout(const sheets::Sheet& top);

}  // namespace giaoban::service
