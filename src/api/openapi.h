// The OpenAPI 3 description of every route, served at /api/v1/openapi.json.
#pragma once

#include <boost/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace giaoban::api {

// The document assembled from the files of src/api/openapi, parsed once, on first use.
const boost::json::value& OpenApiDocument();

namespace openapi_detail {

// One JSON file of src/api/openapi, as embedded at build time by cmake/embed_files.cmake.
struct EmbeddedFile {
  std::string_view name;  // its path below src/api/openapi, e.g. "paths/tasks.json"
  std::string_view text;
};
std::span<const EmbeddedFile> EmbeddedFiles();

// The names of the files the document is assembled from, in the order they are read; a test checks
// that this is every embedded file.
std::vector<std::string> DocumentFileNames();

}  // namespace openapi_detail

}  // namespace giaoban::api
