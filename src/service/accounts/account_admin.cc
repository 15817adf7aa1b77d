// Accounts administration: creating accounts, resetting passwords, disabling and changing them,
// listing them. Kept apart from auth.cc (logging in, sessions, API tokens) because these are an
// administrator's use cases with their own scoping rule (ManagesAccountsIn), not the per-request
// path every caller goes through.
#include <boost/json.hpp>
#include <cctype>

#include "intl/text.h"
#include "service/accounts/auth.h"
#include "service/audit.h"
#include "service/organizations/organizations.h"
#include "service/row_values.h"

namespace giaoban::service {

using storage::Param;
using storage::TransactionMode;

namespace {

const char* kUserSelect =
    "SELECT u.id, u.username, u.role, u.disabled, p.id AS person_id, p.organization_id, "
    "o.name AS organization_name, p.full_name, p.position, COALESCE(p.email, '') AS email, "
    "COALESCE(p.phone, '') AS phone, p.active, COALESCE(o.agency_id, o.id) AS agency_id, "
    "u.version, p.version AS person_version, o.path AS organization_path FROM users u "
    "JOIN people p ON p.id = u.person_id "
    "JOIN organizations o ON o.id = p.organization_id ";

// An account as kUserSelect selects it; its person is read with PersonFields.
constexpr std::tuple kUserFields{
    Field{"id", &User::id},           Field{"username", &User::username},
    Field{"role", &User::role},       Field{"disabled", &User::disabled},
    Field{"version", &User::version},
};

// The users of a result of kUserSelect.
std::vector<User> UsersFromResult(const storage::Result& r) {
  std::vector<User> users = ReadRows(r, kUserFields);
  std::vector<Person> people = ReadRows(r, PersonFields("person_id", "person_version"));
  for (std::size_t i = 0; i < users.size(); ++i) {
    users[i].person = std::move(people[i]);
    users[i].person.role = users[i].role;
  }
  return users;
}

struct LoadedUser {
  User user;
  Id agency_id;
  std::string organization_path;
};

std::optional<LoadedUser> LoadUser(storage::Connection& c, Id user_id) {
  auto r = c.execute(std::string(kUserSelect) + "WHERE u.id = $1", {Param(user_id)});
  if (r.empty()) return std::nullopt;
  return LoadedUser{UsersFromResult(r).front(), r.one().integer(r.column("agency_id")),
                    r.one().text(r.column("organization_path"))};
}

// The one rule for which accounts an administrator may create and change: those of people in
// their own agency or in any organisation below it (a province's administrator sets up the
// departments' accounts).
bool ManagesAccountsIn(const Actor& admin, const std::string& organization_path) {
  return organization_path.rfind(admin.agency_path, 0) == 0;
}

std::string UserJson(const std::string& username, Role role, bool disabled) {
  return boost::json::serialize(boost::json::object{
      {"username", username}, {"role", RoleCode(role)}, {"disabled", disabled}});
}

}  // namespace

Expected<User> AuthService::CreateUser(const std::optional<Actor>& by, const NewUser& in) {
  if (by && !by->is_admin()) return Error::Forbidden();
  Validator v;
  std::string username = intl::ToNfc(in.username);
  if (username.size() < 3 || username.size() > 64) v.Add("username", "invalid");
  for (char ch : username) {
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '_' || ch == '-')) {
      v.Add("username", "invalid");
      break;
    }
  }
  if (auto q = CheckPasswordQuality(in.password); !q.empty()) v.Add("password", q);
  if (!in.person_id && intl::ToNfc(in.full_name).empty()) v.Add("full_name", "required");
  if (!v.ok()) return v.error();
  const std::string hash = HashPassword(in.password);
  const std::int64_t now = Context::NowMillis();

  return ctx_.db().transact(TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<User> {
    // The command line (no actor) may create any account.
    auto in_scope = [&](const std::string& path) { return !by || ManagesAccountsIn(*by, path); };
    if (!c.execute("SELECT 1 FROM users WHERE username = $1", {Param(username)}).empty())
      return Error::Validation({{"username", "taken"}});
    Id person_id = 0;
    if (in.person_id) {
      auto p = c.execute(
          "SELECT o.path FROM people p JOIN organizations o ON o.id = p.organization_id "
          "WHERE p.id = $1",
          {Param(*in.person_id)});
      if (p.empty() || !in_scope(p.one().text(p.column("path"))))
        return Error::Validation({{"person_id", "not_found"}});
      if (!c.execute("SELECT 1 FROM users WHERE person_id = $1", {Param(*in.person_id)}).empty())
        return Error::Validation({{"person_id", "taken"}});
      person_id = *in.person_id;
    } else {
      auto o =
          c.execute("SELECT path FROM organizations WHERE id = $1", {Param(in.organization_id)});
      if (o.empty() || !in_scope(o.one().text(o.column("path"))))
        return Error::Validation({{"organization_id", "not_found"}});
      const std::string name = intl::ToNfc(in.full_name);
      person_id = ReturnedId(
          c.execute("INSERT INTO people (organization_id, full_name, name_key, name_fold, "
                    "position, email, created_at, updated_at) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
                    {Param(in.organization_id), Param(name), Param(intl::CollationKey(name)),
                     Param(intl::Fold(name)), Param(intl::ToNfc(in.position)),
                     in.email.empty() ? storage::Value(nullptr) : Param(in.email), Param(now)}));
    }
    const Id user_id = ReturnedId(c.execute(
        "INSERT INTO users (person_id, username, password_hash, role, "
        "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
        {Param(person_id), Param(username), Param(hash), Param(RoleCode(in.role)), Param(now)}));
    auto created = LoadUser(c, user_id);
    RecordEvent(c, {created->agency_id, "user", user_id, std::nullopt, "created",
                    by ? std::optional<Id>(by->user_id) : std::nullopt, "",
                    UserJson(username, in.role, false)});
    return created->user;
  });
}

