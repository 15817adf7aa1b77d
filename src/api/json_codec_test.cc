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
