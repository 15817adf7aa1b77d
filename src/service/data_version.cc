#include "service/data_version.h"

namespace giaoban::service {

std::int64_t DataVersion(storage::Connection& c) {
  const auto r = c.execute("SELECT version FROM change_counter WHERE id = 1");
  return r.one().integer(r.column("version"));
}

std::int64_t DataVersion(const Context& ctx) {
  return ctx.db().single_statement([](storage::Connection& c) { return DataVersion(c); });
}

}  // namespace giaoban::service
