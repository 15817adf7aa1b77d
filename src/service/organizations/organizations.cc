#include "service/organizations/organizations.h"

#include <array>
#include <boost/json.hpp>

#include "intl/text.h"
#include "service/audit.h"
#include "service/row_values.h"

namespace giaoban::service {

using storage::Param;
using storage::TransactionMode;

namespace {

constexpr std::array<std::string_view, 6> kKinds = {"committee", "department", "division",
                                                    "unit",      "office",     "other"};

const char* kOrgColumns =
    "id, parent_id, agency_id, kind, code, name, place_name, valid_from, valid_to, successor_id, "
    "version";

std::string OrgJson(const Organization& o) {
  boost::json::object j{
      {"kind", o.kind}, {"code", o.code}, {"name", o.name}, {"place_name", o.place_name}};
  if (o.parent_id) j["parent_id"] = *o.parent_id;
  if (o.valid_to) j["valid_to"] = o.valid_to->Iso();
  if (o.successor_id) j["successor_id"] = *o.successor_id;
  return boost::json::serialize(j);
}

bool CanAdministerOrganizations(const Actor& a) { return a.role == Role::kAdmin; }

}  // namespace

std::vector<std::string_view> OrganizationKinds() { return {kKinds.begin(), kKinds.end()}; }

bool IsAgencyKind(std::string_view kind) { return kind == "committee" || kind == "department"; }

std::optional<Organization> LoadOrganization(storage::Connection& c, Id id) {
  auto r = c.execute(std::string("SELECT ") + kOrgColumns + " FROM organizations WHERE id = $1",
                     {Param(id)});
  if (r.empty()) return std::nullopt;
  return ReadRows<Organization>(r).front();
}

std::optional<std::string> OrganizationPath(storage::Connection& c, Id id) {
  auto r = c.execute("SELECT path FROM organizations WHERE id = $1", {Param(id)});
  if (r.empty()) return std::nullopt;
  return r.rows.front().text(r.column("path"));
}

std::vector<Id> ReadableAgencies(storage::Connection& c, const Actor& actor) {
  auto r = c.execute(
      "SELECT id FROM organizations WHERE agency_id = id AND substr(path, 1, $2) = $1",
      {Param(actor.agency_path), Param(static_cast<std::int64_t>(actor.agency_path.size()))});
  std::vector<Id> ids;
  const storage::Column id = r.column("id");
  for (const auto& row : r.rows) ids.push_back(row.integer(id));
  return ids;
}

std::vector<Organization> OrganizationService::List(const Actor& actor, bool include_expired) {
  return ctx_.db().transact(TransactionMode::kRead, [&](storage::Connection& c) {
    // Everything in the actor's agency subtree, and the ancestors of the agency (for context).
    auto r = c.execute(
        std::string("SELECT ") + kOrgColumns +
            " FROM organizations WHERE (substr(path, 1, $2) = $1 OR "
            "substr($1, 1, length(path)) = path) "
            "AND ($3 = 1 OR valid_to IS NULL OR valid_to >= $4) "
            "ORDER BY length(path) - length(replace(path, '/', '')), name_key, id",
        {Param(actor.agency_path), Param(static_cast<std::int64_t>(actor.agency_path.size())),
         Param(include_expired), Param(ctx_.Today().Iso())});
    return ReadRows<Organization>(r);
  });
}

Expected<Organization> OrganizationService::Get(const Actor& actor, Id id) {
  return ctx_.db().transact(
      TransactionMode::kRead, [&](storage::Connection& c) -> Expected<Organization> {
        auto r = c.execute(
            std::string("SELECT ") + kOrgColumns + ", path FROM organizations WHERE id = $1",
            {Param(id)});
        if (r.empty()) return Error::NotFound();
        const std::string path = r.rows.front().text(r.column("path"));
        const bool below = path.rfind(actor.agency_path, 0) == 0;
        const bool above = actor.agency_path.rfind(path, 0) == 0;
        if (!below && !above) return Error::NotFound();
        return ReadRows<Organization>(r).front();
      });
}

Expected<Organization> OrganizationService::Create(const std::optional<Actor>& by,
                                                   const OrganizationInput& in) {
  if (by && !CanAdministerOrganizations(*by)) return Error::Forbidden();
  Validator v;
  const std::string name = intl::ToNfc(in.name);
  const std::string code = intl::ToNfc(in.code);
  v.RequireText("name", name, 300);
  v.RequireText("code", code, 32);
  if (std::find(kKinds.begin(), kKinds.end(), in.kind) == kKinds.end()) v.Add("kind", "invalid");
  if (!v.ok()) return v.error();
  const std::int64_t now = Context::NowMillis();

  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<Organization> {
        std::string parent_path = "/";
        std::optional<Id> parent_agency;
        std::string place_name = intl::ToNfc(in.place_name);
        if (in.parent_id) {
          auto parent =
              c.execute("SELECT path, agency_id, place_name FROM organizations WHERE id = $1",
                        {Param(*in.parent_id)});
          if (parent.empty()) return Error::Validation({{"parent_id", "not_found"}});
          parent_path = parent.one().text(parent.column("path"));
          parent_agency = parent.one().opt_integer(parent.column("agency_id"));
          if (place_name.empty()) place_name = parent.one().text(parent.column("place_name"));
          if (by && parent_path.rfind(by->agency_path, 0) != 0) return Error::Forbidden();
        } else if (by) {
          return Error::Forbidden();  // new roots are a system operation (CLI)
        }
        auto dup =
            c.execute("SELECT 1 FROM organizations WHERE COALESCE(parent_id, 0) = $1 AND code = $2",
                      {Param(in.parent_id.value_or(0)), Param(code)});
        if (!dup.empty()) return Error::Validation({{"code", "taken"}});
        const Id id = ReturnedId(c.execute(
            "INSERT INTO organizations (parent_id, kind, code, name, name_key, "
            "place_name, valid_from, created_at, updated_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
            {Param(in.parent_id), Param(in.kind), Param(code), Param(name),
             Param(intl::CollationKey(name)), Param(place_name),
             in.valid_from ? Param(in.valid_from->Iso()) : storage::Value(nullptr), Param(now)}));
        const std::optional<Id> agency =
            IsAgencyKind(in.kind) ? std::optional<Id>(id) : parent_agency;
        c.execute("UPDATE organizations SET path = $1, agency_id = $2 WHERE id = $3",
                  {Param(parent_path + std::to_string(id) + "/"), Param(agency), Param(id)});
        auto org = LoadOrganization(c, id);
        RecordEvent(c, {agency, "organization", id, std::nullopt, "created",
                        by ? std::optional<Id>(by->user_id) : std::nullopt, "", OrgJson(*org)});
        return *org;
      });
}

