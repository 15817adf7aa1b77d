// Keeps the OpenAPI document honest without a running server: every route of the router is
// described and every described operation is a route, every $ref resolves, the conventions of the
// document hold for every operation. openapi_shapes_test.cc checks the JSON written by
// json_codec.cc against the schemas; tests/api/test_openapi.py checks real responses of a running
// server against it.
#include "api/openapi.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "api/api.h"
#include "api/openapi_test_support.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace giaoban::api {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using openapi_testing::Deref;
using openapi_testing::Doc;
using openapi_testing::Resolve;
using openapi_testing::Str;

constexpr std::string_view kMethods[] = {"get",     "put",  "post",  "delete",
                                         "options", "head", "patch", "trace"};

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// A path with its parameter names blanked, so that the router's "/tasks/{id}/extensions/{id}" and
// the document's "/tasks/{task_id}/extensions/{extension_id}" compare equal position by position.
std::string Shape(std::string_view path) {
  std::string out;
  bool in_param = false;
  for (char c : path) {
    if (c == '{') {
      in_param = true;
      out += "{}";
    } else if (c == '}') {
      in_param = false;
    } else if (!in_param) {
      out += c;
    }
  }
  return out;
}

std::vector<std::string> TemplateNames(std::string_view path) {
  std::vector<std::string> names;
  for (std::size_t open = path.find('{'); open != std::string_view::npos;
       open = path.find('{', open + 1)) {
    names.emplace_back(path.substr(open + 1, path.find('}', open) - open - 1));
  }
  return names;
}

const json::object& Paths() { return Doc().at("paths").as_object(); }
const json::object& Schema(std::string_view name) {
  return Doc().at("components").at("schemas").at(name).as_object();
}

// Every operation as (path, method, operation object).
struct Operation {
  std::string path;
  std::string method;
  const json::object* op;
  const json::object* path_item;
};
std::vector<Operation> Operations() {
  std::vector<Operation> out;
  for (const auto& [path, item] : Paths()) {
    for (const auto& [method, op] : item.as_object()) {
      if (std::find(std::begin(kMethods), std::end(kMethods), std::string_view(method)) ==
          std::end(kMethods))
        continue;
      out.push_back({std::string(path), std::string(method), &op.as_object(), &item.as_object()});
    }
  }
  return out;
}

// The parameters of an operation, its own and its path item's, resolved.
std::vector<const json::object*> Parameters(const Operation& o) {
  std::vector<const json::object*> out;
  for (const json::object* holder : {o.path_item, o.op}) {
    if (auto it = holder->find("parameters"); it != holder->end()) {
      for (const auto& p : it->value().as_array()) out.push_back(&Deref(p).as_object());
    }
  }
  return out;
}

class OpenApiRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("giaoban-openapi-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_);
    db_ = storage::OpenDatabase((dir_ / "test.db").string(), 1);
    storage::Migrate(*db_);
    ctx_ = std::make_unique<service::Context>(*db_, service::Settings{});
    api_ = std::make_unique<Api>(*ctx_, ApiOptions{});
  }
  void TearDown() override {
    api_.reset();
    ctx_.reset();
    db_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Every route as "METHOD /api/v1/shape".
  std::set<std::string> RouteShapes() const {
    std::set<std::string> out;
    for (const std::string& route : api_->Routes()) {
      const auto space = route.find(' ');
      out.insert(route.substr(0, space) + " " + Shape(route.substr(space + 1)));
    }
    return out;
  }

  fs::path dir_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<service::Context> ctx_;
  std::unique_ptr<Api> api_;
};

TEST_F(OpenApiRoutesTest, EveryRouteIsDescribedAndEveryOperationIsARoute) {
  const std::string base = Str(Doc().at("servers").at(0).at("url"));
  ASSERT_EQ(base, "/api/v1");
  std::set<std::string> documented;
  for (const Operation& o : Operations()) {
    EXPECT_TRUE(documented.insert(Upper(o.method) + " " + Shape(base + o.path)).second)
        << "described twice: " << o.method << " " << o.path;
  }
  const std::set<std::string> routes = RouteShapes();
  ASSERT_GE(routes.size(), 30u);
  for (const std::string& r : routes) EXPECT_TRUE(documented.count(r)) << "not described: " << r;
  for (const std::string& d : documented) EXPECT_TRUE(routes.count(d)) << "not a route: " << d;
}

TEST_F(OpenApiRoutesTest, TheServedDocumentIsThisOne) {
  http::Request request;
  request.method = "GET";
  request.target = request.path = "/api/v1/openapi.json";
  const http::Response response = api_->Handle(request);
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(json::parse(response.body), Doc());
}

