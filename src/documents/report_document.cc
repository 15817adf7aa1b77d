#include "documents/report_document.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/document_lines.h"
#include "domain/reporting_period.h"
#include "domain/source_kind.h"
#include "messages/messages.h"
#include "service/reports/report_settings.h"

namespace giaoban::documents {

namespace {

using service::ConsolidatedReport;
using service::ReportFigureGroup;
using service::ReportTask;

// An official document is written in Vietnamese, whoever prints it.
std::string Say(std::string_view code) { return std::string(messages::Message(code)); }

std::string Say(std::string_view code,
                std::initializer_list<std::pair<std::string_view, std::string>> values) {
  std::string text = Say(code);
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + std::string(name) + "}";
    for (std::size_t at = text.find(placeholder); at != std::string::npos;
         at = text.find(placeholder, at + value.size())) {
      text.replace(at, placeholder.size(), value);
    }
  }
  return text;
}

std::string Count(std::int64_t n) { return std::to_string(n); }

// "tháng 8/2023", "quý III/2023", "6 tháng đầu năm 2023", "năm 2023": the period's name inside
// a sentence.
std::string InSentence(std::string name) {
  if (!name.empty() && name[0] >= 'A' && name[0] <= 'Z')
    name[0] = static_cast<char>(name[0] - 'A' + 'a');
  return name;
}

// What "next period" is called in the heading of its section.
std::string NextPeriodName(const domain::ReportingPeriod& p) {
  using Kind = domain::ReportingPeriod::Kind;
  std::optional<domain::ReportingPeriod> next;
  switch (p.kind()) {
    case Kind::kMonth:
      next = p.index() == 12
                 ? domain::ReportingPeriod::Month(p.year() + 1, 1, p.convention())
                 : domain::ReportingPeriod::Month(p.year(), p.index() + 1, p.convention());
      break;
    case Kind::kQuarter:
      next = p.index() == 4
                 ? domain::ReportingPeriod::Quarter(p.year() + 1, 1, p.convention())
                 : domain::ReportingPeriod::Quarter(p.year(), p.index() + 1, p.convention());
      break;
    case Kind::kFirstMonths:
      return Say("document.report.rest_of_year", {{"year", std::to_string(p.year())}});
    case Kind::kYear:
      next = domain::ReportingPeriod::Year(p.year() + 1, p.convention());
      break;
  }
  return next ? InSentence(next->Vietnamese()) : std::string();
}

// "higher_program:true": a source group's kind and its key flag.
struct SourceGroup {
  std::string kind;
  bool key = false;
};

SourceGroup SourceGroupOf(const ReportFigureGroup& g) {
  const std::size_t colon = g.key.find(':');
  return {g.key.substr(0, colon), colon != std::string::npos && g.key.substr(colon + 1) == "true"};
}

// "Hoàn thành 02/02 nhiệm vụ trọng tâm trong Chương trình công tác của cấp trên, 04/04 nhiệm vụ
// đột xuất được cấp thẩm quyền giao.": each source with tasks due, as a briefing reads them out.
// A source's other tasks are called so only beside its key tasks.
std::string BySourceSentence(const std::vector<ReportFigureGroup>& groups) {
  std::string items;
  for (const ReportFigureGroup& g : groups) {
    if (g.figures.due == 0) continue;
    const SourceGroup s = SourceGroupOf(g);
    const bool has_key = std::any_of(groups.begin(), groups.end(), [&](const ReportFigureGroup& o) {
      const SourceGroup other = SourceGroupOf(o);
      return other.kind == s.kind && other.key && o.figures.due > 0;
    });
    const std::string which = s.key     ? Say("document.report.which_key")
                              : has_key ? Say("document.report.which_other")
                                        : std::string();
    if (!items.empty()) items += ", ";
    items += Say("document.report.source_item",
                 {{"ratio", g.figures.DueCompletedRatio()},
                  {"tasks", Say("document.report.tasks_of." + s.kind, {{"which", which}})}});
  }
  return items.empty() ? std::string() : Say("document.report.by_source_line", {{"items", items}});
}

// The key tasks of every source together: the figure a briefing opens with.
domain::ReportFigures KeyTasks(const std::vector<ReportFigureGroup>& groups) {
  domain::ReportFigures key;
  for (const ReportFigureGroup& g : groups) {
    if (!SourceGroupOf(g).key) continue;
    key.due += g.figures.due;
    key.due_completed += g.figures.due_completed;
  }
  return key;
}

}  // namespace

