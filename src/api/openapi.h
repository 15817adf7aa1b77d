// The OpenAPI 3 description of every route, served at /api/v1/openapi.json.
#pragma once

#include <boost/json.hpp>

namespace giaoban::api {

const boost::json::value& OpenApiDocument();

}  // namespace giaoban::api
