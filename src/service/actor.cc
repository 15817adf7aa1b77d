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

std::vector<std::string_view> RoleCodes() {
  std::vector<std::string_view> codes;
  for (const auto& [r, code] : kRoles) codes.push_back(code);
  return codes;
}

std::optional<Role> ParseRole(std::string_view code) {
  for (const auto& [r, c] : kRoles) {
    if (c == code) return r;
  }
  return std::nullopt;
}

}  // namespace giaoban::service
