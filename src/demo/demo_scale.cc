// Synthetic data for benchmarks: one agency with many units and a year of tasks, written with bulk
// INSERTs (each statement prepared once by the connection's cache, many rows per transaction)
// instead of the services, so that 100,000 tasks load in seconds. The rows follow the same rules
// as the services' (paths, collation keys, folded search text, one 'created' event per task), so
// every list, filter and statistic behaves on them as on real data.
#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "demo/demo.h"
#include "demo/demo_catalog.h"
#include "demo/demo_phrases.h"
#include "demo/demo_random.h"
#include "domain/period.h"
#include "intl/text.h"
#include "service/accounts/auth.h"
#include "service/tasks/task_store.h"
#include "service/tasks/today_status.h"

namespace giaoban::demo {

using domain::Date;
using storage::Connection;
using storage::Param;
using storage::Value;

namespace cat = catalog;

namespace {

constexpr int kTasksPerTransaction = 5000;

Value DateValue(const std::optional<Date>& d) { return d ? Param(d->Iso()) : Value(nullptr); }

// 08:00 in Vietnam (UTC+7) on that day, in Unix milliseconds.
std::int64_t MillisOn(Date d, int minute_offset = 0) {
  return (static_cast<std::int64_t>(d.days_since_epoch()) * 86400 + 3600 + minute_offset * 60) *
         1000;
}

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

class ScaleLoader {
 public:
  ScaleLoader(const service::Context& ctx, const ScaleOptions& options)
      : ctx_(ctx), options_(options), rng_(options.seed), today_(options.today) {}

  std::int64_t Run() {
    const std::int64_t now = service::Context::NowMillis();
    ctx_.db().transact(storage::TransactionMode::kWrite, [&](Connection& c) {
      CreateOrganizations(c, now);
      CreatePeople(c, now);
      CreateSources(c, now);
    });
    BuildTemplates();
    for (int done = 0; done < options_.tasks; done += kTasksPerTransaction) {
      const int count = std::min(kTasksPerTransaction, options_.tasks - done);
      ctx_.db().transact(storage::TransactionMode::kWrite, [&](Connection& c) {
        for (int i = 0; i < count; ++i) InsertTask(c, done + i);
      });
    }
    // The rows above bypass the services, so the stored status snapshot knows nothing of them.
    ctx_.db().transact(storage::TransactionMode::kWrite,
                       [](Connection& c) { service::InvalidateSnapshot(c); });
    // Fresh statistics, so the query planner knows the new rows' shape at once (PostgreSQL's
    // autovacuum would get there later; SQLite never does by itself).
    ctx_.db().acquire()->execute_script("ANALYZE");
    return agency_id_;
  }

 private:
  std::int64_t InsertOrganization(Connection& c, std::optional<std::int64_t> parent,
                                  const std::string& parent_path, bool agency,
                                  const std::string& kind, const std::string& code,
                                  const std::string& name, std::int64_t now) {
    const std::int64_t id =
        c.execute(
             "INSERT INTO organizations (parent_id, kind, code, name, name_key, place_name, "
             "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
             {Param(parent), Param(kind), Param(code), Param(name), Param(intl::CollationKey(name)),
              Param(std::string(cat::kPlace)), Param(now)})
            .one()
            .integer(0);
    c.execute("UPDATE organizations SET path = $1, agency_id = $2 WHERE id = $3",
              {Param(parent_path + std::to_string(id) + "/"), Param(agency ? id : agency_id_),
               Param(id)});
    return id;
  }

  void CreateOrganizations(Connection& c, std::int64_t now) {
    // Several benchmark agencies may share one database: number the roots.
    const std::int64_t roots =
        c.execute("SELECT COUNT(*) FROM organizations WHERE parent_id IS NULL").one().integer(0);
    const std::string suffix = roots == 0 ? "" : " " + std::to_string(roots + 1);
    const std::string code_suffix = roots == 0 ? "" : std::to_string(roots + 1);
    const std::int64_t root =
        InsertOrganization(c, std::nullopt, "/", true, "committee", "UBNDTT" + code_suffix,
                           "UBND tỉnh (dữ liệu thử tải" + suffix + ")", now);
    root_path_ = "/" + std::to_string(root) + "/";
    agency_id_ = InsertOrganization(c, root, root_path_, true, "department", "SXD",
                                    "Sở Xây dựng (dữ liệu thử tải" + suffix + ")", now);
    agency_path_ = root_path_ + std::to_string(agency_id_) + "/";
    const auto& specs = cat::Organizations();
    const int count = std::max(1, options_.organizations);
    for (int i = 0; i < count; ++i) {
      const cat::OrgSpec& spec = specs[static_cast<std::size_t>(i) % specs.size()];
      const int round = i / static_cast<int>(specs.size());
      Unit unit;
      unit.code = std::string(spec.code) + (round ? std::to_string(round + 1) : "");
      const std::string name =
          std::string(spec.name) + (round ? " " + std::to_string(round + 1) : "");
      unit.id = InsertOrganization(c, agency_id_, agency_path_, false, std::string(spec.kind),
                                   unit.code, name, now);
      units_.push_back(unit);
    }
  }