Expected<Organization> OrganizationService::Rename(const Actor& by, Id id,
                                                   std::int64_t expected_version,
                                                   const OrganizationRename& change) {
  if (!CanAdministerOrganizations(by)) return Error::Forbidden();
  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<Organization> {
        auto before = LoadOrganization(c, id);
        auto path = OrganizationPath(c, id);
        if (!before || path->rfind(by.agency_path, 0) != 0) return Error::NotFound();
        const std::string name = intl::ToNfc(change.name.value_or(before->name));
        const std::string code = intl::ToNfc(change.code.value_or(before->code));
        const std::string place = intl::ToNfc(change.place_name.value_or(before->place_name));
        Validator v;
        v.RequireText("name", name, 300);
        v.RequireText("code", code, 32);
        if (!v.ok()) return v.error();
        auto dup = c.execute(
            "SELECT 1 FROM organizations WHERE COALESCE(parent_id, 0) = $1 AND code = $2 AND id <> "
            "$3",
            {Param(before->parent_id.value_or(0)), Param(code), Param(id)});
        if (!dup.empty()) return Error::Validation({{"code", "taken"}});
        auto r = c.execute(
            "UPDATE organizations SET name = $1, name_key = $2, code = $3, place_name = $4, "
            "version = version + 1, updated_at = $5 WHERE id = $6 AND version = $7 RETURNING id",
            {Param(name), Param(intl::CollationKey(name)), Param(code), Param(place),
             Param(Context::NowMillis()), Param(id), Param(expected_version)});
        if (r.empty()) return Error::PreconditionFailed();
        auto after = LoadOrganization(c, id);
        RecordEvent(c, {after->agency_id, "organization", id, std::nullopt, "renamed", by.user_id,
                        OrgJson(*before), OrgJson(*after)});
        return *after;
      });
}

