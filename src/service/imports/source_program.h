// A source's tasks as the work program they make, for writing back to a spreadsheet in the layout
// imports read: headings, numbers and notes as the rows they came from said, units and leaders by
// name, deadlines as written. Importing what is written gives the same tasks again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "service/actor.h"
#include "service/context.h"
#include "service/error.h"
#include "service/imports/import_plan.h"
#include "service/sources/model.h"

namespace giaoban::service {

struct ProgramEntry {
  std::vector<ProgramHeading> headings;  // the headings above it, outermost first
  std::string number;
  std::string text;  // the task's whole text: its content, or its title when it has none
  std::string lead;
  std::vector<std::string> cooperating;
  std::string outside_units;  // cooperating bodies outside the agency, as the row wrote them
  // The deadline as a text that reads back to it ("Quý III/2024"), or else as a day.
  std::string deadline_text;
  std::optional<domain::Date> deadline_date;
  std::string product;
  std::string note;
  std::string leader;
  bool is_key = false;
};

struct SourceProgram {
  Source source;
  std::vector<ProgramEntry> entries;  // in the program's order
};

// The tasks of `source_id` not cancelled, for the agency's leaders and consolidators.
Expected<SourceProgram> LoadSourceProgram(const Context& ctx, const Actor& actor, Id source_id);

}  // namespace giaoban::service
