// A task as lists and the task page show it, with everything recorded about it.
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/source_kind.h"
#include "domain/status.h"
#include "service/model.h"
#include "service/sources/model.h"

namespace giaoban::service {

// What a list row shows; status and warning are as of the list's date.
struct TaskSummary {
  Id id = 0;
  Id agency_id = 0;
  std::string title;
  Id source_id = 0;
  domain::SourceKind source_kind = domain::SourceKind::kAdHoc;
  std::string source_doc_number;
  bool is_key = false;
  bool restricted = false;
  NamedRef lead_org;
  std::optional<NamedRef> leader;
  Date assigned_on;
  std::optional<Date> deadline;           // as first assigned
  std::optional<Date> deadline_in_force;  // as of the list's date
  std::string deadline_label;
  std::optional<Date> completed_on;
  std::optional<Date> cancelled_on;
  int progress = 0;
  bool extended = false;
  domain::Status status = domain::Status::kInProgress;
  domain::Warning warning = domain::Warning::kNone;
  std::int64_t version = 1;
};

BOOST_DESCRIBE_STRUCT(TaskSummary, (),
                      (id, agency_id, title, source_id, source_kind, source_doc_number, is_key,
                       restricted, lead_org, leader, assigned_on, deadline, deadline_in_force,
                       deadline_label, completed_on, cancelled_on, progress, extended, status,
                       warning, version))

struct AttachmentInfo {
  Id id = 0;
  std::optional<Id> update_id;
  std::string file_name;
  std::string content_type;
  std::int64_t size_bytes = 0;
  std::string sha256;
};

struct ProgressUpdate {
  Id id = 0;
  Date reported_on;
  std::string body;
  std::optional<int> percent;
  NamedRef author;
  std::int64_t recorded_at = 0;
  std::vector<AttachmentInfo> attachments;
};

BOOST_DESCRIBE_STRUCT(ProgressUpdate, (),
                      (id, reported_on, body, percent, author, recorded_at, attachments))

struct Extension {
  Id id = 0;
  std::optional<Date> previous_deadline;
  Date requested_deadline;
  std::string reason;
  NamedRef requested_by;
  Date requested_on;              // business date of the request
  std::int64_t requested_at = 0;  // when it was recorded
  std::string state;              // pending, approved, refused
  std::optional<NamedRef> decided_by;
  std::optional<Date> decided_on;  // business date of the decision, refusals included
  std::optional<std::int64_t> decided_at;
  std::string decision_note;
  std::optional<Date> effective_on;  // approvals only: from when the new deadline is in force
};

BOOST_DESCRIBE_STRUCT(Extension, (),
                      (id, previous_deadline, requested_deadline, reason, requested_by,
                       requested_on, requested_at, state, decided_by, decided_on, decided_at,
                       decision_note, effective_on))

struct Explanation {
  Id id = 0;
  std::string question;
  NamedRef requested_by;
  Date requested_on;
  std::int64_t requested_at = 0;
  std::optional<std::string> answer;
  std::optional<NamedRef> answered_by;
  std::optional<Date> answered_on;
  std::optional<std::int64_t> answered_at;
};

BOOST_DESCRIBE_STRUCT(Explanation, (),
                      (id, question, requested_by, requested_on, requested_at, answer, answered_by,
                       answered_on, answered_at))

struct TaskDetail {
  TaskSummary summary;
  std::string content;
  std::string product;
  std::optional<Id> parent_id;
  std::vector<NamedRef> cooperators;
  std::vector<NamedRef> assignees;
  std::string result_doc_number;
  std::optional<Date> result_doc_date;
  std::string completion_note;
  std::optional<std::string> cancel_kind;
  std::string cancel_reason;
  std::optional<NamedRef> cancel_approver;
  std::vector<ProgressUpdate> updates;
  std::vector<Extension> extensions;
  std::vector<Explanation> explanations;
  std::vector<TaskSummary> subtasks;
  Source source;
};

BOOST_DESCRIBE_STRUCT(TaskDetail, (),
                      (summary, content, product, parent_id, cooperators, assignees,
                       result_doc_number, result_doc_date, completion_note, cancel_kind,
                       cancel_reason, cancel_approver, updates, extensions, explanations, subtasks,
                       source))

// Where an imported task stands in its program, and what the program's row said that a task does
// not hold: shown with the task, and written back with the program.
struct ProgramPlace {
  Id import_id = 0;
  std::string number;                 // "1.2", as the row wrote it
  std::vector<std::string> headings;  // "I. LĨNH VỰC KẾT CẤU HẠ TẦNG", outermost first
  std::string note;
  std::string outside_units;  // cooperating bodies outside the agency, as written
};

}  // namespace giaoban::service
