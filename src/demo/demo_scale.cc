// Synthetic data for benchmarks: agencies with many units and years of tasks, written with bulk
// INSERTs (each statement prepared once by the connection's cache, many rows per transaction)
// instead of the services, so that 100,000 tasks load in seconds. The rows follow the same rules
// as the services' (paths, collation keys, folded search text, one 'created' event per task), so
// every list, filter and statistic behaves on them as on real data.
//
// This file writes the province, its agencies with their people and sources; demo_scale_tasks.cc
// the tasks.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "demo/demo.h"
#include "demo/demo_catalog.h"
#include "demo/demo_phrases.h"
#include "demo/demo_scale_loader.h"
#include "domain/period.h"
#include "intl/text.h"
#include "service/accounts/auth.h"
#include "service/tasks/today_status.h"

namespace giaoban::demo {
namespace scale {

using storage::Param;

namespace {

constexpr int kTasksPerTransaction = 5000;

// The departments of a province, in the order the benchmark's agencies take them.
struct Department {
  const char* code;
  const char* name;
};
constexpr Department kDepartments[] = {
    {"SXD", "Sở Xây dựng"},
    {"SGTVT", "Sở Giao thông vận tải"},
    {"STC", "Sở Tài chính"},
    {"SKHĐT", "Sở Kế hoạch và Đầu tư"},
    {"SYT", "Sở Y tế"},
    {"SGDĐT", "Sở Giáo dục và Đào tạo"},
    {"SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn"},
    {"STNMT", "Sở Tài nguyên và Môi trường"},
    {"SCT", "Sở Công Thương"},
    {"SLĐTBXH", "Sở Lao động - Thương binh và Xã hội"},
    {"SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"},
    {"STTTT", "Sở Thông tin và Truyền thông"},
    {"SKHCN", "Sở Khoa học và Công nghệ"},
    {"SNV", "Sở Nội vụ"},
    {"STP", "Sở Tư pháp"},
    {"SNgV", "Sở Ngoại vụ"},
    {"TTT", "Thanh tra tỉnh"},
    {"BDT", "Ban Dân tộc"},
    {"BQLKKT", "Ban Quản lý Khu kinh tế"},
    {"VPUBND", "Văn phòng UBND tỉnh"},
};

}  // namespace

ScaleResult ScaleLoader::Run() {
  const std::int64_t now = service::Context::NowMillis();
  ScaleResult result;
  ctx_.db().transact(storage::TransactionMode::kWrite,
                     [&](Connection& c) { CreateProvince(c, now); });
  result.province_id = root_id_;
  BuildTemplates();
  const int agencies = std::max(1, options_.agencies);
  for (int a = 0; a < agencies; ++a) {
    ctx_.db().transact(storage::TransactionMode::kWrite, [&](Connection& c) {
      CreateAgency(c, a, now);
      CreatePeople(c, now);
      CreateSources(c, now);
    });
    result.agency_ids.push_back(agency_id_);
    const int share = options_.tasks / agencies + (a < options_.tasks % agencies ? 1 : 0);
    for (int done = 0; done < share; done += kTasksPerTransaction) {
      const int count = std::min(kTasksPerTransaction, share - done);
      ctx_.db().transact(storage::TransactionMode::kWrite, [&](Connection& c) {
        DiscardTasks();  // a retry starts again: nothing a failed try kept was written
        const std::vector<std::int64_t> ids = storage::ReserveIds(c, "tasks", count);
        for (int i = 0; i < count; ++i) AddTask(c, ids[static_cast<std::size_t>(i)], done + i);
        FlushTasks(c);
      });
    }
  }
  // The rows above bypass the services, so the stored status snapshot knows nothing of them:
  // rebuilt here rather than by the first server, whose every request until then would read
  // around the rewrite of every task row.
  ctx_.db().transact(storage::TransactionMode::kWrite,
                     [](Connection& c) { service::InvalidateSnapshot(c); });
  service::RefreshSnapshot(ctx_);
  // Fresh statistics, snapshot included, so the query planner knows the new rows' shape at once
  // (PostgreSQL's autovacuum would get there later; SQLite never does by itself).
  ctx_.db().acquire()->execute_script("ANALYZE");
  return result;
}

std::int64_t ScaleLoader::InsertOrganization(Connection& c, std::optional<std::int64_t> parent,
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
  c.execute(
      "UPDATE organizations SET path = $1, agency_id = $2 WHERE id = $3",
      {Param(parent_path + std::to_string(id) + "/"), Param(agency ? id : agency_id_), Param(id)});
  return id;
}

void ScaleLoader::CreateProvince(Connection& c, std::int64_t now) {
  // Several benchmark provinces may share one database: number the roots.
  const std::int64_t roots =
      c.execute("SELECT COUNT(*) FROM organizations WHERE parent_id IS NULL").one().integer(0);
  suffix_ = roots == 0 ? "" : " " + std::to_string(roots + 1);
  const std::string code_suffix = roots == 0 ? "" : std::to_string(roots + 1);
  root_id_ = InsertOrganization(c, std::nullopt, "/", true, "committee", "UBNDTT" + code_suffix,
                                "UBND tỉnh (dữ liệu thử tải" + suffix_ + ")", now);
  root_path_ = "/" + std::to_string(root_id_) + "/";
}

void ScaleLoader::CreateAgency(Connection& c, int index, std::int64_t now) {
  // A retried transaction starts the agency again.
  units_.clear();
  sources_.clear();
  const Department& department =
      kDepartments[static_cast<std::size_t>(index) % std::size(kDepartments)];
  const int round = index / static_cast<int>(std::size(kDepartments));
  agency_code_ = std::string(department.code) + (round ? std::to_string(round + 1) : "");
  agency_name_ = std::string(department.name) + (round ? " " + std::to_string(round + 1) : "") +
                 " (dữ liệu thử tải" + suffix_ + ")";
  agency_id_ = InsertOrganization(c, root_id_, root_path_, true, "department", agency_code_,
                                  agency_name_, now);
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

std::string ScaleLoader::PersonName() {
  static const std::vector<std::string> kFamily = {
      "Nguyễn", "Trần", "Lê",  "Phạm", "Hoàng", "Huỳnh", "Phan",  "Vũ",
      "Võ",     "Đặng", "Bùi", "Đỗ",   "Hồ",    "Ngô",   "Dương", "Lý"};
  static const std::vector<std::string> kMiddle = {"Văn",   "Thị",  "Minh", "Đức",
                                                   "Thanh", "Quốc", "Hữu",  "Ngọc"};
  static const std::vector<std::string> kGiven = {
      "An",    "Bình",  "Cường", "Dũng",  "Hà",   "Hải",  "Hạnh",  "Hùng",
      "Hương", "Khánh", "Lan",   "Long",  "Mai",  "Nam",  "Phong", "Quang",
      "Sơn",   "Tâm",   "Thảo",  "Trang", "Tuấn", "Vinh", "Yến",   "Thịnh"};
  // One draw per statement: the operands of + may be evaluated in any order, and the names must
  // be the same whichever compiler builds the demo.
  const std::string& family = rng_.Pick(kFamily);
  const std::string& middle = rng_.Pick(kMiddle);
  const std::string& given = rng_.Pick(kGiven);
  return family + " " + middle + " " + given;
}

std::int64_t ScaleLoader::InsertPerson(Connection& c, std::int64_t org, const std::string& position,
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

std::int64_t ScaleLoader::InsertUser(Connection& c, std::int64_t person,
                                     const std::string& username, const std::string& role,
                                     std::int64_t now) {
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
void ScaleLoader::CreatePeople(Connection& c, std::int64_t now) {
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
  const std::int64_t consolidator = InsertPerson(c, units_.front().id, "Chuyên viên tổng hợp", now);
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

void ScaleLoader::InsertSource(Connection& c, const std::string& kind, const std::string& title,
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

// The programmes of each year of the history and the one before it, ad-hoc documents and
// directives spread over the years, and a briefing conclusion each month; each kind sorted by date.
void ScaleLoader::CreateSources(Connection& c, std::int64_t now) {
  const std::string province = "UBND tỉnh (dữ liệu thử tải" + suffix_ + ")";
  const int years = std::max(1, options_.years);
  for (int year = today_.year() - years; year <= today_.year(); ++year) {
    const std::string y = std::to_string(year);
    const Date issued = std::min(*Date::FromYmd(year, 1, 12), today_);
    InsertSource(c, "higher_program", "Chương trình công tác năm " + y + " của UBND tỉnh",
                 "125/QĐ-UBND", issued, province, now);
    InsertSource(c, "key_program", "Chương trình công tác trọng tâm năm " + y + " của Sở",
                 "15/CTr-" + agency_code_, issued.AddDays(8), agency_name_, now);
  }
  const auto& directives = cat::Directives();
  for (int i = 0; i < 8 * years; ++i) {
    const Date issued = today_.AddDays(-365 * years + 45 * i);
    const cat::DirectiveSpec& d = directives[static_cast<std::size_t>(i) % directives.size()];
    InsertSource(c, "ad_hoc", cat::ExpandYear(d.title, issued.year()), std::string(d.doc_number),
                 issued, std::string(d.issuer), now);
  }
  for (int i = 0; i < 2 * years; ++i) {
    const Date issued = today_.AddDays(-365 * years + 65 + 150 * i);
    const std::string number = (i < 9 ? "0" : "") + std::to_string(i + 1) + "/CT-UBND";
    InsertSource(c, "directive",
                 "Chỉ thị số " + number + " về tăng cường kỷ luật, kỷ cương hành chính", number,
                 issued, province, now);
  }
  for (int back = 12 * years; back >= 1; --back) {
    const domain::Period month = domain::Period::MonthOf(today_.AddMonths(-back));
    const Date issued = month.Next().first_day().AddDays(8);
    if (issued > today_) continue;
    InsertSource(c, "meeting_conclusion",
                 "Thông báo kết luận giao ban tháng " + std::to_string(month.index) + "/" +
                     std::to_string(month.year),
                 std::to_string(100 + 13 * (12 * years - back)) + "/TB-" + agency_code_, issued,
                 agency_name_, now);
  }
}

void ScaleLoader::BuildTemplates() {
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
const SourceRow& ScaleLoader::SourceFor(const std::string& kind, Date on) const {
  const auto& list = sources_.at(kind);
  const SourceRow* best = &list.front();
  for (const SourceRow& s : list) {
    if (s.doc_date <= on) best = &s;
  }
  return *best;
}

}  // namespace scale

ScaleResult LoadScaleData(const service::Context& ctx, const ScaleOptions& options) {
  return scale::ScaleLoader(ctx, options).Run();
}

}  // namespace giaoban::demo
