// The monthly reporting of the demo agency. Its report settings (signers, recipients, register
// codes, the seal and signature images when the caller drew them); the units' reports: the months
// before the last one accepted, and the last finished month in progress as a consolidating division
// meets it a few days after its due day (reports accepted, submitted, returned with a comment,
// submitted late, still a draft, and not started); and the consolidated reports of the months
// before the last, issued, one of them replaced after a mistake. Each step is taken by its person
// on its own day, through the services.
#include <string>

#include "demo/demo_catalog.h"
#include "demo/demo_loader.h"
#include "service/reports/consolidated_report.h"
#include "service/reports/issued_reports.h"
#include "service/reports/report_settings.h"
#include "service/reports/unit_reports.h"

namespace giaoban::demo::detail {

namespace {

using domain::ReportingPeriod;
using domain::UnitReportStep;

// Where each unit's report for the last finished month stands; units not named (the two divisions
// a newcomer is shown writing a report first) have not started theirs.
enum class Stage { kNotStarted, kDraft, kSubmitted, kLate, kReturned, kAccepted };

Stage StageOf(const std::string& code, bool last_month) {
  if (!last_month) return Stage::kAccepted;
  if (code == "KHTC" || code == "VP") return Stage::kAccepted;
  if (code == "QLCL") return Stage::kReturned;
  if (code == "TTS") return Stage::kLate;
  if (code == "BQLDA") return Stage::kSubmitted;
  if (code == "TTDK") return Stage::kDraft;
  return Stage::kNotStarted;
}

std::string Ratio(const domain::ReportFigures& f) { return f.DueCompletedRatio(); }

// The unit's prose, written from its own figures as a division head would.
service::UnitReportProse ProseFor(const service::UnitReport& r) {
  const auto& f = r.figures;
  service::UnitReportProse p;
  // A month with nothing completed or nothing due is told in words, not as "0 nhiệm vụ".
  p.highlights =
      f.completed_in_period > 0
          ? "Trong tháng, đơn vị hoàn thành " + std::to_string(f.completed_in_period) + " nhiệm vụ"
          : "Trong tháng, đơn vị tập trung triển khai các nhiệm vụ được giao";
  if (f.due > 0) p.highlights += "; các nhiệm vụ đến hạn đã hoàn thành " + Ratio(f);
  p.highlights += ". Chất lượng tham mưu được nâng lên, hồ sơ trình đúng quy trình.";
  p.shortcomings = f.overdue > 0
                       ? "Còn " + std::to_string(f.overdue) +
                             " nhiệm vụ quá hạn, chủ yếu do chờ ý kiến góp ý của các sở, ngành và "
                             "vướng mắc trong giải phóng mặt bằng."
                       : "Không có nhiệm vụ quá hạn; một số báo cáo gửi sát hạn.";
  p.difficulties =
      "Khối lượng công việc lớn trong khi biên chế còn thiếu; nhiều hồ sơ phải lấy ý "
      "kiến của nhiều cơ quan.";
  p.proposals =
      "Đề nghị Lãnh đạo Sở chỉ đạo các phòng phối hợp chặt chẽ, cho ý kiến đúng hạn đối "
      "với các nội dung đơn vị xin ý kiến.";
  const std::string overdue = f.overdue > 0 ? " và các nhiệm vụ đang quá hạn" : "";
  p.next_period = f.due_next_period > 0
                      ? "Tập trung hoàn thành " + std::to_string(f.due_next_period) +
                            " nhiệm vụ đến hạn trong tháng tới" + overdue + "."
                      : "Tiếp tục triển khai các nhiệm vụ được giao" + overdue + ".";
  return p;
}

}  // namespace

void DemoLoader::SetReportSettings() {
  service::ReportSettingsInput in;
  in.period_convention = "calendar_month";
  in.due_working_days = 3;
  in.consolidating_org_id = org("KHTC").id;
  in.agency_code = std::string(cat::kDepartmentCode);
  in.place_name = std::string(cat::kPlace);
  in.parent_line = "UBND TỈNH QUẢNG NGÃI";
  in.agency_line = "SỞ GIAO THÔNG VẬN TẢI";
  in.recipients = {"UBND tỉnh (b/c);", "Giám đốc, các PGĐ Sở;", "Các phòng, đơn vị thuộc Sở;",
                   "Lưu: VT, KHTC."};
  in.document_types = {{"Báo cáo", "BC"},  {"Thông báo", "TB"}, {"Giấy mời", "GM"},
                       {"Biên bản", "BB"}, {"Kế hoạch", "KH"},  {"Chương trình", "CTr"}};
  in.signers = {{leader_people_[cat::kDirector], "", "GIÁM ĐỐC"},
                {leader_people_[cat::kDeputyHung], "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"}};
  service::ReportSettingsService settings(ctx_);
  const service::Actor& admin = ActorOf(admin_user_);
  Must(settings.Update(admin, 0, in), "report settings");
  if (!options_.seal_png.empty())
    Must(settings.SetImage(admin, service::ImageSlot::Seal(), options_.seal_png), "seal image");
  for (std::size_t i = 0; i < in.signers.size() && i < options_.signature_pngs.size(); ++i) {
    Must(settings.SetImage(admin, service::ImageSlot::SignatureOf(in.signers[i].person_id),
                           options_.signature_pngs[i]),
         "signature image");
  }
}

void DemoLoader::ReportCycle() {
  const Date now = std::min(today_, real_today_);
  const auto convention = domain::PeriodConvention::kCalendarMonth;
  const ReportingPeriod last = ReportingPeriod::MonthContaining(now, convention).Previous();
  const service::Actor& consolidator = ActorOf(consolidator_user_);
  // Each step on its own day: the services date what they record by their context's today.
  auto on = [&](Date day) {
    service::Settings settings = ctx_.settings();
    settings.today = day;
    return service::Context(ctx_.db().database(), settings);
  };
  SetReportSettings();
  for (int back = 2; back >= 0; --back) {
    ReportingPeriod period = last;
    for (int i = 0; i < back; ++i) period = period.Previous();
    const auto board =
        Must(service::UnitReportService(ctx_).Board(consolidator, period.Key()), "report board");
    for (std::size_t i = 0; i < board.units.size(); ++i) {
      const auto& unit = board.units[i];
      auto info = std::find_if(orgs_.begin(), orgs_.end(),
                               [&](const auto& o) { return o.second.id == unit.organization.id; });
      if (info == orgs_.end() || !info->second.head_user) continue;
      const Stage stage = StageOf(info->first, back == 0);
      if (stage == Stage::kNotStarted) continue;
      const service::Actor& head = ActorOf(*info->second.head_user);
      // Drafted in the period's last days, sent around the due day, decided a day or two later.
      const int spread = static_cast<int>(i % 3);
      const Date drafted = period.end().AddDays(-spread);
      const Date sent =
          stage == Stage::kLate ? board.due_on.AddDays(6) : board.due_on.AddDays(-spread);
      const Date decided = sent.AddDays(1 + spread % 2);
      if (drafted > now) continue;
      auto drafting = on(drafted);
      service::UnitReportService reports(drafting);
      auto r = Must(reports.Open(head, unit.organization.id, period.Key()), "open a unit report");
      r = Must(reports.SaveProse(head, r.id, r.version, ProseFor(r)), "write a unit report");
      if (stage == Stage::kDraft || sent > now) continue;
      auto sending = on(sent);
      r = Must(service::UnitReportService(sending).TakeStep(head, r.id, r.version,
                                                            UnitReportStep::kSubmit, ""),
               "submit a unit report");
      if (stage == Stage::kSubmitted || stage == Stage::kLate || decided > now) continue;
      auto deciding = on(decided);
      service::UnitReportService decider(deciding);
      if (stage == Stage::kReturned) {
        Must(
            decider.TakeStep(consolidator, r.id, r.version, UnitReportStep::kReturn,
                             "Đề nghị bổ sung số liệu giải ngân và nêu rõ nguyên nhân chậm tiến độ "
                             "của các nhiệm vụ quá hạn."),
            "return a unit report");
        continue;
      }
      Must(decider.TakeStep(consolidator, r.id, r.version, UnitReportStep::kAccept, ""),
           "accept a unit report");
    }
    if (back > 0) IssueReport(period, board.due_on.AddDays(3), back == 2);
  }
}

// The consolidating division words the month's text and issues the report, signed by the deputy
// who signs for the Director; the older month's first issue had the wrong signer and was
// replaced the next day.
void DemoLoader::IssueReport(const ReportingPeriod& period, Date day, bool replaced) {
  if (options_.report_renderer == nullptr || day > std::min(today_, real_today_)) return;
  const service::Actor& consolidator = ActorOf(consolidator_user_);
  service::Settings settings = ctx_.settings();
  settings.today = day;
  const service::Context on_day(ctx_.db().database(), settings);
  service::ConsolidatedReportService reports(on_day);
  auto report = Must(reports.Preview(consolidator, period.Key()), "preview the report");
  service::UnitReportProse prose = report.prose;
  prose.highlights =
      "Công tác chỉ đạo, điều hành được triển khai kịp thời; các nhiệm vụ đến hạn "
      "hoàn thành " +
      report.totals.DueCompletedRatio() + ".\n" + prose.highlights;
  Must(reports.SaveDraft(consolidator, period.Key(), report.draft_version, prose),
       "word the report");
  service::IssuedReportService issuing(on_day, *options_.report_renderer);
  const Id deputy = leader_people_[cat::kDeputyHung];
  const Id director = leader_people_[cat::kDirector];
  auto issued =
      Must(issuing.Issue(consolidator, {period.Key(), replaced ? director : deputy, std::nullopt}),
           "issue the report");
  if (!replaced) return;
  settings.today = day.AddDays(1);
  const service::Context next_day(ctx_.db().database(), settings);
  Must(service::IssuedReportService(next_day, *options_.report_renderer)
           .Issue(consolidator, {period.Key(), deputy, issued.summary.id}),
       "replace the report");
}

}  // namespace giaoban::demo::detail
