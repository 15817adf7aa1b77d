// The PDF read back with poppler, as a reader's viewer and a printer would see it.
#include "documents/official/pdf.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <regex>
#include <sstream>
#include <vector>

#include "documents/official/page_geometry.h"
#include "documents/official/sample_document_test_util.h"
#include "service/reports/png_testing.h"

namespace giaoban::documents {
namespace {

using document_testing::ArtifactsDir;
using document_testing::Quoted;
using document_testing::RunTool;

class PdfTest : public ::testing::Test {
 protected:
  std::filesystem::path Write(const std::string& name, const std::string& pdf) {
    const auto path = ArtifactsDir() / name;
    document_testing::WriteFile(path, pdf);
    return path;
  }

  static std::string Text(const std::filesystem::path& pdf, int page = 0) {
    std::string pages =
        page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    const auto r = RunTool("pdftotext -layout" + pages + " " + Quoted(pdf) + " -");
    EXPECT_EQ(r.status, 0) << r.output;
    return r.output;
  }

  static int Pages(const std::filesystem::path& pdf) {
    const auto r = RunTool("pdfinfo " + Quoted(pdf));
    std::smatch m;
    static const std::regex pages(R"(Pages:\s+(\d+))");
    return std::regex_search(r.output, m, pages) ? std::stoi(m[1]) : 0;
  }

  struct Word {
    int page;
    double x_min, y_min, x_max, y_max;
    std::string text;
  };

  // Every word with its box, from `pdftotext -bbox`.
  static std::vector<Word> Words(const std::filesystem::path& pdf) {
    const auto r = RunTool("pdftotext -bbox " + Quoted(pdf) + " -");
    std::vector<Word> words;
    int page = 0;
    static const std::regex word(
        R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
    std::istringstream lines(r.output);
    for (std::string line; std::getline(lines, line);) {
      if (line.find("<page ") != std::string::npos) ++page;
      std::smatch m;
      if (std::regex_search(line, m, word)) {
        words.push_back(
            Word{page, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), m[5]});
      }
    }
    return words;
  }

  // A page as poppler draws it, `kDpi` pixels to the inch: three bytes a pixel, row by row.
  static constexpr int kDpi = 144;
  static constexpr double kPixel = 72.0 / kDpi;  // in points
  struct PageImage {
    int width = 0;
    int height = 0;
    std::string rgb;
  };

  static PageImage Draw(const std::filesystem::path& pdf, int page) {
    const auto prefix = ArtifactsDir() / (pdf.stem().string() + "-page");
    const auto r =
        RunTool("pdftoppm -r " + std::to_string(kDpi) + " -f " + std::to_string(page) + " -l " +
                std::to_string(page) + " -singlefile " + Quoted(pdf) + " " + Quoted(prefix));
    EXPECT_EQ(r.status, 0) << r.output;
    std::ifstream in(prefix.string() + ".ppm", std::ios::binary);
    PageImage image;
    std::string magic;
    int max = 0;
    in >> magic >> image.width >> image.height >> max;
    in.get();  // the one white space after the header
    EXPECT_EQ(magic, "P6");
    EXPECT_EQ(max, 255);
    image.rgb.assign(std::istreambuf_iterator<char>(in), {});
    EXPECT_EQ(image.rgb.size(), static_cast<std::size_t>(image.width) * image.height * 3);
    return image;
  }