  std::string PersonName() {
    static const std::vector<std::string> kFamily = {
        "Nguyễn", "Trần", "Lê",  "Phạm", "Hoàng", "Huỳnh", "Phan",  "Vũ",
        "Võ",     "Đặng", "Bùi", "Đỗ",   "Hồ",    "Ngô",   "Dương", "Lý"};
    static const std::vector<std::string> kMiddle = {"Văn",   "Thị",  "Minh", "Đức",
                                                     "Thanh", "Quốc", "Hữu",  "Ngọc"};
    static const std::vector<std::string> kGiven = {
        "An",    "Bình",  "Cường", "Dũng",  "Hà",   "Hải",  "Hạnh",  "Hùng",
        "Hương", "Khánh", "Lan",   "Long",  "Mai",  "Nam",  "Phong", "Quang",
        "Sơn",   "Tâm",   "Thảo",  "Trang", "Tuấn", "Vinh", "Yến",   "Thịnh"};
    return rng_.Pick(kFamily) + " " + rng_.Pick(kMiddle) + " " + rng_.Pick(kGiven);
  }

  std::int64_t InsertPerson(Connection& c, std::int64_t org, const std::string& position,
                            std::int64_t now) {
    const std::string name = PersonName();
    return c
        .execute(
            "INSERT INTO people (organization_id, full_name, name_key, name_fold, position, "
            "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
            {Param(org), Param(name), Param(intl::CollationKey(name)), Param(intl::Fold(name)),
             Param(position), Param(now)})
        .one()
        .integer(0);
  }

  std::int64_t InsertUser(Connection& c, std::int64_t person, const std::string& username,
                          const std::string& role, std::int64_t now) {
    return c
        .execute(
            "INSERT INTO users (person_id, username, password_hash, role, created_at, updated_at) "
            "VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
            {Param(person), Param(username), Param(password_hash_), Param(role), Param(now)})
        .one()
        .integer(0);
  }

  // A director and three deputies, a consolidator, and per unit a head and a specialist. Every
  // account has the demo's default password, hashed once.
  void CreatePeople(Connection& c, std::int64_t now) {
    password_hash_ = service::HashPassword(DemoOptions{}.password);
    const std::string prefix = "sx" + std::to_string(agency_id_) + ".";
    std::vector<std::int64_t> leader_people, leader_users;
    for (int i = 0; i < 4; ++i) {
      const std::int64_t person =
          InsertPerson(c, agency_id_, i == 0 ? "Giám đốc" : "Phó Giám đốc", now);
      leader_people.push_back(person);
      leader_users.push_back(InsertUser(
          c, person, prefix + (i == 0 ? "giamdoc" : "pgd" + std::to_string(i)), "leader", now));
    }
    director_user_ = leader_users[0];
    const std::int64_t consolidator =
        InsertPerson(c, units_.front().id, "Chuyên viên tổng hợp", now);
    consolidator_user_ = InsertUser(c, consolidator, prefix + "khtc", "consolidator", now);
    for (std::size_t i = 0; i < units_.size(); ++i) {
      Unit& u = units_[i];
      const std::int64_t head = InsertPerson(c, u.id, "Trưởng phòng", now);
      u.head_user = InsertUser(c, head, prefix + "tp" + std::to_string(i + 1), "unit_head", now);
      u.specialist = InsertPerson(c, u.id, "Chuyên viên", now);
      u.leader = leader_people[1 + i % 3];
      u.leader_user = leader_users[1 + i % 3];
    }
  }

