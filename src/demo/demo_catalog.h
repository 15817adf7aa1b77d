// The demo agency's fixed material: its organisation chart, its people and accounts, and the titles
// of the tasks a provincial Department of Transport really works on. Plain tables, no logic: the
// loader (demo_loader.h) draws dates and outcomes from them with a seeded random generator.
//
// Titles may contain "{Y}", "{Y-1}", "{Y+1}" and "{Y+5}": the year of the programme or document.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace giaoban::demo::catalog {

// ---------------------------------------------------------------------------------------------
// Organisations and people

// Index into Leaders(): who supervises an organisation's tasks.
enum Leader { kDirector = 0, kDeputyHung = 1, kDeputyHa = 2, kDeputyTuan = 3 };

struct OrgSpec {
  std::string_view code;
  std::string_view kind;  // division, unit, office
  std::string_view name;
  Leader leader;
};

inline constexpr std::string_view kProvinceName = "UBND tỉnh Quảng Ngãi";
inline constexpr std::string_view kProvinceCode = "UBND";
inline constexpr std::string_view kPlace = "Quảng Ngãi";
inline constexpr std::string_view kDepartmentName = "Sở Giao thông vận tải tỉnh Quảng Ngãi";
inline constexpr std::string_view kDepartmentCode = "SGTVT";

// The divisions, office and affiliated units under the Department, in display order.
const std::vector<OrgSpec>& Organizations();

// The division that was merged into "Phòng Quản lý vận tải, phương tiện và người lái" during the
// demo year (the rename/merge example).
inline constexpr OrgSpec kMergedDivision = {"QLPTNL", "division",
                                            "Phòng Quản lý phương tiện và người lái", kDeputyHa};
inline constexpr std::string_view kMergedInto = "QLVT";

struct PersonSpec {
  std::string_view org;  // an OrgSpec code, "SGTVT" for the Department's leaders, "UBND"
  std::string_view full_name;
  std::string_view position;
  std::string_view username;  // empty: a person without an account
  std::string_view role;      // role code when username is set
  bool staff;                 // may be assigned tasks of its organisation (chuyên viên, ...)
  bool head;                  // heads its organisation (acts for the lead unit)
};

// Leaders first, in the order of the Leader enum.
const std::vector<PersonSpec>& People();

// ---------------------------------------------------------------------------------------------
// Products and document numbers

struct ProductSpec {
  std::string_view label;     // what the task must produce ("Tờ trình UBND tỉnh")
  std::string_view noun;      // the same in running text ("tờ trình")
  std::string_view doc_type;  // code in the result document's number; empty: "…/SGTVT-<unit>"
};

enum Product { kTtr = 0, kBc, kQd, kKh, kCv, kBb, kKl };
const std::vector<ProductSpec>& Products();

// ---------------------------------------------------------------------------------------------
// Tasks

// Deadline of a programme task: 0 drawn at random, kOngoing for "thường xuyên", 1..12 a month of
// the programme year, 21..24 a quarter.
inline constexpr int kRandomDue = 0;
inline constexpr int kOngoing = -1;
inline constexpr int Quarter(int q) { return 20 + q; }

struct TaskSpec {
  std::string_view lead;  // OrgSpec code
  std::string_view title;
  Product product;
  int due = kRandomDue;        // programmes: see above; other sources: days after assignment
  std::string_view coop = "";  // cooperating organisations, codes separated by spaces
  bool restricted = false;
};

struct ProgramTaskSpec {
  bool higher;  // UBND tỉnh's programme (true) or the Department's key programme
  TaskSpec task;
  // Split to other organisations; their `due` is days after assignment, capped by the parent's.
  std::vector<TaskSpec> subtasks = {};
};

const std::vector<ProgramTaskSpec>& ProgramTasks();

struct DirectiveSpec {
  int month, day;  // when in the year such a document usually comes
  std::string_view doc_number;
  std::string_view title;  // the source title, "Công văn 2345/UBND-KTN về việc …"
  std::string_view issuer;
  std::string_view summary;
  std::vector<TaskSpec> tasks;  // `due`: days after assignment
  // When set, tasks[0] is a parent task and the others are its subtasks.
  bool first_is_parent = false;
};

const std::vector<DirectiveSpec>& Directives();

// Conclusions of the monthly briefing: drawn a few at a time, `due` ignored.
const std::vector<TaskSpec>& MeetingConclusions();
// Tasks of the merged division, concluded at briefings before the merge.
const std::vector<TaskSpec>& MergedDivisionTasks();

// ---------------------------------------------------------------------------------------------
// Placeholders in the texts (the words of the history are in demo_phrases.h)

// Replaces "{Y}", "{Y-1}", "{Y+1}", "{Y+5}" with years relative to `year`.
std::string ExpandYear(std::string_view text, int year);
// Replaces every "{key}" with `value`.
std::string Replace(std::string_view text, std::string_view key, std::string_view value);

}  // namespace giaoban::demo::catalog