Expected<Organization> OrganizationService::Merge(const Actor& by, Id id,
                                                  std::int64_t expected_version, Id successor_id,
                                                  Date effective_on) {
  if (!CanAdministerOrganizations(by)) return Error::Forbidden();
  if (id == successor_id) return Error::Validation({{"successor_id", "invalid"}});
  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<Organization> {
        auto before = LoadOrganization(c, id);
        auto path = OrganizationPath(c, id);
        if (!before || path->rfind(by.agency_path, 0) != 0) return Error::NotFound();
        auto successor_path = OrganizationPath(c, successor_id);
        if (!successor_path || successor_path->rfind(by.agency_path, 0) != 0)
          return Error::Validation({{"successor_id", "not_found"}});
        auto r = c.execute(
            "UPDATE organizations SET successor_id = $1, valid_to = $2, version = version + 1, "
            "updated_at = $3 WHERE id = $4 AND version = $5 RETURNING id",
            {Param(successor_id), Param(effective_on.Iso()), Param(Context::NowMillis()), Param(id),
             Param(expected_version)});
        if (r.empty()) return Error::PreconditionFailed();
        auto after = LoadOrganization(c, id);
        RecordEvent(c, {after->agency_id, "organization", id, std::nullopt, "merged", by.user_id,
                        OrgJson(*before), OrgJson(*after)});
        // Open work moves to the successor; finished and cancelled tasks stay with the unit that
        // did them, so reports of past periods keep naming it.
        auto moved = c.execute(
            "UPDATE tasks SET lead_org_id = $1, version = version + 1, updated_at = $2 "
            "WHERE lead_org_id = $3 AND completed_on IS NULL AND cancelled_on IS NULL RETURNING id",
            {Param(successor_id), Param(Context::NowMillis()), Param(id)});
        const std::string change = boost::json::serialize(
            boost::json::object{{"lead_org_id", successor_id}, {"reason", "organization_merged"}});
        const std::string previous =
            boost::json::serialize(boost::json::object{{"lead_org_id", id}});
        const storage::Column moved_id = moved.column("id");
        for (const auto& row : moved.rows) {
          const Id task = row.integer(moved_id);
          RecordEvent(c,
                      {after->agency_id, "task", task, task, "lead_org_moved", by.user_id, previous,
                       change},
                      effective_on);
        }
        return *after;
      });
}

std::vector<Person> OrganizationService::People(const Actor& actor,
                                                std::optional<Id> organization_id,
                                                std::optional<Role> role) {
  return ctx_.db().transact(TransactionMode::kRead, [&](storage::Connection& c) {
    auto r = c.execute(
        "SELECT p.id, p.organization_id, o.name AS organization_name, p.full_name, p.position, "
        "COALESCE(p.email, '') AS email, COALESCE(p.phone, '') AS phone, p.active, p.version, "
        "u.role FROM people p "
        "JOIN organizations o ON o.id = p.organization_id "
        "LEFT JOIN users u ON u.person_id = p.id "
        "WHERE substr(o.path, 1, $2) = $1 AND ($3 = 0 OR p.organization_id = $3) "
        "AND ($4 = '' OR u.role = $4) "
        "ORDER BY p.name_key, p.id",
        {Param(actor.agency_path), Param(static_cast<std::int64_t>(actor.agency_path.size())),
         Param(organization_id.value_or(0)),
         Param(role ? std::string(RoleCode(*role)) : std::string())});
    return ReadRows(r, PersonFields("id", "version"));
  });
}

Expected<Person> OrganizationService::CreatePerson(const std::optional<Actor>& by,
                                                   const PersonInput& in) {
  if (by && !by->is_admin()) return Error::Forbidden();
  const std::string name = intl::ToNfc(in.full_name);
  if (name.empty() || name.size() > 200)
    return Error::Validation({{"full_name", name.empty() ? "required" : "too_long"}});
  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<Person> {
        auto org = c.execute("SELECT path, name, agency_id FROM organizations WHERE id = $1",
                             {Param(in.organization_id)});
        if (org.empty()) return Error::Validation({{"organization_id", "not_found"}});
        if (by && org.one().text(org.column("path")).rfind(by->agency_path, 0) != 0)
          return Error::Forbidden();
        const std::int64_t now = Context::NowMillis();
        Person p{0,
                 in.organization_id,
                 org.one().text(org.column("name")),
                 name,
                 intl::ToNfc(in.position),
                 in.email,
                 in.phone,
                 true,
                 1,
                 std::nullopt};
        p.id = ReturnedId(c.execute(
            "INSERT INTO people (organization_id, full_name, name_key, name_fold, position, "
            "email, phone, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) "
            "RETURNING id",
            {Param(in.organization_id), Param(name), Param(intl::CollationKey(name)),
             Param(intl::Fold(name)), Param(p.position),
             in.email.empty() ? storage::Value(nullptr) : Param(in.email),
             in.phone.empty() ? storage::Value(nullptr) : Param(in.phone), Param(now)}));
        RecordEvent(
            c,
            {org.one().opt_integer(org.column("agency_id")), "person", p.id, std::nullopt,
             "created", by ? std::optional<Id>(by->user_id) : std::nullopt, "",
             boost::json::serialize(boost::json::object{{"full_name", name},
                                                        {"position", p.position},
                                                        {"organization_id", in.organization_id}})});
        return p;
      });
}

