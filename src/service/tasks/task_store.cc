#include "service/tasks/task_store.h"

#include <boost/json.hpp>

#include "intl/text.h"
#include "service/row_values.h"
#include "service/sources/sources.h"

namespace giaoban::service {

using storage::Param;

namespace {

std::optional<NamedRef> OptRef(const storage::Row& r, std::size_t id, std::size_t name) {
  if (r.is_null(id)) return std::nullopt;
  return NamedRef{r.integer(id), r.opt_text(name).value_or("")};
}

boost::json::value DateJson(const std::optional<Date>& d) {
  return d ? boost::json::value(d->Iso()) : boost::json::value(nullptr);
}

}  // namespace

std::string TaskSearchFold(const std::string& title, const std::string& content,
                           const std::string& product, const std::string& doc_number) {
  return intl::Fold(title + " " + doc_number + " " + product + " " + content);
}

namespace {

void RefreshSearchWhere(storage::Connection& c, const char* condition, Id id) {
  auto r =
      c.execute(std::string("SELECT t.id, t.title, t.content, t.product, s.doc_number FROM tasks t "
                            "JOIN sources s ON s.id = t.source_id WHERE ") +
                    condition,
                {Param(id)});
  for (const auto& row : r.rows) {
    c.execute("UPDATE tasks SET search_fold = $1, title_key = $2 WHERE id = $3",
              {Param(TaskSearchFold(row.text(1), row.text(2), row.text(3), row.text(4))),
               Param(intl::CollationKey(row.text(1))), Param(row.integer(0))});
  }
}

}  // namespace

void RefreshTaskSearch(storage::Connection& c, Id task_id) {
  RefreshSearchWhere(c, "t.id = $1", task_id);
}

void RefreshSourceTasksSearch(storage::Connection& c, Id source_id) {
  RefreshSearchWhere(c, "t.source_id = $1", source_id);
}

std::optional<TaskRecord> LoadTaskRecord(storage::Connection& c, Id id) {
  auto r = c.execute(
      "SELECT t.id, t.agency_id, t.title, t.source_id, t.source_kind, s.doc_number, t.is_key, "
      "t.restricted, t.lead_org_id, lo.name, t.leader_id, lp.full_name, t.assigned_on, "
      "t.deadline, t.deadline_label, t.completed_on, t.cancelled_on, t.progress, t.version, "
      "t.content, t.product, t.parent_id, t.result_doc_number, t.result_doc_date, "
      "t.completion_note, t.cancel_kind, t.cancel_reason, t.cancel_approver_id, ap.full_name, "
      "a.path, lo.path "
      "FROM tasks t JOIN sources s ON s.id = t.source_id "
      "JOIN organizations lo ON lo.id = t.lead_org_id "
      "JOIN organizations a ON a.id = t.agency_id "
      "LEFT JOIN people lp ON lp.id = t.leader_id "
      "LEFT JOIN people ap ON ap.id = t.cancel_approver_id WHERE t.id = $1",
      {Param(id)});
  if (r.empty()) return std::nullopt;
  const auto& row = r.rows.front();
  TaskRecord rec;
  TaskSummary& s = rec.detail.summary;
  ReadTaskHead(row, s);
  s.deadline_label = row.text(14);
  s.completed_on = OptionalDate(row, 15);
  s.cancelled_on = OptionalDate(row, 16);
  s.progress = static_cast<int>(row.integer(17));
  s.version = row.integer(18);
  TaskDetail& d = rec.detail;
  d.content = row.text(19);
  d.product = row.text(20);
  d.parent_id = row.opt_integer(21);
  d.result_doc_number = row.text(22);
  d.result_doc_date = OptionalDate(row, 23);
  d.completion_note = row.text(24);
  d.cancel_kind = row.opt_text(25);
  d.cancel_reason = row.text(26);
  d.cancel_approver = OptRef(row, 27, 28);

  rec.access.agency_id = s.agency_id;
  rec.access.agency_path = row.text(29);
  rec.access.lead_org_path = row.text(30);
  rec.access.restricted = s.restricted;
  rec.access.closed = s.completed_on.has_value() || s.cancelled_on.has_value();

  for (const auto& co : c.execute("SELECT o.id, o.name, o.path FROM task_cooperators tc "
                                  "JOIN organizations o ON o.id = tc.organization_id "
                                  "WHERE tc.task_id = $1 ORDER BY o.name_key, o.id",
                                  {Param(id)})
                            .rows) {
    d.cooperators.push_back({co.integer(0), co.text(1)});
    rec.access.cooperator_paths.push_back(co.text(2));
  }
  for (const auto& as : c.execute("SELECT p.id, p.full_name FROM task_assignees ta "
                                  "JOIN people p ON p.id = ta.person_id "
                                  "WHERE ta.task_id = $1 ORDER BY p.name_key, p.id",
                                  {Param(id)})
                            .rows) {
    d.assignees.push_back({as.integer(0), as.text(1)});
    rec.access.assignee_person_ids.push_back(as.integer(0));
  }
  for (const auto& e : c.execute("SELECT effective_on, requested_deadline FROM task_extensions "
                                 "WHERE task_id = $1 AND state = 'approved' ORDER BY id",
                                 {Param(id)})
                           .rows) {
    rec.approved_extensions.push_back({*Date::Parse(e.text(0)), *Date::Parse(e.text(1))});
  }
  return rec;
}

void LoadTaskChildren(storage::Connection& c, TaskRecord& rec) {
  TaskDetail& d = rec.detail;
  const Id id = d.summary.id;
  auto updates = c.execute(
      "SELECT u.id, u.reported_on, u.body, u.percent, u.author_id, p.full_name, u.recorded_at "
      "FROM task_updates u JOIN users us ON us.id = u.author_id "
      "JOIN people p ON p.id = us.person_id WHERE u.task_id = $1 "
      "ORDER BY u.reported_on DESC, u.id DESC",
      {Param(id)});
  auto attachments = c.execute(
      "SELECT id, update_id, file_name, content_type, size_bytes, sha256 FROM attachments "
      "WHERE task_id = $1 ORDER BY id",
      {Param(id)});
  for (const auto& u : updates.rows) {
    ProgressUpdate pu;
    pu.id = u.integer(0);
    pu.reported_on = *Date::Parse(u.text(1));
    pu.body = u.text(2);
    if (auto pct = u.opt_integer(3)) pu.percent = static_cast<int>(*pct);
    pu.author = {u.integer(4), u.text(5)};
    pu.recorded_at = u.integer(6);
    for (const auto& a : attachments.rows) {
      if (a.opt_integer(1) == pu.id) {
        pu.attachments.push_back(
            {a.integer(0), a.opt_integer(1), a.text(2), a.text(3), a.integer(4), a.text(5)});
      }
    }
    d.updates.push_back(std::move(pu));
  }
  for (const auto& e :
       c.execute(
            "SELECT e.id, e.previous_deadline, e.requested_deadline, e.reason, e.requested_by, "
            "rp.full_name, e.requested_at, e.state, e.decided_by, dp.full_name, e.decided_at, "
            "e.decision_note, e.effective_on, e.requested_on, e.decided_on FROM task_extensions e "
            "JOIN users ru ON ru.id = e.requested_by JOIN people rp ON rp.id = ru.person_id "
            "LEFT JOIN users du ON du.id = e.decided_by LEFT JOIN people dp ON dp.id = "
            "du.person_id "
            "WHERE e.task_id = $1 ORDER BY e.id",
            {Param(id)})
           .rows) {
    Extension x;
    x.id = e.integer(0);
    x.previous_deadline = OptionalDate(e, 1);
    x.requested_deadline = *Date::Parse(e.text(2));
    x.reason = e.text(3);
    x.requested_by = {e.integer(4), e.text(5)};
    x.requested_at = e.integer(6);
    x.state = e.text(7);
    x.decided_by = OptRef(e, 8, 9);
    x.decided_at = e.opt_integer(10);
    x.decision_note = e.text(11);
    x.effective_on = OptionalDate(e, 12);
    x.requested_on = *Date::Parse(e.text(13));
    x.decided_on = OptionalDate(e, 14);
    d.extensions.push_back(std::move(x));
  }
  for (const auto& e :
       c.execute("SELECT x.id, x.question, x.requested_by, rp.full_name, x.requested_at, x.answer, "
                 "x.answered_by, ap.full_name, x.answered_at, x.requested_on, x.answered_on "
                 "FROM explanation_requests x "
                 "JOIN users ru ON ru.id = x.requested_by JOIN people rp ON rp.id = ru.person_id "
                 "LEFT JOIN users au ON au.id = x.answered_by LEFT JOIN people ap ON ap.id = "
                 "au.person_id "
                 "WHERE x.task_id = $1 ORDER BY x.id",
                 {Param(id)})
           .rows) {
    Explanation x;
    x.id = e.integer(0);
    x.question = e.text(1);
    x.requested_by = {e.integer(2), e.text(3)};
    x.requested_at = e.integer(4);
    x.answer = e.opt_text(5);
    x.answered_by = OptRef(e, 6, 7);
    x.answered_at = e.opt_integer(8);
    x.requested_on = *Date::Parse(e.text(9));
    x.answered_on = OptionalDate(e, 10);
    d.explanations.push_back(std::move(x));
  }
  for (const auto& row :
       c.execute("SELECT id FROM tasks WHERE parent_id = $1 ORDER BY id", {Param(id)}).rows) {
    if (auto child = LoadTaskRecord(c, row.integer(0))) d.subtasks.push_back(child->detail.summary);
  }
  if (auto src = LoadSource(c, d.summary.source_id)) d.source = *src;
}

void ComputeStatus(TaskRecord& rec, Date as_of, int due_soon_days) {
  TaskSummary& s = rec.detail.summary;
  domain::TaskFacts facts{s.assigned_on, s.deadline, rec.approved_extensions, s.completed_on,
                          s.cancelled_on};
  s.status = domain::StatusAsOf(facts, as_of);
  s.warning = domain::WarningAsOf(facts, as_of, due_soon_days);
  s.deadline_in_force = domain::DeadlineInForce(facts, as_of);
  s.extended = std::any_of(rec.approved_extensions.begin(), rec.approved_extensions.end(),
                           [&](const auto& e) { return e.effective_on <= as_of; });
}

namespace {

void HideLaterClosing(TaskSummary& s, Date as_of) {
  if (s.completed_on && *s.completed_on > as_of) s.completed_on.reset();
  if (s.cancelled_on && *s.cancelled_on > as_of) s.cancelled_on.reset();
}

}  // namespace

std::int64_t ShowAsOf(storage::Connection& c, TaskRecord& rec, Date as_of) {
  TaskDetail& d = rec.detail;
  TaskSummary& s = d.summary;
  std::int64_t hidden = 0;
  if (s.completed_on && *s.completed_on > as_of) {
    d.result_doc_number.clear();
    d.result_doc_date.reset();
    d.completion_note.clear();
    ++hidden;
  }
  if (s.cancelled_on && *s.cancelled_on > as_of) {
    d.cancel_kind.reset();
    d.cancel_reason.clear();
    d.cancel_approver.reset();
    ++hidden;
  }
  HideLaterClosing(s, as_of);
  hidden += static_cast<std::int64_t>(
      std::erase_if(d.updates, [&](const ProgressUpdate& u) { return u.reported_on > as_of; }));
  if (!s.completed_on) {
    // Updates come newest first: the latest one dated by then that gave a percentage.
    s.progress = 0;
    for (const auto& u : d.updates) {
      if (u.percent) {
        s.progress = *u.percent;
        break;
      }
    }
  }
  // A request made later hides its decision too: each is a fact of its own.
  std::int64_t later_decisions = 0;
  hidden += static_cast<std::int64_t>(std::erase_if(d.extensions, [&](const Extension& e) {
    if (e.requested_on <= as_of) return false;
    if (e.state != "pending") ++later_decisions;
    return true;
  }));
  hidden += later_decisions;
  for (Extension& e : d.extensions) {
    // An approval counts from the date it takes effect, as the deadline in force does; a refusal
    // from the date it was decided.
    const std::optional<Date> effective = e.state == "approved" ? e.effective_on : e.decided_on;
    if (e.state != "pending" && (!effective || *effective > as_of)) {
      e.state = "pending";
      e.decided_by.reset();
      e.decided_on.reset();
      e.decided_at.reset();
      e.decision_note.clear();
      e.effective_on.reset();
      ++hidden;
    }
  }
  std::int64_t later_answers = 0;
  hidden += static_cast<std::int64_t>(std::erase_if(d.explanations, [&](const Explanation& x) {
    if (x.requested_on <= as_of) return false;
    if (x.answer) ++later_answers;
    return true;
  }));
  hidden += later_answers;
  for (Explanation& x : d.explanations) {
    if (x.answered_on && *x.answered_on > as_of) {
      x.answer.reset();
      x.answered_by.reset();
      x.answered_on.reset();
      x.answered_at.reset();
      ++hidden;
    }
  }
  std::erase_if(d.subtasks, [&](const TaskSummary& t) { return t.assigned_on > as_of; });
  for (TaskSummary& child : d.subtasks) ShowSummaryAsOf(c, child, as_of);
  return hidden;
}

void ShowSummaryAsOf(storage::Connection& c, TaskSummary& s, Date as_of) {
  HideLaterClosing(s, as_of);
  if (s.completed_on) return;  // completion stores 100
  auto r = c.execute(
      "SELECT percent FROM task_updates WHERE task_id = $1 AND percent IS NOT NULL "
      "AND reported_on <= $2 ORDER BY reported_on DESC, id DESC LIMIT 1",
      {Param(s.id), Param(as_of.Iso())});
  s.progress = r.empty() ? 0 : static_cast<int>(r.one().integer(0));
}

std::string TaskSnapshotJson(const TaskRecord& rec) {
  const TaskDetail& d = rec.detail;
  const TaskSummary& s = d.summary;
  boost::json::array cooperators, assignees;
  for (const auto& c : d.cooperators) cooperators.emplace_back(c.id);
  for (const auto& a : d.assignees) assignees.emplace_back(a.id);
  boost::json::object j{
      {"title", s.title},
      {"content", d.content},
      {"source_id", s.source_id},
      {"parent_id", d.parent_id ? boost::json::value(*d.parent_id) : nullptr},
      {"is_key", s.is_key},
      {"restricted", s.restricted},
      {"lead_org_id", s.lead_org.id},
      {"cooperator_ids", cooperators},
      {"leader_id", s.leader ? boost::json::value(s.leader->id) : nullptr},
      {"assignee_ids", assignees},
      {"product", d.product},
      {"assigned_on", s.assigned_on.Iso()},
      {"deadline", DateJson(s.deadline)},
      {"deadline_label", s.deadline_label},
      {"progress", s.progress},
      {"completed_on", DateJson(s.completed_on)},
      {"result_doc_number", d.result_doc_number},
      {"result_doc_date", DateJson(d.result_doc_date)},
      {"cancelled_on", DateJson(s.cancelled_on)},
      {"cancel_kind", d.cancel_kind ? boost::json::value(*d.cancel_kind) : nullptr},
      {"cancel_reason", d.cancel_reason},
      {"version", s.version},
  };
  return boost::json::serialize(j);
}

}  // namespace giaoban::service