  // The smallest box, in points, holding every pixel of `image` whose colour `is` takes.
  struct Box {
    double left, top, right, bottom;
  };
  static std::optional<Box> BoxOf(const PageImage& image,
                                  const std::function<bool(int, int, int)>& is) {
    int left = image.width, top = image.height, right = -1, bottom = -1;
    for (int y = 0; y < image.height; ++y) {
      for (int x = 0; x < image.width; ++x) {
        const std::size_t at = (static_cast<std::size_t>(y) * image.width + x) * 3;
        if (!is(static_cast<unsigned char>(image.rgb[at]),
                static_cast<unsigned char>(image.rgb[at + 1]),
                static_cast<unsigned char>(image.rgb[at + 2])))
          continue;
        left = std::min(left, x);
        right = std::max(right, x);
        top = std::min(top, y);
        bottom = std::max(bottom, y);
      }
    }
    if (right < 0) return std::nullopt;
    return Box{left * kPixel, top * kPixel, (right + 1) * kPixel, (bottom + 1) * kPixel};
  }
};

TEST_F(PdfTest, HoldsTheDecreesLinesInVietnamese) {
  const auto path = Write("report.pdf", RenderPdf(document_testing::SampleReport()));
  const std::string text = Text(path);
  for (const char* line : {"UBND TỈNH QUẢNG NGÃI",
                           "SỞ GIAO THÔNG VẬN TẢI",
                           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                           "Độc lập - Tự do - Hạnh phúc",
                           "Số: 15/BC-SGTVT",
                           "Quảng Ngãi, ngày 05 tháng 01 năm 2024",
                           "BÁO CÁO",
                           "Kết quả thực hiện nhiệm vụ tháng 12/2023",
                           "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
                           "1. Nhiệm vụ trong Chương trình công tác của UBND tỉnh",
                           "Hoàn thành 02/02 nhiệm vụ trọng tâm",
                           "II. NHIỆM VỤ QUÁ HẠN",
                           "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 01/2024",
                           "- Chuẩn bị tổng kết năm 2023",
                           "báo cáo Ủy ban nhân dân tỉnh./.",
                           "Nơi nhận:",
                           "- Lưu: VT, KHTC.",
                           "KT. GIÁM ĐỐC",
                           "PHÓ GIÁM ĐỐC",
                           "Nguyễn Văn Hùng"}) {
    EXPECT_NE(text.find(line), std::string::npos) << line << "\n" << text;
  }
}

TEST_F(PdfTest, IsA4WithOnlyEmbeddedSubsetFonts) {
  const auto path = Write("report-fonts.pdf", RenderPdf(document_testing::SampleReport()));
  EXPECT_NE(RunTool("pdfinfo " + Quoted(path)).output.find("(A4)"), std::string::npos);

  const auto fonts = RunTool("pdffonts " + Quoted(path));
  ASSERT_EQ(fonts.status, 0) << fonts.output;
  std::istringstream lines(fonts.output);
  int listed = 0;
  std::string line;
  std::getline(lines, line);  // the column names
  std::getline(lines, line);  // the rule under them
  while (std::getline(lines, line)) {
    ++listed;
    // "ABCDEF+LiberationSerif ... emb sub uni": a subset (six letters and +), embedded.
    EXPECT_TRUE(std::regex_search(line, std::regex(R"(^[A-Z]{6}\+LiberationSerif)"))) << line;
    EXPECT_TRUE(std::regex_search(line, std::regex(R"(\byes\s+yes\s+yes\b)"))) << line;
  }
  EXPECT_GE(listed, 3);  // regular, bold, italic
}

TEST_F(PdfTest, KeepsToTheMarginsAndNumbersPagesFromTheSecond) {
  const auto path = Write("report-long.pdf", RenderPdf(document_testing::SampleReport(60)));
  ASSERT_GE(Pages(path), 3);
  namespace g = geometry;
  const double pt = g::kPointsPerMm;
  const double top = g::kMarginTop * pt;
  const double left = g::kMarginLeft * pt;
  const double right = (g::kPageWidth - g::kMarginRight) * pt;
  const double bottom = (g::kPageHeight - g::kMarginBottom) * pt;
  const double tolerance = 0.5;
  std::map<int, std::vector<Word>> in_top_margin;
  for (const Word& w : Words(path)) {
    EXPECT_GE(w.x_min, left - tolerance) << w.text << " on page " << w.page;
    EXPECT_LE(w.x_max, right + tolerance) << w.text << " on page " << w.page;
    EXPECT_LE(w.y_max, bottom + tolerance) << w.text << " on page " << w.page;
    if (w.y_max < top) in_top_margin[w.page].push_back(w);
  }
  // Page 1: only the draft mark would stand above the text, and this document is not a draft.
  EXPECT_TRUE(in_top_margin[1].empty()) << in_top_margin[1].front().text;
  for (int page = 2; page <= Pages(path); ++page) {
    ASSERT_EQ(in_top_margin[page].size(), 1u) << "page " << page;
    const Word& number = in_top_margin[page].front();
    EXPECT_EQ(number.text, std::to_string(page));
    const double centre = (number.x_min + number.x_max) / 2;
    EXPECT_NEAR(centre, (left + right) / 2, 2.0) << "page " << page;
  }
}

TEST_F(PdfTest, ALongTableRepeatsItsHeaderOnEveryPage) {
  const auto path = Write("report-300-overdue.pdf", RenderPdf(document_testing::SampleReport(300)));
  const int pages = Pages(path);
  ASSERT_GE(pages, 10);
  for (int page = 2; page <= pages; ++page) {
    const std::string text = Text(path, page);
    // The table runs on to the page before the closing; every such page starts with its header.
    if (text.find("Triển khai thực hiện dự án") == std::string::npos) continue;
    EXPECT_NE(text.find("Nội dung nhiệm vụ"), std::string::npos) << "page " << page;
    EXPECT_NE(text.find("Lý do"), std::string::npos) << "page " << page;
  }
  // All 300 rows are there, each once.
  const std::string all = Text(path);
  int rows = 0;
  for (std::size_t at = all.find("Triển khai"); at != std::string::npos;
       at = all.find("Triển khai", at + 1)) {
    ++rows;
  }
  EXPECT_EQ(rows, 300);
  // The pages as a reader sees them, kept for a look.
  const auto prefix = ArtifactsDir() / "report-300-overdue";
  EXPECT_EQ(RunTool("pdftoppm -r 50 -png -f 1 -l 3 " + Quoted(path) + " " + Quoted(prefix)).status,
            0);
}

// A document of `lines` one-line paragraphs and a table of `rows` short rows, then a heading and
// the report's table of units, whose header wraps over several lines; `first_reason` is the first
// unit's text in the last column.
OfficialDocument HeadingBeforeATable(int lines, int rows, const std::string& first_reason = "") {
  OfficialDocument d = document_testing::SampleReport(0);
  d.body.clear();
  for (int i = 0; i < lines; ++i)
    d.body.push_back(Paragraph{{documents::Run{"Dòng " + std::to_string(i)}}});
  Table before{{{"Mục", 1}, {"Nội dung", 3}}, {}};
  for (int i = 0; i < rows; ++i) before.rows.push_back(TableRow{{std::to_string(i + 1), "Hàng"}});
  if (rows > 0) d.body.push_back(before);
  d.body.push_back(Heading{2, "3.", "Theo đơn vị chủ trì"});
  // Headers as narrow and as long as the report's, so that the table's start is taller than the
  // two lines of text a heading would otherwise keep with.
  d.body.push_back(Table{{{"Đơn vị chủ trì", 3},
                          {"Số nhiệm vụ đến hạn trong kỳ báo cáo", 1},
                          {"Đến hạn đã hoàn thành, kể cả trễ hạn", 1},
                          {"Lý do, tình hình thực hiện", 2}},
                         {TableRow{{"Phòng Quản lý vận tải", "14", "13", first_reason}},
                          TableRow{{"Văn phòng Sở", "2", "2", ""}}}});
  return d;
}

TEST_F(PdfTest, AHeadingIsNeverLeftAtAPagesFootWithoutItsTable) {
  // The paragraphs and rows before the heading move it down the first page in steps of a few
  // points, so that the heading and the table's start meet the page's foot in every way they can.
  bool moved = false;
  for (int rows = 0; rows <= 2; ++rows) {
    for (int lines = 20; lines <= 40; ++lines) {
      const auto path = Write("heading.pdf", RenderPdf(HeadingBeforeATable(lines, rows)));
      for (int page = 1; page <= Pages(path); ++page) {
        const std::string text = Text(path, page);
        if (text.find("Theo đơn vị chủ trì") == std::string::npos) continue;
        EXPECT_NE(text.find("Phòng Quản lý vận tải"), std::string::npos)
            << lines << " lines, " << rows << " rows: the heading is on page " << page
            << " without its table";
        moved = moved || page > 1;
      }
    }
  }
  EXPECT_TRUE(moved) << "no case put the heading at a page's foot";
}

TEST_F(PdfTest, ATableWhoseFirstRowIsTallerThanAPageStartsUnderItsHeading) {
  std::string reason;
  for (int i = 0; i < 160; ++i) reason += "Chờ ý kiến thẩm định của các sở, ngành liên quan. ";
  for (int lines = 0; lines <= 30; lines += 10) {
    const auto path = Write("tall-row.pdf", RenderPdf(HeadingBeforeATable(lines, 0, reason)));
    const int pages = Pages(path);
    ASSERT_GE(pages, 3);
    for (int page = 1; page <= pages; ++page) {
      const std::string text = Text(path, page);
      EXPECT_NE(text.find_first_not_of(" \n\f"), std::string::npos)
          << lines << " lines: page " << page << " is blank";
      if (text.find("Theo đơn vị chủ trì") == std::string::npos) continue;
      EXPECT_NE(text.find("Phòng Quản lý vận tải"), std::string::npos)
          << lines << " lines: the heading is on page " << page << " without its table";
    }
  }
}

TEST_F(PdfTest, TheElectronicCopyCarriesTheSignatureAndTheSeal) {
  OfficialDocument d = document_testing::SampleReport();
  d.signature.signature_png = document_testing::SamplePng(400, 200, 0, 0, 0.8);
  d.signature.seal_png = document_testing::SamplePng(300, 300, 0.85, 0, 0);
  const auto path = Write("report-signed.pdf", RenderPdf(d));
  const auto images = RunTool("pdfimages -list " + Quoted(path));
  ASSERT_EQ(images.status, 0) << images.output;
  EXPECT_NE(images.output.find(" 400   200 "), std::string::npos) << images.output;
  EXPECT_NE(images.output.find(" 300   300 "), std::string::npos) << images.output;
  EXPECT_EQ(RunTool("pdftoppm -r 60 -png -f 1 -l 1 " + Quoted(path) + " " +
                    Quoted(ArtifactsDir() / "report-signed"))
                .status,
            0);

  d.signature.seal_png = "not a picture";
  EXPECT_THROW(RenderPdf(d), std::runtime_error);
}

// The signature block as the page shows it: the signature and the seal lie in the space between
// the signer's title and name, covering neither line, the signature centred in the block's column
// and the seal drawn over about a third of it on its left, inside the column
// (docs/domain.md#official-documents). Each image is a rectangle of a colour of its own, opaque to
// its edges, so that the page's pixels show where all of it was drawn.
TEST_F(PdfTest, TheSealAndTheSignatureLieBetweenTheTitleAndTheName) {
  namespace png = service::png_testing;
  namespace g = geometry;
  OfficialDocument d = document_testing::SampleReport();
  d.signature.signature_png = png::Rgba8(400, 200, [](int, int) {
    return png::Rgba{0, 0, 255, 255};
  });
  d.signature.seal_png = png::Rgba8(300, 300, [](int, int) { return png::Rgba{255, 0, 0, 255}; });
  const auto both = Write("report-signature-block.pdf", RenderPdf(d));
  OfficialDocument unsealed = d;
  unsealed.signature.seal_png.clear();
  const auto alone = Write("report-signature-alone.pdf", RenderPdf(unsealed));

  // The title line ("PHÓ GIÁM ĐỐC") and the name line ("Nguyễn Văn Hùng"), as pdftotext boxes
  // their words.
  const std::vector<Word> words = Words(both);
  auto find = [&](const std::string& text) {
    auto it =
        std::find_if(words.begin(), words.end(), [&](const Word& w) { return w.text == text; });
    EXPECT_NE(it, words.end()) << text;
    return it == words.end() ? Word{} : *it;
  };
  const Word title = find("PHÓ"), name = find("Hùng");
  ASSERT_EQ(title.page, name.page);
  double title_bottom = 0, name_top = 1e9;
  for (const Word& w : words) {
    if (w.page != title.page) continue;
    if (std::abs(w.y_min - title.y_min) < 1) title_bottom = std::max(title_bottom, w.y_max);
    if (std::abs(w.y_min - name.y_min) < 1) name_top = std::min(name_top, w.y_min);
  }
  ASSERT_LT(title_bottom, name_top);

  auto red = [](int r, int g, int b) { return r > 200 && g < 60 && b < 60; };
  auto blue = [](int r, int g, int b) { return b > 200 && r < 60 && g < 60; };
  const PageImage sealed_page = Draw(both, title.page);
  const auto seal = BoxOf(sealed_page, red);
  const auto signature_under_seal = BoxOf(sealed_page, blue);
  const auto signature = BoxOf(Draw(alone, title.page), blue);
  ASSERT_TRUE(seal && signature && signature_under_seal);

  // Between the lines: a pixel's width is what drawing on pixels may add to a box.
  for (const auto& [what, box] : {std::pair{"seal", *seal}, std::pair{"signature", *signature}}) {
    SCOPED_TRACE(what);
    EXPECT_GE(box.top, title_bottom - kPixel);
    EXPECT_LE(box.bottom, name_top + kPixel);
  }
  // The signature at its size (40 × 20 mm for a 2:1 image), centred in the column.
  const double pt = g::kPointsPerMm;
  const double column_left = g::kMarginLeft * pt + g::kRecipientsWidth * pt;
  const double column_centre = column_left + g::kSignatureWidth * pt / 2;
  EXPECT_NEAR(signature->right - signature->left, 40 * pt, 2 * kPixel);
  EXPECT_NEAR(signature->bottom - signature->top, 20 * pt, 2 * kPixel);
  EXPECT_NEAR((signature->left + signature->right) / 2, column_centre, 2 * kPixel);
  // The seal, 34 mm square, over a third of the signature from its left, and drawn over it: what
  // shows of the signature starts where the seal ends.
  EXPECT_NEAR(seal->right - seal->left, 34 * pt, 2 * kPixel);
  const double third = signature->left + (signature->right - signature->left) / 3;
  EXPECT_NEAR(seal->right, third, 2 * kPixel);
  EXPECT_NEAR(signature_under_seal->left, seal->right, 2 * kPixel);
  EXPECT_GE(seal->left, column_left) << "the seal reaches into \"Nơi nhận\"";
}

TEST_F(PdfTest, ADraftSaysSoAndHasNoNumber) {
  OfficialDocument d = document_testing::SampleReport();
  d.draft = true;
  d.number_line = domain::DocumentNumberLine(0, "BC", "SGTVT");
  const std::string text = Text(Write("report-draft.pdf", RenderPdf(d)));
  EXPECT_NE(text.find("DỰ THẢO"), std::string::npos);
  EXPECT_NE(text.find("Số:"), std::string::npos);
  EXPECT_EQ(text.find("Số: 15"), std::string::npos);
}

TEST_F(PdfTest, TextInAnotherNormalFormIsWrittenInNfc) {
  OfficialDocument d = document_testing::SampleReport();
  // "Hoàn thành" decomposed: a + combining grave accent.
  d.summary = "Kết qua\xcc\x80 ho\xcc\x80";
  const std::string text = Text(Write("report-nfc.pdf", RenderPdf(d)));
  EXPECT_NE(text.find("Kết quà hò"), std::string::npos) << text;
}

TEST_F(PdfTest, TheSameDocumentGivesTheSameBytes) {
  EXPECT_EQ(RenderPdf(document_testing::SampleReport()),
            RenderPdf(document_testing::SampleReport()));
}

}  // namespace
}  // namespace giaoban::documents
