#include "service/data_version.h"

namespace giaoban::service {

bool DataVersion::Covers(const DataVersion& other) const {
  if (parts.size() != other.parts.size()) return false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].first != other.parts[i].first || parts[i].second < other.parts[i].second)
      return false;
  }
  return true;
}

DataVersion ReadDataVersion(storage::Connection& c, const Actor& reader) {
  // The agencies are those ReadableAgencies() lists: the reader's own and those below it. An
  // agency that never changed since it was created may have no row yet.
  const auto r = c.execute(
      "SELECT 0 AS agency, version FROM change_counter WHERE id = 1 UNION ALL "
      "SELECT o.id, COALESCE(v.version, 0) FROM organizations o "
      "LEFT JOIN agency_versions v ON v.agency_id = o.id "
      "WHERE o.agency_id = o.id AND substr(o.path, 1, $2) = $1 ORDER BY 1",
      {storage::Param(reader.agency_path),
       storage::Param(static_cast<std::int64_t>(reader.agency_path.size()))});
  DataVersion v;
  v.parts.reserve(r.rows.size());
  for (const auto& row : r.rows) v.parts.emplace_back(row.integer(0), row.integer(1));
  return v;
}

DataVersion ReadDataVersion(const Context& ctx, const Actor& reader) {
  return ctx.db().single_statement(
      [&](storage::Connection& c) { return ReadDataVersion(c, reader); });
}

}  // namespace giaoban::service
