// The demo agency as a plan: what the loader decides before it writes anything. Every task gets
// an outcome and a dated script of steps (progress, extension, explanation, completion,
// cancellation); the replay then performs the steps through the services in date order.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "demo/demo_catalog.h"
#include "domain/date.h"
#include "service/model.h"

namespace giaoban::demo::detail {

using domain::Date;
using service::Id;

namespace cat = catalog;

enum class Outcome {
  kOnTime,           // completed by the deadline
  kEarly,            // deadline still ahead, already completed
  kLate,             // completed after the deadline
  kExtended,         // extension approved, then completed on time (or still running)
  kExtendedOverdue,  // extension approved and still missed
  kRefused,          // extension refused, completed late
  kOverdue,          // not completed, deadline passed
  kCancelled,
  kWithdrawn,
  kOpen,              // in progress
  kPendingExtension,  // in progress, extension requested and not yet decided
};

struct Step {
  enum class Kind {
    kProgress,
    kRequestExtension,
    kDecideExtension,
    kRequestExplanation,
    kAnswerExplanation,
    kComplete,
    kCancel,
  };
  Kind kind = Kind::kProgress;
  Date date;
  std::optional<int> percent;
  std::string text;
  std::optional<Date> new_deadline;
  bool approve = false;
  std::string cancel_kind;
};

struct TaskPlan {
  Id source_id = 0;
  std::string source_label;  // "Chương trình … (125/QĐ-UBND)", for the content
  int parent = -1;           // index of the parent plan
  std::string lead;          // organisation code
  std::string title;
  cat::Product product = cat::kBc;
  std::vector<std::string> cooperators;
  bool key = false;
  bool higher = false;
  bool restricted = false;
  bool merged = false;  // led by the division merged during the year
  Date assigned_on;
  std::optional<Date> deadline;
  std::string deadline_label;
  Id creator = 0;  // user id
  Outcome outcome = Outcome::kOpen;
  std::optional<Date> complete_by;   // forced completion date (subtasks, merged division)
  std::optional<Date> completed_on;  // as planned
  std::vector<Id> assignees;         // person ids
  std::vector<Step> steps;
  // Filled while replaying.
  Id id = 0;
  Id extension_id = 0;
  Id explanation_id = 0;
};

struct OrgInfo {
  Id id = 0;
  std::string name;
  cat::Leader leader = cat::kDirector;
  std::optional<Id> head_user = std::nullopt;
  std::vector<Id> staff = {};         // person ids
  std::map<Id, Id> staff_users = {};  // person id -> user id, for staff with accounts
};

}  // namespace giaoban::demo::detail
