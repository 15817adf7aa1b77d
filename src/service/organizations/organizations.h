// The organisation tree (docs/domain.md#organisations-and-agencies) and the people in it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/actor.h"
#include "service/context.h"
#include "service/error.h"
#include "service/organizations/model.h"
#include "service/row_values.h"

namespace giaoban::service {

// The columns of a person as the queries of people select them, but for the person's id and
// version, whose names each query gives (one of accounts has the account's own as well).
constexpr auto PersonFields(std::string_view id, std::string_view version) {
  return std::tuple{Field{id, &Person::id},
                    Field{"organization_id", &Person::organization_id},
                    Field{"organization_name", &Person::organization_name},
                    Field{"full_name", &Person::full_name},
                    Field{"position", &Person::position},
                    Field{"email", &Person::email},
                    Field{"phone", &Person::phone},
                    Field{"active", &Person::active},
                    Field{version, &Person::version},
                    Field{"role", &Person::role}};
}

struct OrganizationInput {
  std::optional<Id> parent_id;
  std::string kind;
  std::string code;
  std::string name;
  std::string place_name;
  std::optional<Date> valid_from;
};

struct PersonInput {
  Id organization_id = 0;
  std::string full_name;
  std::string position;
  std::string email;
  std::string phone;
};

// An administrator's change to a person; fields left empty stay as they are.
struct PersonUpdate {
  std::optional<Id> organization_id;
  std::optional<std::string> full_name;
  std::optional<std::string> position;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<bool> active;
};

// The kinds an organisation may have; committees and departments are agencies.
std::vector<std::string_view> OrganizationKinds();
bool IsAgencyKind(std::string_view kind);

// A new name, code or place name for an organisation; the ones left empty keep their value.
struct OrganizationRename {
  std::optional<std::string> name;
  std::optional<std::string> code;
  std::optional<std::string> place_name;
};

class OrganizationService {
 public:
  explicit OrganizationService(const Context& ctx) : ctx_(ctx) {}

  // Organisations the actor may see: its agency's subtree and everything under it, plus the
  // chain of parents above (names only matter there). Sorted by path, then Vietnamese name.
  std::vector<Organization> List(const Actor& actor, bool include_expired);
  Expected<Organization> Get(const Actor& actor, Id id);

  // `by` is empty for the CLI (system operations).
  Expected<Organization> Create(const std::optional<Actor>& by, const OrganizationInput& input);
  // Applies `change` to the organisation as it is inside the transaction.
  Expected<Organization> Rename(const Actor& by, Id id, std::int64_t expected_version,
                                const OrganizationRename& change);
  // Closes `id` on `effective_on` and points it at its successor; tasks keep their history.
  Expected<Organization> Merge(const Actor& by, Id id, std::int64_t expected_version,
                               Id successor_id, Date effective_on);

  // The agency's people, by Vietnamese name; optionally of one unit, or with accounts of one role.
  std::vector<Person> People(const Actor& actor, std::optional<Id> organization_id,
                             std::optional<Role> role = std::nullopt);
  Expected<Person> CreatePerson(const std::optional<Actor>& by, const PersonInput& input);
  // An admin's change to a person of their agency (If-Match on the version).
  Expected<Person> UpdatePerson(const Actor& by, Id id, std::int64_t expected_version,
                                const PersonUpdate& input);

 private:
  const Context& ctx_;
};

// Shared lookups used by other services.
std::optional<Organization> LoadOrganization(storage::Connection& c, Id id);
std::optional<std::string> OrganizationPath(storage::Connection& c, Id id);
// Agencies the actor may read: its own and every agency below it.
std::vector<Id> ReadableAgencies(storage::Connection& c, const Actor& actor);

}  // namespace giaoban::service
