// The headings of a work program's outline ("I. LĨNH VỰC KẾT CẤU HẠ TẦNG") as an imported task
// keeps them: read by the importer, stored with the task's row of the program, shown on the task's
// page and written back with the program.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace giaoban::service {

// A heading of the program's outline: "I" and "LĨNH VỰC KẾT CẤU HẠ TẦNG".
struct ProgramHeading {
  std::string number;
  std::string title;

  // As a reader sees it: "I LĨNH VỰC KẾT CẤU HẠ TẦNG".
  std::string text() const { return number.empty() ? title : number + " " + title; }
  friend bool operator==(const ProgramHeading&, const ProgramHeading&) = default;
};

// As a line reads with its number before its title: "I. LĨNH VỰC …", "a) Nhiệm vụ …", the title
// alone for a heading without a number.
std::string HeadingLine(const ProgramHeading& heading);

// Headings as stored (import_tasks.headings): a line each, outermost first, number and title
// separated by a tab. Line breaks and tabs inside them become spaces, or they would read back as
// other headings.
std::string StoredHeadings(const std::vector<ProgramHeading>& headings);
std::vector<ProgramHeading> HeadingsFromStored(std::string_view stored);

}  // namespace giaoban::service
