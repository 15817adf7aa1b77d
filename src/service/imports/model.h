// Imports of work programs from spreadsheets: the file, the user's choices about it, and the
// preview of what it would write.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "service/imports/import_plan.h"
#include "service/imports/program_file.h"
#include "service/imports/program_layout.h"
#include "service/model.h"

namespace giaoban::service {

inline constexpr Id kNoUnit = 0;

// What the user decided about an import, kept with it until it is confirmed.
struct ImportChoices {
  std::size_t sheet = 0;  // the workbook's sheet, 0 for the first tab
  GroupsAs groups_as = GroupsAs::kLabels;
  // Columns the user mapped, by sheet column: a field, or none to leave the column out.
  std::map<std::size_t, ColumnChoice> columns;
  // By the name's folded form; kNoUnit where the user said the name is no unit, not even the one
  // the agency's users picked for it before.
  std::map<std::string, Id> unit_fixes;
  // Each picked name as the sheet wrote it, by its folded form: what the preview shows.
  std::map<std::string, std::string> unit_fix_names;
  // The program's year, for deadlines written without one, when the user gave it.
  std::optional<int> year;
  // The columns mapped on the workbook's other sheets, for when the user goes back to one.
  std::map<std::size_t, std::map<std::size_t, ColumnChoice>> other_sheets;
};

// Where the year a program's deadlines are read in comes from.
enum class YearFrom {
  kChoice,    // the user's
  kTitle,     // the source's title: "Chương trình công tác năm 2027"
  kDocument,  // the source's document date
  kToday,     // a source without a document date
};

// A column of the program's table as the preview shows it.
struct ImportColumn {
  std::size_t index = 0;
  std::string header;
  std::optional<ProgramColumn> field;
  bool recognised = false;  // found by its header, not mapped by a user
};

// A unit name no organisation answers to, for the user to pick one.
struct UnmatchedUnit {
  std::string written;
  std::int64_t rows = 0;  // how many rows name it
  // How many of them name it as their lead: those rows cannot be imported until a unit is picked.
  // A name only cooperating is likely a body outside the agency, kept with its rows as written.
  std::int64_t lead_rows = 0;
  std::vector<Id> suggestions;
};

struct ImportCounts {
  std::int64_t rows = 0;      // rows read under the header
  std::int64_t tasks = 0;     // rows that become tasks
  std::int64_t headings = 0;  // headings kept as labels
  std::int64_t existing = 0;  // rows the source has as tasks already: not written again
  std::int64_t with_errors = 0;
  std::int64_t with_warnings = 0;
};

struct ImportSummary {
  Id id = 0;
  Id source_id = 0;
  std::string file_name;
  std::string file_kind;  // xlsx | csv
  std::int64_t file_size = 0;
  std::string status;  // draft | confirmed
  std::int64_t task_count = 0;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> confirmed_at;
  std::int64_t version = 1;
};

struct ImportPreview {
  ImportSummary import;
  ImportChoices choices;
  std::vector<std::string> sheets;        // the workbook's sheets; empty for a CSV file
  std::optional<std::size_t> header_row;  // nullopt when no header was found
  std::size_t header_rows = 1;
  std::vector<ImportColumn> columns;
  ImportCounts counts;
  std::vector<UnmatchedUnit> unmatched_units;
  // What keeps the import from being confirmed besides its rows' errors: "no_header" (no row of
  // the sheet names the task's content), "no_content_column" (the user left it out), "no_rows",
  // "already_imported" (the same file was imported before, or the same rows into this source:
  // duplicate_of; or every task of the file is one of the source's already).
  std::vector<std::string> problems;
  std::optional<Id> duplicate_of;
  // The units the agency's users picked before for names this file writes, which the user has not
  // changed: by folded name, the name as written and the unit.
  std::map<std::string, std::pair<std::string, Id>> remembered_fixes;
  // The year deadlines written without one are read in, and where it comes from.
  int year = 0;
  YearFrom year_from = YearFrom::kToday;
  // Names of the units and people the rows and suggestions refer to.
  std::map<Id, std::string> unit_names;
  std::map<Id, std::string> person_names;
  Page<PlannedRow> rows;
};

struct ImportResult {
  ImportSummary import;
  std::vector<Id> task_ids;  // in the sheet's order
};

}  // namespace giaoban::service
