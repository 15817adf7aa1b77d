// Who is acting, and what their role lets them do (docs/domain.md#people-and-roles).
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/role.h"

namespace giaoban::service {

using domain::Role;

std::string_view RoleCode(Role role);
std::optional<Role> ParseRole(std::string_view code);
// The codes of every role, in the order of the enum.
std::vector<std::string_view> RoleCodes();

struct Actor {
  std::int64_t user_id = 0;
  std::int64_t person_id = 0;
  std::int64_t organization_id = 0;  // the person's own organisation (division, unit, ...)
  std::int64_t agency_id = 0;        // the agency that organisation belongs to
  std::string agency_path;           // materialised path of the agency, "/1/4/"
  std::string organization_path;     // materialised path of the person's organisation
  Role role = Role::kViewer;
  std::string username;
  std::string full_name;
  std::string position;
  // Set when the request came with a session cookie (then CSRF applies); empty for API tokens.
  std::string csrf_token;

  bool is_admin() const { return role == Role::kAdmin; }
  // Roles that manage the agency's programmes and tasks as a whole.
  bool manages_agency() const {
    return role == Role::kAdmin || role == Role::kLeader || role == Role::kConsolidator;
  }
  bool read_only() const { return role == Role::kViewer; }
};

// The members read from the account's row; csrf_token comes with the request.
BOOST_DESCRIBE_STRUCT(Actor, (),
                      (user_id, person_id, organization_id, agency_id, agency_path,
                       organization_path, role, username, full_name, position))

}  // namespace giaoban::service
