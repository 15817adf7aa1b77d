#include "http/message.h"

#include <gtest/gtest.h>

namespace giaoban::http {
namespace {

TEST(MediaTypeTest, ParsesTypeAndSubtypeInLowerCase) {
  auto media = ParseMediaType("Application/JSON; charset=UTF-8");
  ASSERT_TRUE(media);
  EXPECT_EQ(media->type, "application");
  EXPECT_EQ(media->subtype, "json");
  media = ParseMediaType("  text/plain ");
  ASSERT_TRUE(media);
  EXPECT_EQ(media->subtype, "plain");
}

TEST(MediaTypeTest, RefusesWhatIsNotTypeSlashSubtype) {
  for (const char* bad : {"", "json", "application", "application/", "/json", "application/json/x",
                          "appli cation/json", "application/js on", "application/json\x01"}) {
    EXPECT_FALSE(ParseMediaType(bad)) << bad;
  }
}

TEST(MediaTypeTest, JsonIsApplicationJsonWithAnyParameters) {
  for (const char* json : {"application/json", "application/json; charset=utf-8",
                           "APPLICATION/Json", "application/json;charset=UTF-8",
                           "application/json ; charset=utf-8", "\tapplication/json"}) {
    EXPECT_TRUE(IsJsonMediaType(json)) << json;
  }
  for (const char* other :
       {"application/jsonx", "application/json-patch+json", "application/jsonp", "text/json",
        "application/x-json", "application/xjson", "", "json", "application/ json",
        "multipart/form-data; boundary=application/json"}) {
    EXPECT_FALSE(IsJsonMediaType(other)) << other;
  }
}

}  // namespace
}  // namespace giaoban::http
