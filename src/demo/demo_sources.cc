// The demo agency's sources and the tasks they assign: the two programmes of the year, the
// province's ad-hoc documents and the monthly briefings' conclusions. Planning only: the tasks are
// written later, by the replay.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "demo/demo_loader.h"
#include "domain/period.h"

namespace giaoban::demo::detail {

using domain::Period;

// The programme year: the latest whose programmes were issued (mid-January) before today.
int DemoLoader::ProgramYear() const {
  const int year = today_.year();
  return today_ >= Ymd(year, 1, 25) ? year : year - 1;
}

Id DemoLoader::CreateSource(const std::string& kind, const std::string& title,
                            const std::string& number, Date doc_date, const std::string& issuer,
                            const std::string& summary) {
  service::SourceInput in{kind, title, number, doc_date, issuer, summary};
  return Must(sources_.Create(ActorOf(consolidator_user_), in), "creating source " + title).id;
}

void DemoLoader::FromSpec(TaskPlan& t, const cat::TaskSpec& spec, int year) {
  t.lead = Str(spec.lead);
  t.title = cat::ExpandYear(spec.title, year);
  t.product = spec.product;
  t.restricted = spec.restricted;
  std::string_view rest = spec.coop;
  while (!rest.empty()) {
    const std::size_t space = rest.find(' ');
    const std::string_view code = rest.substr(0, space);
    if (!code.empty() && code != spec.lead) t.cooperators.push_back(Str(code));
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
}

int DemoLoader::AddTask(TaskPlan t) {
  const OrgInfo& lead = org(t.lead);
  // One or two specialists of the lead unit.
  if (t.assignees.empty() && !lead.staff.empty()) {
    const int n = static_cast<int>(lead.staff.size());
    const int count = std::min(n, rng_.Chance(300) ? 2 : 1);
    const int first = rng_.Between(0, n - 1);
    for (int i = 0; i < count; ++i)
      t.assignees.push_back(lead.staff[static_cast<std::size_t>((first + i) % n)]);
  }
  if (t.creator == 0) t.creator = consolidator_user_;
  plans_.push_back(std::move(t));
  return static_cast<int>(plans_.size()) - 1;
}

// Programme deadlines are months, quarters, the year, a date, or "thường xuyên" (ongoing).
void DemoLoader::SetProgramDeadline(TaskPlan& t, int due, int year) {
  if (due == cat::kOngoing) {
    t.deadline.reset();
    t.deadline_label = "Thường xuyên";
    return;
  }
  if (due == cat::kRandomDue) {
    const int r = rng_.Between(0, 99);
    if (r < 30) {
      due = rng_.Between(2, 12);
    } else if (r < 65) {
      due = cat::Quarter(rng_.Between(1, 4));
    } else if (r < 72) {
      t.deadline = Ymd(year, 12, 31);
      t.deadline_label = Period{Period::Kind::kYear, year, 0}.Vietnamese();
      return;
    } else {
      t.deadline = Ymd(year, rng_.Between(2, 12), 5 * rng_.Between(2, 6));
      return;
    }
  }
  const Period period = due > 20 ? Period{Period::Kind::kQuarter, year, due - 20}
                                 : Period{Period::Kind::kMonth, year, due};
  t.deadline = period.last_day();
  t.deadline_label = period.Vietnamese();
  if (*t.deadline < t.assigned_on) {
    t.deadline = t.assigned_on.AddDays(30);
    t.deadline_label.clear();
  }
}

void DemoLoader::PlanPrograms(int year) {
  const std::string y = std::to_string(year);
  const Date higher_date = std::min(Ymd(year, 1, 12), today_);
  const Date key_date = std::min(Ymd(year, 1, 20), today_);
  const std::string higher_title = "Chương trình công tác năm " + y + " của UBND tỉnh";
  const std::string key_title =
      "Chương trình công tác trọng tâm năm " + y + " của Sở Giao thông vận tải";
  const Id higher = CreateSource("higher_program", higher_title, "125/QĐ-UBND", higher_date,
                                 Str(cat::kProvinceName),
                                 "Quyết định ban hành Chương trình công tác năm " + y +
                                     " của Ủy ban nhân dân tỉnh Quảng Ngãi");
  const Id key = CreateSource(
      "key_program", key_title, "15/CTr-SGTVT", key_date, Str(cat::kDepartmentName),
      "Chương trình công tác trọng tâm năm " + y + " của Sở Giao thông vận tải tỉnh Quảng Ngãi");

  for (const cat::ProgramTaskSpec& spec : cat::ProgramTasks()) {
    auto base = [&] {
      TaskPlan t;
      t.source_id = spec.higher ? higher : key;
      t.source_label = spec.higher ? higher_title + " (Quyết định số 125/QĐ-UBND)"
                                   : key_title + " (Chương trình số 15/CTr-SGTVT)";
      t.key = true;
      t.higher = spec.higher;
      // The Department assigns the province's programme a few days after receiving it.
      t.assigned_on = std::min(spec.higher ? Ymd(year, 1, 15) : key_date, today_);
      return t;
    };
    TaskPlan parent = base();
    FromSpec(parent, spec.task, year);
    SetProgramDeadline(parent, spec.task.due, year);
    const int parent_index = AddTask(std::move(parent));
    for (const cat::TaskSpec& sub : spec.subtasks) {
      TaskPlan child = base();
      FromSpec(child, sub, year);
      child.parent = parent_index;
      Date deadline = child.assigned_on.AddDays(sub.due);
      if (plans_[parent_index].deadline)
        deadline = std::min(deadline, *plans_[parent_index].deadline);
      child.deadline = deadline;
      AddTask(std::move(child));
    }
  }
}

void DemoLoader::PlanDirectives() {
  for (const cat::DirectiveSpec& spec : cat::Directives()) {
    const Date issued = LatestOn(spec.month, spec.day, today_.AddDays(-20));
    const int year = issued.year();
    const std::string title = cat::ExpandYear(spec.title, year);
    const Id source = CreateSource("ad_hoc", title, Str(spec.doc_number), issued, Str(spec.issuer),
                                   cat::ExpandYear(spec.summary, year));
    const Date assigned = std::min(issued.AddDays(rng_.Between(1, 4)), today_);
    int parent = -1;
    for (std::size_t i = 0; i < spec.tasks.size(); ++i) {
      TaskPlan t;
      t.source_id = source;
      t.source_label = title;
      FromSpec(t, spec.tasks[i], year);
      t.assigned_on = assigned;
      t.deadline = assigned.AddDays(spec.tasks[i].due);
      t.creator = leader_users_[org(t.lead).leader];
      if (spec.first_is_parent && i > 0) {
        t.parent = parent;
        t.deadline = std::min(*t.deadline, *plans_[parent].deadline);
      }
      const int index = AddTask(std::move(t));
      if (spec.first_is_parent && i == 0) parent = index;
    }
  }
}

// A briefing early each month reviews the month before; its conclusion notice assigns two to
// four tasks. The division merged mid-year still had tasks from the first briefings.
void DemoLoader::PlanMeetings() {
  const auto& pool = cat::MeetingConclusions();
  std::vector<std::size_t> order(pool.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (std::size_t i = order.size() - 1; i > 0; --i)
    std::swap(order[i], order[static_cast<std::size_t>(rng_.Between(0, static_cast<int>(i)))]);

  std::vector<std::pair<Period, Date>> notices;
  for (int back = 11; back >= 1; --back) {
    const Period reviewed = Period::MonthOf(today_.AddMonths(-back));
    const Date issued = reviewed.Next().first_day().AddDays(rng_.Between(7, 11));
    if (issued <= today_.AddDays(-5)) notices.emplace_back(reviewed, issued);
  }
  if (notices.size() > 10) notices.erase(notices.begin(), notices.end() - 10);

  std::size_t next = 0;
  std::size_t merged_used = 0;
  for (const auto& [reviewed, issued] : notices) {
    const std::string month = std::to_string(reviewed.index) + "/" + std::to_string(reviewed.year);
    const Period following = reviewed.Next();
    const std::string next_month =
        std::to_string(following.index) + "/" + std::to_string(following.year);
    const std::string title = "Thông báo kết luận giao ban tháng " + month;
    const std::string number = DocNumber("TB", "VP", issued);
    const Id source =
        CreateSource("meeting_conclusion", title, number, issued, Str(cat::kDepartmentName),
                     "Kết luận của Giám đốc Sở tại cuộc họp giao ban đánh giá kết quả thực hiện "
                     "nhiệm vụ tháng " +
                         month + ", triển khai nhiệm vụ tháng " + next_month);
    const int count = rng_.Between(2, 4);
    for (int i = 0; i < count; ++i) {
      TaskPlan t;
      t.source_id = source;
      t.source_label = title + " (số " + number + ")";
      FromSpec(t, pool[order[next++ % order.size()]], reviewed.year);
      t.assigned_on = issued;
      t.deadline = issued.AddDays(5 * rng_.Between(2, 6));
      AddTask(std::move(t));
    }
    if (merge_on_ && issued.AddDays(25) < *merge_on_ &&
        merged_used < cat::MergedDivisionTasks().size()) {
      TaskPlan t;
      t.source_id = source;
      t.source_label = title + " (số " + number + ")";
      FromSpec(t, cat::MergedDivisionTasks()[merged_used++], reviewed.year);
      t.merged = true;
      t.assigned_on = issued;
      t.deadline = std::min(issued.AddDays(15), merge_on_->AddDays(-2));
      const OrgInfo& successor = org(Str(cat::kMergedInto));
      if (!successor.staff.empty()) t.assignees.push_back(successor.staff.back());
      AddTask(std::move(t));
    }
  }
}

}  // namespace giaoban::demo::detail
