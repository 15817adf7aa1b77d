// The closed sets and limits that the C++ code defines once are the ones the OpenAPI document
// states, so that the web client's generated types and every other reader of the document agree
// with the server: a value added to one of these sets, or a limit changed, without the document
// fails here.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>

#include "api/openapi.h"
#include "domain/reporting_period.h"
#include "domain/source_kind.h"
#include "domain/status.h"
#include "domain/text_limits.h"
#include "domain/unit_report.h"
#include "service/actor.h"
#include "service/organizations/organizations.h"
#include "service/tasks/task_filter.h"

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

TEST(OpenApiContractTest, StatesEveryPeriodConvention) {
  std::set<std::string> codes;
  for (auto c : {domain::PeriodConvention::kCalendarMonth, domain::PeriodConvention::kCutOff14th})
    codes.emplace(domain::PeriodConventionCode(c));
  EXPECT_EQ(EnumAt("/components/schemas/PeriodConvention"), codes);
}

TEST(OpenApiContractTest, StatesEveryUnitReportState) {
  // A unit that has not opened its report has a place on the board all the same.
  std::set<std::string> codes = SetOf(domain::UnitReportStateCodes());
  codes.insert("not_started");
  EXPECT_EQ(EnumAt("/components/schemas/UnitReportState"), codes);
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
    {"TaskCreate", "title", domain::kTitleMaxBytes},
    {"TaskCreate", "content", domain::kLongTextMaxBytes},
    {"TaskCreate", "product", domain::kProductMaxBytes},
    {"TaskCreate", "deadline_label", domain::kShortLabelMaxBytes},
    {"TaskUpdate", "title", domain::kTitleMaxBytes},
    {"TaskUpdate", "content", domain::kLongTextMaxBytes},
    {"TaskUpdate", "product", domain::kProductMaxBytes},
    {"TaskUpdate", "deadline_label", domain::kShortLabelMaxBytes},
    {"ProgressCreate", "body", domain::kLongTextMaxBytes},
    {"CompletionRequest", "result_doc_number", domain::kShortLabelMaxBytes},
    {"CompletionRequest", "note", domain::kNoteMaxBytes},
    {"ExtensionRequest", "reason", domain::kNoteMaxBytes},
    {"ExtensionDecision", "note", domain::kNoteMaxBytes},
    {"CancelRequest", "reason", domain::kNoteMaxBytes},
    {"ExplanationRequest", "question", domain::kNoteMaxBytes},
    {"ExplanationAnswer", "answer", domain::kLongTextMaxBytes},
    {"SourceCreate", "title", domain::kTitleMaxBytes},
    {"SourceCreate", "doc_number", domain::kShortLabelMaxBytes},
    {"SourceCreate", "issuer", domain::kIssuerMaxBytes},
    {"SourceCreate", "summary", domain::kNoteMaxBytes},
    {"SourceUpdate", "title", domain::kTitleMaxBytes},
    {"SourceUpdate", "doc_number", domain::kShortLabelMaxBytes},
    {"SourceUpdate", "issuer", domain::kIssuerMaxBytes},
    {"SourceUpdate", "summary", domain::kNoteMaxBytes},
    {"UnitReportProse", "highlights", domain::kReportProseMaxBytes},
    {"UnitReportProse", "shortcomings", domain::kReportProseMaxBytes},
    {"UnitReportProse", "difficulties", domain::kReportProseMaxBytes},
    {"UnitReportProse", "proposals", domain::kReportProseMaxBytes},
    {"UnitReportProse", "next_period", domain::kReportProseMaxBytes},
    {"UnitReportStep", "comment", domain::kReportCommentMaxBytes},
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