  void InsertSource(Connection& c, const std::string& kind, const std::string& title,
                    const std::string& number, Date doc_date, const std::string& issuer,
                    std::int64_t now) {
    const std::string summary = title;
    const std::int64_t id =
        c.execute(
             "INSERT INTO sources (agency_id, kind, title, doc_number, doc_date, issuer, summary, "
             "search_fold, created_by, created_at, updated_at) "
             "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
             {Param(agency_id_), Param(kind), Param(title), Param(number), Param(doc_date.Iso()),
              Param(issuer), Param(summary),
              Param(intl::Fold(title + " " + number + " " + issuer + " " + summary)),
              Param(consolidator_user_), Param(now)})
            .one()
            .integer(0);
    sources_[kind].push_back({id, kind, number, doc_date});
  }

  // Programmes of this year and the last, ad-hoc documents and directives spread over the year,
  // and a briefing conclusion each month; each kind sorted by date.
  void CreateSources(Connection& c, std::int64_t now) {
    const std::string province = "UBND tỉnh (dữ liệu thử tải)";
    const std::string agency = "Sở Xây dựng (dữ liệu thử tải)";
    for (int year = today_.year() - 1; year <= today_.year(); ++year) {
      const std::string y = std::to_string(year);
      const Date issued = std::min(*Date::FromYmd(year, 1, 12), today_);
      InsertSource(c, "higher_program", "Chương trình công tác năm " + y + " của UBND tỉnh",
                   "125/QĐ-UBND", issued, province, now);
      InsertSource(c, "key_program", "Chương trình công tác trọng tâm năm " + y + " của Sở",
                   "15/CTr-SXD", issued.AddDays(8), agency, now);
    }
    const auto& directives = cat::Directives();
    for (int i = 0; i < 8; ++i) {
      const Date issued = today_.AddDays(-365 + 45 * i);
      const cat::DirectiveSpec& d = directives[static_cast<std::size_t>(i) % directives.size()];
      InsertSource(c, "ad_hoc", cat::ExpandYear(d.title, issued.year()), std::string(d.doc_number),
                   issued, std::string(d.issuer), now);
    }
    for (int i = 0; i < 2; ++i) {
      const Date issued = today_.AddDays(-300 + 150 * i);
      InsertSource(c, "directive",
                   "Chỉ thị số 0" + std::to_string(i + 1) +
                       "/CT-UBND về tăng cường kỷ luật, "
                       "kỷ cương hành chính",
                   "0" + std::to_string(i + 1) + "/CT-UBND", issued, province, now);
    }
    for (int back = 12; back >= 1; --back) {
      const domain::Period month = domain::Period::MonthOf(today_.AddMonths(-back));
      const Date issued = month.Next().first_day().AddDays(8);
      if (issued > today_) continue;
      InsertSource(c, "meeting_conclusion",
                   "Thông báo kết luận giao ban tháng " + std::to_string(month.index) + "/" +
                       std::to_string(month.year),
                   std::to_string(100 + 13 * (12 - back)) + "/TB-SXD", issued, agency, now);
    }
  }

  void BuildTemplates() {
    const int year = today_.year();
    auto add = [&](const cat::TaskSpec& spec) {
      Template t;
      t.title = cat::ExpandYear(spec.title, year);
      t.key = intl::CollationKey(t.title);
      t.fold = intl::Fold(t.title);
      t.product = spec.product;
      templates_.push_back(std::move(t));
    };
    for (const auto& p : cat::ProgramTasks()) {
      add(p.task);
      for (const auto& s : p.subtasks) add(s);
    }
    for (const auto& d : cat::Directives()) {
      for (const auto& t : d.tasks) add(t);
    }
    for (const auto& t : cat::MeetingConclusions()) add(t);
    uses_.assign(templates_.size(), 0);
    for (const auto& p : cat::Products()) {
      contents_.push_back("Đơn vị chủ trì tổ chức thực hiện, báo cáo kết quả; sản phẩm: " +
                          std::string(p.label) + ".");
      progress_texts_.push_back(cat::Replace(cat::kProgressMiddle.front(), "noun", p.noun));
    }
  }

  // The latest source of `kind` issued on or before `on`, else the first one.
  const SourceRow& SourceFor(const std::string& kind, Date on) const {
    const auto& list = sources_.at(kind);
    const SourceRow* best = &list.front();
    for (const SourceRow& s : list) {
      if (s.doc_date <= on) best = &s;
    }
    return *best;
  }

