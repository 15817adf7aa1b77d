// The Word file opened as Word and LibreOffice open it: its parts unzipped, then converted by
// LibreOffice and read back.
#include "documents/official/docx.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "documents/official/sample_document_test_util.h"

namespace giaoban::documents {
namespace {

using document_testing::ArtifactsDir;
using document_testing::Quoted;
using document_testing::RunTool;
using document_testing::Unzip;

TEST(DocxTest, HoldsEveryBlockOfTheDecreesLayout) {
  const auto entries = Unzip(RenderDocx(document_testing::SampleReport()));
  for (const char* part :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
        "word/settings.xml", "word/header1.xml", "word/header2.xml", "docProps/core.xml"}) {
    EXPECT_TRUE(entries.contains(part)) << part;
  }
  const std::string& xml = entries.at("word/document.xml").bytes;
  for (const char* text :
       {"UBND TỈNH QUẢNG NGÃI", "SỞ GIAO THÔNG VẬN TẢI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số: 15/BC-SGTVT", "Quảng Ngãi, ngày 05 tháng 01 năm 2024",
        "BÁO CÁO", "Kết quả thực hiện nhiệm vụ tháng 12/2023", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
        "II. NHIỆM VỤ QUÁ HẠN", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 01/2024",
        "báo cáo Ủy ban nhân dân tỉnh./.", "Nơi nhận:", "- Lưu: VT, KHTC.", "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC", "Nguyễn Văn Hùng"}) {
    EXPECT_NE(xml.find(text), std::string::npos) << text;
  }
  // A4, the margins (top and bottom 20 mm, left 30 mm, right 15 mm), no header on page 1.
  EXPECT_NE(xml.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), std::string::npos);
  EXPECT_NE(xml.find("w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""),
            std::string::npos);
  EXPECT_NE(xml.find("<w:titlePg/>"), std::string::npos);
  EXPECT_NE(entries.at("word/header2.xml").bytes.find(" PAGE "), std::string::npos);
  EXPECT_EQ(entries.at("word/header1.xml").bytes.find(" PAGE "), std::string::npos);
  // Tables carry their grid (LibreOffice keeps the widths by it) and repeat their header row.
  const std::regex grid("<w:tblGrid>(<w:gridCol w:w=\"\\d+\"/>)+</w:tblGrid>");
  const auto grids =
      std::distance(std::sregex_iterator(xml.begin(), xml.end(), grid), std::sregex_iterator());
  EXPECT_EQ(grids, 4);  // the heading, the two tables of the body, the closing
  EXPECT_NE(xml.find("<w:tblHeader/>"), std::string::npos);
  // The body justified with its first line indented 1.27 cm.
  EXPECT_NE(xml.find("<w:ind w:firstLine=\"720\"/><w:jc w:val=\"both\"/>"), std::string::npos);
  // Times New Roman, Vietnamese.
  const std::string& styles = entries.at("word/styles.xml").bytes;
  EXPECT_NE(styles.find("w:ascii=\"Times New Roman\""), std::string::npos);
  EXPECT_NE(styles.find("<w:lang w:val=\"vi-VN\"/>"), std::string::npos);
}

TEST(DocxTest, TheSameDocumentGivesTheSameBytesWhateverTheTime) {
  const std::string docx = RenderDocx(document_testing::SampleReport());
  EXPECT_EQ(docx, RenderDocx(document_testing::SampleReport()));
  // Every local header's modification time and date are 1980-01-01 00:00 (0x0000, 0x0021), not
  // the moment of rendering.
  int headers = 0;
  for (std::size_t at = docx.find("PK\x03\x04"); at != std::string::npos;
       at = docx.find("PK\x03\x04", at + 4)) {
    ASSERT_LE(at + 14, docx.size());
    EXPECT_EQ(docx.substr(at + 10, 4), std::string("\x00\x00\x21\x00", 4)) << "entry " << headers;
    ++headers;
  }
  EXPECT_EQ(headers, 10);
}

TEST(DocxTest, CarriesTheSignatureAndSealImagesWhenSet) {
  OfficialDocument d = document_testing::SampleReport();
  d.signature.signature_png = document_testing::SamplePng(400, 200, 0, 0, 0.8);
  d.signature.seal_png = document_testing::SamplePng(300, 300, 0.85, 0, 0);
  const auto entries = Unzip(RenderDocx(d));
  EXPECT_EQ(entries.at("word/media/signature.png").bytes, d.signature.signature_png);
  EXPECT_EQ(entries.at("word/media/seal.png").bytes, d.signature.seal_png);
  const std::string& xml = entries.at("word/document.xml").bytes;
  EXPECT_NE(xml.find("r:embed=\"rIdSignature\""), std::string::npos);
  EXPECT_NE(xml.find("<wp:anchor"), std::string::npos);
  EXPECT_NE(entries.at("word/_rels/document.xml.rels").bytes.find("media/seal.png"),
            std::string::npos);
}

TEST(DocxTest, TextThatXmlCannotCarryIsEscapedOrDropped) {
  OfficialDocument d = document_testing::SampleReport();
  d.summary = "Dự án <A&B> \"mới\"\x01\x1f";
  const std::string xml = Unzip(RenderDocx(d)).at("word/document.xml").bytes;
  EXPECT_NE(xml.find("Dự án &lt;A&amp;B&gt; &quot;mới&quot;</w:t>"), std::string::npos);
}

// LibreOffice opens the file and prints it to PDF; what it prints holds the report's lines.
TEST(DocxTest, LibreOfficeConvertsItToPdf) {
  OfficialDocument d = document_testing::SampleReport(40);
  d.signature.signature_png = document_testing::SamplePng(400, 200, 0, 0, 0.8);
  d.signature.seal_png = document_testing::SamplePng(300, 300, 0.85, 0, 0);
  const auto dir = ArtifactsDir() / "docx";
  std::filesystem::create_directories(dir);
  const auto docx = dir / "report.docx";
  document_testing::WriteFile(docx, RenderDocx(d));
  // A profile of its own, so that a LibreOffice the user has open does not take the job.
  const auto profile =
      std::filesystem::temp_directory_path() / ("giaoban-lo-" + std::to_string(::getpid()));
  const auto converted =
      RunTool("soffice -env:UserInstallation=file://" + profile.string() +
              " --headless --convert-to pdf --outdir " + Quoted(dir) + " " + Quoted(docx));
  std::filesystem::remove_all(profile);
  ASSERT_EQ(converted.status, 0) << converted.output;
  const auto pdf = dir / "report.pdf";
  ASSERT_TRUE(std::filesystem::exists(pdf)) << converted.output;
  const auto text = RunTool("pdftotext -layout " + Quoted(pdf) + " -");
  for (const char* line :
       {"SỞ GIAO THÔNG VẬN TẢI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 15/BC-SGTVT",
        "Quảng Ngãi, ngày 05 tháng 01 năm 2024", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
        "tuyến đường số 40", "Nơi nhận:", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Hùng"}) {
    EXPECT_NE(text.output.find(line), std::string::npos) << line << "\n" << text.output;
  }
  EXPECT_NE(RunTool("pdfinfo " + Quoted(pdf)).output.find("(A4)"), std::string::npos);
  EXPECT_EQ(
      RunTool("pdftoppm -r 50 -png -f 1 -l 2 " + Quoted(pdf) + " " + Quoted(dir / "report")).status,
      0);
}

}  // namespace
}  // namespace giaoban::documents
