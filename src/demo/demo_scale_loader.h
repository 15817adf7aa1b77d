// The loader of the benchmark data, declared here because its work is spread over two files:
// demo_scale.cc writes the agency, its people and sources; demo_scale_tasks.cc draws and writes
// the tasks. Not part of the demo's interface, which is demo.h.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "demo/demo.h"
#include "demo/demo_catalog.h"
#include "demo/demo_random.h"
#include "domain/date.h"
#include "service/context.h"
#include "storage/bulk_insert.h"
#include "storage/database.h"

namespace giaoban::demo::scale {

using domain::Date;
using storage::Connection;

namespace cat = catalog;

struct Unit {
  std::int64_t id = 0;
  std::string code;
  std::int64_t head_user = 0;
  std::int64_t specialist = 0;  // person id
  std::int64_t leader = 0;      // supervising leader, person id
  std::int64_t leader_user = 0;
};

struct SourceRow {
  std::int64_t id = 0;
  std::string kind;
  std::string doc_number;
  Date doc_date;
};

// A task title without its "(đợt N)" suffix, with what is computed once for it.
struct Template {
  std::string title;
  std::string key;   // collation key
  std::string fold;  // folded title
  cat::Product product;
};

// What the generator drew for one task: its place, its dates and its state as of today.
struct TaskDraw {
  const Template* tpl = nullptr;
  int number = 0;  // the "(đợt N)" of its title
  const Unit* unit = nullptr;
  std::string kind;  // of its source
  const SourceRow* source = nullptr;
  Date assigned;
  std::optional<Date> deadline;
  std::string label;                 // the deadline's label
  std::optional<Date> extended_on;   // an approved extension took effect
  std::optional<Date> new_deadline;  // ... with this deadline
  std::optional<Date> completed_on;
  std::optional<Date> cancelled_on;
  bool withdrawn = false;  // cancelled by the programme's issuer
  const Unit* cooperator = nullptr;
  struct Update {
    Date reported;
    int percent = 0;
  };
  std::optional<Update> update;  // a progress report
};

class ScaleLoader {
 public:
  ScaleLoader(const service::Context& ctx, const ScaleOptions& options)
      : ctx_(ctx), options_(options), rng_(options.seed), today_(options.today) {}

  ScaleResult Run();

 private:
  // The province, each agency with its people and sources (demo_scale.cc).
  std::int64_t InsertOrganization(Connection& c, std::optional<std::int64_t> parent,
                                  const std::string& parent_path, bool agency,
                                  const std::string& kind, const std::string& code,
                                  const std::string& name, std::int64_t now);
  void CreateProvince(Connection& c, std::int64_t now);
  void CreateAgency(Connection& c, int index, std::int64_t now);
  std::string PersonName();
  std::int64_t InsertPerson(Connection& c, std::int64_t org, const std::string& position,
                            std::int64_t now);
  std::int64_t InsertUser(Connection& c, std::int64_t person, const std::string& username,
                          const std::string& role, std::int64_t now);
  void CreatePeople(Connection& c, std::int64_t now);
  void InsertSource(Connection& c, const std::string& kind, const std::string& title,
                    const std::string& number, Date doc_date, const std::string& issuer,
                    std::int64_t now);
  void CreateSources(Connection& c, std::int64_t now);
  void BuildTemplates();
  const SourceRow& SourceFor(const std::string& kind, Date on) const;

  // The tasks (demo_scale_tasks.cc).
  // Draws task number `index` and adds its rows (with id `id`) to the batches below.
  void AddTask(Connection& c, std::int64_t id, int index);
  std::array<storage::BulkInsert*, 6> TaskBatches();  // in the order they are written
  void FlushTasks(Connection& c);
  void DiscardTasks();  // the rows kept by a transaction that is being retried
  TaskDraw DrawTask();
  void DrawSchedule(TaskDraw& d);
  void DrawOutcome(TaskDraw& d);
  void DrawDetails(TaskDraw& d);
  void AddTaskRow(Connection& c, std::int64_t id, const TaskDraw& d, int index);
  void AddTaskDetails(Connection& c, std::int64_t id, const TaskDraw& d, int index);

  const service::Context& ctx_;
  const ScaleOptions& options_;
  Random rng_;
  const Date today_;
  std::int64_t root_id_ = 0;
  std::string root_path_;
  std::string suffix_;  // " 2" for the second benchmark province in a database, ...
  // The agency being loaded.
  std::int64_t agency_id_ = 0;
  std::string agency_name_;
  std::string agency_code_;
  std::string agency_path_;
  std::vector<Unit> units_;
  std::string password_hash_;
  std::int64_t director_user_ = 0;
  std::int64_t consolidator_user_ = 0;
  std::map<std::string, std::vector<SourceRow>> sources_;
  std::vector<Template> templates_;
  std::vector<int> uses_;
  std::vector<std::string> contents_;
  std::vector<std::string> progress_texts_;
  std::map<std::pair<std::int64_t, int>, std::string> tails_;

  // The tasks' rows, written a few hundred to a statement.
  storage::BulkInsert tasks_{"tasks",
                             {"id",
                              "agency_id",
                              "source_id",
                              "source_kind",
                              "title",
                              "title_key",
                              "content",
                              "is_key",
                              "lead_org_id",
                              "leader_id",
                              "product",
                              "assigned_on",
                              "deadline",
                              "deadline_label",
                              "progress",
                              "completed_on",
                              "result_doc_number",
                              "result_doc_date",
                              "cancelled_on",
                              "cancel_kind",
                              "cancel_reason",
                              "cancel_approver_id",
                              "extended_on",
                              "search_fold",
                              "created_by",
                              "created_at",
                              "updated_at"}};
  storage::BulkInsert assignees_{"task_assignees", {"task_id", "person_id"}};
  storage::BulkInsert cooperators_{"task_cooperators", {"task_id", "organization_id"}};
  storage::BulkInsert extensions_{
      "task_extensions",
      {"task_id", "previous_deadline", "requested_deadline", "reason", "requested_by",
       "requested_at", "requested_on", "state", "decided_by", "decided_at", "decided_on",
       "decision_note", "effective_on"}};
  storage::BulkInsert updates_{
      "task_updates", {"task_id", "reported_on", "body", "percent", "author_id", "recorded_at"}};
  storage::BulkInsert events_{"events",
                              {"agency_id", "entity", "entity_id", "task_id", "action",
                               "actor_user_id", "recorded_at", "after_json", "occurred_on"}};
};

}  // namespace giaoban::demo::scale
