// What each row of a work program would become: a task with its units, deadline and leader read
// and matched, or a group heading, each with the errors that keep it from being imported and the
// warnings a user should see before confirming. Pure: the agency's units and people are given.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/date.h"
#include "service/imports/program_rows.h"
#include "service/imports/unit_matcher.h"
#include "service/model.h"
#include "service/program_headings.h"

namespace giaoban::service {

// What a group heading ("I. LĨNH VỰC KẾT CẤU HẠ TẦNG") becomes: a label its tasks keep, or a
// parent task of its own, counted like any other.
enum class GroupsAs { kLabels, kParents };

struct PersonCandidate {
  Id id = 0;
  std::string full_name;
};

struct PlanChoices {
  GroupsAs groups_as = GroupsAs::kLabels;
  // Units the user picked for names that matched none, by the name's folded form.
  std::map<std::string, Id> unit_fixes;
};

// What the plan knows beyond the rows.
struct PlanContext {
  std::vector<UnitCandidate> units;
  std::vector<PersonCandidate> people;
  Id agency_org_id = 0;      // leads the parent tasks made of groups
  domain::Date assigned_on;  // the program's date: when its tasks were given
  std::optional<int> year;   // the program's, for deadlines written without one
  PlanChoices choices;
  // The tasks the source has already, by SourceTaskKey: a program written back and imported
  // again with a few rows added gives only those rows.
  std::unordered_map<std::string, Id> source_tasks;
};

// What makes a row the same task as one the source has: its whole text, folded, and its lead.
std::string SourceTaskKey(std::string_view text, Id lead);

struct PlannedUnit {
  std::string written;
  std::optional<Id> id;
  std::vector<Id> suggestions;  // when id is not set
};

// A problem with one field of a row: the field and a stable code ("unknown_unit"), which the
// interface words.
struct RowProblem {
  std::string field;
  std::string code;
  bool operator==(const RowProblem&) const = default;
};

struct PlannedRow {
  std::size_t sheet_row = 0;
  std::string number;
  bool group = false;         // a heading
  bool becomes_task = false;  // a task, or a heading made a parent task
  // The source's task this row already is: nothing is written for it, and rows under it become
  // its subtasks.
  std::optional<Id> existing_task;
  // The sheet row of the task this one becomes a subtask of.
  std::optional<std::size_t> parent_row;
  // The headings above it, outermost first.
  std::vector<ProgramHeading> groups;
  std::string title;
  std::string content;  // the whole text when it is too long for a title
  std::optional<PlannedUnit> lead;
  std::vector<PlannedUnit> cooperating;
  std::optional<domain::Date> deadline;
  std::string deadline_label;
  std::string deadline_written;
  std::string product;
  std::string note;
  // Cooperating bodies no unit of the agency answers to, as written: kept with the row.
  std::string outside_units;
  std::string leader_written;
  std::optional<Id> leader_id;
  bool is_key = false;
  std::vector<RowProblem> errors;
  std::vector<RowProblem> warnings;
};

// Plans the rows given one at a time, in the sheet's order.
class ImportPlanner {
 public:
  using Callback = std::function<void(const PlannedRow&)>;

  ImportPlanner(const PlanContext& context, Callback on_row);

  void Add(const ProgramRow& row);

 private:
  struct Open {
    int level;
    std::size_t sheet_row;
    bool becomes_task;
    std::optional<ProgramHeading> heading;  // for groups
  };
  PlannedUnit MatchUnit(const std::string& written);
  std::vector<std::string> SplitUnits(const std::string& cell);
  std::optional<Id> MatchPerson(const std::string& written) const;

  const PlanContext& context_;
  UnitMatcher matcher_;
  // Each person's folded name in words, and their id.
  std::vector<std::pair<std::vector<std::string>, Id>> people_;
  std::vector<Open> open_;
  Callback on_row_;
  // A program names its units in a few ways over and over: each way is read once. Bounded, for a
  // file that names a new one on every row.
  static constexpr std::size_t kRemembered = 10'000;
  std::unordered_map<std::string, PlannedUnit> units_seen_;
  std::unordered_map<std::string, std::vector<std::string>> cells_seen_;
};

// "x", "có", "1", "trọng tâm": a key task; empty, "không", "0": not. Nullopt for anything else.
std::optional<bool> ReadKeyFlag(std::string_view written);

}  // namespace giaoban::service
