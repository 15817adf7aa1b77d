// The entities the services hand to the API and the CLI. Plain data: no I/O, no JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/stats.h"
#include "domain/status.h"
#include "service/actor.h"

namespace giaoban::service {

using domain::Date;
using Id = std::int64_t;

struct Organization {
  Id id = 0;
  std::optional<Id> parent_id;
  std::optional<Id> agency_id;
  std::string kind;  // committee, department, division, unit, office, other
  std::string code;
  std::string name;
  std::string place_name;
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;
  std::optional<Id> successor_id;
  std::int64_t version = 1;
};

struct Person {
  Id id = 0;
  Id organization_id = 0;
  std::string organization_name;
  std::string full_name;
  std::string position;
  std::string email;
  std::string phone;
  bool active = true;
  std::int64_t version = 1;
  std::optional<Role> role;  // of the person's account; none without one
};

struct User {
  Id id = 0;
  std::string username;
  Role role = Role::kViewer;
  bool disabled = false;
  Person person;
  std::int64_t version = 1;
};

struct Source {
  Id id = 0;
  Id agency_id = 0;
  std::string kind;  // higher_program, key_program, ad_hoc, meeting_conclusion, directive
  std::string title;
  std::string doc_number;
  std::optional<Date> doc_date;
  std::string issuer;
  std::string summary;
  std::int64_t task_count = 0;  // tasks not marked restricted: a count everyone may see
  std::int64_t version = 1;
};

struct NamedRef {
  Id id = 0;
  std::string name;
};

// What a list row shows; status and warning are as of the list's date.
struct TaskSummary {
  Id id = 0;
  Id agency_id = 0;
  std::string title;
  Id source_id = 0;
  std::string source_kind;
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

struct HistoryEvent {
  Id id = 0;
  std::string entity;
  Id entity_id = 0;
  std::string action;
  std::optional<NamedRef> actor;
  std::int64_t recorded_at = 0;
  std::optional<Date> occurred_on;  // the business date of the fact it records
  std::string before_json;          // JSON text or empty
  std::string after_json;
};

// A task's history up to a date: the events about facts dated by then, and how many are later.
struct TaskHistoryPage {
  std::vector<HistoryEvent> items;
  std::int64_t later = 0;
};

template <class T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
  int page = 1;
  int page_size = 50;
};

}  // namespace giaoban::service