  void InsertTask(Connection& c, int index) {
    const Template& tpl = rng_.Pick(templates_);
    const std::size_t tpl_index = static_cast<std::size_t>(&tpl - templates_.data());
    const int number = ++uses_[tpl_index];
    const Unit& unit = rng_.Pick(units_);

    // Source and dates.
    const int kind_roll = rng_.Between(0, 99);
    const std::string kind = kind_roll < 15   ? "higher_program"
                             : kind_roll < 40 ? "key_program"
                             : kind_roll < 75 ? "ad_hoc"
                             : kind_roll < 95 ? "meeting_conclusion"
                                              : "directive";
    Date assigned = today_.AddDays(-rng_.Between(1, 365));
    const SourceRow& source = SourceFor(kind, assigned);
    assigned = std::min(today_, std::max(assigned, source.doc_date));
    std::optional<Date> deadline;
    std::string label;
    if (rng_.Chance(100)) {
      label = "Thường xuyên";
    } else {
      deadline = assigned.AddDays(rng_.Between(14, 150));
      if (rng_.Chance(200)) {
        const domain::Period quarter{domain::Period::Kind::kQuarter, deadline->year(),
                                     (deadline->month() + 2) / 3};
        deadline = quarter.last_day();
        label = quarter.Vietnamese();
      }
    }

    // An approved extension for about one task in twenty.
    std::optional<Date> extended_on, new_deadline;
    if (deadline && rng_.Chance(55)) {
      const Date effective = std::max(assigned, deadline->AddDays(-rng_.Between(1, 5)));
      if (effective <= today_) {
        extended_on = effective;
        new_deadline = deadline->AddDays(rng_.Between(15, 60));
      }
    }
    const std::optional<Date> in_force = new_deadline ? new_deadline : deadline;

    // Outcome as of today: mostly completed on time, a few late, overdue or cancelled.
    std::optional<Date> completed_on, cancelled_on;
    const int roll = rng_.Between(0, 999);
    if (!in_force) {
      if (roll < 30) cancelled_on = assigned.AddDays(rng_.Between(0, today_ - assigned));
    } else if (*in_force < today_) {
      const int room = (today_ - *in_force) - 1;
      if (roll < 25) {
        // overdue: left open
      } else if (roll < 45) {
        cancelled_on = std::min(today_, assigned.AddDays(rng_.Between(0, *in_force - assigned)));
      } else if (roll < 110 && room >= 1) {
        completed_on = in_force->AddDays(rng_.Between(1, std::min(40, room)));
      } else {
        completed_on = std::max(
            assigned, in_force->AddDays(-rng_.Between(0, std::min(20, *in_force - assigned))));
      }
    } else if (roll < 350 && today_ > assigned) {
      completed_on =
          std::min(*in_force, assigned.AddDays(rng_.Between(0, (today_ - assigned) - 1)));
    } else if (roll < 365) {
      cancelled_on = assigned.AddDays(rng_.Between(0, today_ - assigned));
    }
    if (cancelled_on) {
      extended_on.reset();
      new_deadline.reset();
    } else if (completed_on && extended_on) {
      completed_on = std::max(*completed_on, *extended_on);
    }

    const std::string title = tpl.title + " (đợt " + std::to_string(number) + ")";
    const std::string& content = contents_[tpl.product];
    const std::string product(cat::Products()[tpl.product].label);
    // TaskSearchFold(title, content, product, doc_number), built from parts folded once.
    auto& tail = tails_[{source.id, static_cast<int>(tpl.product)}];
    if (tail.empty()) tail = intl::Fold(source.doc_number + " " + product + " " + content);
    const std::string fold = tpl.fold + " dot " + std::to_string(number) + " " + tail;
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "00%08x", static_cast<unsigned>(number));
    const bool key = kind == "higher_program" || kind == "key_program";
    const Date last_change = completed_on ? *completed_on : cancelled_on ? *cancelled_on : assigned;
    const std::int64_t created_at = MillisOn(assigned, index % 600);
    const bool withdrawn = cancelled_on && kind == "higher_program" && rng_.Chance(500);