namespace {

// Writes a change to the account read as `before`, ends its sessions on a reset or a lock, and
// records both; `by` is absent for the command line.
Expected<User> WriteUserUpdate(storage::Connection& c, std::optional<Id> by, const User& before,
                               const UserUpdate& update, const std::optional<std::string>& hash) {
  const Role role = update.role.value_or(before.role);
  const bool disabled = update.disabled.value_or(before.disabled);
  // The version is checked again by the UPDATE itself: on PostgreSQL another server may have
  // changed the account since it was read, and the row lock makes the later writer see that.
  auto updated = c.execute(
      "UPDATE users SET role = $1, disabled = $2, updated_at = $3, version = version + 1 "
      "WHERE id = $4 AND version = $5 RETURNING id",
      {Param(std::string(RoleCode(role))), Param(disabled), Param(Context::NowMillis()),
       Param(before.id), Param(before.version)});
  if (updated.empty()) return Error::PreconditionFailed();
  if (hash) {
    c.execute("UPDATE users SET password_hash = $1 WHERE id = $2",
              {Param(*hash), Param(before.id)});
    RecordEvent(c, {std::nullopt, "user", before.id, std::nullopt, "password_reset", by, "", ""});
  }
  // A new role applies to open sessions at their next request; a reset or a lock ends them.
  if (hash || disabled) c.execute("DELETE FROM sessions WHERE user_id = $1", {Param(before.id)});
  if (role != before.role || disabled != before.disabled) {
    RecordEvent(c, {std::nullopt, "user", before.id, std::nullopt, "updated", by,
                    UserJson(before.username, before.role, before.disabled),
                    UserJson(before.username, role, disabled)});
  }
  return LoadUser(c, before.id)->user;
}

std::optional<std::string> HashOfNewPassword(const UserUpdate& update) {
  if (!update.password) return std::nullopt;
  return HashPassword(*update.password);
}

}  // namespace

Expected<User> AuthService::UpdateUser(const Actor& by, Id user_id, std::int64_t expected_version,
                                       const UserUpdate& update) {
  if (!by.is_admin()) return Error::Forbidden();
  Validator v;
  if (update.password) {
    if (auto q = CheckPasswordQuality(*update.password); !q.empty()) v.Add("password", q);
  }
  // An admin who locks themselves out, or drops their own role, needs someone else to undo it.
  if (user_id == by.user_id && update.disabled.value_or(false)) v.Add("disabled", "own_account");
  if (user_id == by.user_id && update.role && *update.role != by.role) v.Add("role", "own_account");
  if (!v.ok()) return v.error();
  const std::optional<std::string> hash = HashOfNewPassword(update);
  return ctx_.db().transact(TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<User> {
    auto loaded = LoadUser(c, user_id);
    if (!loaded || !ManagesAccountsIn(by, loaded->organization_path)) return Error::NotFound();
    if (loaded->user.version != expected_version) return Error::PreconditionFailed();
    return WriteUserUpdate(c, by.user_id, loaded->user, update, hash);
  });
}

Expected<User> AuthService::UpdateUserAsOperator(const std::string& username,
                                                 const UserUpdate& update) {
  if (update.password) {
    if (auto q = CheckPasswordQuality(*update.password); !q.empty())
      return Error::Validation({{"password", q}});
  }
  const std::optional<std::string> hash = HashOfNewPassword(update);
  return ctx_.db().transact(TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<User> {
    auto id = c.execute("SELECT id FROM users WHERE username = $1", {Param(username)});
    if (id.empty()) return Error::NotFound();
    return WriteUserUpdate(c, std::nullopt, LoadUser(c, ReturnedId(id))->user, update, hash);
  });
}

std::vector<User> AuthService::ListUsers(std::optional<Id> agency_id) {
  return ctx_.db().transact(TransactionMode::kRead, [&](storage::Connection& c) {
    auto r = c.execute(std::string(kUserSelect) +
                           "WHERE $1 = 0 OR COALESCE(o.agency_id, o.id) = $1 "
                           "ORDER BY p.name_key, u.id",
                       {Param(agency_id.value_or(0))});
    return UsersFromResult(r);
  });
}

}  // namespace giaoban::service