TEST(OpenApiDocumentTest, IsOpenApi303) {
  EXPECT_EQ(Str(Doc().at("openapi")), "3.0.3");
  EXPECT_FALSE(Str(Doc().at("info").at("title")).empty());
  EXPECT_TRUE(Doc().at("components").at("securitySchemes").as_object().contains("cookieAuth"));
  EXPECT_TRUE(Doc().at("components").at("securitySchemes").as_object().contains("bearerAuth"));
}

// Every file of src/api/openapi is read into the document: a paths file is read only when a tag has
// its name, so a new one without its tag would otherwise be left out silently.
TEST(OpenApiDocumentTest, IsAssembledFromEveryFile) {
  std::multiset<std::string> embedded;
  for (const openapi_detail::EmbeddedFile& file : openapi_detail::EmbeddedFiles()) {
    embedded.emplace(file.name);
  }
  const std::vector<std::string> read = openapi_detail::DocumentFileNames();
  EXPECT_EQ(std::multiset<std::string>(read.begin(), read.end()), embedded);
  EXPECT_GE(embedded.size(), 10u);
}

// paths/<tag>.json holds the operations of that tag and no other, so a reader finds an operation
// in the file its tag names.
TEST(OpenApiDocumentTest, EachPathsFileHoldsTheOperationsOfItsTag) {
  constexpr std::string_view kFolder = "paths/", kSuffix = ".json";
  for (const openapi_detail::EmbeddedFile& file : openapi_detail::EmbeddedFiles()) {
    if (!file.name.starts_with(kFolder)) continue;
    const std::string_view tag =
        file.name.substr(kFolder.size(), file.name.size() - kFolder.size() - kSuffix.size());
    const json::value paths = json::parse(file.text);
    for (const auto& [path, item] : paths.as_object()) {
      for (const auto& [method, op] : item.as_object()) {
        if (method == "parameters") continue;
        const json::array& tags = op.at("tags").as_array();
        EXPECT_TRUE(tags.size() == 1 && tags[0].as_string() == tag)
            << file.name << ": " << method << " " << path << " has tags " << tags;
      }
    }
  }
}

void CollectRefs(const json::value& v, std::string at, std::vector<std::string>& refs) {
  if (v.is_object()) {
    for (const auto& [key, child] : v.as_object()) {
      if (key == "$ref")
        refs.push_back(at + " -> " + Str(child));
      else
        CollectRefs(child, at + "/" + std::string(key), refs);
    }
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.as_array().size(); ++i)
      CollectRefs(v.as_array()[i], at + "/" + std::to_string(i), refs);
  }
}

TEST(OpenApiDocumentTest, EveryRefResolves) {
  std::vector<std::string> refs;
  CollectRefs(Doc(), "", refs);
  ASSERT_GT(refs.size(), 100u);
  for (const std::string& r : refs) {
    const std::string target = r.substr(r.find(" -> ") + 4);
    EXPECT_NE(Resolve(target), nullptr) << r;
  }
}

TEST(OpenApiDocumentTest, EveryComponentIsUsed) {
  std::vector<std::string> refs;
  CollectRefs(Doc(), "", refs);
  std::set<std::string> targets;
  for (const std::string& r : refs) targets.insert(r.substr(r.find(" -> ") + 4));
  for (const char* section : {"schemas", "parameters", "headers", "responses"}) {
    for (const auto& [name, value] : Doc().at("components").at(section).as_object()) {
      const std::string ref = std::string("#/components/") + section + "/" + std::string(name);
      // StatusCounts documents the part Statistics and StatsGroup share (they repeat it in full).
      if (ref == "#/components/schemas/StatusCounts") continue;
      EXPECT_TRUE(targets.count(ref)) << "unused: " << ref;
    }
  }
}

// Object schemas are closed (so that an undocumented field fails the API tests) and list as
// required only properties they have.
void CheckObjectSchemas(const json::value& v, const std::string& at) {
  if (v.is_array()) {
    for (std::size_t i = 0; i < v.as_array().size(); ++i)
      CheckObjectSchemas(v.as_array()[i], at + "/" + std::to_string(i));
    return;
  }
  if (!v.is_object()) return;
  const json::object& o = v.as_object();
  if (Str(o.contains("type") ? o.at("type") : json::value()) == "object" &&
      o.contains("properties")) {
    EXPECT_TRUE(o.contains("additionalProperties")) << at << " must say additionalProperties";
    if (o.contains("additionalProperties")) {
      EXPECT_EQ(o.at("additionalProperties"), json::value(false)) << at;
    }
    if (auto it = o.find("required"); it != o.end()) {
      for (const auto& name : it->value().as_array())
        EXPECT_TRUE(o.at("properties").as_object().contains(Str(name)))
            << at << " requires unknown property " << Str(name);
    }
  }
  for (const auto& [key, child] : o) {
    if (key != "example" && key != "enum") CheckObjectSchemas(child, at + "/" + std::string(key));
  }
}

