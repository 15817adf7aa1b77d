// The demo agency, loaded through the public services so that every row carries its history.
//
// The loader first plans everything as plain data (organisations, people, sources, tasks and, per
// task, a dated script of progress reports, extensions, explanations, completion or cancellation),
// drawing every choice from one std::mt19937 seeded with DemoOptions::seed, so the same seed and
// the same "today" always give the same agency. It then replays all scripts through the services
// in business-date order, each action by the person who would really do it.
#include "demo/demo.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "demo/demo_catalog.h"
#include "demo/demo_phrases.h"
#include "demo/demo_random.h"
#include "domain/period.h"
#include "service/accounts/auth.h"
#include "service/organizations/organizations.h"
#include "service/sources/sources.h"
#include "service/tasks/tasks.h"

namespace giaoban::demo {

using domain::Date;
using domain::Period;
using service::Id;

namespace cat = catalog;

namespace {

// ---------------------------------------------------------------------------------------------
// Helpers

[[noreturn]] void Fail(const std::string& what, const service::Error& e) {
  std::string message =
      "demo: " + what + " failed: " + e.code + " (HTTP " + std::to_string(e.http_status) + ")";
  for (const auto& f : e.fields) message += " " + f.field + "=" + f.code;
  throw std::runtime_error(message);
}

template <class T>
T Must(service::Expected<T> result, const std::string& what) {
  if (!result.ok()) Fail(what, result.error());
  return std::move(result).value();
}

Date Ymd(int year, int month, int day) {
  return *Date::FromYmd(year, month, std::min(day, Date::DaysInMonth(year, month)));
}

// The latest date on or before `limit` that falls on this month and day.
Date LatestOn(int month, int day, Date limit) {
  const Date d = Ymd(limit.year(), month, day);
  return d <= limit ? d : Ymd(limit.year() - 1, month, day);
}

Date Clamp(Date d, Date lo, Date hi) { return std::max(lo, std::min(d, hi)); }

int DayOfYear(Date d) { return (d - Ymd(d.year(), 1, 1)) + 1; }

std::string Str(std::string_view s) { return std::string(s); }

// ---------------------------------------------------------------------------------------------
// The plan

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

// ---------------------------------------------------------------------------------------------
// The loader

class DemoLoader {
 public:
  DemoLoader(const service::Context& ctx, const DemoOptions& options)
      : ctx_(ctx),
        options_(options),
        rng_(options.seed),
        today_(options.today),
        real_today_(ctx.Today()),
        organizations_(ctx),
        auth_(ctx),
        sources_(ctx),
        tasks_(ctx) {}

  DemoResult Run();

 private:
  void CreateOrganizations();
  void CreatePeople();
  int ProgramYear() const;
  Id CreateSource(const std::string& kind, const std::string& title, const std::string& number,
                  Date doc_date, const std::string& issuer, const std::string& summary);
  void FromSpec(TaskPlan& t, const cat::TaskSpec& spec, int year);
  void PlanPrograms(int year);
  void PlanDirectives();
  void PlanMeetings();
  int AddTask(TaskPlan plan);
  void SetProgramDeadline(TaskPlan& t, int due, int year);
  void ChooseOutcomes();
  void Convert(Outcome from, Outcome to, int wanted,
               const std::function<bool(const TaskPlan&)>& eligible);
  void Script(TaskPlan& t);
  void Progress(TaskPlan& t, Date from, Date until, int final_percent, bool stalled);
  void Complete(TaskPlan& t, Date on);
  void Explain(TaskPlan& t, Date asked_on, bool late_completion);
  void Replay();
  void RunStep(TaskPlan& t, const Step& step);
  void CreateTask(TaskPlan& t);
  void MergeDivision();

  const service::Actor& ActorOf(Id user_id);
  Id LeaderUser(const TaskPlan& t) const { return leader_users_[org(t.lead).leader]; }
  // The lead unit's head, or `fallback` for a unit without one (the merged division).
  Id HeadUser(const TaskPlan& t, Id fallback) const {
    return org(t.lead).head_user.value_or(fallback);
  }
  const OrgInfo& org(const std::string& code) const { return orgs_.at(code); }
  std::string DocNumber(std::string_view type, const std::string& org_code, Date on);
  std::string Noun(const TaskPlan& t) const { return Str(cat::Products()[t.product].noun); }

  const service::Context& ctx_;
  const DemoOptions& options_;
  Random rng_;
  const Date today_;
  const Date real_today_;  // the services refuse business dates after it
  service::OrganizationService organizations_;
  service::AuthService auth_;
  service::SourceService sources_;
  service::TaskService tasks_;

