#include "service/notices/notices.h"

#include <boost/json/serialize.hpp>

#include "service/row_values.h"

namespace giaoban::service {

using storage::Param;
using storage::TransactionMode;

namespace {

// Enough for the notices of a busy month; older ones are kept but not listed.
constexpr int kListed = 50;

constexpr std::tuple kNoticeFields{
    Field{"id", &Notice::id},
    Field{"kind", &Notice::kind},
    Field{"params", &Notice::params_json},
    RefField{"from_id", "from_name", &Notice::from},
    Field{"created_at", &Notice::created_at},
    Field{"read_at", &Notice::read_at},
};

constexpr std::string_view kNoticeSelect =
    "SELECT n.id, n.kind, n.params, p.id AS from_id, p.full_name AS from_name, n.created_at, "
    "n.read_at FROM notices n LEFT JOIN users u ON u.id = n.created_by "
    "LEFT JOIN people p ON p.id = u.person_id ";

}  // namespace

Expected<NoticeList> NoticeService::List(const Actor& reader) {
  return ctx_.db().transact(TransactionMode::kRead, [&](storage::Connection& c) {
    NoticeList out;
    out.items = ReadRows(
        c.execute(std::string(kNoticeSelect) + "WHERE n.person_id = $1 ORDER BY n.id DESC LIMIT " +
                      std::to_string(kListed),
                  {Param(reader.person_id)}),
        kNoticeFields);
    out.unread = c.execute("SELECT COUNT(*) FROM notices WHERE person_id = $1 AND read_at IS NULL",
                           {Param(reader.person_id)})
                     .one()
                     .integer(0);
    return Expected<NoticeList>(std::move(out));
  });
}

Expected<Notice> NoticeService::MarkRead(const Actor& reader, Id id) {
  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<Notice> {
        // Read once stays read at its first time.
        c.execute(
            "UPDATE notices SET read_at = $3 WHERE id = $1 AND "
            "person_id = $2 AND read_at IS NULL",
            {Param(id), Param(reader.person_id), Param(Context::NowMillis())});
        auto rows =
            ReadRows(c.execute(std::string(kNoticeSelect) + "WHERE n.id = $1 AND n.person_id = $2",
                               {Param(id), Param(reader.person_id)}),
                     kNoticeFields);
        if (rows.empty()) return Error::NotFound();
        return rows.front();
      });
}

void SendNotice(storage::Connection& c, Id agency_id, Id person_id, std::string_view kind,
                const boost::json::object& params, const Actor& by) {
  c.execute(
      "INSERT INTO notices (agency_id, person_id, kind, params, created_at, created_by) "
      "VALUES ($1, $2, $3, $4, $5, $6)",
      {Param(agency_id), Param(person_id), Param(std::string(kind)),
       Param(boost::json::serialize(params)), Param(Context::NowMillis()), Param(by.user_id)});
}

}  // namespace giaoban::service
