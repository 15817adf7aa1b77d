// /notices: the caller's in-app notices.
#include "api/api.h"
#include "api/json_codec.h"

namespace giaoban::api {

void RegisterNoticeRoutes(Api& api) {
  Services& s = api.services();

  api.Add("GET", "/notices",
          [&s](Call& call) -> Reply { return JsonReply(s.notices.List(call.who())); });

  api.Add("POST", "/notices/{id}/read", [&s](Call& call) -> Reply {
    return JsonReply(s.notices.MarkRead(call.who(), call.id()));
  });
}

}  // namespace giaoban::api
