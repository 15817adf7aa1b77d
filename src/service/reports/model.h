// What the reports capability hands out: an agency's report settings
// (docs/domain.md#report-settings), its units' reports (docs/domain.md#unit-reports) and its
// consolidated report (docs/domain.md#the-consolidated-report).
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/report_figures.h"
#include "domain/status.h"
#include "service/model.h"

namespace giaoban::service {

// A kind of document the agency issues and the code its numbers carry: "Báo cáo", "BC" gives
// "Số: 15/BC-SGTVT".
struct DocumentType {
  std::string name;
  std::string code;

  friend bool operator==(const DocumentType&, const DocumentType&) = default;
};

BOOST_DESCRIBE_STRUCT(DocumentType, (), (name, code))

// An image the agency's electronic documents carry, a signature or the seal, as the settings show
// it: the digest and the size in pixels of its PNG file, never its bytes.
struct ReportImage {
  std::string sha256;
  int width = 0;
  int height = 0;

  friend bool operator==(const ReportImage&, const ReportImage&) = default;
};

BOOST_DESCRIBE_STRUCT(ReportImage, (), (sha256, width, height))

// Who may sign, and the lines above the signature: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" for a deputy
// signing for the Director, no authority line for the Director.
struct ReportSigner {
  Id person_id = 0;
  std::string full_name;  // the person's, as it is now
  std::string authority;
  std::string title;
  // Their signature image: in the settings, the one set now; on an issued report, the one its
  // documents carry. None when there is none.
  std::optional<ReportImage> signature;

  friend bool operator==(const ReportSigner&, const ReportSigner&) = default;
};

BOOST_DESCRIBE_STRUCT(ReportSigner, (), (person_id, full_name, authority, title, signature))

struct ReportSettings {
  Id agency_id = 0;
  std::string period_convention;  // "calendar_month" or "cutoff_14th"
  int due_working_days = 0;       // unit reports are due this many working days after the period
  std::optional<Id> consolidating_org_id;
  std::string agency_code;              // in document numbers: "SGTVT"
  std::string place_name;               // in the place-date line: "Quảng Ngãi"
  std::string parent_line;              // the heading's first line: "UBND TỈNH QUẢNG NGÃI"
  std::string agency_line;              // its second line: "SỞ GIAO THÔNG VẬN TẢI"
  std::vector<std::string> recipients;  // "Nơi nhận", a line each
  std::vector<DocumentType> document_types;
  std::vector<ReportSigner> signers;
  std::optional<ReportImage> seal;  // the agency's seal image, when one is set
  // 0 while the agency uses the defaults; moved by a change of the fields above only, as the
  // images are set on their own.
  std::int64_t version = 0;
};

BOOST_DESCRIBE_STRUCT(ReportSettings, (),
                      (agency_id, period_convention, due_working_days, consolidating_org_id,
                       agency_code, place_name, parent_line, agency_line, recipients,
                       document_types, signers, seal, version))

// One of the images as stored: its PNG file and the file's SHA-256.
struct ReportImageFile {
  std::string sha256;
  std::string png;
};

// The images an issued report's documents carry (docs/domain.md#official-documents): the signer's
// signature and the agency's seal as set when it is issued, each a PNG file; empty for none.
struct DocumentImages {
  std::string signature_png;
  std::string seal_png;
  // The signature's description, read with its bytes, for the issued report to name what it
  // carries.
  std::optional<ReportImage> signature;
};

// One task as a report lists it: as it stood on the period's end, nothing recorded about later
// dates.
struct ReportTask {
  Id id = 0;
  // A restricted task its reader may not read is counted in the figures but listed without its
  // title and note, so that the lists still add up to the figures.
  bool hidden = false;
  std::string title;
  std::string source_kind;
  bool is_key = false;
  NamedRef lead_org;
  Date assigned_on;
  std::optional<Date> deadline;  // in force on the period's end; none for ongoing tasks
  bool extended = false;
  bool carried_over = false;
  domain::Status status = domain::Status::kInProgress;  // as of the period's end
  std::optional<Date> completed_on;
  std::optional<Date> cancelled_on;
  int progress = 0;
  // Why it stands where it does: the latest progress note, explanation or completion note dated by
  // the period's end ("progress", "explanation" or "completion"), empty when there is none.
  std::string note;
  std::optional<Date> note_on;
  std::string note_kind;
};

BOOST_DESCRIBE_STRUCT(ReportTask, (),
                      (id, hidden, title, source_kind, is_key, lead_org, assigned_on, deadline,
                       extended, carried_over, status, completed_on, cancelled_on, progress, note,
                       note_on, note_kind))

// The lists of a report, each task in one of them at most: what was completed in the period, what
// fell due in it and was not completed, what was overdue from before and still is, what falls due
// in the next period, the tasks without a deadline, and what was cancelled in the period.
struct ReportTaskLists {
  std::vector<ReportTask> completed;
  std::vector<ReportTask> not_completed;
  std::vector<ReportTask> overdue;
  std::vector<ReportTask> due_next_period;
  std::vector<ReportTask> ongoing;
  std::vector<ReportTask> cancelled;
};

BOOST_DESCRIBE_STRUCT(ReportTaskLists, (),
                      (completed, not_completed, overdue, due_next_period, ongoing, cancelled))

// The unit's own words, under the headings every report has.
struct UnitReportProse {
  std::string highlights;    // kết quả nổi bật
  std::string shortcomings;  // tồn tại, hạn chế và nguyên nhân
  std::string difficulties;  // khó khăn, vướng mắc
  std::string proposals;     // kiến nghị, đề xuất
  std::string next_period;   // phương hướng, nhiệm vụ kỳ tới

