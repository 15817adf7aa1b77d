#include "api/error_status.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "messages/messages.h"

namespace giaoban::api {
namespace {

using service::Error;

TEST(ErrorStatusTest, NamedErrorsKeepTheirStatuses) {
  EXPECT_EQ(HttpStatus(Error::BadRequest()), 400);
  EXPECT_EQ(HttpStatus(Error::BadRequest("bad_json")), 400);
  EXPECT_EQ(HttpStatus(Error::BadRequest("json_too_complex")), 400);
  EXPECT_EQ(HttpStatus(Error::Validation({{"title", "required"}})), 422);
  EXPECT_EQ(HttpStatus(Error::Unauthenticated()), 401);
  EXPECT_EQ(HttpStatus(Error::InvalidCredentials()), 401);
  EXPECT_EQ(HttpStatus(Error::Forbidden()), 403);
  EXPECT_EQ(HttpStatus(Error::CsrfFailed()), 403);
  EXPECT_EQ(HttpStatus(Error::NotFound()), 404);
  EXPECT_EQ(HttpStatus(Error::MethodNotAllowed()), 405);
  EXPECT_EQ(HttpStatus(Error::Conflict()), 409);
  EXPECT_EQ(HttpStatus(Error::Conflict("task_cancelled")), 409);
  EXPECT_EQ(HttpStatus(Error::Conflict("task_already_completed")), 409);
  EXPECT_EQ(HttpStatus(Error::Conflict("extension_not_pending")), 409);
  EXPECT_EQ(HttpStatus(Error::PreconditionFailed()), 412);
  EXPECT_EQ(HttpStatus(Error::TooLarge("body_too_large")), 413);
  EXPECT_EQ(HttpStatus(Error::UnsupportedMediaType()), 415);
  EXPECT_EQ(HttpStatus(Error::PreconditionRequired()), 428);
  EXPECT_EQ(HttpStatus(Error::TooManyRequests(30)), 429);
  EXPECT_EQ(HttpStatus(Error::Internal()), 500);
}

TEST(ErrorStatusTest, AnUnknownCodeIsAClientErrorNotSuccess) {
  EXPECT_FALSE(StatusOfCode("no_such_code"));
  EXPECT_EQ(HttpStatus(Error::Conflict("no_such_code")), 400);
}

TEST(ErrorStatusTest, EveryCodeHasAMessageInTheCatalogue) {
  for (const auto& [code, status] : ErrorStatusTable()) {
    EXPECT_TRUE(messages::HasMessage(code)) << code;
    EXPECT_GE(status, 400) << code;
  }
}

// The codes the sources hand to the factories that take one, or to an Error they build directly.
std::set<std::string> CodesUsedInSources() {
  const std::regex literal_code(
      R"re(Error::(?:Conflict|BadRequest|TooLarge)\(\s*"([^"]*)"|Error\{\s*"([^"]*)")re");
  std::set<std::string> codes;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(GIAOBAN_SOURCE_DIR)) {
    const auto path = entry.path();
    if (path.extension() != ".cc" && path.extension() != ".h") continue;
    if (path.filename().string().ends_with("_test.cc")) continue;
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    for (std::sregex_iterator it(source.begin(), source.end(), literal_code), end; it != end;
         ++it) {
      codes.insert((*it)[1].matched ? (*it)[1].str() : (*it)[2].str());
    }
  }
  return codes;
}

TEST(ErrorStatusTest, EveryCodeTheSourcesUseHasAStatus) {
  const auto codes = CodesUsedInSources();
  // The scan must see the codes known today, or it would pass by finding nothing.
  for (const char* known : {"task_cancelled", "task_already_completed", "extension_not_pending",
                            "conflict", "bad_json", "json_too_complex"}) {
    EXPECT_TRUE(codes.contains(known)) << known;
  }
  for (const auto& code : codes) EXPECT_TRUE(StatusOfCode(code)) << code << " has no HTTP status";
}

}  // namespace
}  // namespace giaoban::api