TEST(OpenApiDocumentTest, ObjectSchemasAreClosedAndConsistent) {
  CheckObjectSchemas(Doc().at("components"), "#/components");
  CheckObjectSchemas(Doc().at("paths"), "#/paths");
}

// Schemas written out in full where the code extends another shape must keep every property of it.
TEST(OpenApiDocumentTest, ExtendedShapesRepeatTheirBaseExactly) {
  const std::pair<const char*, const char*> pairs[] = {{"TaskSummary", "Task"},
                                                       {"Actor", "Me"},
                                                       {"StatusCounts", "Statistics"},
                                                       {"StatusCounts", "StatsGroup"}};
  for (const auto& [base, extended] : pairs) {
    const auto& b = Schema(base);
    const auto& e = Schema(extended);
    for (const auto& [name, property] : b.at("properties").as_object()) {
      ASSERT_TRUE(e.at("properties").as_object().contains(name)) << extended << " lacks " << name;
      EXPECT_EQ(e.at("properties").at(name), property) << extended << "." << name;
    }
    for (const auto& name : b.at("required").as_array()) {
      const auto& req = e.at("required").as_array();
      EXPECT_NE(std::find(req.begin(), req.end(), name), req.end())
          << extended << " does not require " << Str(name);
    }
  }
}

TEST(OpenApiDocumentTest, OperationsFollowTheConventions) {
  std::set<std::string> operation_ids;
  for (const Operation& o : Operations()) {
    const std::string what = Upper(o.method) + " " + o.path;
    SCOPED_TRACE(what);
    ASSERT_TRUE(o.op->contains("operationId"));
    EXPECT_TRUE(operation_ids.insert(Str(o.op->at("operationId"))).second) << "duplicate id";
    EXPECT_TRUE(o.op->contains("summary"));
    EXPECT_TRUE(o.op->contains("tags"));

    // Path parameters: exactly the template's names, in:path, required.
    std::set<std::string> declared_path_params, header_params;
    for (const json::object* p : Parameters(o)) {
      const std::string in = Str(p->at("in"));
      if (in == "path") {
        declared_path_params.insert(Str(p->at("name")));
        EXPECT_EQ(p->at("required"), json::value(true));
      } else if (in == "header") {
        header_params.insert(Str(p->at("name")));
      }
      EXPECT_TRUE(p->contains("schema")) << Str(p->at("name"));
    }
    const auto names = TemplateNames(o.path);
    EXPECT_EQ(declared_path_params, std::set<std::string>(names.begin(), names.end()));

    const json::object& responses = o.op->at("responses").as_object();
    bool has_success = false;
    for (const auto& [status, response] : responses) {
      const int code = std::stoi(std::string(status));
      has_success = has_success || (code >= 200 && code < 300);
      const json::object& r = Deref(response).as_object();
      EXPECT_TRUE(r.contains("description")) << status;
      if (code >= 400) {
        // Every error is the Error body, possibly with its code narrowed.
        const json::value& schema = r.at("content").at("application/json").at("schema");
        const json::value& first =
            schema.as_object().contains("allOf") ? schema.at("allOf").at(0) : schema;
        EXPECT_EQ(Str(first.at("$ref")), "#/components/schemas/Error") << status;
      }
    }
    EXPECT_TRUE(has_success);

    const bool is_public = o.op->contains("security") && o.op->at("security").as_array().empty();
    const bool changes_state =
        o.method == "post" || o.method == "patch" || o.method == "put" || o.method == "delete";
    if (!is_public) {
      EXPECT_TRUE(responses.contains("401"));
    }
    if (!is_public && changes_state) {
      EXPECT_TRUE(header_params.count("X-CSRF-Token"));
      EXPECT_TRUE(responses.contains("403"));
    }
    if (changes_state) {
      EXPECT_TRUE(responses.contains("400"));
      EXPECT_TRUE(responses.contains("413"));
      EXPECT_TRUE(responses.contains("415"));
      EXPECT_TRUE(responses.contains("503"));  // the server's memory for bodies is taken
    }
    if (!names.empty()) {
      EXPECT_TRUE(responses.contains("404"));
    }
    if (o.method == "patch") {
      EXPECT_TRUE(header_params.count("If-Match"));
      EXPECT_TRUE(responses.contains("412"));
      EXPECT_TRUE(responses.contains("428"));
    }
    if (header_params.count("If-Match")) {
      EXPECT_TRUE(responses.contains("428"));
    }
  }
}

}  // namespace
}  // namespace giaoban::api