  friend bool operator==(const UnitReportProse&, const UnitReportProse&) = default;
};

BOOST_DESCRIBE_STRUCT(UnitReportProse, (),
                      (highlights, shortcomings, difficulties, proposals, next_period))

// What the reader may do with a unit report now.
struct UnitReportActions {
  bool edit = false;
  bool submit = false;
  bool return_report = false;
  bool accept = false;
  bool remind = false;
};

BOOST_DESCRIBE_STRUCT(UnitReportActions, (), (edit, submit, return_report, accept, remind))

struct UnitReport {
  Id id = 0;
  NamedRef organization;
  std::string period;  // the period's key: "2023-08"
  Date period_start;
  Date period_end;
  Date as_of;  // the last day counted: the period's end, or today while the period runs
  bool period_running = false;  // the period had not ended: its last day counts as running
  Date due_on;                  // working days after the period's end, as the agency's settings say
  std::string state;
  UnitReportProse prose;
  std::string return_comment;  // the consolidating division's, when it returned the report
  std::optional<Date> first_submitted_on;
  std::optional<Date> submitted_on;
  std::optional<NamedRef> submitted_by;
  std::optional<Date> decided_on;
  std::optional<NamedRef> decided_by;
  int working_days_late = 0;      // of the first submission, or of today while there is none
  domain::ReportFigures figures;  // of the tasks the unit leads
  ReportTaskLists lead;
  ReportTaskLists cooperating;
  UnitReportActions actions;
  std::vector<HistoryEvent> history;
  std::int64_t version = 0;
};

// Where one unit's report for a period stands, as the consolidating division's board shows it.
struct UnitReportStanding {
  NamedRef organization;
  std::optional<Id> report_id;  // none until the unit opens its report
  std::string state;            // "not_started" until then
  std::optional<Date> first_submitted_on;
  std::optional<Date> submitted_on;
  int working_days_late = 0;
  std::int64_t version = 0;
};

BOOST_DESCRIBE_STRUCT(UnitReportStanding, (),
                      (organization, report_id, state, first_submitted_on, submitted_on,
                       working_days_late, version))

struct UnitReportBoard {
  std::string period;
  Date period_start;
  Date period_end;
  Date due_on;
  Date today;
  bool can_remind = false;
  std::vector<UnitReportStanding> units;
};

BOOST_DESCRIBE_STRUCT(UnitReportBoard, (),
                      (period, period_start, period_end, due_on, today, can_remind, units))

// The figures of one group of the consolidated report: a source kind with its key flag
// ("higher_program:true"), or a unit.
struct ReportFigureGroup {
  std::string key;  // "higher_program:true", or the unit's id
  std::optional<NamedRef> organization;
  domain::ReportFigures figures;
};

BOOST_DESCRIBE_STRUCT(ReportFigureGroup, (), (key, organization, figures))

// What one unit sent, under the headings every report has.
struct MergedProse {
  NamedRef organization;
  std::string state;  // of its report: "submitted" or "accepted"
  UnitReportProse prose;
};

BOOST_DESCRIBE_STRUCT(MergedProse, (), (organization, state, prose))

// The agency's report on a period as it stands now: the figures by the counting rule, the lists
// the briefing reads, and what the units wrote.
struct ConsolidatedReport {
  std::string period;
  std::string period_kind;  // "month", "quarter", "first_months", "year"
  Date period_start;
  Date period_end;
  // The last day the figures count: the period's end, or, while the period runs, the day the
  // report was made (domain::ReportWindows).
  Date as_of;
  bool period_running = false;  // the period had not ended when the report was made
  Date next_start;
  Date next_end;
  std::string period_convention;
  domain::ReportFigures totals;
  std::vector<ReportFigureGroup> by_source_kind_and_key;
  // The units directly under the agency, each with the tasks led in it and below it; the tasks the
  // agency leads itself, if any, in a row of the agency's own.
  std::vector<ReportFigureGroup> by_unit;
  std::vector<ReportTask> overdue;          // not completed by the period's end, though due
  std::vector<ReportTask> next_period_key;  // key tasks due in the next period
  std::vector<UnitReportStanding> unit_reports;
  std::vector<MergedProse> unit_prose;  // from the reports submitted or accepted
  // The report's own text under the five headings: the consolidating division's draft once it has
  // saved one (draft_version from 1), until then the units' text merged, each unit's under its
  // name.
  UnitReportProse prose;
  std::int64_t draft_version = 0;
};

BOOST_DESCRIBE_STRUCT(ConsolidatedReport, (),
                      (period, period_kind, period_start, period_end, as_of, period_running,
                       next_start, next_end, period_convention, totals, by_source_kind_and_key,
                       by_unit, overdue, next_period_key, unit_reports, unit_prose, prose,
                       draft_version))

// Another issued report named by one: the one it replaces, or the one that replaced it.
struct IssuedReportRef {
  Id id = 0;
  std::string number_text;
  Date issued_on;
};

BOOST_DESCRIBE_STRUCT(IssuedReportRef, (), (id, number_text, issued_on))

// An issued report as its register lists it.
struct IssuedReportSummary {
  Id id = 0;
  std::string period;
  int number = 0;
  std::string number_text;  // "15/BC-SGTVT"
  Date issued_on;
  ReportSigner signer;  // as printed on it
  NamedRef issued_by;   // the user who issued it
  std::optional<IssuedReportRef> replaces;
  std::optional<IssuedReportRef> replaced_by;
  std::vector<std::string> formats;  // "pdf", "docx", "xlsx"
};

BOOST_DESCRIBE_STRUCT(IssuedReportSummary, (),
                      (id, period, number, number_text, issued_on, signer, issued_by, replaces,
                       replaced_by, formats))

// What happened in a period, kept with its issued report so that a later one can say what changed:
// the tasks completed in the period and those assigned in it, as they stood at its end.
struct PeriodActivity {
  std::vector<ReportTask> completed;
  std::vector<ReportTask> assigned;
};

BOOST_DESCRIBE_STRUCT(PeriodActivity, (), (completed, assigned))

// An issued report: its register entry and the report as it stood when issued, which never
// changes again.
struct IssuedReport {
  IssuedReportSummary summary;
  ConsolidatedReport report;
  PeriodActivity activity;
};

BOOST_DESCRIBE_STRUCT(IssuedReport, (), (summary, report, activity))

// One group's figures in two issued reports.
struct FigureChange {
  std::string key;  // "total", a source kind with its key flag, or a unit's id
  std::optional<NamedRef> organization;
  domain::ReportFigures before;
  domain::ReportFigures after;
};

BOOST_DESCRIBE_STRUCT(FigureChange, (), (key, organization, before, after))

// What changed from one issued report to another: the one it replaces, or else the latest issued
// report in force of an earlier period of the same kind.
struct ReportComparison {
  IssuedReportRef report;
  std::string period;
  std::optional<IssuedReportRef> previous;  // none for the first report of its kind
  std::string previous_period;
  std::vector<FigureChange> figures;  // the whole agency first, then the groups of either report
  std::vector<ReportTask> newly_overdue;
  std::vector<ReportTask> no_longer_overdue;  // as the previous report listed them
  std::vector<ReportTask> newly_completed;
  std::vector<ReportTask> new_tasks;
  // The days neither report counted, when the previous one was made before its period ended: what
  // happened on them (a completion, a new task) is in neither report, so not among the changes.
  std::optional<Date> uncovered_from;
  std::optional<Date> uncovered_to;
};

BOOST_DESCRIBE_STRUCT(ReportComparison, (),
                      (report, period, previous, previous_period, figures, newly_overdue,
                       no_longer_overdue, newly_completed, new_tasks, uncovered_from, uncovered_to))

// One of an issued report's documents, as stored.
struct IssuedFile {
  std::string file_name;
  std::string content_type;
  std::string sha256;
  std::string bytes;
};

}  // namespace giaoban::service
