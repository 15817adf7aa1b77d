// The database's change counter (migration 0005): every committed change to agency data moves it
// forward, so two reads of the same number saw the same data.
#pragma once

#include <cstdint>

#include "service/context.h"

namespace giaoban::service {

std::int64_t DataVersion(storage::Connection& c);
std::int64_t DataVersion(const Context& ctx);

}  // namespace giaoban::service
