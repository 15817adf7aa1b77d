// The loader of the demo agency, declared here because its work is spread over several files by
// phase: demo.cc (organisations, people, the run), demo_sources.cc (sources and the tasks they
// assign), demo_history.cc (outcomes and scripts) and demo_replay.cc (the scripts through the
// services). Not part of the demo's interface, which is demo.h.
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "demo/demo.h"
#include "demo/demo_catalog.h"
#include "demo/demo_plan.h"
#include "demo/demo_random.h"
#include "domain/date.h"
#include "service/accounts/auth.h"
#include "service/organizations/organizations.h"
#include "service/sources/sources.h"
#include "service/tasks/tasks.h"

namespace giaoban::demo::detail {

// ---------------------------------------------------------------------------------------------
// Helpers

// Throws with the error's code and fields: a demo that cannot load is a defect, not a user error.
[[noreturn]] void Fail(const std::string& what, const service::Error& e);

template <class T>
T Must(service::Expected<T> result, const std::string& what) {
  if (!result.ok()) Fail(what, result.error());
  return std::move(result).value();
}

inline Date Ymd(int year, int month, int day) {
  return *Date::FromYmd(year, month, std::min(day, Date::DaysInMonth(year, month)));
}

// The latest date on or before `limit` that falls on this month and day.
inline Date LatestOn(int month, int day, Date limit) {
  const Date d = Ymd(limit.year(), month, day);
  return d <= limit ? d : Ymd(limit.year() - 1, month, day);
}

inline Date Clamp(Date d, Date lo, Date hi) { return std::max(lo, std::min(d, hi)); }

inline int DayOfYear(Date d) { return (d - Ymd(d.year(), 1, 1)) + 1; }

inline std::string Str(std::string_view s) { return std::string(s); }

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
  // Organisations, people and accounts (demo.cc).
  void CreateOrganizations();
  void CreatePeople();
  const service::Actor& ActorOf(Id user_id);
  void MergeDivision();

  // Sources and the tasks they assign (demo_sources.cc).
  int ProgramYear() const;
  Id CreateSource(const std::string& kind, const std::string& title, const std::string& number,
                  Date doc_date, const std::string& issuer, const std::string& summary);
  void FromSpec(TaskPlan& t, const cat::TaskSpec& spec, int year);
  void PlanPrograms(int year);
  void PlanDirectives();
  void PlanMeetings();
  int AddTask(TaskPlan plan);
  void SetProgramDeadline(TaskPlan& t, int due, int year);

  // Outcomes and scripts (demo_history.cc).
  void ChooseOutcomes();
  void Convert(Outcome from, Outcome to, int wanted,
               const std::function<bool(const TaskPlan&)>& eligible);
  void Script(TaskPlan& t);
  void Progress(TaskPlan& t, Date from, Date until, int final_percent, bool stalled);
  void Complete(TaskPlan& t, Date on);
  void Explain(TaskPlan& t, Date asked_on, bool late_completion);

  // The units' monthly reports of the last months (demo_reports.cc).
  void SetReportSettings();
  void ReportCycle();
  void IssueReport(const domain::ReportingPeriod& period, Date day, bool replaced);
  // The scripts through the services (demo_replay.cc).
  void Replay();
  void RunStep(TaskPlan& t, const Step& step);
  void CreateTask(TaskPlan& t);
  std::string DocNumber(std::string_view type, const std::string& org_code, Date on);

  Id LeaderUser(const TaskPlan& t) const { return leader_users_[org(t.lead).leader]; }
  // The lead unit's head, or `fallback` for a unit without one (the merged division).
  Id HeadUser(const TaskPlan& t, Id fallback) const {
    return org(t.lead).head_user.value_or(fallback);
  }
  const OrgInfo& org(const std::string& code) const { return orgs_.at(code); }
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

}  // namespace giaoban::demo::detail
