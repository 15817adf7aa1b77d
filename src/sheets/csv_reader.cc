#include "sheets/csv_reader.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <vector>

#include "domain/utf8.h"

namespace giaoban::sheets {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The separator the file's first lines use the same number of times each, most often: a title
// line may hold commas in its text, and the table under it says what separates its fields.
char Separator(std::string_view text) {
  constexpr std::array<char, 3> kSeparators{',', ';', '\t'};
  constexpr std::size_t kLines = 10;
  std::vector<std::array<std::size_t, 3>> lines(1);
  bool quoted = false;
  for (std::size_t i = 0; i < text.size() && lines.size() <= kLines; ++i) {
    const char ch = text[i];
    if (ch == '"') quoted = !quoted;
    if (quoted) continue;
    if (ch == '\n') {
      lines.emplace_back();
      continue;
    }
    for (std::size_t k = 0; k < kSeparators.size(); ++k) lines.back()[k] += ch == kSeparators[k];
  }
  // For each separator, the most lines that use it the same number of times, at least once.
  std::size_t best = 0, best_lines = 0;
  for (std::size_t k = 0; k < kSeparators.size(); ++k) {
    std::map<std::size_t, std::size_t> lines_by_count;
    for (const auto& counts : lines)
      if (counts[k] > 0) ++lines_by_count[counts[k]];
    std::size_t most = 0;
    for (const auto& [count, n] : lines_by_count) most = std::max(most, n);
    if (most > best_lines) {
      best = k;
      best_lines = most;
    }
  }
  return kSeparators[best];
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
  std::size_t cells_held = 0, text_held = 0;  // what the rows passed on hold
  // Ends the field being read; what is wrong with it, if it is beyond the limits.
  auto end_field = [&]() -> std::optional<ReadError> {
    if (!field.empty() && cells.size() >= limits.columns) return ReadError::kTooManyColumns;
    if (domain::Utf8Characters(field) > limits.cell_characters) return ReadError::kCellTooLong;
    text_held += field.size();
    if (text_held > limits.text_bytes) return ReadError::kTooLarge;
    // Empty fields beyond the limit are a row's trailing separators, held until the row ends.
    if (cells.size() >= limits.columns) {
      field.clear();
      quoted_field = false;
      return std::nullopt;
    }
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
      cells_held += cells.size();
      if (cells_held > limits.cells) return At(ReadError::kTooLarge, row);
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
      // A quoted field: up to the quote not doubled. One never closed would swallow the rest
      // of the file into one cell.
      quoted_field = true;
      bool closed = false;
      for (++i; i < bytes.size() && !closed; ++i) {
        if (bytes[i] != '"') {
          field += bytes[i];
        } else if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          closed = true;
        }
      }
      if (!closed) return At(ReadError::kUnclosedQuote, row);
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
