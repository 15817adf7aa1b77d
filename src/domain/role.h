// The role an account carries, which decides what its holder may do
// (docs/domain.md#people-and-roles). Its codes ("leader", ...) live with the accounts service.
#pragma once

namespace giaoban::domain {

enum class Role { kAdmin, kLeader, kConsolidator, kUnitHead, kSpecialist, kViewer };

}  // namespace giaoban::domain
