// Optimistic concurrency over HTTP: resources carry their version as an ETag, and every PATCH must
// send it back in If-Match. A stale version gets 412, never a silent overwrite.
#pragma once

#include <string>

#include "api/api.h"
#include "api/json_codec.h"
#include "http/message.h"
#include "service/error.h"

namespace giaoban::api {

inline std::string VersionTag(std::int64_t version) {
  return "\"" + std::to_string(version) + "\"";
}

// The version in If-Match ("3", W/"3" or 3); 428 when absent, 412 when unreadable.
inline service::Expected<std::int64_t> RequiredVersion(const http::Request& request) {
  auto header = request.header("If-Match");
  if (!header) return service::Error::PreconditionRequired();
  std::string_view v = *header;
  if (v.substr(0, 2) == "W/") v.remove_prefix(2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  if (v.empty() || v.size() > 18) return service::Error::PreconditionFailed();
  std::int64_t version = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return service::Error::PreconditionFailed();
    version = version * 10 + (c - '0');
  }
  return version;
}

// A versioned resource as JSON with its version as the ETag, ready for the next If-Match; or the
// service's error.
template <class Resource>
Reply VersionedJson(const service::Expected<Resource>& resource, int status = 200) {
  if (!resource) return resource.error();
  http::Response r = Json(ToJson(*resource), status);
  r.set_header("ETag", VersionTag(resource->version));
  return r;
}

}  // namespace giaoban::api
