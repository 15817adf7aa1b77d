#include "service/imports/program_rows.h"

#include <algorithm>
#include <cctype>

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
  if (IsRoman(n)) return 1;
  if (n.size() == 1 && n[0] >= 'A' && n[0] <= 'Z') return 0;
  if (n.size() == 1 && n[0] >= 'a' && n[0] <= 'z') return 20;
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
  for (const sheets::MergedRange& m : merged) {
    if (m.last_row > m.first_row && m.last_row >= layout.first_data_row())
      fills_.push_back({m, std::nullopt});
  }
  std::sort(fills_.begin(), fills_.end(),
            [](const Fill& a, const Fill& b) { return a.range.first_row < b.range.first_row; });
}

const sheets::Cell* ProgramRowReader::FilledCell(std::size_t row, std::size_t column,
                                                 std::span<const sheets::Cell> cells) {
  if (column < cells.size() && !cells[column].empty()) return &cells[column];
  for (const Fill& fill : fills_) {
    if (fill.range.first_row >= row) break;
    if (fill.range.last_row >= row && fill.range.first_column == column && fill.value)
      return &*fill.value;
  }
  return nullptr;
}

void ProgramRowReader::Add(std::size_t row, std::span<const sheets::Cell> cells) {
  if (row < layout_.first_data_row()) return;
  // Merges that ended above this row are done with; those that start on it keep their value.
  std::erase_if(fills_, [&](const Fill& f) { return f.range.last_row < row; });
  for (Fill& fill : fills_) {
    if (fill.range.first_row > row) break;
    if (fill.range.first_row == row && fill.range.first_column < cells.size() &&
        !cells[fill.range.first_column].empty())
      fill.value = cells[fill.range.first_column];
  }

  ProgramRow out;
  out.sheet_row = row;
  auto field = [&](ProgramColumn column) -> const sheets::Cell* {
    const auto it = layout_.columns.find(column);
    if (it == layout_.columns.end()) return nullptr;
    // The number names its own row only: a merged number would make one task of several.
    if (column == ProgramColumn::kNumber)
      return it->second < cells.size() && !cells[it->second].empty() ? &cells[it->second] : nullptr;
    return FilledCell(row, it->second, cells);
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
      out.deadline_date = sheets::ExcelSerialDate(deadline->number, date1904_);
      if (!out.deadline_date) out.deadline_not_date = true;
    } else {
      out.deadline = std::string(Trimmed(deadline->text));
      out.deadline_not_date = deadline->kind == sheets::Cell::Kind::kNumber ||
                              deadline->kind == sheets::Cell::Kind::kBoolean ||
                              deadline->kind == sheets::Cell::Kind::kError;
    }
  }
  const bool has_deadline = out.deadline_date || !out.deadline.empty() || out.deadline_not_date;
  // A number alone is a template's empty line, not a task.
  if (out.content.empty() && out.lead.empty() && out.cooperating.empty() && !has_deadline &&
      out.product.empty() && out.note.empty() && out.leader.empty() && out.key.empty())
    return;
  out.level = OutlineLevel(out.number);
  out.group = !out.content.empty() && out.lead.empty() && out.cooperating.empty() &&
              !has_deadline && out.product.empty() && out.leader.empty();
  on_row_(out);
}

}  // namespace giaoban::service