Expected<Person> OrganizationService::UpdatePerson(const Actor& by, Id id,
                                                   std::int64_t expected_version,
                                                   const PersonUpdate& in) {
  if (!by.is_admin()) return Error::Forbidden();
  Validator v;
  std::optional<std::string> name;
  if (in.full_name) {
    name = intl::ToNfc(*in.full_name);
    v.RequireText("full_name", *name, 200);
  }
  if (!v.ok()) return v.error();
  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<Person> {
        const char* select =
            "SELECT p.id, p.organization_id, o.name AS organization_name, p.full_name, "
            "p.position, COALESCE(p.email, '') AS email, COALESCE(p.phone, '') AS phone, "
            "p.active, p.version, o.path, u.role "
            "FROM people p JOIN organizations o ON o.id = p.organization_id "
            "LEFT JOIN users u ON u.person_id = p.id WHERE p.id = $1";
        auto r = c.execute(select, {Param(id)});
        if (r.empty() || r.one().text(r.column("path")).rfind(by.agency_path, 0) != 0)
          return Error::NotFound();
        const Person before = ReadRows(r, PersonFields("id", "version")).front();
        if (before.version != expected_version) return Error::PreconditionFailed();
        Person after = before;
        if (in.organization_id && *in.organization_id != before.organization_id) {
          auto org = c.execute("SELECT path, name FROM organizations WHERE id = $1",
                               {Param(*in.organization_id)});
          if (org.empty() || org.one().text(org.column("path")).rfind(by.agency_path, 0) != 0)
            return Error::Validation({{"organization_id", "not_found"}});
          after.organization_id = *in.organization_id;
          after.organization_name = org.one().text(org.column("name"));
        }
        if (name) after.full_name = *name;
        if (in.position) after.position = intl::ToNfc(*in.position);
        if (in.email) after.email = *in.email;
        if (in.phone) after.phone = *in.phone;
        if (in.active) after.active = *in.active;
        if (!after.active && by.person_id == id)
          return Error::Validation({{"active", "own_account"}});
        after.version = before.version + 1;
        auto updated = c.execute(
            "UPDATE people SET organization_id = $1, full_name = $2, name_key = $3, "
            "name_fold = $4, position = $5, email = $6, phone = $7, active = $8, version = $9, "
            "updated_at = $10 WHERE id = $11 AND version = $12 RETURNING id",
            {Param(after.organization_id), Param(after.full_name),
             Param(intl::CollationKey(after.full_name)), Param(intl::Fold(after.full_name)),
             Param(after.position),
             after.email.empty() ? storage::Value(nullptr) : Param(after.email),
             after.phone.empty() ? storage::Value(nullptr) : Param(after.phone),
             Param(after.active), Param(after.version), Param(Context::NowMillis()), Param(id),
             Param(expected_version)});
        // Another server may have committed since the read above: only the UPDATE's own version
        // check makes a concurrent change fail instead of being overwritten.
        if (updated.empty()) return Error::PreconditionFailed();
        // Someone who no longer serves keeps their history but not their account; coming back
        // is a deliberate unlock by an admin, not a side effect.
        if (before.active && !after.active) {
          c.execute(
              "UPDATE users SET disabled = 1, version = version + 1, updated_at = $2 "
              "WHERE person_id = $1 AND disabled = 0",
              {Param(id), Param(Context::NowMillis())});
          c.execute(
              "DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE person_id = $1)",
              {Param(id)});
        }
        auto json = [](const Person& p) {
          return boost::json::serialize(boost::json::object{{"full_name", p.full_name},
                                                            {"position", p.position},
                                                            {"organization_id", p.organization_id},
                                                            {"active", p.active}});
        };
        RecordEvent(c, {by.agency_id, "person", id, std::nullopt, "updated",
                        std::optional<Id>(by.user_id), json(before), json(after)});
        return after;
      });
}

}  // namespace giaoban::service
