// The demo agency, loaded through the public services so that every row carries its history.
//
// The loader first plans everything as plain data (organisations, people, sources, tasks and, per
// task, a dated script of progress reports, extensions, explanations, completion or cancellation),
// drawing every choice from one std::mt19937 seeded with DemoOptions::seed, so the same seed and
// the same "today" always give the same agency. It then replays all scripts through the services
// in business-date order, each action by the person who would really do it.
#include "demo/demo.h"

#include <optional>
#include <stdexcept>
#include <string>

#include "demo/demo_loader.h"
#include "domain/period.h"

namespace giaoban::demo {
namespace detail {

using domain::Period;

[[noreturn]] void Fail(const std::string& what, const service::Error& e) {
  std::string message = "demo: " + what + " failed: " + e.code;
  for (const auto& f : e.fields) message += " " + f.field + "=" + f.code;
  throw std::runtime_error(message);
}

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
  ReportCycle();

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

void DemoLoader::MergeDivision() {
  if (!merge_on_ || *merge_on_ > today_ || *merge_on_ > real_today_) return;
  const service::Actor& admin = ActorOf(admin_user_);
  const Id id = org(Str(cat::kMergedDivision.code)).id;
  const auto current = Must(organizations_.Get(admin, id), "reading the merged division");
  Must(organizations_.Merge(admin, id, current.version, org(Str(cat::kMergedInto)).id, *merge_on_),
       "merging the division");
}

}  // namespace detail

DemoResult LoadDemo(const service::Context& ctx, const DemoOptions& options) {
  return detail::DemoLoader(ctx, options).Run();
}

}  // namespace giaoban::demo
