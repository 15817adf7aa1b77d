// The JSON that json_codec.cc writes has exactly the shapes the OpenAPI document's schemas declare:
// each entity, with its optional parts empty and filled, checked against its schema by a small
// checker of the keywords the document uses. Beside openapi_test.cc, which checks the document
// itself against the router.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "api/json_codec.h"
#include "api/openapi_test_support.h"

namespace giaoban::api {
namespace {

namespace json = boost::json;
using openapi_testing::Deref;
using openapi_testing::Str;

// Checks `v` against `schema` for the keywords the document uses; one message per mismatch.
void Check(const json::value& v, const json::value& schema_value, const std::string& at,
           std::vector<std::string>& errors) {
  const json::object& schema = Deref(schema_value).as_object();
  if (v.is_null()) {
    if (schema.contains("nullable") && schema.at("nullable") == json::value(true)) return;
    errors.push_back(at + ": null is not allowed");
    return;
  }
  if (auto it = schema.find("allOf"); it != schema.end()) {
    for (const auto& part : it->value().as_array()) Check(v, part, at, errors);
  }
  if (auto it = schema.find("enum"); it != schema.end()) {
    const auto& values = it->value().as_array();
    if (std::find(values.begin(), values.end(), v) == values.end())
      errors.push_back(at + ": " + json::serialize(v) + " is not in the enum");
  }
  const std::string type = schema.contains("type") ? Str(schema.at("type")) : "";
  if (type == "object") {
    if (!v.is_object()) return errors.push_back(at + ": not an object");
    const json::object& o = v.as_object();
    const json::object empty;
    const json::object& properties =
        schema.contains("properties") ? schema.at("properties").as_object() : empty;
    if (auto it = schema.find("required"); it != schema.end()) {
      for (const auto& name : it->value().as_array())
        if (!o.contains(Str(name))) errors.push_back(at + ": missing " + Str(name));
    }
    for (const auto& [key, child] : o) {
      if (auto p = properties.find(key); p != properties.end()) {
        Check(child, p->value(), at + "." + std::string(key), errors);
      } else if (schema.contains("additionalProperties") &&
                 schema.at("additionalProperties") == json::value(false)) {
        errors.push_back(at + ": undocumented property " + std::string(key));
      }
    }
  } else if (type == "array") {
    if (!v.is_array()) return errors.push_back(at + ": not an array");
    for (std::size_t i = 0; i < v.as_array().size(); ++i)
      Check(v.as_array()[i], schema.at("items"), at + "[" + std::to_string(i) + "]", errors);
  } else if (type == "string") {
    if (!v.is_string()) errors.push_back(at + ": not a string");
  } else if (type == "integer") {
    if (!v.is_int64() && !v.is_uint64()) errors.push_back(at + ": not an integer");
  } else if (type == "number") {
    if (!v.is_number()) errors.push_back(at + ": not a number");
  } else if (type == "boolean") {
    if (!v.is_bool()) errors.push_back(at + ": not a boolean");
  }
}

std::string Matches(const json::value& v, std::string_view schema_name) {
  std::vector<std::string> errors;
  Check(v, json::object{{"$ref", "#/components/schemas/" + std::string(schema_name)}},
        std::string(schema_name), errors);
  std::string out;
  for (const auto& e : errors) out += e + "\n";
  return out;
}

domain::Date D(const char* iso) { return *domain::Date::Parse(iso); }

service::TaskSummary Summary(bool filled) {
  service::TaskSummary t;
  t.id = 7;
  t.agency_id = 2;
  t.title = "Kiểm tra các tuyến đường tỉnh sau lũ";
  t.source_id = 3;
  t.source_kind = domain::SourceKind::kAdHoc;
  t.source_doc_number = "2345/UBND-KTN";
  t.lead_org = {5, "Phòng Quản lý kết cấu hạ tầng giao thông"};
  t.assigned_on = D("2023-08-02");
  if (filled) {
    t.leader = service::NamedRef{9, "Nguyễn Văn Đình"};
    t.deadline = D("2023-08-31");
    t.deadline_in_force = D("2023-09-15");
    t.completed_on = D("2023-09-05");
    t.cancelled_on = D("2023-09-06");
    t.status = domain::Status::kCompletedOnTime;
    t.warning = domain::Warning::kDueSoon;
  }
  return t;
}

TEST(OpenApiShapesTest, CodecOutputMatchesTheSchemas) {
  service::Organization org;
  org.kind = "division";
  EXPECT_EQ(Matches(ToJson(org), "Organization"), "");
  org.parent_id = 1;
  org.agency_id = 2;
  org.valid_from = D("2020-01-01");
  org.valid_to = D("2024-01-01");
  org.successor_id = 4;
  EXPECT_EQ(Matches(ToJson(org), "Organization"), "");

  service::User user;
  EXPECT_EQ(Matches(ToJson(user), "User"), "");
  EXPECT_EQ(Matches(ToJson(user.person), "Person"), "");
  service::Actor actor;
  EXPECT_EQ(Matches(ToJson(actor), "Actor"), "");
  EXPECT_EQ(Matches(ToJson(actor), "Me"), "");

  service::Source source;
  source.kind = domain::SourceKind::kKeyProgram;
  EXPECT_EQ(Matches(ToJson(source), "Source"), "");
  source.doc_date = D("2023-01-05");
  EXPECT_EQ(Matches(ToJson(source), "Source"), "");

  for (bool filled : {false, true}) {
    SCOPED_TRACE(filled ? "filled" : "empty");
    EXPECT_EQ(Matches(ToJson(Summary(filled)), "TaskSummary"), "");
    service::TaskView view;
    view.task.summary = Summary(filled);
    view.task.source = source;
    if (filled) {
      view.task.parent_id = 1;
      view.task.cooperators = {{6, "Văn phòng Sở"}};
      view.task.assignees = {{11, "Võ Thị Lan"}};
      view.task.result_doc_date = D("2023-09-05");
      view.task.cancel_kind = "withdrawn";
      view.task.cancel_approver = service::NamedRef{9, "Nguyễn Văn Đình"};
      service::ProgressUpdate u;
      u.id = 1;
      u.percent = 60;
      u.author = {12, "Lê Văn Ánh"};
      u.attachments.push_back({1, 1, "bao-cao.pdf", "application/pdf", 1234, std::string(64, 'a')});
      view.task.updates = {u, service::ProgressUpdate{}};
      service::Extension e;
      e.state = "approved";
      e.previous_deadline = D("2023-08-31");
      e.decided_by = service::NamedRef{9, "Nguyễn Văn Đình"};
      e.decided_at = 1693526400000;
      e.effective_on = D("2023-08-25");
      service::Extension pending;
      pending.state = "pending";
      view.task.extensions = {e, pending};
      service::Explanation x;
      x.answer = "Do mưa lũ kéo dài";
      x.answered_by = service::NamedRef{12, "Lê Văn Ánh"};
      x.answered_at = 1693526400000;
      view.task.explanations = {x, service::Explanation{}};
      view.task.subtasks = {Summary(false), Summary(true)};
    }
    EXPECT_EQ(Matches(ToJson(view), "Task"), "");
  }

  for (bool images : {false, true}) {
    SCOPED_TRACE(images ? "with images" : "without images");
    service::ReportSettings settings;
    settings.agency_id = 2;
    settings.period_convention = "calendar_month";
    settings.document_types = {{"Báo cáo", "BC"}};
    settings.signers = {{1, "Trần Quốc Bảo", "", "GIÁM ĐỐC", std::nullopt}};
    const service::ReportImage image{std::string(64, 'a'), 300, 120};
    if (images) {
      settings.seal = image;
      settings.signers.front().signature = image;
      EXPECT_EQ(Matches(ToJson(image), "ReportImage"), "");
    }
    EXPECT_EQ(Matches(ToJson(settings), "ReportSettings"), "");
  }

  service::HistoryEvent event;
  event.before_json = R"({"title":"a"})";
  EXPECT_EQ(Matches(ToJson(event), "HistoryEvent"), "");
  event.actor = service::NamedRef{1, "Quản Trị Viên"};
  event.after_json = "not json";
  EXPECT_EQ(Matches(ToJson(event), "HistoryEvent"), "");

  domain::StatusCounts counts;
  counts.total = 4;
  counts.overdue = 1;
  counts.in_progress = 3;
  EXPECT_EQ(Matches(ToJson(counts), "StatusCounts"), "");
  service::Statistics stats;
  stats.totals = counts;
  stats.by_source_kind = {{"ad_hoc", "", counts, "source_kind=ad_hoc", std::nullopt}};
  domain::ReportFigures figures;
  figures.due = 2;
  figures.due_completed = 1;
  figures.cumulative = counts;
  stats.by_key = {{"true", "", counts, "key=true", figures}};
  stats.by_lead_org = {{"5", "Phòng Quản lý vận tải", counts, "lead_org=5", std::nullopt}};
  EXPECT_EQ(Matches(ToJson(stats), "Statistics"), "");
}

TEST(OpenApiShapesTest, TheCheckerSeesMismatches) {
  service::Organization org;
  org.kind = "division";
  json::object o = ToJson(org).as_object();
  o["extra"] = 1;
  o.erase("name");
  o["version"] = "1";
  o["kind"] = "ministry";
  const std::string errors = Matches(o, "Organization");
  EXPECT_NE(errors.find("undocumented property extra"), std::string::npos) << errors;
  EXPECT_NE(errors.find("missing name"), std::string::npos) << errors;
  EXPECT_NE(errors.find("version: not an integer"), std::string::npos) << errors;
  EXPECT_NE(errors.find("not in the enum"), std::string::npos) << errors;
  o = ToJson(org).as_object();
  o["code"] = nullptr;
  EXPECT_NE(Matches(o, "Organization").find("null is not allowed"), std::string::npos);
}

}  // namespace
}  // namespace giaoban::api