std::string ReportGroupName(const ReportFigureGroup& g) {
  if (g.organization) return g.organization->name;
  const SourceGroup s = SourceGroupOf(g);
  return Say(s.key ? "document.report.group_key" : "document.report.group_other",
             {{"kind", Say("label.source_kind." + s.kind)}});
}

namespace {

Table FiguresTable(const std::vector<ReportFigureGroup>& groups, const domain::ReportFigures& total,
                   std::string_view name_column) {
  // Widths in centimetres of the 16.5 the text is wide.
  Table t{{{Say("document.column.number"), 1.3, Align::kCenter},
           {Say(name_column), 5.0, Align::kLeft},
           {Say("document.column.total"), 1.6, Align::kCenter},
           {Say("document.column.due_ratio"), 2.2, Align::kCenter},
           {Say("document.column.overdue"), 1.7, Align::kCenter},
           {Say("document.column.ahead"), 2.4, Align::kCenter},
           {Say("document.column.ongoing"), 2.3, Align::kCenter}},
          {}};
  auto cells = [](std::string number, std::string name, const domain::ReportFigures& f) {
    return std::vector<std::string>{std::move(number),         std::move(name),
                                    Count(f.cumulative.total), f.DueCompletedRatio(),
                                    Count(f.overdue),          Count(f.completed_ahead),
                                    Count(f.ongoing)};
  };
  int n = 0;
  for (const ReportFigureGroup& g : groups) {
    t.rows.push_back(TableRow{cells(std::to_string(++n), ReportGroupName(g), g.figures)});
  }
  t.rows.push_back(TableRow{cells("", Say("document.report.sum"), total), false, true});
  return t;
}

std::string TaskTitle(const ReportTask& t) {
  return t.hidden ? Say("document.report.hidden_task") : t.title;
}

std::string Deadline(const ReportTask& t) {
  return t.deadline ? t.deadline->Vietnamese() : Say("label.deadline_ongoing");
}

Table OverdueTable(const std::vector<ReportTask>& tasks) {
  Table t{{{Say("document.column.number"), 1.3, Align::kCenter},
           {Say("document.column.task"), 5.0, Align::kLeft},
           {Say("document.column.lead"), 3, Align::kLeft},
           {Say("document.column.deadline"), 2.6, Align::kCenter},
           {Say("document.column.reason"), 4.6, Align::kLeft}},
          {}};
  int n = 0;
  for (const ReportTask& task : tasks) {
    std::string reason;
    if (!task.hidden && !task.note.empty()) {
      reason = task.note;
      if (task.note_on) reason += " (" + task.note_on->Vietnamese() + ")";
    }
    t.rows.push_back(TableRow{{std::to_string(++n), TaskTitle(task), task.lead_org.name,
                               Deadline(task), std::move(reason)}});
  }
  return t;
}

Table NextKeyTable(const std::vector<ReportTask>& tasks) {
  Table t{{{Say("document.column.number"), 1.3, Align::kCenter},
           {Say("document.column.task"), 8.2, Align::kLeft},
           {Say("document.column.lead"), 4, Align::kLeft},
           {Say("document.column.deadline"), 3, Align::kCenter}},
          {}};
  int n = 0;
  for (const ReportTask& task : tasks) {
    t.rows.push_back(
        TableRow{{std::to_string(++n), TaskTitle(task), task.lead_org.name, Deadline(task)}});
  }
  return t;
}

// The text under one heading, a paragraph for each of its lines; "Không có." when there is none.
void ProseSection(BodyBuilder& b, const std::string& text) {
  bool any = false;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (!line.empty()) {
      b.Text(std::string(line));
      any = true;
    }
    start = end + 1;
  }
  if (!any) b.Text(Say("document.report.none"));
}

}  // namespace

