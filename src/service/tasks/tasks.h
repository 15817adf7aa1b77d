// Tasks (docs/domain.md#tasks): creation, reading, editing with optimistic versions, and every
// action of a task's life. Each call is one transaction and records its change in the history.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/task_permissions.h"
#include "service/actor.h"
#include "service/context.h"
#include "service/error.h"
#include "service/tasks/model.h"
#include "service/tasks/task_filter.h"

namespace giaoban::service {

// What the actor may do with one task; the API shows it so clients offer only allowed actions.
using domain::TaskPermissions;

struct TaskInput {
  std::optional<Id> source_id;
  std::optional<std::optional<Id>> parent_id;  // set to nullopt-inside to detach
  std::optional<std::string> title;
  std::optional<std::string> content;
  std::optional<bool> is_key;
  std::optional<bool> restricted;
  std::optional<Id> lead_org_id;
  std::optional<std::vector<Id>> cooperator_ids;
  std::optional<std::optional<Id>> leader_id;  // set to nullopt-inside to clear
  std::optional<std::vector<Id>> assignee_ids;
  std::optional<std::string> product;
  std::optional<Date> assigned_on;
  std::optional<std::optional<Date>> deadline;  // inner nullopt: ongoing ("thường xuyên")
  std::optional<std::string> deadline_label;
};

struct NewAttachment {
  std::string file_name;
  std::string content_type;
  std::string content;  // raw bytes
};

struct ProgressInput {
  std::optional<Date> reported_on;  // default today
  std::string body;
  std::optional<int> percent;
  std::vector<NewAttachment> attachments;
};

struct CompletionInput {
  std::optional<Date> completed_on;  // default today
  std::string result_doc_number;
  std::optional<Date> result_doc_date;
  std::string note;
};

struct ExtensionRequestInput {
  std::optional<Date> requested_on;  // default today
  std::optional<Date> requested_deadline;
  std::string reason;
};

struct ExtensionDecisionInput {
  std::string decision;  // approved | refused
  std::string note;
  std::optional<Date> decided_on;    // default today
  std::optional<Date> effective_on;  // approvals only; default the decision's date
};

struct CancellationInput {
  std::string kind = "cancelled";  // cancelled | withdrawn
  std::optional<Date> cancelled_on;
  std::string reason;
  std::optional<Id> approver_id;  // a leader (person); default the acting leader
};

struct TaskView {
  TaskDetail task;
  TaskPermissions permissions;
  Date as_of;  // the date the task is shown as it stood on
  // Facts dated after as_of (progress reports, decisions, completion, ...) left out of the view.
  std::int64_t later_facts = 0;
  std::optional<ProgramPlace> program_place;  // for a task imported from a program
};

struct Attachment {
  AttachmentInfo info;
  std::string content;
};

// A page of a task list and the day its statuses are as of: the filter's, or for a report period
// the last day the report counts, which only the service resolves.
struct TaskListPage : Page<TaskSummary> {
  Date as_of;
};

class TaskService {
 public:
  explicit TaskService(const Context& ctx) : ctx_(ctx) {}

  Expected<TaskListPage> List(const Actor& actor, const TaskFilter& filter);
  Expected<TaskView> Get(const Actor& actor, Id id, std::optional<Date> as_of = std::nullopt);
  Expected<TaskView> Create(const Actor& by, const TaskInput& input);
  Expected<TaskView> Update(const Actor& by, Id id, std::int64_t expected_version,
                            const TaskInput& input);

  Expected<TaskView> AddProgress(const Actor& by, Id id, const ProgressInput& input);
  Expected<TaskView> Complete(const Actor& by, Id id, const CompletionInput& input);
  Expected<TaskView> RequestExtension(const Actor& by, Id id, const ExtensionRequestInput& input);
  Expected<TaskView> DecideExtension(const Actor& by, Id id, Id extension_id,
                                     const ExtensionDecisionInput& input);
  Expected<TaskView> Cancel(const Actor& by, Id id, const CancellationInput& input);
  // `on` is the business date of the request or the answer; default today.
  Expected<TaskView> RequestExplanation(const Actor& by, Id id, const std::string& question,
                                        std::optional<Date> on = std::nullopt);
  Expected<TaskView> AnswerExplanation(const Actor& by, Id id, Id explanation_id,
                                       const std::string& answer,
                                       std::optional<Date> on = std::nullopt);

  Expected<TaskHistoryPage> History(const Actor& actor, Id id,
                                    std::optional<Date> as_of = std::nullopt);
  Expected<Attachment> GetAttachment(const Actor& actor, Id task_id, Id attachment_id);

 private:
  const Context& ctx_;
};

}  // namespace giaoban::service
