// The benchmark tasks: what the seeded generator draws for each (template, unit, source, dates,
// extension, outcome as of today) and the rows that record it (the task, its assignee and
// cooperator, extension, progress report and 'created' event). Every draw happens in a fixed
// order, so a seed gives the same data set on every run.
#include <array>
#include <boost/json.hpp>
#include <cstdio>
#include <string>

#include "demo/demo_phrases.h"
#include "demo/demo_scale_loader.h"
#include "domain/period.h"
#include "intl/text.h"

namespace giaoban::demo::scale {

using storage::Param;
using storage::Value;

namespace {

Value DateValue(const std::optional<Date>& d) { return d ? Param(d->Iso()) : Value(nullptr); }

// 08:00 in Vietnam (UTC+7) on that day, in Unix milliseconds.
std::int64_t MillisOn(Date d, int minute_offset = 0) {
  return (static_cast<std::int64_t>(d.days_since_epoch()) * 86400 + 3600 + minute_offset * 60) *
         1000;
}

std::string TitleOf(const TaskDraw& d) {
  return d.tpl->title + " (đợt " + std::to_string(d.number) + ")";
}

}  // namespace

void ScaleLoader::AddTask(Connection& c, std::int64_t id, int index) {
  TaskDraw d = DrawTask();
  DrawDetails(d);
  AddTaskRow(c, id, d, index);
  AddTaskDetails(c, id, d, index);
}

std::array<storage::BulkInsert*, 6> ScaleLoader::TaskBatches() {
  // Parents before the rows that refer to them.
  return {&tasks_, &assignees_, &cooperators_, &extensions_, &updates_, &events_};
}

void ScaleLoader::FlushTasks(Connection& c) {
  for (storage::BulkInsert* table : TaskBatches()) table->Flush(c);
}

void ScaleLoader::DiscardTasks() {
  for (storage::BulkInsert* table : TaskBatches()) table->Discard();
}

TaskDraw ScaleLoader::DrawTask() {
  TaskDraw d;
  d.tpl = &rng_.Pick(templates_);
  d.number = ++uses_[static_cast<std::size_t>(d.tpl - templates_.data())];
  d.unit = &rng_.Pick(units_);
  DrawSchedule(d);
  DrawOutcome(d);
  d.withdrawn = d.cancelled_on && d.kind == "higher_program" && rng_.Chance(500);
  return d;
}

// The source, the assignment date and the deadline; an approved extension for about one task in
// twenty.
void ScaleLoader::DrawSchedule(TaskDraw& d) {
  const int kind_roll = rng_.Between(0, 99);
  d.kind = kind_roll < 15   ? "higher_program"
           : kind_roll < 40 ? "key_program"
           : kind_roll < 75 ? "ad_hoc"
           : kind_roll < 95 ? "meeting_conclusion"
                            : "directive";
  const Date drawn = today_.AddDays(-rng_.Between(1, 365 * std::max(1, options_.years)));
  d.source = &SourceFor(d.kind, drawn);
  d.assigned = std::min(today_, std::max(drawn, d.source->doc_date));
  if (rng_.Chance(100)) {
    d.label = "Thường xuyên";
  } else {
    d.deadline = d.assigned.AddDays(rng_.Between(14, 150));
    if (rng_.Chance(200)) {
      const domain::Period quarter{domain::Period::Kind::kQuarter, d.deadline->year(),
                                   (d.deadline->month() + 2) / 3};
      d.deadline = quarter.last_day();
      d.label = quarter.Vietnamese();
    }
  }

  if (d.deadline && rng_.Chance(55)) {
    const Date effective = std::max(d.assigned, d.deadline->AddDays(-rng_.Between(1, 5)));
    if (effective <= today_) {
      d.extended_on = effective;
      d.new_deadline = d.deadline->AddDays(rng_.Between(15, 60));
    }
  }
}

// The state as of today: mostly completed on time, a few late, overdue or cancelled.
void ScaleLoader::DrawOutcome(TaskDraw& d) {
  const Date assigned = d.assigned;
  const std::optional<Date> in_force = d.new_deadline ? d.new_deadline : d.deadline;
  const int roll = rng_.Between(0, 999);
  if (!in_force) {
    if (roll < 30) {
      d.cancelled_on = assigned.AddDays(rng_.Between(0, today_ - assigned));
    } else if (assigned.year() < today_.year()) {
      // A recurring task ends with its programme's year.
      d.completed_on = *Date::FromYmd(assigned.year(), 12, 31);
    }
  } else if (*in_force < today_) {
    const int room = (today_ - *in_force) - 1;
    if (roll < 25) {
      // overdue: left open
    } else if (roll < 45) {
      d.cancelled_on = std::min(today_, assigned.AddDays(rng_.Between(0, *in_force - assigned)));
    } else if (roll < 110 && room >= 1) {
      d.completed_on = in_force->AddDays(rng_.Between(1, std::min(40, room)));
    } else {
      d.completed_on = std::max(
          assigned, in_force->AddDays(-rng_.Between(0, std::min(20, *in_force - assigned))));
    }
  } else if (roll < 350 && today_ > assigned) {
    d.completed_on =
        std::min(*in_force, assigned.AddDays(rng_.Between(0, (today_ - assigned) - 1)));
  } else if (roll < 365) {
    d.cancelled_on = assigned.AddDays(rng_.Between(0, today_ - assigned));
  }
  if (d.cancelled_on) {
    d.extended_on.reset();
    d.new_deadline.reset();
  } else if (d.completed_on && d.extended_on) {
    d.completed_on = std::max(*d.completed_on, *d.extended_on);
  }
}

void ScaleLoader::AddTaskRow(Connection& c, std::int64_t id, const TaskDraw& d, int index) {
  const Template& tpl = *d.tpl;
  const Unit& unit = *d.unit;
  const std::string& content = contents_[tpl.product];
  const std::string product(cat::Products()[tpl.product].label);
  // TaskSearchFold(title, content, product, doc_number), built from parts folded once.
  auto& tail = tails_[{d.source->id, static_cast<int>(tpl.product)}];
  if (tail.empty()) tail = intl::Fold(d.source->doc_number + " " + product + " " + content);
  const std::string fold = tpl.fold + " dot " + std::to_string(d.number) + " " + tail;
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, "00%08x", static_cast<unsigned>(d.number));
  const bool key = d.kind == "higher_program" || d.kind == "key_program";
  const Date last_change = d.completed_on   ? *d.completed_on
                           : d.cancelled_on ? *d.cancelled_on
                                            : d.assigned;
  const bool cancelled = d.cancelled_on.has_value();

