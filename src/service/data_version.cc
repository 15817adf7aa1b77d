#include "service/data_version.h"

namespace giaoban::service {

std::int64_t DataVersion(storage::Connection& c) {
  return c.execute("SELECT version FROM change_counter WHERE id = 1").one().integer(0);
}

std::int64_t DataVersion(const Context& ctx) {
  return ctx.db().single_statement([](storage::Connection& c) { return DataVersion(c); });
}

}  // namespace giaoban::service
