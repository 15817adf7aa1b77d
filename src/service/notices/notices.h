// In-app notices (docs/domain.md#notices): sent by the use cases that need to tell someone
// something, read by the person they are for.
#pragma once

#include <boost/json/object.hpp>
#include <string_view>

#include "service/actor.h"
#include "service/context.h"
#include "service/error.h"
#include "service/notices/model.h"
#include "storage/database.h"

namespace giaoban::service {

class NoticeService {
 public:
  explicit NoticeService(const Context& ctx) : ctx_(ctx) {}

  // The reader's latest notices, read or not, and how many are unread.
  Expected<NoticeList> List(const Actor& reader);
  // Marks one of the reader's notices read; a notice of someone else's is not found.
  Expected<Notice> MarkRead(const Actor& reader, Id id);

 private:
  const Context& ctx_;
};

// Inside the sender's transaction: a notice of `kind` for `person_id`, from `by`.
void SendNotice(storage::Connection& c, Id agency_id, Id person_id, std::string_view kind,
                const boost::json::object& params, const Actor& by);

}  // namespace giaoban::service
