// /health and /openapi.json: public, no database work beyond a ping.
#include "api/api.h"
#include "api/openapi.h"

namespace giaoban::api {

void RegisterMetaRoutes(Api& api) {
  Services& s = api.services();

  api.Add(
      "GET", "/health",
      [&s](Call&) -> Reply {
        s.health.Check();
        return Json(boost::json::object{{"status", "ok"}});
      },
      /*public_route=*/true);

  api.Add(
      "GET", "/openapi.json",
      [](Call&) -> Reply {
        http::Response r = Json(OpenApiDocument());
        r.headers.clear();
        r.set_header("Cache-Control", "public, max-age=300");
        return r;
      },
      /*public_route=*/true);
}

}  // namespace giaoban::api
