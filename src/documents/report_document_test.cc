#include "documents/report_document.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "documents/official/pdf.h"
#include "documents/official/sample_document_test_util.h"
#include "documents/report_xlsx.h"
#include "documents/sample_report_test_util.h"
#include "service/reports/prose.h"

namespace giaoban::documents {
namespace {

using document_testing::Quoted;
using document_testing::RunTool;

using report_testing::Day;
using report_testing::Figures;

service::ConsolidatedReport December() {
  service::ConsolidatedReport r;
  report_testing::SetMonth(r, 2026, 12);
  r.totals = Figures(14, 13, 40);
  r.totals.carried_over = 5;
  r.by_source_kind_and_key = {{"higher_program:true", std::nullopt, Figures(2, 2, 3)},
                              {"ad_hoc:false", std::nullopt, Figures(4, 4, 6)},
                              {"key_program:false", std::nullopt, Figures(0, 0, 2)}};
  r.by_unit = {{"7", service::NamedRef{7, "Phòng Quản lý vận tải"}, Figures(14, 13, 40)}};
  service::ReportTask overdue;
  overdue.id = 11;
  overdue.title = "Nâng cấp tuyến đường tỉnh ĐT.623";
  overdue.lead_org = {7, "Phòng Quản lý vận tải"};
  overdue.deadline = Day(2026, 11, 30);
  overdue.note = "Chờ thẩm định dự toán";
  overdue.note_on = Day(2026, 12, 20);
  service::ReportTask hidden = overdue;
  hidden.id = 12;
  hidden.hidden = true;
  hidden.title = "";
  hidden.note = "";
  r.overdue = {overdue, hidden};
  service::MergedProse unit;
  unit.organization = {7, "Phòng Quản lý vận tải"};
  unit.state = "accepted";
  unit.prose.highlights = "Cấp 120 giấy phép lái xe.\n\nKiểm tra 15 bến xe.";
  unit.prose.difficulties = "Thiếu nhân lực.";
  r.unit_prose = {unit};
  r.prose = service::MergeUnitProse(r.unit_prose);
  return r;
}

ReportIssue Draft() {
  return ReportIssue{
      0, Day(2027, 1, 4),
      service::ReportSigner{3, "Nguyễn Văn Hùng", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", std::nullopt}};
}

std::vector<std::string> Headings(const OfficialDocument& d) {
  std::vector<std::string> out;
  for (const Block& b : d.body) {
    if (const auto* h = std::get_if<Heading>(&b)) out.push_back(h->label + " " + h->text);
  }
  return out;
}

std::string AllText(const OfficialDocument& d) {
  std::string out;
  for (const Block& b : d.body) {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
      for (const Run& r : p->runs) out += r.text;
    } else if (const auto* l = std::get_if<List>(&b)) {
      for (const std::string& item : l->items) out += item + "\n";
    } else if (const auto* t = std::get_if<Table>(&b)) {
      for (const TableRow& row : t->rows) {
        for (const std::string& cell : row.cells) out += cell + " | ";
      }
    }
    out += "\n";
  }
  return out;
}

TEST(ReportDocumentTest, ADraftHasNoNumberAndSaysSo) {
  const OfficialDocument d = ReportDocument(December(), report_testing::SampleSettings(), Draft());
  EXPECT_TRUE(d.draft);
  EXPECT_EQ(d.number_line, "Số:     /BC-SGTVT");
  EXPECT_EQ(d.place_date_line, "Quảng Ngãi, ngày 04 tháng 01 năm 2027");
  EXPECT_EQ(d.type_name, "BÁO CÁO");
  // December's next period is January of the next year.
  EXPECT_EQ(d.summary,
            "Kết quả thực hiện nhiệm vụ tháng 12/2026, phương hướng, nhiệm vụ tháng 1/2027");
  EXPECT_EQ(d.signature.authority, "KT. GIÁM ĐỐC");
  EXPECT_EQ(d.signature.name, "Nguyễn Văn Hùng");
  EXPECT_EQ(d.recipients.back(), "Lưu: VT, KHTC.");
}

TEST(ReportDocumentTest, AnIssuedReportCarriesItsNumber) {
  ReportIssue issue = Draft();
  issue.number = 7;
  const OfficialDocument d = ReportDocument(December(), report_testing::SampleSettings(), issue);
  EXPECT_FALSE(d.draft);
  EXPECT_EQ(d.number_line, "Số: 07/BC-SGTVT");
}

TEST(ReportDocumentTest, SectionsComeInTheUsualOrderWithRomanNumerals) {
  const OfficialDocument d = ReportDocument(December(), report_testing::SampleSettings(), Draft());
  EXPECT_EQ(Headings(d),
            (std::vector<std::string>{
                "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "1. Kết quả chung", "2. Theo nguồn nhiệm vụ",
                "3. Theo đơn vị chủ trì", "4. Kết quả nổi bật", "II. NHIỆM VỤ QUÁ HẠN",
                "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "IV. KHÓ KHĂN, VƯỚNG MẮC",
                "V. KIẾN NGHỊ, ĐỀ XUẤT", "VI. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 1/2027"}));
}

TEST(ReportDocumentTest, SaysTheFiguresInTheWordsADirectorReadsOut) {
  const std::string text =
      AllText(ReportDocument(December(), report_testing::SampleSettings(), Draft()));
  for (const char* line :
       {"Số liệu tính từ ngày 1/12/2026 đến ngày 31/12/2026.",
        "Tổng số nhiệm vụ theo dõi: 40, trong đó 5 nhiệm vụ chuyển tiếp từ năm trước.",
        "Nhiệm vụ đến hạn: hoàn thành 13/14, quá hạn 1;",
        "Nhiệm vụ trọng tâm: hoàn thành 02/02 nhiệm vụ đến hạn.",
        "Hoàn thành 02/02 nhiệm vụ trọng tâm trong Chương trình công tác của cấp trên, 04/04 "
        "nhiệm vụ đột xuất được cấp thẩm quyền giao.",
        "Nâng cấp tuyến đường tỉnh ĐT.623 | Phòng Quản lý vận tải | 30/11/2026 | Chờ thẩm định "
        "dự toán (20/12/2026)",
        "Nhiệm vụ hạn chế truy cập | Phòng Quản lý vận tải | 30/11/2026 |  | ",
        "Phòng Quản lý vận tải: Cấp 120 giấy phép lái xe.\nKiểm tra 15 bến xe.",
        "Trên đây là báo cáo kết quả thực hiện nhiệm vụ tháng 12/2026."}) {
    EXPECT_NE(text.find(line), std::string::npos) << line << "\n---\n" << text;
  }
  // A group with nothing due is in the table, not in the sentences.
  EXPECT_EQ(text.find("Chương trình công tác trọng tâm"), std::string::npos);
  EXPECT_NE(text.find("Chương trình trọng tâm – nhiệm vụ khác | 2 | 00/00"), std::string::npos)
      << text;
}

TEST(ReportDocumentTest, CallsASourcesOtherTasksSoOnlyBesideItsKeyTasks) {
  service::ConsolidatedReport r = December();
  r.by_source_kind_and_key = {{"higher_program:true", std::nullopt, Figures(2, 1, 3)},
                              {"higher_program:false", std::nullopt, Figures(3, 3, 3)},
                              {"key_program:true", std::nullopt, Figures(0, 0, 1)},
                              {"key_program:false", std::nullopt, Figures(5, 4, 5)}};
  const std::string text = AllText(ReportDocument(r, report_testing::SampleSettings(), Draft()));
  for (const char* line :
       {"Nhiệm vụ trọng tâm: hoàn thành 01/02 nhiệm vụ đến hạn.",
        "Hoàn thành 01/02 nhiệm vụ trọng tâm trong Chương trình công tác của cấp trên, 03/03 "
        "nhiệm vụ khác trong Chương trình công tác của cấp trên, 04/05 nhiệm vụ trong Chương "
        "trình công tác trọng tâm."}) {
    EXPECT_NE(text.find(line), std::string::npos) << line << "\n---\n" << text;
  }
}

TEST(ReportDocumentTest, AReportMadeWhileItsPeriodRunsSaysHowFarItsFiguresGo) {
  service::ConsolidatedReport running = December();
  running.as_of = Day(2026, 12, 18);
  running.period_running = true;
  const std::string text =
      AllText(ReportDocument(running, report_testing::SampleSettings(), Draft()));
  EXPECT_NE(text.find("Số liệu tính từ ngày 1/12/2026 đến ngày 18/12/2026 (kỳ báo cáo kết thúc "
                      "ngày 31/12/2026, chưa kết thúc khi lập báo cáo)."),
            std::string::npos)
      << text;
}

TEST(ReportDocumentTest, PrintsAsAPdfWithItsLines) {
  const OfficialDocument d = ReportDocument(December(), report_testing::SampleSettings(), Draft());
  const auto path = document_testing::ArtifactsDir() / "consolidated-draft.pdf";
  document_testing::WriteFile(path, RenderPdf(d));
  const auto text = RunTool("pdftotext -layout " + Quoted(path) + " -");
  for (const char* line : {"DỰ THẢO", "/BC-SGTVT", "VI. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 1/2027",
                           "hoàn thành 02/02 nhiệm", "tháng 12/2026./."}) {
    EXPECT_NE(text.output.find(line), std::string::npos) << line << "\n" << text.output;
  }
}

// The workbook read back as its readers would: LibreOffice opens it and writes each sheet as CSV.
TEST(ReportDocumentTest, TheWorkbookHoldsTheFiguresAndTheListsWithRealNumbersAndDates) {
  service::IssuedReport issued;
  issued.summary.number = 7;
  issued.summary.number_text = "07/BC-SGTVT";
  issued.summary.issued_on = Day(2027, 1, 4);
  issued.report = December();
  const auto dir = document_testing::ArtifactsDir() / "xlsx";
  std::filesystem::create_directories(dir);
  const auto xlsx = dir / "report.xlsx";
  document_testing::WriteFile(xlsx, RenderReportXlsx(issued));

  const auto profile =
      std::filesystem::temp_directory_path() / ("giaoban-lo-xlsx-" + std::to_string(::getpid()));
  // Sheet by sheet (the filter's options: comma, UTF-8, quoted text, every sheet), as numbers
  // are shown, so that a date reads as a date.
  const auto converted =
      RunTool("soffice -env:UserInstallation=file://" + profile.string() +
              " --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,"
              "true,false,false,-1' --outdir " +
              Quoted(dir) + " " + Quoted(xlsx));
  std::filesystem::remove_all(profile);
  ASSERT_EQ(converted.status, 0) << converted.output;
  auto read = [&](const char* sheet) {
    std::ifstream in(dir / (std::string("report-") + sheet + ".csv"));
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  const std::string figures = read("Số liệu");
  EXPECT_NE(figures.find("Số: 07/BC-SGTVT"), std::string::npos) << figures;
  EXPECT_NE(figures.find("Toàn cơ quan,13/14,40,14,13,1,0,0,0,0,0,0,5"), std::string::npos)
      << figures;
  EXPECT_NE(figures.find("Chương trình công tác của cấp trên – nhiệm vụ trọng tâm,02/02,3,2,2,0"),
            std::string::npos)
      << figures;
  EXPECT_NE(figures.find("Phòng Quản lý vận tải,13/14,40"), std::string::npos) << figures;
  const std::string overdue = read("Quá hạn");
  EXPECT_NE(overdue.find("1,Nâng cấp tuyến đường tỉnh ĐT.623,Phòng Quản lý vận tải,30/11/2026,,0,"
                         "Chờ thẩm định dự toán,20/12/2026"),
            std::string::npos)
      << overdue;
  EXPECT_NE(overdue.find("2,Nhiệm vụ hạn chế truy cập,Phòng Quản lý vận tải,30/11/2026"),
            std::string::npos)
      << overdue;
  EXPECT_NE(overdue.find("Lý do, tình hình thực hiện"), std::string::npos) << overdue;
  // A task not yet due has no reason to give, only how far it has come.
  const std::string next = read("Trọng tâm kỳ tới");
  EXPECT_NE(next.find("STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Thời hạn,Đã gia hạn,Tiến độ (%),"
                      "Tình hình thực hiện,Ngày ghi nhận"),
            std::string::npos)
      << next;
}

}  // namespace
}  // namespace giaoban::documents
