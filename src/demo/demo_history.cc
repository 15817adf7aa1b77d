// The history of every demo task: which outcome it has today (on time, late, extended, overdue,
// cancelled, ...) and the dated script of steps that leads there, with the words of each report.
#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "demo/demo_loader.h"
#include "demo/demo_phrases.h"
#include "domain/period.h"

namespace giaoban::demo::detail {

using domain::Period;

namespace {

Step MakeStep(Step::Kind kind, Date date) {
  Step s;
  s.kind = kind;
  s.date = date;
  return s;
}

}  // namespace

void DemoLoader::ChooseOutcomes() {
  for (TaskPlan& t : plans_) {
    if (t.merged) {
      t.outcome = Outcome::kOnTime;
      t.complete_by = std::max(t.assigned_on, t.deadline->AddDays(-rng_.Between(0, 3)));
      continue;
    }
    if (!t.deadline) {
      t.outcome = rng_.Chance(60) ? Outcome::kCancelled : Outcome::kOpen;
      continue;
    }
    const Date d = *t.deadline;
    const int r = rng_.Between(0, 999);
    if (d < today_) {
      t.outcome = r < 30    ? Outcome::kOverdue
                  : r < 90  ? Outcome::kLate
                  : r < 130 ? Outcome::kExtended
                  : r < 140 ? Outcome::kExtendedOverdue
                  : r < 160 ? Outcome::kRefused
                  : r < 180 ? (t.higher ? Outcome::kWithdrawn : Outcome::kCancelled)
                            : Outcome::kOnTime;
    } else if (r < 300) {
      t.outcome = today_ - t.assigned_on >= 30 ? Outcome::kEarly : Outcome::kOpen;
    } else if (r < 315) {
      t.outcome = Outcome::kCancelled;
    } else if (r < 400 && d - today_ <= 25) {
      t.outcome = Outcome::kPendingExtension;
    } else {
      t.outcome = Outcome::kOpen;
    }
  }

  // Every kind of history must show up at least a few times, whatever the seed and the date.
  const Date t10 = today_.AddDays(-10);
  const Date t60 = today_.AddDays(-60);
  auto passed = [t10](const TaskPlan& t) { return *t.deadline <= t10; };
  Convert(Outcome::kOnTime, Outcome::kOverdue, 3, passed);
  Convert(Outcome::kOnTime, Outcome::kLate, 4, passed);
  Convert(Outcome::kOnTime, Outcome::kExtended, 3, passed);
  Convert(Outcome::kOnTime, Outcome::kExtendedOverdue, 1,
          [t60](const TaskPlan& t) { return *t.deadline <= t60; });
  Convert(Outcome::kOnTime, Outcome::kRefused, 1, passed);
  Convert(Outcome::kOnTime, Outcome::kCancelled, 2, passed);
  Convert(Outcome::kOnTime, Outcome::kWithdrawn, 1,
          [t10](const TaskPlan& t) { return t.higher && *t.deadline <= t10; });
  const Date today = today_;
  Convert(Outcome::kOpen, Outcome::kPendingExtension, 1,
          [today](const TaskPlan& t) { return *t.deadline > today && *t.deadline - today <= 25; });
}

void DemoLoader::Convert(Outcome from, Outcome to, int wanted,
                         const std::function<bool(const TaskPlan&)>& eligible) {
  if (plans_.empty()) return;
  std::vector<bool> has_children(plans_.size(), false);
  for (const TaskPlan& t : plans_) {
    if (t.parent >= 0) has_children[static_cast<std::size_t>(t.parent)] = true;
  }
  int have = static_cast<int>(std::count_if(plans_.begin(), plans_.end(),
                                            [&](const TaskPlan& t) { return t.outcome == to; }));
  const int n = static_cast<int>(plans_.size());
  const int start = rng_.Between(0, n - 1);
  for (int k = 0; k < n && have < wanted; ++k) {
    const std::size_t i = static_cast<std::size_t>((start + k) % n);
    TaskPlan& t = plans_[i];
    if (t.outcome != from || !t.deadline || t.parent >= 0 || has_children[i] || t.merged ||
        t.restricted || !eligible(t))
      continue;
    t.outcome = to;
    ++have;
  }
}

void DemoLoader::Script(TaskPlan& t) {
  // A parent completed: its subtasks were completed before it.
  if (t.parent >= 0 && plans_[static_cast<std::size_t>(t.parent)].completed_on) {
    Date by = *plans_[static_cast<std::size_t>(t.parent)].completed_on;
    if (t.deadline) by = std::min(by, *t.deadline);
    t.outcome = Outcome::kOnTime;
    t.complete_by = std::max(t.assigned_on, by.AddDays(-rng_.Between(0, 5)));
  }
  const Date a = t.assigned_on;
  const Date today = today_;
  if (!t.deadline && t.outcome != Outcome::kCancelled && t.outcome != Outcome::kWithdrawn)
    t.outcome = Outcome::kOpen;
  const Date d = t.deadline.value_or(today);

  switch (t.outcome) {
    case Outcome::kOnTime: {
      Date c = t.complete_by ? *t.complete_by : d.AddDays(-rng_.Between(0, std::min(20, d - a)));
      c = Clamp(c, a, today);
      Progress(t, a, c, 5 * rng_.Between(16, 19), false);
      Complete(t, c);
      break;
    }
    case Outcome::kEarly: {
      const Date hi = std::max(a, std::min(d, today.AddDays(-1)));
      const Date lo = std::min(hi, a.AddDays((today - a) / 3));
      const Date c = Clamp(lo.AddDays(rng_.Between(0, hi - lo)), a, today);
      Progress(t, a, c, 5 * rng_.Between(15, 19), false);
      Complete(t, c);
      break;
    }
    case Outcome::kLate: {
      const int room = (today - d) - 1;
      if (room < 3) {
        t.outcome = Outcome::kOnTime;
        Script(t);
        return;
      }
      const Date c = d.AddDays(rng_.Between(3, std::min(40, room)));
      Progress(t, a, c, 5 * rng_.Between(14, 18), false);
      Complete(t, c);
      if (rng_.Chance(350) && c.AddDays(3) <= today)
        Explain(t, c.AddDays(rng_.Between(1, 3)), true);
      break;
    }
    case Outcome::kExtended:
    case Outcome::kExtendedOverdue: {
      const Date effective = Clamp(d.AddDays(-rng_.Between(1, 5)), a, today);
      const Date requested = Clamp(effective.AddDays(-rng_.Between(1, 3)), a, effective);
      const Date new_deadline = d.AddDays(rng_.Between(20, 45));
      Progress(t, a, requested, 5 * rng_.Between(6, 12), false);
      Step request = MakeStep(Step::Kind::kRequestExtension, requested);
      request.new_deadline = new_deadline;
      request.text = Str(rng_.Pick(cat::kExtensionReasons));
      t.steps.push_back(request);
      Step decision = MakeStep(Step::Kind::kDecideExtension, effective);
      decision.approve = true;
      decision.text = Str(cat::kApproveNote);
      t.steps.push_back(decision);
      if (t.outcome == Outcome::kExtendedOverdue && new_deadline < today.AddDays(-5)) {
        Progress(t, effective.AddDays(1), today.AddDays(1), 5 * rng_.Between(10, 15), true);
        Explain(t, Clamp(new_deadline.AddDays(rng_.Between(3, 10)), new_deadline.AddDays(1), today),
                false);
      } else if (new_deadline < today) {
        t.outcome = Outcome::kExtended;
        const Date c = Clamp(new_deadline.AddDays(-rng_.Between(0, 10)), effective, today);
        Progress(t, effective.AddDays(1), c, 90, false);
        Complete(t, c);
      } else {
        t.outcome = Outcome::kExtended;
        Progress(t, effective.AddDays(1), today.AddDays(1), 5 * rng_.Between(12, 17), false);
      }
      break;
    }
    case Outcome::kRefused: {
      const Date requested = Clamp(d.AddDays(-rng_.Between(4, 7)), a, today);
      const Date decided = Clamp(d.AddDays(-1), requested, today);
      Progress(t, a, requested, 5 * rng_.Between(8, 12), false);
      Step request = MakeStep(Step::Kind::kRequestExtension, requested);
      request.new_deadline = d.AddDays(rng_.Between(20, 30));
      request.text = Str(rng_.Pick(cat::kExtensionReasons));
      t.steps.push_back(request);
      Step decision = MakeStep(Step::Kind::kDecideExtension, decided);
      decision.text = Str(cat::kRefuseNote);
      t.steps.push_back(decision);
      const int room = (today - d) - 1;
      if (room >= 3) {
        const Date c = d.AddDays(rng_.Between(3, std::min(30, room)));
        Progress(t, decided.AddDays(1), c, 90, false);
        Complete(t, c);
      } else {
        Progress(t, decided.AddDays(1), today.AddDays(1), 70, true);
      }
      break;
    }
    case Outcome::kOverdue: {
      Progress(t, a, today.AddDays(1), 5 * rng_.Between(6, 14), true);
      Explain(t, Clamp(d.AddDays(rng_.Between(4, 12)), d.AddDays(1), today), false);
      break;
    }
    case Outcome::kCancelled:
    case Outcome::kWithdrawn: {
      const Date end = std::max(a, std::min(d, today));
      const Date on = Clamp(a.AddDays(rng_.Between(std::min(7, end - a), end - a)), a, today);
      Progress(t, a, on, 5 * rng_.Between(2, 8), false);
      Step cancel = MakeStep(Step::Kind::kCancel, on);
      const bool withdrawn = t.outcome == Outcome::kWithdrawn;
      cancel.cancel_kind = withdrawn ? "withdrawn" : "cancelled";
      cancel.text =
          Str(withdrawn ? rng_.Pick(cat::kWithdrawReasons) : rng_.Pick(cat::kCancelReasons));
      t.steps.push_back(cancel);
      break;
    }
    case Outcome::kPendingExtension: {
      const Date requested = Clamp(today.AddDays(-rng_.Between(1, 3)), a, today);
      Progress(t, a, requested, 5 * rng_.Between(10, 14), true);
      Step request = MakeStep(Step::Kind::kRequestExtension, requested);
      request.new_deadline = d.AddDays(30);
      request.text = Str(rng_.Pick(cat::kExtensionReasons));
      t.steps.push_back(request);
      break;
    }
    case Outcome::kOpen: {
      int percent = 50;
      if (t.deadline && d > a) percent = std::clamp((today - a) * 90 / (d - a), 10, 90);
      Progress(t, a, today.AddDays(1), percent / 5 * 5, false);
      break;
    }
  }
}

// Progress reports spread over [from, until): up to four with percentages rising from the last
// one reported to `final_percent` (a unit's progress does not go back after an extension or a
// refusal), or for ongoing tasks a short report each month.
void DemoLoader::Progress(TaskPlan& t, Date from, Date until, int final_percent, bool stalled) {
  if (!t.deadline) {
    for (Period p = Period::MonthOf(from);; p = p.Next()) {
      const Date on = Ymd(p.year, p.index, 25);
      if (on >= until) break;
      if (on < from) continue;
      Step s = MakeStep(Step::Kind::kProgress, on);
      s.text = cat::Replace(rng_.Pick(cat::kProgressOngoing), "month",
                            std::to_string(p.index) + "/" + std::to_string(p.year));
      t.steps.push_back(s);
    }
    return;
  }
  const int span = until - from;
  if (span < 8) return;
  int start = 0;
  for (const Step& s : t.steps) {
    if (s.kind == Step::Kind::kProgress && s.percent) start = *s.percent;
  }
  final_percent = std::max(final_percent, start);
  const int count = std::min(4, span / 40 + 1);
  for (int k = 1; k <= count; ++k) {
    Step s = MakeStep(Step::Kind::kProgress, from.AddDays(span * k / (count + 1)));
    const int reached = start + (final_percent - start) * k / count;
    const int percent = std::clamp(reached / 5 * 5, std::max(5, start), 95);
    std::string_view text;
    if (stalled && k == count) {
      text = rng_.Pick(cat::kProgressStalled);
    } else if (percent < 35) {
      text = rng_.Pick(cat::kProgressEarly);
    } else if (percent < 70) {
      text = rng_.Pick(cat::kProgressMiddle);
    } else {
      text = rng_.Pick(cat::kProgressLate);
    }
    s.percent = percent;
    s.text = cat::Replace(text, "noun", Noun(t));
    t.steps.push_back(s);
  }
}

void DemoLoader::Complete(TaskPlan& t, Date on) {
  Step s = MakeStep(Step::Kind::kComplete, on);
  s.text = Str(rng_.Pick(cat::kCompletionNotes));
  t.steps.push_back(s);
  t.completed_on = on;
}

void DemoLoader::Explain(TaskPlan& t, Date asked_on, bool late_completion) {
  const std::string& unit = org(t.lead).name;
  Step ask = MakeStep(Step::Kind::kRequestExplanation, asked_on);
  ask.text = late_completion
                 ? "Đề nghị " + unit +
                       " giải trình lý do hoàn thành nhiệm vụ chậm so với thời hạn được giao."
                 : "Đề nghị " + unit +
                       " giải trình lý do chưa hoàn thành nhiệm vụ đúng thời hạn, làm rõ trách "
                       "nhiệm và đề xuất thời hạn hoàn thành.";
  t.steps.push_back(ask);
  if (!rng_.Chance(800)) return;  // some answers are still awaited
  const Date answered_on = std::min(asked_on.AddDays(rng_.Between(1, 4)), today_);
  Step answer = MakeStep(Step::Kind::kAnswerExplanation, answered_on);
  answer.text = Str(rng_.Pick(cat::kDelayReasons));
  answer.text +=
      late_completion
          ? ". Đơn vị nghiêm túc rút kinh nghiệm, bảo đảm tiến độ các nhiệm vụ được giao."
          : ". Đơn vị nghiêm túc rút kinh nghiệm và cam kết hoàn thành trước ngày " +
                answered_on.AddDays(20).Vietnamese() + ".";
  t.steps.push_back(answer);
}

}  // namespace giaoban::demo::detail
