#include "sheets/sheet.h"

namespace giaoban::sheets {

const Cell& Sheet::at(std::size_t row, std::size_t column) const {
  static const Cell kEmpty;
  if (row >= rows.size() || column >= rows[row].size()) return kEmpty;
  return rows[row][column];
}

RowCallback SheetCollector::callback() {
  return [this](std::size_t row, std::span<const Cell> cells) {
    if (rows_.size() <= row) rows_.resize(row + 1);
    rows_[row].assign(cells.begin(), cells.end());
  };
}

Sheet SheetCollector::Take(SheetLayout layout) {
  Sheet sheet{std::move(layout), std::move(rows_)};
  rows_.clear();
  return sheet;
}

}  // namespace giaoban::sheets
