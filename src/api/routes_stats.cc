// /stats: the same filter language as /tasks.
#include "api/api.h"
#include "api/json_codec.h"

namespace giaoban::api {

void RegisterStatsRoutes(Api& api) {
  Services& s = api.services();
  api.AddCacheableRead("/stats", [&s](Call& call) -> Reply {
    // Paging and sorting mean nothing for figures; they are accepted, and checked like a list's,
    // so that a list's URL can be reused.
    auto filter = service::ParseTaskFilter(call.request.query, call.Today());
    if (!filter) return filter.error();
    return JsonReply(s.stats.Compute(call.who(), *filter));
  });
}

}  // namespace giaoban::api