OfficialDocument ReportDocument(const ConsolidatedReport& report,
                                const service::ReportSettings& settings, const ReportIssue& issue) {
  const auto convention = domain::ParsePeriodConvention(report.period_convention)
                              .value_or(domain::PeriodConvention::kCalendarMonth);
  const auto period = domain::ReportingPeriod::Parse(report.period, convention);
  const std::string period_name = period ? InSentence(period->Vietnamese()) : report.period;
  const std::string next_name = period ? NextPeriodName(*period) : std::string();

  OfficialDocument d;
  d.parent_agency = settings.parent_line;
  d.agency = settings.agency_line;
  d.number_line =
      domain::DocumentNumberLine(issue.number, service::kReportTypeCode, settings.agency_code);
  d.place_date_line = domain::PlaceDateLine(settings.place_name, issue.date);
  d.type_name = Say("document.report.type");
  d.summary = Say("document.report.summary", {{"period", period_name}, {"next", next_name}});
  d.date = issue.date;
  d.draft = issue.number == 0;

  const domain::ReportFigures& total = report.totals;
  BodyBuilder b;
  // A report made while its period runs says how far its figures go.
  b.Text(Say(report.period_running ? "document.report.window_running" : "document.report.window",
             {{"start", domain::ReportTextDate(report.period_start)},
              {"end", domain::ReportTextDate(report.as_of)},
              {"period_end", domain::ReportTextDate(report.period_end)}}));

  b.Section(Say("document.report.results"));
  b.Subsection(Say("document.report.overall"));
  b.Text(Say("document.report.total_line", {{"total", Count(total.cumulative.total)},
                                            {"carried_over", Count(total.carried_over)}}));
  b.Text(Say("document.report.due_line", {{"ratio", total.DueCompletedRatio()},
                                          {"overdue", Count(total.overdue)},
                                          {"ahead", Count(total.completed_ahead)},
                                          {"ongoing", Count(total.ongoing)}}));
  b.Text(Say("document.report.in_period_line", {{"assigned", Count(total.assigned_in_period)},
                                                {"due", Count(total.due_in_period)},
                                                {"completed", Count(total.completed_in_period)}}));
  if (const domain::ReportFigures key = KeyTasks(report.by_source_kind_and_key); key.due > 0)
    b.Text(Say("document.report.key_line", {{"ratio", key.DueCompletedRatio()}}));
  b.Subsection(Say("document.report.by_source"));
  if (std::string line = BySourceSentence(report.by_source_kind_and_key); !line.empty())
    b.Text(line);
  b.Add(FiguresTable(report.by_source_kind_and_key, total, "document.column.group"));
  b.Subsection(Say("document.report.by_unit"));
  b.Add(FiguresTable(report.by_unit, total, "document.column.unit"));
  b.Subsection(Say("document.report.highlights"));
  ProseSection(b, report.prose.highlights);

  b.Section(Say("document.report.overdue"));
  if (report.overdue.empty()) {
    b.Text(Say("document.report.no_overdue"));
  } else {
    b.Add(OverdueTable(report.overdue));
  }

  b.Section(Say("document.report.shortcomings"));
  ProseSection(b, report.prose.shortcomings);
  b.Section(Say("document.report.difficulties"));
  ProseSection(b, report.prose.difficulties);
  b.Section(Say("document.report.proposals"));
  ProseSection(b, report.prose.proposals);

  b.Section(Say("document.report.next_period", {{"next", next_name}}));
  if (!report.next_period_key.empty()) {
    b.Subsection(Say("document.report.next_key"));
    b.Add(NextKeyTable(report.next_period_key));
  }
  ProseSection(b, report.prose.next_period);
  b.Text(Say("document.report.closing", {{"period", period_name}}));
  d.body = b.Take();

  d.recipients = settings.recipients;
  d.signature.authority = issue.signer.authority;
  d.signature.title = issue.signer.title;
  d.signature.name = issue.signer.full_name;
  return d;
}

}  // namespace giaoban::documents