    const std::int64_t id =
        c.execute(
             "INSERT INTO tasks (agency_id, source_id, source_kind, title, title_key, content, "
             "is_key, lead_org_id, leader_id, product, assigned_on, deadline, deadline_label, "
             "progress, completed_on, result_doc_number, result_doc_date, cancelled_on, "
             "cancel_kind, cancel_reason, cancel_approver_id, extended_on, search_fold, "
             "created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
             "$10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, "
             "$26) RETURNING id",
             {Param(agency_id_),
              Param(source.id),
              Param(kind),
              Param(title),
              Param(tpl.key + suffix),
              Param(content),
              Param(key),
              Param(unit.id),
              Param(unit.leader),
              Param(product),
              Param(assigned.Iso()),
              DateValue(deadline),
              Param(label),
              Param(completed_on ? 100 : 0),
              DateValue(completed_on),
              completed_on ? Param(std::to_string(index % 900 + 1) + "/BC-SXD") : Param(""),
              DateValue(completed_on),
              DateValue(cancelled_on),
              cancelled_on ? Param(withdrawn ? "withdrawn" : "cancelled") : Value(nullptr),
              cancelled_on ? Param(std::string(cat::kCancelReasons.front())) : Param(""),
              cancelled_on ? Param(unit.leader) : Value(nullptr),
              DateValue(extended_on),
              Param(fold),
              Param(consolidator_user_),
              Param(created_at),
              Param(MillisOn(last_change, index % 600))})
            .one()
            .integer(0);

    c.execute("INSERT INTO task_assignees (task_id, person_id) VALUES ($1, $2)",
              {Param(id), Param(unit.specialist)});
    if (units_.size() > 1 && rng_.Chance(100)) {
      const Unit& other =
          units_[(static_cast<std::size_t>(&unit - units_.data()) + 1 +
                  static_cast<std::size_t>(rng_.Between(0, static_cast<int>(units_.size()) - 2))) %
                 units_.size()];
      c.execute("INSERT INTO task_cooperators (task_id, organization_id) VALUES ($1, $2)",
                {Param(id), Param(other.id)});
    }
    if (extended_on) {
      c.execute(
          "INSERT INTO task_extensions (task_id, previous_deadline, requested_deadline, reason, "
          "requested_by, requested_at, requested_on, state, decided_by, decided_at, decided_on, "
          "decision_note, effective_on) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, 'approved', $8, $9, $10, $11, $10)",
          {Param(id), DateValue(deadline), Param(new_deadline->Iso()),
           Param(std::string(cat::kExtensionReasons.front())), Param(unit.head_user),
           Param(MillisOn(extended_on->AddDays(-2))), Param(extended_on->AddDays(-2).Iso()),
           Param(director_user_), Param(MillisOn(*extended_on)), Param(extended_on->Iso()),
           Param(std::string(cat::kApproveNote))});
    }
    // A progress report for about half the tasks, between assignment and the end of the work.
    const Date end = completed_on ? *completed_on : cancelled_on ? *cancelled_on : today_;
    if (end - assigned >= 4 && rng_.Chance(500)) {
      const Date reported = assigned.AddDays((end - assigned) * rng_.Between(30, 90) / 100);
      const int percent = 5 * rng_.Between(2, 18);
      c.execute(
          "INSERT INTO task_updates (task_id, reported_on, body, percent, author_id, recorded_at) "
          "VALUES ($1, $2, $3, $4, $5, $6)",
          {Param(id), Param(reported.Iso()), Param(progress_texts_[tpl.product]), Param(percent),
           Param(unit.head_user), Param(MillisOn(reported, 30))});
      if (!completed_on)
        c.execute("UPDATE tasks SET progress = $1 WHERE id = $2", {Param(percent), Param(id)});
    }
    boost::json::object after{
        {"title", title},
        {"lead_org_id", unit.id},
        {"source_id", source.id},
        {"assigned_on", assigned.Iso()},
        {"deadline", deadline ? boost::json::value(deadline->Iso()) : boost::json::value(nullptr)},
        {"deadline_label", label}};
    c.execute(
        "INSERT INTO events (agency_id, entity, entity_id, task_id, action, actor_user_id, "
        "recorded_at, after_json, occurred_on) VALUES ($1, 'task', $2, $2, 'created', $3, $4, $5, "
        "$6)",
        {Param(agency_id_), Param(id), Param(consolidator_user_), Param(created_at),
         Param(boost::json::serialize(after)), Param(assigned.Iso())});
  }

  const service::Context& ctx_;
  const ScaleOptions& options_;
  Random rng_;
  const Date today_;
  std::int64_t agency_id_ = 0;
  std::string root_path_;
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
};

}  // namespace

std::int64_t LoadScaleData(const service::Context& ctx, const ScaleOptions& options) {
  return ScaleLoader(ctx, options).Run();
}

}  // namespace giaoban::demo
