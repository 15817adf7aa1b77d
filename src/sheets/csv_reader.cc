#include "sheets/csv_reader.h"

#include <array>
#include <optional>
#include <vector>

#include "domain/utf8.h"

namespace giaoban::sheets {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The separator the first line uses most, outside quotes; a comma when it uses none.
char Separator(std::string_view text) {
  std::array<std::size_t, 3> counts{};
  constexpr std::array<char, 3> kSeparators{',', ';', '\t'};
  bool quoted = false;
  for (const char ch : text) {
    if (ch == '"') quoted = !quoted;
    if (quoted) continue;
    if (ch == '\n' || ch == '\r') break;
    for (std::size_t i = 0; i < kSeparators.size(); ++i) counts[i] += ch == kSeparators[i];
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < counts.size(); ++i)
    if (counts[i] > counts[best]) best = i;
  return kSeparators[best];
}

std::size_t Characters(std::string_view text) {
  std::size_t n = 0;
  for (const char ch : text) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

Failure At(ReadError error, std::size_t row) { return {error, "row " + std::to_string(row + 1)}; }

}  // namespace

Result<SheetLayout> ReadCsv(std::string_view bytes, const Limits& limits,
                            const RowCallback& on_row) {
  if (bytes.size() > limits.file_bytes) return Failure{ReadError::kTooLarge, ""};
  if (bytes.starts_with(kByteOrderMark)) bytes.remove_prefix(kByteOrderMark.size());
  if (!domain::IsValidUtf8(bytes)) return Failure{ReadError::kNotUtf8, ""};
  // A NUL byte is never in text: this is some other kind of file.
  if (bytes.find('\0') != std::string_view::npos) return Failure{ReadError::kNotSpreadsheet, ""};
  const char separator = Separator(bytes);

  SheetLayout layout;
  std::vector<Cell> cells;
  std::string field;
  bool quoted_field = false;  // the field began with a quote: its text is kept as it is
  std::size_t row = 0;
  // Ends the field being read; what is wrong with it, if it is beyond the limits.
  auto end_field = [&]() -> std::optional<ReadError> {
    if (cells.size() >= limits.columns) return ReadError::kTooManyColumns;
    if (Characters(field) > limits.cell_characters) return ReadError::kCellTooLong;
    Cell& cell = cells.emplace_back();
    if (!field.empty()) {
      cell.kind = Cell::Kind::kText;
      cell.text = std::move(field);
    }
    field.clear();
    quoted_field = false;
    return std::nullopt;
  };
  // Ends the row being read; a row of nothing but empty cells is passed over.
  auto end_row = [&]() -> std::optional<Failure> {
    bool any = false;
    for (const Cell& c : cells) any = any || !c.empty();
    if (any) {
      if (row >= limits.rows) return At(ReadError::kTooManyRows, row);
      while (!cells.empty() && cells.back().empty()) cells.pop_back();
      on_row(row, cells);
      layout.rows = row + 1;
    }
    cells.clear();
    ++row;
    return std::nullopt;
  };

  std::size_t i = 0;
  while (i < bytes.size()) {
    const char ch = bytes[i];
    if (ch == '"' && field.empty() && !quoted_field) {
      // A quoted field: up to the quote not doubled.
      quoted_field = true;
      for (++i; i < bytes.size(); ++i) {
        if (bytes[i] != '"') {
          field += bytes[i];
        } else if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          ++i;
          break;
        }
      }
      continue;
    }
    if (ch == separator) {
      if (auto error = end_field()) return At(*error, row);
      ++i;
      continue;
    }
    if (ch == '\r' || ch == '\n') {
      if (auto error = end_field()) return At(*error, row);
      if (auto failure = end_row()) return *failure;
      i += ch == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    ++i;
  }
  if (!field.empty() || quoted_field || !cells.empty()) {
    if (auto error = end_field()) return At(*error, row);
    if (auto failure = end_row()) return *failure;
  }
  return layout;
}

Result<Sheet> ReadWholeCsv(std::string_view bytes, const Limits& limits) {
  SheetCollector collector;
  auto layout = ReadCsv(bytes, limits, collector.callback());
  if (!layout) return layout.failure();
  return collector.Take(std::move(*layout));
}

}  // namespace giaoban::sheets
