#include "domain/attachment_policy.h"

#include <gtest/gtest.h>

#include <string>

namespace giaoban::domain {
namespace {

constexpr std::int64_t kLimit = 1024;

const std::string kPdf = "%PDF-1.7\n";
const std::string kZip("PK\x03\x04rest", 8);
const std::string kOle("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", 12);
const std::string kPng("\x89PNG\r\n\x1A\nrest", 12);
const std::string kJpeg("\xFF\xD8\xFFrest", 7);
const std::string kText = "Báo cáo tiến độ quý III\n";
const std::string kExe = "MZ\x90\x00 not a document";

constexpr std::string_view kDocx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr std::string_view kXlsx =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::string_view kPptx =
    "application/vnd.openxmlformats-officedocument.presentationml.presentation";

struct TypeRow {
  std::string_view content_type;
  std::string content;
  std::string_view problem;
};

// Each accepted type with bytes of its kind, and with bytes of another kind; and types not listed.
TEST(AttachmentPolicyTest, DeclaredTypeMustBeListedAndMatchTheBytes) {
  const TypeRow rows[] = {
      {"application/pdf", kPdf, ""},
      {"application/pdf", kZip, "attachment_type_not_allowed"},
      {kDocx, kZip, ""},
      {kDocx, kOle, "attachment_type_not_allowed"},
      {kXlsx, kZip, ""},
      {kXlsx, kPdf, "attachment_type_not_allowed"},
      {kPptx, kZip, ""},
      {kPptx, kExe, "attachment_type_not_allowed"},
      {"application/msword", kOle, ""},
      {"application/msword", kZip, "attachment_type_not_allowed"},
      {"application/vnd.ms-excel", kOle, ""},
      {"application/vnd.ms-excel", kPdf, "attachment_type_not_allowed"},
      {"image/png", kPng, ""},
      {"image/png", kJpeg, "attachment_type_not_allowed"},
      {"image/jpeg", kJpeg, ""},
      {"image/jpeg", kPng, "attachment_type_not_allowed"},
      {"text/plain", kText, ""},
      {"text/plain", "", ""},  // an empty note is still text
      {"text/plain", std::string("a\0b", 3), "attachment_type_not_allowed"},
      {"text/plain", "caf\xE9", "attachment_type_not_allowed"},  // Latin-1, not UTF-8
      {"application/zip", kZip, ""},
      {"application/zip", kPdf, "attachment_type_not_allowed"},
      // Types not on the list, whatever the bytes.
      {"application/x-msdownload", kExe, "attachment_type_not_allowed"},
      {"application/octet-stream", kPdf, "attachment_type_not_allowed"},
      {"text/html", kText, "attachment_type_not_allowed"},
      {"image/gif", "GIF89a", "attachment_type_not_allowed"},
      {"", kPdf, "attachment_type_not_allowed"},
      {"APPLICATION/PDF", kPdf, "attachment_type_not_allowed"},  // compared exactly
      {"application/pdf; charset=binary", kPdf, "attachment_type_not_allowed"},
      // A truncated signature is not the type.
      {"application/pdf", "%PDF", "attachment_type_not_allowed"},
      {"image/png", "\x89PNG", "attachment_type_not_allowed"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(std::string(row.content_type) + " <- " + testing::PrintToString(row.content));
    EXPECT_EQ(AttachmentProblem({"tep.bin", row.content_type, row.content}, kLimit), row.problem);
  }
}

struct NameRow {
  std::string name;
  std::string_view problem;
};

TEST(AttachmentPolicyTest, FileNamesArePlain) {
  const NameRow rows[] = {
      {"Báo cáo.pdf", ""},
      {"bao-cao_2023 (1).pdf", ""},
      {std::string(255, 'a'), ""},
      {std::string(256, 'a'), "invalid"},
      {"", "invalid"},
      {"thu-muc/bao-cao.pdf", "invalid"},
      {"thu-muc\\bao-cao.pdf", "invalid"},
      {"bao\"cao.pdf", "invalid"},
      {"bao\rcao.pdf", "invalid"},
      {"bao\ncao.pdf", "invalid"},
      {"b\xE1o c\xE1o.pdf", "invalid"},  // not UTF-8
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(testing::PrintToString(row.name));
    EXPECT_EQ(AttachmentProblem({row.name, "application/pdf", kPdf}, kLimit), row.problem);
  }
}

TEST(AttachmentPolicyTest, NameLimitCountsBytesNotLetters) {
  std::string name;
  for (int i = 0; i < 85; ++i) name += "ệ";  // three bytes each: 255 bytes, 85 letters
  ASSERT_EQ(name.size(), kMaxAttachmentNameBytes);
  EXPECT_EQ(AttachmentProblem({name, "application/pdf", kPdf}, kLimit), "");
  name += "a";
  EXPECT_EQ(AttachmentProblem({name, "application/pdf", kPdf}, kLimit), "invalid");
}

TEST(AttachmentPolicyTest, SizeAtTheLimitPassesAndOneByteOverFails) {
  const std::string at_limit = kPdf + std::string(kLimit - kPdf.size(), 'x');
  EXPECT_EQ(AttachmentProblem({"a.pdf", "application/pdf", at_limit}, kLimit), "");
  EXPECT_EQ(AttachmentProblem({"a.pdf", "application/pdf", at_limit + "x"}, kLimit),
            "attachment_too_large");
  // Size is judged first: an oversized file of a refused type is reported as too large.
  EXPECT_EQ(AttachmentProblem({"a.exe", "application/x-msdownload", at_limit + "x"}, kLimit),
            "attachment_too_large");
  // Then the name, before the type.
  EXPECT_EQ(AttachmentProblem({"", "application/x-msdownload", kExe}, kLimit), "invalid");
}

TEST(AttachmentPolicyTest, AtMostTenFilesPerReport) {
  EXPECT_FALSE(TooManyAttachments(0));
  EXPECT_FALSE(TooManyAttachments(10));
  EXPECT_TRUE(TooManyAttachments(11));
  EXPECT_EQ(kMaxAttachmentsPerReport, 10u);
}

}  // namespace
}  // namespace giaoban::domain
