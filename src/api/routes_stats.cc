// /stats: the same filter language as /tasks.
#include "api/api.h"
#include "api/json_codec.h"

namespace giaoban::api {

void RegisterStatsRoutes(Api& api) {
  Services& s = api.services();
  api.AddCacheableRead("/stats", [&s](Call& call) -> Reply {
    auto params = call.request.query;
    // Paging and sorting mean nothing for figures; accept them so a list's URL can be reused.
    params.erase("page");
    params.erase("page_size");
    params.erase("sort");
    auto filter = service::ParseTaskFilter(params, call.ctx.Today());
    if (!filter) return filter.error();
    auto stats = s.stats.Compute(call.who(), *filter);
    if (!stats) return stats.error();
    return Json(ToJson(*stats));
  });
}

}  // namespace giaoban::api
