#include "service/tasks/task_as_of.h"

namespace giaoban::service {

namespace {

void HideLaterClosing(TaskSummary& s, Date as_of) {
  if (s.completed_on && *s.completed_on > as_of) s.completed_on.reset();
  if (s.cancelled_on && *s.cancelled_on > as_of) s.cancelled_on.reset();
}

}  // namespace

std::int64_t ShowAsOf(TaskRecord& rec, Date as_of) {
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
  return hidden;
}

}  // namespace giaoban::service
