// How long an issued report's documents take to draw: the Word file, the PDF and the workbook of a
// month's consolidated report with 50 units and `overdue` overdue tasks listed with their reasons
// (400 make a PDF of about 30 pages). See RESULTS.md.
#include <benchmark/benchmark.h>

#include <string>

#include "documents/official/docx.h"
#include "documents/official/pdf.h"
#include "documents/report_document.h"
#include "documents/report_xlsx.h"
#include "documents/sample_report_test_util.h"
#include "service/reports/prose.h"

namespace {

using namespace giaoban;

using documents::report_testing::Day;
using documents::report_testing::Figures;

service::IssuedReport Report(int overdue) {
  service::IssuedReport r;
  r.summary.number = 15;
  r.summary.number_text = "15/BC-SGTVT";
  r.summary.issued_on = Day(2026, 11, 5);
  r.summary.signer = {2, "Nguyễn Đức Hùng", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", std::nullopt};
  service::ConsolidatedReport& c = r.report;
  documents::report_testing::SetMonth(c, 2026, 10);
  c.totals = Figures(59553, 57655, 90881);
  for (const char* kind :
       {"higher_program", "key_program", "ad_hoc", "meeting_conclusion", "directive"}) {
    for (bool key : {true, false})
      c.by_source_kind_and_key.push_back({std::string(kind) + (key ? ":true" : ":false"),
                                          std::nullopt, Figures(5000, 4800, 9000)});
  }
  for (int u = 1; u <= 50; ++u) {
    c.by_unit.push_back({std::to_string(u),
                         service::NamedRef{u, "Phòng chuyên môn số " + std::to_string(u)},
                         Figures(1190, 1150, 1800)});
  }
  for (int i = 1; i <= overdue; ++i) {
    service::ReportTask t;
    t.id = i;
    t.title = "Triển khai thực hiện dự án nâng cấp, mở rộng tuyến đường tỉnh số " +
              std::to_string(i) + " đoạn qua địa bàn huyện";
    t.lead_org = {i % 50 + 1, "Phòng chuyên môn số " + std::to_string(i % 50 + 1)};
    t.deadline = Day(2026, 9, 1 + i % 28);
    t.note =
        "Đang chờ ý kiến thẩm định của Sở Tài chính và Sở Kế hoạch và Đầu tư về dự toán kinh phí";
    t.note_on = Day(2026, 10, 1 + i % 30);
    c.overdue.push_back(t);
  }
  std::vector<service::MergedProse> units;
  for (int u = 1; u <= 12; ++u) {
    service::MergedProse p;
    p.organization = {u, "Phòng chuyên môn số " + std::to_string(u)};
    p.prose.highlights =
        "Trong tháng, đơn vị hoàn thành các nhiệm vụ đến hạn; chất lượng tham mưu được "
        "nâng lên, hồ sơ trình đúng quy trình.";
    p.prose.difficulties = "Khối lượng công việc lớn trong khi biên chế còn thiếu.";
    units.push_back(p);
  }
  c.prose = service::MergeUnitProse(units);
  return r;
}

service::ReportSettings Settings() {
  service::ReportSettings s = documents::report_testing::SampleSettings();
  s.recipients = {"UBND tỉnh (b/c);", "Giám đốc, các PGĐ Sở;", "Lưu: VT, KHTC."};
  return s;
}

documents::OfficialDocument Document(const service::IssuedReport& r) {
  return documents::ReportDocument(r.report, Settings(),
                                   {r.summary.number, r.summary.issued_on, r.summary.signer});
}

int Pages(const std::string& pdf) {
  int pages = 0;
  for (std::size_t at = pdf.find("/Type /Page %"); at != std::string::npos;
       at = pdf.find("/Type /Page %", at + 1)) {
    ++pages;
  }
  return pages;
}

void BM_Docx(benchmark::State& state) {
  const auto r = Report(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) bytes = documents::RenderDocx(Document(r)).size();
  state.counters["kB"] = static_cast<double>(bytes) / 1024;
}

void BM_Pdf(benchmark::State& state) {
  const auto r = Report(static_cast<int>(state.range(0)));
  std::string pdf;
  for (auto _ : state) pdf = documents::RenderPdf(Document(r));
  state.counters["pages"] = Pages(pdf);
  state.counters["kB"] = static_cast<double>(pdf.size()) / 1024;
}

void BM_Xlsx(benchmark::State& state) {
  const auto r = Report(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) bytes = documents::RenderReportXlsx(r).size();
  state.counters["kB"] = static_cast<double>(bytes) / 1024;
}

BENCHMARK(BM_Docx)->Arg(30)->Arg(240)->Arg(400)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Pdf)->Arg(30)->Arg(240)->Arg(400)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Xlsx)->Arg(30)->Arg(240)->Arg(400)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