  Id province_id_ = 0;
  Id department_id_ = 0;
  std::map<std::string, OrgInfo> orgs_;  // by code, including "SGTVT" and "UBND"
  std::vector<Id> leader_users_;         // by cat::Leader
  std::vector<Id> leader_people_;
  Id admin_user_ = 0;
  Id consolidator_user_ = 0;
  std::vector<DemoAccount> accounts_;
  std::map<Id, service::Actor> actors_;
  std::optional<Date> merge_on_;
  std::vector<TaskPlan> plans_;
  std::map<std::string, int> last_number_;  // document numbering per type and year
};

DemoResult DemoLoader::Run() {
  const bool empty =
      ctx_.db().transact(storage::TransactionMode::kRead, [](storage::Connection& c) {
        return c.execute("SELECT COUNT(*) FROM organizations").one().integer(0) == 0;
      });
  if (!empty) return DemoResult{};

  CreateOrganizations();
  CreatePeople();
  merge_on_ = Period::MonthOf(today_.AddMonths(-6)).first_day();
  PlanPrograms(ProgramYear());
  PlanDirectives();
  PlanMeetings();
  ChooseOutcomes();
  for (TaskPlan& t : plans_) Script(t);
  Replay();
  MergeDivision();

  DemoResult result;
  result.loaded = true;
  result.agency_id = department_id_;
  result.tasks = static_cast<std::int64_t>(plans_.size());
  result.accounts = accounts_;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Organisations, people and accounts

void DemoLoader::CreateOrganizations() {
  auto create = [&](std::optional<Id> parent, std::string_view kind, std::string_view code,
                    std::string_view name) {
    service::OrganizationInput in;
    in.parent_id = parent;
    in.kind = Str(kind);
    in.code = Str(code);
    in.name = Str(name);
    in.place_name = Str(cat::kPlace);
    return Must(organizations_.Create(std::nullopt, in), "creating organisation " + Str(code)).id;
  };
  province_id_ = create(std::nullopt, "committee", cat::kProvinceCode, cat::kProvinceName);
  orgs_[Str(cat::kProvinceCode)] = {province_id_, Str(cat::kProvinceName)};
  department_id_ = create(province_id_, "department", cat::kDepartmentCode, cat::kDepartmentName);
  orgs_[Str(cat::kDepartmentCode)] = {department_id_, Str(cat::kDepartmentName)};
  for (const cat::OrgSpec& spec : cat::Organizations()) {
    orgs_[Str(spec.code)] = {create(department_id_, spec.kind, spec.code, spec.name),
                             Str(spec.name), spec.leader};
  }
  const cat::OrgSpec& merged = cat::kMergedDivision;
  orgs_[Str(merged.code)] = {create(department_id_, merged.kind, merged.code, merged.name),
                             Str(merged.name), merged.leader};
}

void DemoLoader::CreatePeople() {
  leader_users_.assign(4, 0);
  leader_people_.assign(4, 0);
  int leader_index = 0;
  for (const cat::PersonSpec& spec : cat::People()) {
    OrgInfo& info = orgs_.at(Str(spec.org));
    Id person_id = 0;
    std::optional<Id> user_id;
    if (!spec.username.empty()) {
      service::NewUser in;
      in.username = Str(spec.username);
      in.password = options_.password;
      in.role = *service::ParseRole(spec.role);
      in.organization_id = info.id;
      in.full_name = Str(spec.full_name);
      in.position = Str(spec.position);
      const service::User user =
          Must(auth_.CreateUser(std::nullopt, in), "creating account " + in.username);
      person_id = user.person.id;
      user_id = user.id;
      accounts_.push_back({in.username, Str(spec.role), in.full_name, in.position, info.name});
      if (spec.role == "admin") admin_user_ = user.id;
      if (spec.role == "consolidator") consolidator_user_ = user.id;
    } else {
      service::PersonInput in;
      in.organization_id = info.id;
      in.full_name = Str(spec.full_name);
      in.position = Str(spec.position);
      person_id =
          Must(organizations_.CreatePerson(std::nullopt, in), "creating person " + in.full_name).id;
    }
    if (spec.org == cat::kDepartmentCode && spec.role == "leader" && leader_index < 4) {
      leader_users_[leader_index] = *user_id;
      leader_people_[leader_index] = person_id;
      ++leader_index;
    }
    if (spec.head) info.head_user = user_id;
    if (spec.staff) {
      info.staff.push_back(person_id);
      if (user_id) info.staff_users[person_id] = *user_id;
    }
  }
}

const service::Actor& DemoLoader::ActorOf(Id user_id) {
  auto it = actors_.find(user_id);
  if (it != actors_.end()) return it->second;
  auto actor = ctx_.db().transact(storage::TransactionMode::kRead, [&](storage::Connection& c) {
    return service::LoadActor(c, user_id);
  });
  if (!actor) throw std::runtime_error("demo: no enabled user " + std::to_string(user_id));
  return actors_.emplace(user_id, *actor).first->second;
}

// ---------------------------------------------------------------------------------------------
// Sources and tasks

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

// ---------------------------------------------------------------------------------------------
// Outcomes and scripts

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

Step MakeStep(Step::Kind kind, Date date) {
  Step s;
  s.kind = kind;
  s.date = date;
  return s;
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

// Progress reports spread over [from, until): up to four with percentages rising to
// `final_percent`, or for ongoing tasks a short report each month.
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
  const int count = std::min(4, span / 40 + 1);
  for (int k = 1; k <= count; ++k) {
    Step s = MakeStep(Step::Kind::kProgress, from.AddDays(span * k / (count + 1)));
    const int percent = std::clamp(final_percent * k / count / 5 * 5, 5, 95);
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

// ---------------------------------------------------------------------------------------------
// Replaying the plan through the services

void DemoLoader::Replay() {
  struct Action {
    Date date;
    int phase;  // 0 creation, 1 a step of the task's script
    int task;
    int step;
  };
  std::vector<Action> actions;
  for (std::size_t i = 0; i < plans_.size(); ++i) {
    const int task = static_cast<int>(i);
    actions.push_back({plans_[i].assigned_on, 0, task, -1});
    for (std::size_t j = 0; j < plans_[i].steps.size(); ++j)
      actions.push_back({plans_[i].steps[j].date, 1, task, static_cast<int>(j)});
  }
  std::sort(actions.begin(), actions.end(), [](const Action& x, const Action& y) {
    return std::tie(x.date, x.phase, x.task, x.step) < std::tie(y.date, y.phase, y.task, y.step);
  });
  for (const Action& action : actions) {
    TaskPlan& t = plans_[static_cast<std::size_t>(action.task)];
    if (action.phase == 0) {
      CreateTask(t);
      continue;
    }
    const Step& step = t.steps[static_cast<std::size_t>(action.step)];
    // The services refuse business dates after the real today; a demo "today" in the future
    // simply has not happened yet.
    if (step.date > real_today_ || step.date > today_) continue;
    RunStep(t, step);
  }
}

void DemoLoader::CreateTask(TaskPlan& t) {
  const OrgInfo& lead = org(t.lead);
  std::string content = "Thực hiện " + t.source_label + ", " + lead.name + " chủ trì";
  std::vector<Id> cooperators;
  for (std::size_t i = 0; i < t.cooperators.size(); ++i) {
    const OrgInfo& other = org(t.cooperators[i]);
    cooperators.push_back(other.id);
    content += (i == 0 ? ", phối hợp với " : ", ") + other.name;
  }
  content += " tổ chức thực hiện; sản phẩm: " + Str(cat::Products()[t.product].label) +
             ". Kết quả gửi về Phòng Kế hoạch – Tài chính để tổng hợp, báo cáo Giám đốc Sở.";

  service::TaskInput in;
  in.source_id = t.source_id;
  if (t.parent >= 0) in.parent_id = plans_[static_cast<std::size_t>(t.parent)].id;
  in.title = t.title;
  in.content = content;
  in.is_key = t.key;
  in.restricted = t.restricted;
  in.lead_org_id = lead.id;
  in.cooperator_ids = cooperators;
  in.leader_id = std::optional<std::optional<Id>>(std::in_place, leader_people_[lead.leader]);
  in.assignee_ids = t.assignees;
  in.product = Str(cat::Products()[t.product].label);
  in.assigned_on = t.assigned_on;
  in.deadline = std::optional<std::optional<Date>>(std::in_place, t.deadline);
  in.deadline_label = t.deadline_label;
  t.id = Must(tasks_.Create(ActorOf(t.creator), in), "creating task \"" + t.title + "\"")
             .task.summary.id;
}

void DemoLoader::RunStep(TaskPlan& t, const Step& step) {
  const std::string what = " on task \"" + t.title + "\" (" + step.date.Iso() + ")";
  switch (step.kind) {
    case Step::Kind::kProgress: {
      // An assignee with an account reports in person; otherwise the unit's head does.
      Id author = HeadUser(t, LeaderUser(t));
      const OrgInfo& lead = org(t.lead);
      for (Id person : t.assignees) {
        if (auto it = lead.staff_users.find(person); it != lead.staff_users.end()) {
          author = it->second;
          break;
        }
      }
      service::ProgressInput in;
      in.reported_on = step.date;
      in.body = step.text;
      in.percent = step.percent;
      Must(tasks_.AddProgress(ActorOf(author), t.id, in), "progress" + what);
      break;
    }
    case Step::Kind::kRequestExtension: {
      const auto view = Must(tasks_.RequestExtension(ActorOf(HeadUser(t, consolidator_user_)), t.id,
                                                     {step.date, step.new_deadline, step.text}),
                             "extension request" + what);
      for (const auto& e : view.task.extensions) {
        if (e.state == "pending") t.extension_id = e.id;
      }
      break;
    }
    case Step::Kind::kDecideExtension: {
      if (t.extension_id == 0) return;
      // Decided on the step's date; an approval takes effect that day.
      service::ExtensionDecisionInput in{step.approve ? "approved" : "refused", step.text,
                                         step.date, std::nullopt};
      Must(tasks_.DecideExtension(ActorOf(leader_users_[cat::kDirector]), t.id, t.extension_id, in),
           "extension decision" + what);
      t.extension_id = 0;
      break;
    }
    case Step::Kind::kRequestExplanation: {
      const auto view =
          Must(tasks_.RequestExplanation(ActorOf(LeaderUser(t)), t.id, step.text, step.date),
               "explanation request" + what);
      for (const auto& e : view.task.explanations) {
        if (!e.answer) t.explanation_id = e.id;
      }
      break;
    }
    case Step::Kind::kAnswerExplanation: {
      const Id head = HeadUser(t, 0);
      if (t.explanation_id == 0 || head == 0) return;
      Must(tasks_.AnswerExplanation(ActorOf(head), t.id, t.explanation_id, step.text, step.date),
           "explanation answer" + what);
      t.explanation_id = 0;
      break;
    }
    case Step::Kind::kComplete: {
      service::CompletionInput in;
      in.completed_on = step.date;
      in.result_doc_number = DocNumber(cat::Products()[t.product].doc_type,
                                       t.merged ? Str(cat::kMergedInto) : t.lead, step.date);
      in.result_doc_date = step.date;
      in.note = step.text;
      Must(tasks_.Complete(ActorOf(HeadUser(t, LeaderUser(t))), t.id, in), "completion" + what);
      break;
    }
    case Step::Kind::kCancel: {
      service::CancellationInput in;
      in.kind = step.cancel_kind;
      in.cancelled_on = step.date;
      in.reason = step.text;
      Must(tasks_.Cancel(ActorOf(LeaderUser(t)), t.id, in), "cancellation" + what);
      break;
    }
  }
}

// Numbers documents of one type in the order they are issued, at about the yearly volume of a
// Department ("Số: 05/BC-SGTVT"; letters without a type code are "1234/SGTVT-KHTC").
std::string DemoLoader::DocNumber(std::string_view type, const std::string& org_code, Date on) {
  const int per_year = type.empty()    ? 2400
                       : type == "BC"  ? 520
                       : type == "QĐ"  ? 420
                       : type == "TTr" ? 180
                       : type == "TB"  ? 160
                       : type == "KH"  ? 150
                                       : 60;
  int& last = last_number_[Str(type) + "/" + std::to_string(on.year())];
  last = std::max(last + 1, DayOfYear(on) * per_year / 365 + 1);
  const std::string number = (last < 10 ? "0" : "") + std::to_string(last);
  if (type.empty()) return number + "/SGTVT-" + org_code;
  return number + "/" + Str(type) + "-SGTVT";
}

void DemoLoader::MergeDivision() {
  if (!merge_on_ || *merge_on_ > today_ || *merge_on_ > real_today_) return;
  const service::Actor& admin = ActorOf(admin_user_);
  const Id id = org(Str(cat::kMergedDivision.code)).id;
  const auto current = Must(organizations_.Get(admin, id), "reading the merged division");
  Must(organizations_.Merge(admin, id, current.version, org(Str(cat::kMergedInto)).id, *merge_on_),
       "merging the division");
}

}  // namespace

DemoResult LoadDemo(const service::Context& ctx, const DemoOptions& options) {
  return DemoLoader(ctx, options).Run();
}

}  // namespace giaoban::demo