  tasks_.Add(
      {Param(id),
       Param(agency_id_),
       Param(d.source->id),
       Param(d.kind),
       Param(TitleOf(d)),
       Param(tpl.key + suffix),
       Param(content),
       Param(key),
       Param(unit.id),
       Param(unit.leader),
       Param(product),
       Param(d.assigned.Iso()),
       DateValue(d.deadline),
       Param(d.label),
       Param(d.completed_on ? 100
             : d.update     ? d.update->percent
                            : 0),
       DateValue(d.completed_on),
       d.completed_on ? Param(std::to_string(index % 900 + 1) + "/BC-" + agency_code_) : Param(""),
       DateValue(d.completed_on),
       DateValue(d.cancelled_on),
       cancelled ? Param(d.withdrawn ? "withdrawn" : "cancelled") : Value(nullptr),
       cancelled ? Param(std::string(cat::kCancelReasons.front())) : Param(""),
       cancelled ? Param(unit.leader) : Value(nullptr),
       DateValue(d.extended_on),
       Param(fold),
       Param(consolidator_user_),
       Param(MillisOn(d.assigned, index % 600)),
       Param(MillisOn(last_change, index % 600))});
}

// The draws for the rows around the task, in the order the generator has always made them: a
// cooperating unit for about one task in a hundred, a progress report for about half.
void ScaleLoader::DrawDetails(TaskDraw& d) {
  const Unit& unit = *d.unit;
  if (units_.size() > 1 && rng_.Chance(100)) {
    d.cooperator =
        &units_[(static_cast<std::size_t>(&unit - units_.data()) + 1 +
                 static_cast<std::size_t>(rng_.Between(0, static_cast<int>(units_.size()) - 2))) %
                units_.size()];
  }
  // Reported between assignment and the end of the work.
  const Date end = d.completed_on ? *d.completed_on : d.cancelled_on ? *d.cancelled_on : today_;
  if (end - d.assigned >= 4 && rng_.Chance(500)) {
    const Date reported = d.assigned.AddDays((end - d.assigned) * rng_.Between(30, 90) / 100);
    d.update = TaskDraw::Update{reported, 5 * rng_.Between(2, 18)};
  }
}

// The rows around the task: its assignee, the cooperating unit, the approved extension, the
// progress report, and the 'created' event every task has.
void ScaleLoader::AddTaskDetails(Connection& c, std::int64_t id, const TaskDraw& d, int index) {
  const Unit& unit = *d.unit;
  assignees_.Add({Param(id), Param(unit.specialist)});
  if (d.cooperator) cooperators_.Add({Param(id), Param(d.cooperator->id)});
  if (d.extended_on) {
    const Date requested = d.extended_on->AddDays(-2);
    extensions_.Add({Param(id), DateValue(d.deadline), Param(d.new_deadline->Iso()),
                     Param(std::string(cat::kExtensionReasons.front())), Param(unit.head_user),
                     Param(MillisOn(requested)), Param(requested.Iso()), Param("approved"),
                     Param(director_user_), Param(MillisOn(*d.extended_on)),
                     Param(d.extended_on->Iso()), Param(std::string(cat::kApproveNote)),
                     Param(d.extended_on->Iso())});
  }
  if (d.update) {
    updates_.Add({Param(id), Param(d.update->reported.Iso()),
                  Param(progress_texts_[d.tpl->product]), Param(d.update->percent),
                  Param(unit.head_user), Param(MillisOn(d.update->reported, 30))});
  }
  boost::json::object after{{"title", TitleOf(d)},
                            {"lead_org_id", unit.id},
                            {"source_id", d.source->id},
                            {"assigned_on", d.assigned.Iso()},
                            {"deadline", d.deadline ? boost::json::value(d.deadline->Iso())
                                                    : boost::json::value(nullptr)},
                            {"deadline_label", d.label}};
  events_.Add({Param(agency_id_), Param("task"), Param(id), Param(id), Param("created"),
               Param(consolidator_user_), Param(MillisOn(d.assigned, index % 600)),
               Param(boost::json::serialize(after)), Param(d.assigned.Iso())});
}

}  // namespace giaoban::demo::scale
