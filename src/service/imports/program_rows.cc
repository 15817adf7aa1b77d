#include "service/imports/program_rows.h"

#include <algorithm>
#include <cctype>

#include "intl/text.h"
#include "sheets/excel_date.h"

namespace giaoban::service {

namespace {

std::string_view Trimmed(std::string_view text) {
  // Spaces, tabs, line breaks and the no-break space spreadsheets paste in.
  auto is_space = [](std::string_view s, std::size_t at) -> std::size_t {
    if (at < s.size() && (s[at] == ' ' || s[at] == '\t' || s[at] == '\r' || s[at] == '\n'))
      return 1;
    if (at + 1 < s.size() && s[at] == '\xC2' && s[at + 1] == '\xA0') return 2;
    return 0;
  };
  while (!text.empty()) {
    const std::size_t n = is_space(text, 0);
    if (n == 0) break;
    text.remove_prefix(n);
  }
  while (!text.empty()) {
    if (is_space(text, text.size() - 1) == 1) {
      text.remove_suffix(1);
    } else if (text.size() >= 2 && is_space(text, text.size() - 2) == 2) {
      text.remove_suffix(2);
    } else {
      break;
    }
  }
  return text;
}

bool IsRoman(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
  });
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<int> OutlineLevel(std::string_view number) {
  std::string_view n = Trimmed(number);
  while (!n.empty() && (n.back() == '.' || n.back() == ')')) n.remove_suffix(1);
  if (n.empty()) return std::nullopt;
  // Roman before letters: "I", "V" and "X" are numerals in a program, not letters.
  if (n.size() == 1 && (n[0] == 'C' || n[0] == 'L')) return 0;
  if (IsRoman(n)) return 1;
  if (n.size() == 1 && n[0] >= 'A' && n[0] <= 'Z') return 0;
  if (n.size() == 1 && n[0] >= 'a' && n[0] <= 'z') return 20;
  if (std::all_of(n.begin(), n.end(), [](char c) { return c == 'i' || c == 'v' || c == 'x'; }))
    return 20;
  int parts = 0;
  std::size_t start = 0;
  while (start <= n.size()) {
    const std::size_t dot = n.find('.', start);
    const std::string_view part =
        n.substr(start, dot == std::string_view::npos ? n.npos : dot - start);
    if (!IsDigits(part)) return std::nullopt;
    ++parts;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return 1 + std::min(parts, 18);
}

ProgramRowReader::ProgramRowReader(const ProgramLayout& layout,
                                   std::vector<sheets::MergedRange> merged, bool date1904,
                                   Callback on_row)
    : layout_(layout), date1904_(date1904), on_row_(std::move(on_row)) {
  for (const auto& [field, column] : layout.columns)
    if (field != ProgramColumn::kNumber) columns_[column];
  for (const sheets::MergedRange& m : merged) {
    const auto column = columns_.find(m.first_column);
    if (column != columns_.end() && m.last_row > m.first_row &&
        m.last_row >= layout.first_data_row())
      column->second.merges.push_back(m);
  }
  for (auto& [index, column] : columns_)
    std::sort(column.merges.begin(), column.merges.end(),
              [](const auto& a, const auto& b) { return a.first_row < b.first_row; });
}

const sheets::Cell* ProgramRowReader::FilledCell(std::size_t column,
                                                 std::span<const sheets::Cell> cells) const {
  if (column < cells.size() && !cells[column].empty()) return &cells[column];
  const auto followed = columns_.find(column);
  if (followed == columns_.end() || !followed->second.value) return nullptr;
  return &*followed->second.value;
}

// The row of column numbers many programs put under their header: "(1) (2) (3)" or "1 2 3".
bool ProgramRowReader::IsColumnNumbering(std::span<const sheets::Cell> cells) const {
  std::size_t numbered = 0;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (cells[c].empty()) continue;
    std::string_view text = Trimmed(cells[c].text);
    if (text.size() >= 2 && text.front() == '(' && text.back() == ')')
      text = text.substr(1, text.size() - 2);
    // "(3)" typed into a cell that reads numbers is stored as -3, as accountants write it.
    else if (text.size() >= 2 && text.front() == '-')
      text.remove_prefix(1);
    if (!IsDigits(text) || text.size() > 3) return false;
    ++numbered;
  }
  return numbered >= 3;
}

// "Nơi nhận:" begins the list of recipients at the foot of an official document, and the
// signature follows it: nothing after it is the program's.
bool ProgramRowReader::IsRecipientsLine(std::span<const sheets::Cell> cells) {
  for (const sheets::Cell& cell : cells) {
    if (cell.empty()) continue;
    return intl::Fold(Trimmed(cell.text).substr(0, 32)).starts_with("noi nhan");
  }
  return false;
}

void ProgramRowReader::Add(std::size_t row, std::span<const sheets::Cell> cells) {
  if (row < layout_.first_data_row() || ended_) return;
  if (IsRecipientsLine(cells)) {
    ended_ = true;
    return;
  }
  // Each followed column: the merge filling it ends, or one begins on this row.
  for (auto& [index, column] : columns_) {
    if (column.last_row && *column.last_row < row) {
      column.last_row.reset();
      column.value.reset();
    }
    while (column.next < column.merges.size() && column.merges[column.next].first_row <= row) {
      const sheets::MergedRange& m = column.merges[column.next++];
      if (m.last_row < row) continue;
      column.last_row = m.last_row;
      column.value.reset();
      if (m.first_row == row && index < cells.size() && !cells[index].empty())
        column.value = cells[index];
    }
  }
  if (first_row_) {
    first_row_ = false;
    if (IsColumnNumbering(cells)) return;
  }

  ProgramRow out;
  out.sheet_row = row;
  auto field = [&](ProgramColumn column) -> const sheets::Cell* {
    const auto it = layout_.columns.find(column);
    if (it == layout_.columns.end()) return nullptr;
    // The number names its own row only: a merged number would make one task of several.
    if (column == ProgramColumn::kNumber)
      return it->second < cells.size() && !cells[it->second].empty() ? &cells[it->second] : nullptr;
    return FilledCell(it->second, cells);
  };
  auto text = [&](ProgramColumn column) {
    const sheets::Cell* cell = field(column);
    return cell ? std::string(Trimmed(cell->text)) : std::string();
  };
  out.number = text(ProgramColumn::kNumber);
  out.content = text(ProgramColumn::kContent);
  out.lead = text(ProgramColumn::kLead);
  out.cooperating = text(ProgramColumn::kCooperating);
  out.product = text(ProgramColumn::kProduct);
  out.note = text(ProgramColumn::kNote);
  out.leader = text(ProgramColumn::kLeader);
  out.key = text(ProgramColumn::kKey);
  if (const sheets::Cell* deadline = field(ProgramColumn::kDeadline)) {
    if (deadline->kind == sheets::Cell::Kind::kNumber && deadline->date) {
      const auto day = sheets::ExcelSerialDate(deadline->number, date1904_);
      if (!day) {
        out.deadline_not_date = true;
      } else if (deadline->date_shown == sheets::Cell::DateShown::kMonth) {
        // A cell showing "09/2024" means the month, as "Tháng 9/2024" written out does.
        out.deadline = "Tháng " + std::to_string(day->month()) + "/" + std::to_string(day->year());
      } else if (deadline->date_shown == sheets::Cell::DateShown::kYear) {
        out.deadline = "Năm " + std::to_string(day->year());
      } else {
        out.deadline_date = day;
      }
    } else {
      out.deadline = std::string(Trimmed(deadline->text));
      out.deadline_not_date = deadline->kind == sheets::Cell::Kind::kNumber ||
                              deadline->kind == sheets::Cell::Kind::kBoolean ||
                              deadline->kind == sheets::Cell::Kind::kError;
    }
  }
  const bool has_deadline = out.deadline_date || !out.deadline.empty() || out.deadline_not_date;
  const bool only_number = out.content.empty() && out.lead.empty() && out.cooperating.empty() &&
                           !has_deadline && out.product.empty() && out.note.empty() &&
                           out.leader.empty() && out.key.empty();
  // A heading written whole in the number's cell ("I. LĨNH VỰC KẾT CẤU HẠ TẦNG" merged across the
  // row) has its numeral split off; a number alone is a template's empty line, not a task.
  if (only_number && !OutlineLevel(out.number)) {
    const std::size_t space = out.number.find(' ');
    if (space != std::string::npos && OutlineLevel(out.number.substr(0, space))) {
      out.content = std::string(Trimmed(std::string_view(out.number).substr(space + 1)));
      out.number = std::string(Trimmed(std::string_view(out.number).substr(0, space)));
      while (!out.number.empty() && out.number.back() == '.') out.number.pop_back();
    }
  }
  if (out.content.empty() && out.lead.empty() && out.cooperating.empty() && !has_deadline &&
      out.product.empty() && out.note.empty() && out.leader.empty() && out.key.empty())
    return;
  out.level = OutlineLevel(out.number);
  out.group = !out.content.empty() && out.lead.empty() && out.cooperating.empty() &&
              !has_deadline && out.product.empty() && out.leader.empty();
  on_row_(out);
}

}  // namespace giaoban::service
