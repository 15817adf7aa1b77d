// The OpenAPI 3.0 document of the REST API, kept as JSON files in src/api/openapi because that is
// how readers and tools know it (web/scripts/api-types.mjs generates the web client's types from
// the same files). The files are embedded at build time and assembled here, once, on first use:
// root.json, then under `paths` the file paths/<tag>.json of each tag in the order of root.json's
// tags, then under `components` one member per file of components/, named after the file.
// src/api/openapi_test.cc checks that every route of the router is described and nothing else, and
// tests/api/test_openapi.py validates real responses against it.
#include "api/openapi.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace giaoban::api {

namespace openapi_detail {
namespace {

constexpr std::string_view kComponentsFolder = "components/";
constexpr std::string_view kJsonSuffix = ".json";

const EmbeddedFile& File(std::string_view name) {
  const auto files = EmbeddedFiles();
  const auto it = std::find_if(files.begin(), files.end(),
                               [&](const EmbeddedFile& f) { return f.name == name; });
  if (it == files.end()) throw std::logic_error("openapi document: no file " + std::string(name));
  return *it;
}

boost::json::object ParseObject(std::string_view name) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(File(name).text, ec);
  if (ec) throw std::logic_error("openapi document: " + std::string(name) + ": " + ec.message());
  if (!v.is_object())
    throw std::logic_error("openapi document: " + std::string(name) + ": not an object");
  return std::move(v.as_object());
}

// The paths files: paths/<tag>.json for each tag, in the order of the root's tags.
std::vector<std::string> PathsFiles(const boost::json::object& root) {
  std::vector<std::string> names;
  for (const boost::json::value& tag : root.at("tags").as_array()) {
    names.push_back("paths/" + std::string(tag.at("name").as_string()) + std::string(kJsonSuffix));
  }
  return names;
}

// The components files in name order (the embedded files are sorted by name).
std::vector<std::string_view> ComponentFiles() {
  std::vector<std::string_view> names;
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (f.name.starts_with(kComponentsFolder)) names.push_back(f.name);
  }
  return names;
}

std::string_view ComponentKind(std::string_view file) {
  file.remove_prefix(kComponentsFolder.size());
  file.remove_suffix(kJsonSuffix.size());
  return file;
}

boost::json::value Assemble() {
  boost::json::object doc = ParseObject("root.json");
  boost::json::object paths;
  for (const std::string& file : PathsFiles(doc)) {
    for (auto& [path, item] : ParseObject(file)) {
      if (!paths.emplace(path, std::move(item)).second) {
        throw std::logic_error("openapi document: " + std::string(path) + " in two files");
      }
    }
  }
  doc["paths"] = std::move(paths);
  boost::json::object components;
  for (std::string_view file : ComponentFiles()) {
    components.emplace(ComponentKind(file), ParseObject(file));
  }
  doc["components"] = std::move(components);
  return doc;
}

}  // namespace

std::vector<std::string> DocumentFileNames() {
  std::vector<std::string> names = {"root.json"};
  for (std::string& file : PathsFiles(ParseObject("root.json"))) names.push_back(std::move(file));
  for (std::string_view file : ComponentFiles()) names.emplace_back(file);
  return names;
}

}  // namespace openapi_detail

const boost::json::value& OpenApiDocument() {
  static const boost::json::value doc = openapi_detail::Assemble();
  return doc;
}

}  // namespace giaoban::api
