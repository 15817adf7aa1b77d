#include "service/imports/program_layout.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "domain/words.h"
#include "intl/text.h"

namespace giaoban::service {

namespace {

struct Synonym {
  std::string_view folded;  // as intl::Fold gives it
  ProgramColumn column;
};

// The headers programs give their columns, folded. Not "thời gian" alone: a two-row header puts
// "Bắt đầu" and "Hoàn thành" under it.
constexpr Synonym kSynonyms[] = {
    {"stt", ProgramColumn::kNumber},
    {"tt", ProgramColumn::kNumber},
    {"so tt", ProgramColumn::kNumber},
    {"so thu tu", ProgramColumn::kNumber},
    {"noi dung nhiem vu", ProgramColumn::kContent},
    {"noi dung", ProgramColumn::kContent},
    {"nhiem vu", ProgramColumn::kContent},
    {"ten nhiem vu", ProgramColumn::kContent},
    {"noi dung cong viec", ProgramColumn::kContent},
    {"ten cong viec", ProgramColumn::kContent},
    {"cong viec", ProgramColumn::kContent},
    {"co quan don vi chu tri", ProgramColumn::kLead},
    {"don vi chu tri", ProgramColumn::kLead},
    {"co quan chu tri", ProgramColumn::kLead},
    {"chu tri", ProgramColumn::kLead},
    {"don vi thuc hien", ProgramColumn::kLead},
    {"co quan thuc hien", ProgramColumn::kLead},
    {"co quan don vi phoi hop", ProgramColumn::kCooperating},
    {"don vi phoi hop", ProgramColumn::kCooperating},
    {"co quan phoi hop", ProgramColumn::kCooperating},
    {"phoi hop", ProgramColumn::kCooperating},
    {"thoi gian hoan thanh", ProgramColumn::kDeadline},
    {"thoi han hoan thanh", ProgramColumn::kDeadline},
    {"thoi han", ProgramColumn::kDeadline},
    {"han hoan thanh", ProgramColumn::kDeadline},
    {"tien do hoan thanh", ProgramColumn::kDeadline},
    {"thoi gian thuc hien", ProgramColumn::kDeadline},
    {"san pham", ProgramColumn::kProduct},
    {"san pham dau ra", ProgramColumn::kProduct},
    {"ket qua dau ra", ProgramColumn::kProduct},
    {"ghi chu", ProgramColumn::kNote},
    {"lanh dao phu trach", ProgramColumn::kLeader},
    {"lanh dao chi dao", ProgramColumn::kLeader},
    {"lanh dao so phu trach", ProgramColumn::kLeader},
    {"trong tam", ProgramColumn::kKey},
    {"nhiem vu trong tam", ProgramColumn::kKey},
};

struct Match {
  ProgramColumn column;
  bool exact;
};

// The field a folded header names: one it is, or else the longest one it holds as whole words,
// of two as long the one nearer its start ("ghi chú nhiệm vụ" is a note).
std::optional<Match> MatchHeader(std::string_view folded) {
  if (folded.empty()) return std::nullopt;
  for (const Synonym& s : kSynonyms)
    if (s.folded == folded) return Match{s.column, true};
  const auto words = domain::SplitWords(folded);
  std::optional<Match> best;
  std::size_t best_length = 0, best_start = 0;
  for (const Synonym& s : kSynonyms) {
    const auto wanted = domain::SplitWords(s.folded);
    for (std::size_t start = 0; start + wanted.size() <= words.size(); ++start) {
      if (!std::equal(wanted.begin(), wanted.end(), words.begin() + static_cast<long>(start)))
        continue;
      if (wanted.size() > best_length || (wanted.size() == best_length && start < best_start)) {
        best = Match{s.column, false};
        best_length = wanted.size();
        best_start = start;
      }
      break;
    }
  }
  return best;
}

// The text at (row, column): the cell's own, or, when it lies inside cells merged across a row,
// the text of the merge's first cell.
const std::string& HeaderText(const sheets::Sheet& top, std::size_t row, std::size_t column) {
  const sheets::Cell& cell = top.at(row, column);
  if (!cell.empty()) return cell.text;
  for (const sheets::MergedRange& m : top.layout.merged)
    if (m.first_row == row && m.first_column <= column && column <= m.last_column)
      return top.at(m.first_row, m.first_column).text;
  return cell.text;
}

// Programs have a dozen columns; a header is not looked for beyond this many.
constexpr std::size_t kHeaderColumns = 256;

std::size_t Width(const sheets::Sheet& top, std::size_t row, std::size_t rows) {
  std::size_t width = 0;
  for (std::size_t r = row; r < row + rows && r < top.rows.size(); ++r)
    width = std::max(width, top.rows[r].size());
  for (const sheets::MergedRange& m : top.layout.merged)
    if (m.first_row >= row && m.first_row < row + rows) width = std::max(width, m.last_column + 1);
  return std::min(width, kHeaderColumns);
}

// A header in two rows has cells merged in its first that group its columns: across some of them
// over their sub-headers, or down both rows for the columns that have none. Without them the
// second row is data. A cell merged over every column the two rows write in groups none: it is the
// table's title above a header of one row.
bool MayBeTwoRowHeader(const sheets::Sheet& top, std::size_t row) {
  std::vector<bool> written(Width(top, row, 2));
  for (std::size_t c = 0; c < written.size(); ++c)
    written[c] = !HeaderText(top, row, c).empty() || !top.at(row + 1, c).empty();
  for (const sheets::MergedRange& m : top.layout.merged) {
    if (m.first_row != row || (m.last_row != row + 1 && m.last_column == m.first_column)) continue;
    for (std::size_t c = 0; c < written.size(); ++c)
      if (written[c] && (c < m.first_column || c > m.last_column)) return true;
  }
  return false;
}

// The layout if the header is `rows` rows from `row`. Of two columns naming one field, the first
// keeps it.
ProgramLayout LayoutAt(const sheets::Sheet& top, std::size_t row, std::size_t rows) {
  ProgramLayout layout;
  layout.header_row = row;
  layout.header_rows = rows;
  for (std::size_t c = 0; c < Width(top, row, rows); ++c) {
    const std::string& head = HeaderText(top, row, c);
    const std::string sub = rows == 2 ? top.at(row + 1, c).text : std::string();
    const std::string folded_head = intl::Fold(head);
    const std::string folded_sub = intl::Fold(sub);
    std::optional<Match> match;
    if (!folded_sub.empty()) {
      // A sub-header naming a field on its own ("Chủ trì" under "Đơn vị thực hiện") says it;
      // else the two together ("Thời gian" over "Hoàn thành").
      if (const auto own = MatchHeader(folded_sub); own && own->exact) match = own;
      if (!match)
        match = MatchHeader(folded_head.empty() ? folded_sub : folded_head + " " + folded_sub);
    } else {
      match = MatchHeader(folded_head);
    }
    if (head.empty() && sub.empty()) continue;
    layout.headers[c] = head.empty() || sub.empty() ? head + sub : head + " – " + sub;
    if (match && !layout.columns.contains(match->column)) {
      layout.columns[match->column] = c;
    } else {
      layout.unrecognised[c] = layout.headers[c];
    }
  }
  return layout;
}

}  // namespace

std::optional<ProgramLayout> FindProgramLayout(const sheets::Sheet& top) {
  std::optional<ProgramLayout> best;
  const std::size_t rows = std::min(top.rows.size(), kHeaderSearchRows);
  for (std::size_t r = 0; r < rows; ++r) {
    for (const std::size_t height : {std::size_t{1}, std::size_t{2}}) {
      if (height == 2 && (r + 1 >= top.rows.size() || !MayBeTwoRowHeader(top, r))) continue;
      ProgramLayout layout = LayoutAt(top, r, height);
      if (!layout.columns.contains(ProgramColumn::kContent)) continue;
      // The first of two rows is the header's when the second alone is none, or names fewer
      // fields: a line merged over some columns just above a header ("Đơn vị tính: triệu đồng")
      // is not.
      if (height == 2) {
        const ProgramLayout lower = LayoutAt(top, r + 1, 1);
        if (lower.columns.contains(ProgramColumn::kContent) &&
            lower.columns.size() >= layout.columns.size())
          continue;
      }
      // More fields named wins; of as many, the one-row header and the earlier row.
      if (!best || layout.columns.size() > best->columns.size()) best = std::move(layout);
    }
  }
  return best;
}

}  // namespace giaoban::service
