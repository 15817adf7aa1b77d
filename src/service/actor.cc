#include "service/actor.h"

#include <array>
#include <utility>

namespace giaoban::service {
namespace {
constexpr std::array<std::pair<Role, std::string_view>, 6> kRoles = {{
    {Role::kAdmin, "admin"},
    {Role::kLeader, "leader"},
    {Role::kConsolidator, "consolidator"},
    {Role::kUnitHead, "unit_head"},
    {Role::kSpecialist, "specialist"},
    {Role::kViewer, "viewer"},
}};
}  // namespace

std::string_view RoleCode(Role role) {
  for (const auto& [r, code] : kRoles) {
    if (r == role) return code;
  }
  return "viewer";
}

std::optional<Role> ParseRole(std::string_view code) {
  for (const auto& [r, c] : kRoles) {
    if (c == code) return r;
  }
  return std::nullopt;
}

}  // namespace giaoban::service
