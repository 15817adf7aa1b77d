// The OpenAPI 3 description of every route, served at /api/v1/openapi.json.
#pragma once

#include <boost/json.hpp>
#include <string_view>

namespace giaoban::api {

const boost::json::value& OpenApiDocument();

namespace openapi_detail {
// The document's JSON text is in two parts: `components` in openapi_schemas.cc, the rest in
// openapi.cc.
std::string_view ComponentsText();
}  // namespace openapi_detail

}  // namespace giaoban::api
