// The files an issued report is kept as, read back with their readers' tools: the signature and
// the seal are in the PDF and in the Word file when they are set, and only then.
#include "documents/issued_report_renderer.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "documents/official/sample_document_test_util.h"
#include "documents/sample_report_test_util.h"
#include "service/reports/png_check.h"
#include "service/reports/png_testing.h"

namespace giaoban::documents {
namespace {

using document_testing::ArtifactsDir;
using document_testing::Quoted;
using document_testing::RunTool;
using document_testing::Unzip;
namespace png = service::png_testing;

service::IssuedReport Issued() {
  service::IssuedReport issued;
  issued.summary.number = 7;
  issued.summary.number_text = "07/BC-SGTVT";
  issued.summary.issued_on = report_testing::Day(2027, 1, 4);
  issued.summary.period = "2026-12";
  issued.summary.signer = {3, "Nguyễn Văn Hùng", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", std::nullopt};
  report_testing::SetMonth(issued.report, 2026, 12);
  return issued;
}

std::string FileOf(const std::vector<service::RenderedFile>& files, const std::string& format) {
  for (const auto& f : files) {
    if (f.format == format) return f.bytes;
  }
  ADD_FAILURE() << "no " << format;
  return "";
}

// The images a PDF holds, as `pdfimages -list` lists them: their width and height, each image
// once (its alpha mask, the "smask" line, left out).
std::vector<std::pair<int, int>> PdfImages(const std::string& name, const std::string& pdf) {
  const auto path = ArtifactsDir() / name;
  document_testing::WriteFile(path, pdf);
  const auto listed = RunTool("pdfimages -list " + Quoted(path));
  EXPECT_EQ(listed.status, 0) << listed.output;
  std::vector<std::pair<int, int>> out;
  const std::regex line(R"(^\s*\d+\s+\d+\s+image\s+(\d+)\s+(\d+)\s)");
  std::istringstream in(listed.output);
  for (std::string text; std::getline(in, text);) {
    std::smatch m;
    if (std::regex_search(text, m, line)) out.emplace_back(std::stoi(m[1]), std::stoi(m[2]));
  }
  return out;
}

TEST(IssuedReportRendererTest, TheSignatureAndTheSealAreInBothDocumentsWhenSet) {
  const std::string signature = png::BlueStroke(240, 100);
  const std::string seal = png::RedRing(180);
  const auto files = ReportDocumentRenderer().Render(Issued(), report_testing::SampleSettings(),
                                                     {signature, seal, std::nullopt});

  const auto images = PdfImages("issued-with-images.pdf", FileOf(files, "pdf"));
  EXPECT_EQ(images, (std::vector<std::pair<int, int>>{{240, 100}, {180, 180}}));
  EXPECT_EQ(
      RunTool("pdftoppm -r 60 -png -f 1 -l 1 " + Quoted(ArtifactsDir() / "issued-with-images.pdf") +
              " " + Quoted(ArtifactsDir() / "issued-with-images"))
          .status,
      0);

  const auto entries = Unzip(FileOf(files, "docx"));
  ASSERT_TRUE(entries.contains("word/media/signature.png"));
  ASSERT_TRUE(entries.contains("word/media/seal.png"));
  EXPECT_EQ(entries.at("word/media/signature.png").bytes, signature);
  EXPECT_EQ(entries.at("word/media/seal.png").bytes, seal);
}

TEST(IssuedReportRendererTest, WithoutImagesTheDocumentsHaveNone) {
  const auto files =
      ReportDocumentRenderer().Render(Issued(), report_testing::SampleSettings(), {});
  EXPECT_TRUE(PdfImages("issued-without-images.pdf", FileOf(files, "pdf")).empty());
  for (const auto& [name, entry] : Unzip(FileOf(files, "docx"))) {
    EXPECT_EQ(name.find("word/media/"), std::string::npos) << name;
  }
  // The signature alone, with no seal.
  const auto signed_only = ReportDocumentRenderer().Render(
      Issued(), report_testing::SampleSettings(), {png::BlueStroke(), "", std::nullopt});
  EXPECT_EQ(PdfImages("issued-signature-only.pdf", FileOf(signed_only, "pdf")).size(), 1u);
  const auto entries = Unzip(FileOf(signed_only, "docx"));
  EXPECT_TRUE(entries.contains("word/media/signature.png"));
  EXPECT_FALSE(entries.contains("word/media/seal.png"));
}

// What the service accepts as a signature or a seal, the renderers draw: every colour type and
// depth the check lets through, interlaced or not, and cairo's own files.
TEST(IssuedReportRendererTest, EveryImageTheServiceAcceptsIsDrawn) {
  // 3 × 3 pixels interlaced: the rows of Adam7's passes, each filter byte 0, every pixel half
  // transparent grey.
  std::string interlaced(42, '\x80');
  for (std::size_t row : {0, 5, 10, 19, 24, 29}) interlaced[row] = '\0';
  const std::string indexed_row = std::string(1, '\0') + std::string("\x00\x01\x01\x00", 4);
  const std::string palette("\xc8\x10\x10\x00\x00\x00", 6);
  const std::string accepted[] = {
      png::BlueStroke(),
      png::File(png::Header(3, 3, 8, 6, true), interlaced),
      png::File(png::Header(4, 1, 8, 3), indexed_row,
                {{"PLTE", palette}, {"tRNS", std::string("\xff\x00", 2)}}),
      png::File(png::Header(2, 1, 16, 4),
                std::string(1, '\0') + std::string("\x10\x00\xff\xff\x10\x00\x00\x00", 8)),
      png::File(png::Header(2, 1, 8, 2), std::string(1, '\0') + "\x30\x30\x30\x90\x90\x90",
                {{"tRNS", std::string("\x00\x30\x00\x30\x00\x30", 6)}}),
      document_testing::SamplePng(300, 120, 0, 0, 0.8),
  };
  int i = 0;
  for (const std::string& image : accepted) {
    SCOPED_TRACE(i++);
    ASSERT_EQ(service::CheckDocumentImage(image).problem, "");
    std::vector<service::RenderedFile> files;
    ASSERT_NO_THROW(files = ReportDocumentRenderer().Render(
                        Issued(), report_testing::SampleSettings(), {image, image, std::nullopt}));
    EXPECT_EQ(
        PdfImages("issued-accepted-" + std::to_string(i) + ".pdf", FileOf(files, "pdf")).size(),
        2u);
  }
}

}  // namespace
}  // namespace giaoban::documents
