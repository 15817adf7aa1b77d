#include "service/actor.h"

#include "domain/codes.h"

namespace giaoban::service {
namespace {
constexpr domain::CodeTable kRoles{std::to_array<std::pair<Role, std::string_view>>({
    {Role::kAdmin, "admin"},
    {Role::kLeader, "leader"},
    {Role::kConsolidator, "consolidator"},
    {Role::kUnitHead, "unit_head"},
    {Role::kSpecialist, "specialist"},
    {Role::kViewer, "viewer"},
})};
}  // namespace

// An account whose role is unknown to this code reads nothing it should not.
std::string_view RoleCode(Role role) { return kRoles.CodeOf(role).value_or("viewer"); }

std::vector<std::string_view> RoleCodes() { return kRoles.Codes(); }

std::optional<Role> ParseRole(std::string_view code) { return kRoles.Parse(code); }

}  // namespace giaoban::service
