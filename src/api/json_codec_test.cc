#include "api/json_codec.h"

#include <gtest/gtest.h>

#include <string>

namespace giaoban::api {
namespace {

std::string ErrorCode(std::string_view text) {
  auto parsed = ParseJsonObject(text);
  return parsed ? "" : parsed.error().code;
}

std::string Nested(int depth) {
  return R"({"a": )" + std::string(depth, '[') + std::string(depth, ']') + "}";
}

TEST(ParseJsonObjectTest, ReadsAnObject) {
  auto parsed = ParseJsonObject(R"( {"title": "Kế hoạch", "ids": [1, 2], "x": {"y": null}} )");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->at("title").as_string(), "Kế hoạch");
  EXPECT_EQ(parsed->at("ids").as_array().size(), 2u);
}

TEST(ParseJsonObjectTest, RefusesWhatIsNotOneJsonObject) {
  for (const char* bad : {"", "[]", "\"x\"", "{", R"({"a": 1} {"b": 2})", R"({"a": 1,})"}) {
    EXPECT_EQ(ErrorCode(bad), "bad_json") << bad;
  }
}

TEST(ParseJsonObjectTest, RefusesNestingDeeperThanTheLimit) {
  EXPECT_EQ(ErrorCode(Nested(kMaxJsonDepth - 1)), "");
  EXPECT_EQ(ErrorCode(Nested(kMaxJsonDepth)), "json_too_complex");
  EXPECT_EQ(ErrorCode(Nested(10000)), "json_too_complex");
}

TEST(ParseJsonObjectTest, RefusesATreeFarLargerThanItsText) {
  // Every "0," is two bytes of text and a 16-byte value in the tree.
  std::string many = R"({"ids": [0)";
  for (int i = 0; i < 100000; ++i) many += ",0";
  many += "]}";
  EXPECT_EQ(ErrorCode(many), "json_too_complex");
  // The same count in objects of strings is no better.
  std::string objects = R"({"items": [{})";
  for (int i = 0; i < 50000; ++i) objects += ",{}";
  objects += "]}";
  EXPECT_EQ(ErrorCode(objects), "json_too_complex");
}

TEST(ParseJsonObjectTest, TakesLargeStringsSuchAsAttachments) {
  const std::string content(8 << 20, 'A');  // 8 MiB of base64 text
  const std::string text =
      R"({"body": "Báo cáo", "attachments": [{"file_name": "a.pdf", "content_base64": ")" +
      content + R"("}, {"file_name": "b.pdf", "content_base64": ")" + content.substr(0, 1000) +
      R"("}]})";
  auto parsed = ParseJsonObject(text);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->at("attachments")
                .as_array()
                .at(0)
                .as_object()
                .at("content_base64")
                .as_string()
                .size(),
            content.size());
  // Ordinary request bodies with a few hundred ids are far below the limit.
  std::string ids = R"({"cooperator_ids": [1)";
  for (int i = 2; i <= 200; ++i) ids += "," + std::to_string(i);
  ids += "]}";
  EXPECT_EQ(ErrorCode(ids), "");
}

TEST(ParseJsonObjectTest, TheTreeMayChangeAfterTheParse) {
  auto parsed = ParseJsonObject(R"({"a": 1})");
  ASSERT_TRUE(parsed);
  for (int i = 0; i < 10000; ++i) (*parsed)["k" + std::to_string(i)] = std::string(100, 'x');
  EXPECT_EQ(parsed->size(), 10001u);
}

}  // namespace
}  // namespace giaoban::api

namespace giaoban::api {
namespace {

domain::Date Day(int y, int m, int d) { return *domain::Date::FromYmd(y, m, d); }

// Every byte below 0x80, the characters JSON escapes among them, and Vietnamese in both
// decomposed and composed forms.
std::string AwkwardText() {
  std::string s = "Nâng cấp \"QL1\" \\ tuyến\u0301 ";
  for (int c = 1; c < 0x80; ++c) s += static_cast<char>(c);
  return s;
}

TEST(ConsolidatedReportJsonTest, TheTextIsTheTreeSerialized) {
  service::ConsolidatedReport r;
  r.period = "2026-10";
  r.period_kind = "month";
  r.period_start = Day(2026, 10, 1);
  r.period_end = Day(2026, 10, 31);
  r.as_of = r.period_end;
  r.next_start = Day(2026, 11, 1);
  r.next_end = Day(2026, 11, 30);
  r.period_convention = "calendar_month";
  r.totals.due = 46;
  r.totals.due_completed = 45;
  r.totals.cumulative.total = 300;
  r.totals.cumulative.completed_on_time = 299;
  r.by_source_kind_and_key.push_back({"higher_program:true", std::nullopt, r.totals});
  r.by_unit.push_back({"7", service::NamedRef{7, AwkwardText()}, {}});
  service::ReportTask listed;
  listed.id = 9007199254740993;
  listed.title = AwkwardText();
  listed.source_kind = "ad_hoc";
  listed.is_key = true;
  listed.lead_org = {7, "Phòng Kế hoạch"};
  listed.assigned_on = Day(2026, 1, 5);
  listed.deadline = Day(2026, 10, 15);
  listed.extended = true;
  listed.status = domain::Status::kOverdue;
  listed.progress = -3;
  listed.note = "\t\r\n";
  listed.note_on = Day(2026, 10, 20);
  listed.note_kind = "explanation";
  r.overdue = {listed, service::ReportTask{}};
  r.next_period_key = {listed};
  r.unit_reports.push_back(
      {{8, "Văn phòng"}, 12, "returned", Day(2026, 11, 3), std::nullopt, 2, 4});
  r.unit_reports.push_back(
      {{9, ""}, std::nullopt, "not_started", std::nullopt, std::nullopt, 0, 0});
  r.unit_prose.push_back({{8, "Văn phòng"}, "accepted", {AwkwardText(), "", "x", "", "y"}});
  r.prose = {"a", AwkwardText(), "", "", ""};
  r.draft_version = 3;

  const std::string text = ToJsonText(r);
  EXPECT_EQ(text, boost::json::serialize(ToJson(r)));
  EXPECT_EQ(boost::json::parse(text).at("overdue").at(0).at("title").as_string(), AwkwardText());
}

}  // namespace
}  // namespace giaoban::api
