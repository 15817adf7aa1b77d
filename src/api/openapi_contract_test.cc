// The closed sets and limits that the C++ code defines once are the ones the OpenAPI document
// states, so that the web client's generated types and every other reader of the document agree
// with the server: a value added to one of these sets, or a limit changed, without the document
// fails here.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>

#include "api/openapi.h"
#include "domain/source_kind.h"
#include "domain/status.h"
#include "service/actor.h"
#include "service/organizations/organizations.h"
#include "service/tasks/task_filter.h"
#include "service/text_limits.h"

namespace giaoban::api {
namespace {

namespace json = boost::json;

const json::value& At(std::string_view pointer) { return OpenApiDocument().at_pointer(pointer); }

template <typename Strings>
std::set<std::string> SetOf(const Strings& values) {
  std::set<std::string> out;
  for (const auto& v : values) out.emplace(v);
  return out;
}

std::set<std::string> SourceKindSet() {
  std::set<std::string> out;
  for (auto kind : domain::AllSourceKinds()) out.emplace(domain::SourceKindCode(kind));
  return out;
}

// The `enum` of the schema at `pointer`, as a set: the document may list it in any order.
std::set<std::string> EnumAt(std::string_view pointer) {
  std::set<std::string> out;
  for (const json::value& v : At(pointer).at("enum").as_array()) out.emplace(v.as_string());
  return out;
}

TEST(OpenApiContractTest, StatesEveryTaskStatus) {
  EXPECT_EQ(EnumAt("/components/schemas/TaskStatus"), SetOf(domain::StatusCodes()));
}

TEST(OpenApiContractTest, StatesTheStatusesTheFilterAccepts) {
  EXPECT_EQ(EnumAt("/components/parameters/FilterStatus/schema/items"),
            SetOf(service::FilterStatusCodes()));
}

TEST(OpenApiContractTest, StatesEveryTaskWarning) {
  EXPECT_EQ(EnumAt("/components/schemas/TaskWarning"), SetOf(domain::WarningCodes()));
}

TEST(OpenApiContractTest, StatesEveryRole) {
  EXPECT_EQ(EnumAt("/components/schemas/Role"), SetOf(service::RoleCodes()));
}

TEST(OpenApiContractTest, StatesEveryOrganizationKind) {
  EXPECT_EQ(EnumAt("/components/schemas/OrganizationKind"), SetOf(service::OrganizationKinds()));
}

TEST(OpenApiContractTest, StatesEverySourceKind) {
  EXPECT_EQ(EnumAt("/components/schemas/SourceKind"), SourceKindSet());
}

TEST(OpenApiContractTest, StatesThePageSizes) {
  const json::value& page_size = At("/components/parameters/FilterPageSize/schema");
  EXPECT_EQ(page_size.at("maximum").to_number<int>(), service::kMaxPageSize);
  EXPECT_EQ(page_size.at("default").to_number<int>(), service::TaskFilter{}.page_size);
}

struct TextLimit {
  std::string_view schema;
  std::string_view property;
  std::size_t max_bytes;
};

constexpr TextLimit kTextLimits[] = {
    {"TaskCreate", "title", service::kTitleMaxBytes},
    {"TaskCreate", "content", service::kLongTextMaxBytes},
    {"TaskCreate", "product", service::kProductMaxBytes},
    {"TaskCreate", "deadline_label", service::kShortLabelMaxBytes},
    {"TaskUpdate", "title", service::kTitleMaxBytes},
    {"TaskUpdate", "content", service::kLongTextMaxBytes},
    {"TaskUpdate", "product", service::kProductMaxBytes},
    {"TaskUpdate", "deadline_label", service::kShortLabelMaxBytes},
    {"ProgressCreate", "body", service::kLongTextMaxBytes},
    {"CompletionRequest", "result_doc_number", service::kShortLabelMaxBytes},
    {"CompletionRequest", "note", service::kNoteMaxBytes},
    {"ExtensionRequest", "reason", service::kNoteMaxBytes},
    {"ExtensionDecision", "note", service::kNoteMaxBytes},
    {"CancelRequest", "reason", service::kNoteMaxBytes},
    {"ExplanationRequest", "question", service::kNoteMaxBytes},
    {"ExplanationAnswer", "answer", service::kLongTextMaxBytes},
    {"SourceCreate", "title", service::kTitleMaxBytes},
    {"SourceCreate", "doc_number", service::kShortLabelMaxBytes},
    {"SourceCreate", "issuer", service::kIssuerMaxBytes},
    {"SourceCreate", "summary", service::kNoteMaxBytes},
    {"SourceUpdate", "title", service::kTitleMaxBytes},
    {"SourceUpdate", "doc_number", service::kShortLabelMaxBytes},
    {"SourceUpdate", "issuer", service::kIssuerMaxBytes},
    {"SourceUpdate", "summary", service::kNoteMaxBytes},
};

TEST(OpenApiContractTest, StatesTheTextLimits) {
  for (const TextLimit& limit : kTextLimits) {
    const std::string pointer = "/components/schemas/" + std::string(limit.schema) +
                                "/properties/" + std::string(limit.property) + "/maxLength";
    EXPECT_EQ(At(pointer).to_number<std::size_t>(), limit.max_bytes) << pointer;
  }
}

}  // namespace
}  // namespace giaoban::api
