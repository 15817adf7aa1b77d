#include "service/reports/issued_reports.h"

#include <boost/json.hpp>
#include <set>

#include "domain/document_lines.h"
#include "service/audit.h"
#include "service/reports/consolidated_report.h"
#include "service/reports/report_settings.h"
#include "service/reports/stored_report.h"
#include "service/row_values.h"
#include "service/tasks/attachment_digest.h"

namespace giaoban::service {

using storage::Param;
using storage::TransactionMode;

namespace {

namespace json = boost::json;

std::optional<IssuedReportRef> RefAt(const storage::Row& row, std::size_t at) {
  if (row.is_null(storage::Column(at))) return std::nullopt;
  return IssuedReportRef{row.integer(at), row.text(at + 1), *Date::Parse(row.text(at + 2))};
}

// The issued report of `row` (read with kSelect), and its frozen model when it was read.
struct IssuedRow {
  IssuedReportSummary summary;
  std::string model;
};

// What the register lists of each report, the signer as printed included, is in columns of its
// row; its model, which holds the whole report, is read only where the report is shown.
constexpr std::string_view kSelect =
    "SELECT r.id, r.period, r.number, r.number_text, r.issued_on, u.id, up.full_name, "
    "p.id, p.number_text, p.issued_on, n.id, n.number_text, n.issued_on, "
    "r.signer_person_id, r.signer_name, r.signer_authority, r.signer_title, "
    "r.signature_sha256, r.signature_width, r.signature_height";
constexpr std::string_view kFrom =
    " FROM issued_reports r JOIN users u ON u.id = r.issued_by "
    "JOIN people up ON up.id = u.person_id "
    "LEFT JOIN issued_reports p ON p.id = r.replaces_id "
    "LEFT JOIN issued_reports n ON n.replaces_id = r.id ";

std::vector<std::string> FormatsOf(storage::Connection& c, Id id) {
  std::vector<std::string> formats;
  for (const auto& row :
       c.execute("SELECT format FROM issued_report_files WHERE report_id = $1 ORDER BY format",
                 {Param(id)})
           .rows) {
    formats.push_back(row.text(0));
  }
  return formats;
}

enum class WithModel { kNo, kYes };

std::vector<IssuedRow> LoadIssued(storage::Connection& c, std::string_view where,
                                  const std::vector<storage::Value>& params,
                                  WithModel with_model = WithModel::kYes) {
  std::vector<IssuedRow> out;
  const std::string sql = std::string(kSelect) +
                          (with_model == WithModel::kYes ? ", r.model" : "") + std::string(kFrom) +
                          std::string(where);
  for (const auto& row : c.execute(sql, params).rows) {
    IssuedRow r;
    IssuedReportSummary& s = r.summary;
    s.id = row.integer(0);
    s.period = row.text(1);
    s.number = static_cast<int>(row.integer(2));
    s.number_text = row.text(3);
    s.issued_on = *Date::Parse(row.text(4));
    s.issued_by = NamedRef{row.integer(5), row.text(6)};
    s.replaces = RefAt(row, 7);
    s.replaced_by = RefAt(row, 10);
    s.signer.person_id = row.opt_integer(13).value_or(0);
    s.signer.full_name = row.text(14);
    s.signer.authority = row.text(15);
    s.signer.title = row.text(16);
    if (!row.is_null(17)) {
      s.signer.signature = ReportImage{row.text(17), static_cast<int>(row.integer(18)),
                                       static_cast<int>(row.integer(19))};
    }
    if (with_model == WithModel::kYes) r.model = row.text(20);
    out.push_back(std::move(r));
  }
  for (IssuedRow& r : out) r.summary.formats = FormatsOf(c, r.summary.id);
  return out;
}

IssuedReport ReadIssued(IssuedRow row) {
  StoredReport stored = LoadStoredReport(row.model);
  IssuedReport r;
  r.summary = std::move(row.summary);
  r.report = std::move(stored.report);
  r.activity = std::move(stored.activity);
  return r;
}

// Numbered as the document is ("Số: 04/BC-…"): two digits at least, so that a register's files
// also sort in order.
std::string FileName(const IssuedReportSummary& s, std::string_view format) {
  const std::string number = (s.number < 10 ? "0" : "") + std::to_string(s.number);
  return "bao-cao-" + s.period + "-so-" + number + "." + std::string(format);
}

IssuedReportRef RefOf(const IssuedReportSummary& s) { return {s.id, s.number_text, s.issued_on}; }

// The tasks of `from` that `other` does not hold.
std::vector<ReportTask> Without(const std::vector<ReportTask>& from,
                                const std::vector<ReportTask>& other) {
  std::set<Id> ids;
  for (const ReportTask& t : other) ids.insert(t.id);
  std::vector<ReportTask> out;
  for (const ReportTask& t : from) {
    if (!ids.count(t.id)) out.push_back(t);
  }
  return out;
}

// The figures of each group in either report, the whole agency first.
std::vector<FigureChange> FigureChanges(const ConsolidatedReport& before,
                                        const ConsolidatedReport& after) {
  std::vector<FigureChange> out{{"total", std::nullopt, before.totals, after.totals}};
  auto add = [&](const std::vector<ReportFigureGroup>& old_groups,
                 const std::vector<ReportFigureGroup>& new_groups) {
    for (const ReportFigureGroup& g : new_groups) {
      FigureChange change{g.key, g.organization, {}, g.figures};
      for (const ReportFigureGroup& o : old_groups) {
        if (o.key == g.key) change.before = o.figures;
      }
      out.push_back(std::move(change));
    }
    for (const ReportFigureGroup& o : old_groups) {
      const bool kept = std::any_of(new_groups.begin(), new_groups.end(),
                                    [&](const ReportFigureGroup& g) { return g.key == o.key; });
      if (!kept) out.push_back({o.key, o.organization, o.figures, {}});
    }
  };
  add(before.by_source_kind_and_key, after.by_source_kind_and_key);
  add(before.by_unit, after.by_unit);
  return out;
}

}  // namespace

Expected<ReportComparison> IssuedReportService::Compare(const Actor& reader, Id id) {
  return ctx_.db().transact(
      TransactionMode::kRead, [&](storage::Connection& c) -> Expected<ReportComparison> {
        auto rows = LoadIssued(c, "WHERE r.id = $1 AND r.agency_id = $2",
                               {Param(id), Param(reader.agency_id)});
        if (rows.empty()) return Error::NotFound();
        const IssuedReport current = ReadIssued(std::move(rows.front()));
        std::optional<IssuedReport> previous;
        if (current.summary.replaces) {
          auto replaced = LoadIssued(c, "WHERE r.id = $1", {Param(current.summary.replaces->id)});
          previous = ReadIssued(std::move(replaced.front()));
        } else {
          // Reports in force of earlier periods, the latest period first.
          for (IssuedRow& row :
               LoadIssued(c,
                          "WHERE r.agency_id = $1 AND r.period < $2 AND NOT EXISTS (SELECT 1 FROM "
                          "issued_reports x WHERE x.replaces_id = r.id) "
                          "ORDER BY r.period DESC, r.id DESC",
                          {Param(reader.agency_id), Param(current.summary.period)})) {
            IssuedReport candidate = ReadIssued(std::move(row));
            if (candidate.report.period_kind == current.report.period_kind &&
                candidate.report.period_end < current.report.period_end) {
              previous = std::move(candidate);
              break;
            }
          }
        }
        ReportComparison out;
        out.report = RefOf(current.summary);
        out.period = current.summary.period;
        const ConsolidatedReport empty;
        const ConsolidatedReport& before = previous ? previous->report : empty;
        const PeriodActivity none;
        const PeriodActivity& before_activity = previous ? previous->activity : none;
        if (previous) {
          out.previous = RefOf(previous->summary);
          out.previous_period = previous->summary.period;
          const Date first = previous->report.as_of.AddDays(1);
          const Date last = current.report.period_start.AddDays(-1);
          if (first <= last) {
            out.uncovered_from = first;
            out.uncovered_to = last;
          }
        }
        out.figures = FigureChanges(before, current.report);
        out.newly_overdue = Without(current.report.overdue, before.overdue);
        out.no_longer_overdue = Without(before.overdue, current.report.overdue);
        out.newly_completed = Without(current.activity.completed, before_activity.completed);
        out.new_tasks = Without(current.activity.assigned, before_activity.assigned);
        return out;
      });
}

Expected<IssuedReport> IssuedReportService::Issue(const Actor& by, const IssueRequest& request) {
  if (!MayPrepareReport(by)) return Error::Forbidden();
  const Date today = ctx_.Today();
  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<IssuedReport> {
        const Id agency = by.agency_id;
        const ReportSettings settings = LoadReportSettings(c, agency);
        auto signer = std::find_if(
            settings.signers.begin(), settings.signers.end(),
            [&](const ReportSigner& s) { return s.person_id == request.signer_person_id; });
        if (signer == settings.signers.end()) {
          return Error::Validation({{"signer_person_id", "not_found"}});
        }
        PeriodActivity activity;
        auto report = BuildConsolidatedReport(c, by, request.period, today, &activity);
        if (!report) return report.error();
        if (report->period_start > today) return Error::Validation({{"period", "not_started"}});

        // The register's row is locked until this transaction ends: issues of the agency wait
        // for one another here, on every server, so what is read below is final. Only once
        // every check has passed is a number taken, as a transaction commits even when it
        // refuses.
        const int year = today.year();
        const std::vector<storage::Value> register_key{Param(agency), Param(year),
                                                       Param(std::string(kReportTypeCode))};
        c.execute(
            "INSERT INTO document_registers (agency_id, year, type_code, last_number) "
            "VALUES ($1, $2, $3, 0) ON CONFLICT (agency_id, year, type_code) "
            "DO UPDATE SET last_number = document_registers.last_number",
            register_key);

        // The period's issued report still in force, if there is one: only a replacement of it
        // may be issued.
        const auto current = c.execute(
            "SELECT r.id FROM issued_reports r WHERE r.agency_id = $1 AND r.period = $2 AND NOT "
            "EXISTS (SELECT 1 FROM issued_reports n WHERE n.replaces_id = r.id)",
            {Param(agency), Param(report->period)});
        const std::optional<Id> in_force =
            current.empty() ? std::nullopt : std::optional<Id>(current.rows.front().integer(0));
        if (request.replaces_id != in_force) {
          if (!request.replaces_id) return Error::Conflict("report_already_issued");
          // A report of the period that a later one replaced already: say so, and that the
          // one in force is the one to replace.
          if (in_force &&
              !c.execute("SELECT 1 FROM issued_reports WHERE id = $1 AND "
                         "agency_id = $2 AND period = $3",
                         {Param(*request.replaces_id), Param(agency), Param(report->period)})
                   .empty())
            return Error::Conflict("report_already_replaced");
          return Error::Validation({{"replaces_id", "not_found"}});
        }
        const int number = static_cast<int>(
            c.execute("UPDATE document_registers SET last_number = last_number + 1 "
                      "WHERE agency_id = $1 AND year = $2 AND type_code = $3 RETURNING last_number",
                      register_key)
                .one()
                .integer(0));

        IssuedReport issued;
        IssuedReportSummary& s = issued.summary;
        s.period = report->period;
        s.number = number;
        s.number_text = domain::DocumentNumber(number, kReportTypeCode, settings.agency_code);
        s.issued_on = today;
        s.signer = *signer;
        s.issued_by = NamedRef{by.user_id, by.full_name};
        issued.report = std::move(*report);
        issued.activity = std::move(activity);
        // A draft's own version means nothing once the text is frozen.
        issued.report.draft_version = 0;

        // The images as they are set now go into the files, and stay there whatever is set
        // later; the report names the signature its files carry, read with its bytes.
        const DocumentImages images = LoadDocumentImages(c, agency, signer->person_id);
        s.signer.signature = images.signature;
        const std::vector<RenderedFile> files = renderer_.Render(issued, settings, images);
        const std::optional<ReportImage>& signature = s.signer.signature;
        const auto inserted = c.execute(
            "INSERT INTO issued_reports (agency_id, period, year, type_code, number, number_text, "
            "issued_on, signer_person_id, replaces_id, model, issued_at, issued_by, signer_name, "
            "signer_authority, signer_title, signature_sha256, signature_width, "
            "signature_height) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
            "$14, $15, $16, $17, $18) RETURNING id",
            {Param(agency), Param(s.period), Param(year), Param(std::string(kReportTypeCode)),
             Param(number), Param(s.number_text), Param(today.Iso()), Param(signer->person_id),
             request.replaces_id ? Param(*request.replaces_id) : storage::Value(nullptr),
             Param(StoreReport({issued.report, issued.activity, s.signer})),
             Param(Context::NowMillis()), Param(by.user_id), Param(s.signer.full_name),
             Param(s.signer.authority), Param(s.signer.title),
             signature ? Param(signature->sha256) : storage::Value(nullptr),
             signature ? Param(signature->width) : storage::Value(nullptr),
             signature ? Param(signature->height) : storage::Value(nullptr)});
        s.id = ReturnedId(inserted);
        for (const RenderedFile& f : files) {
          c.execute(
              "INSERT INTO issued_report_files (report_id, format, content_type, sha256, bytes) "
              "VALUES ($1, $2, $3, $4, $5)",
              {Param(s.id), Param(f.format), Param(f.content_type), Param(Sha256Hex(f.bytes)),
               Param(storage::Blob{f.bytes})});
        }
        RecordEvent(c, {agency, "issued_report", s.id, std::nullopt, "issued", by.user_id, "",
                        json::serialize(json::object{
                            {"period", s.period},
                            {"number", s.number_text},
                            {"replaces_id", request.replaces_id ? json::value(*request.replaces_id)
                                                                : json::value(nullptr)}})});
        auto rows = LoadIssued(c, "WHERE r.id = $1", {Param(s.id)});
        return ReadIssued(std::move(rows.front()));
      });
}

Expected<std::vector<IssuedReportSummary>> IssuedReportService::List(const Actor& reader,
                                                                     std::optional<int> year) {
  return ctx_.db().transact(TransactionMode::kRead, [&](storage::Connection& c) {
    std::vector<storage::Value> params{Param(reader.agency_id)};
    std::string where = "WHERE r.agency_id = $1 ";
    if (year) {
      where += "AND r.year = $2 ";
      params.push_back(Param(*year));
    }
    where += "ORDER BY r.issued_on DESC, r.id DESC";
    std::vector<IssuedReportSummary> out;
    for (IssuedRow& row : LoadIssued(c, where, params, WithModel::kNo)) {
      out.push_back(std::move(row.summary));
    }
    return Expected<std::vector<IssuedReportSummary>>(std::move(out));
  });
}

Expected<IssuedReport> IssuedReportService::Get(const Actor& reader, Id id) {
  return ctx_.db().transact(TransactionMode::kRead,
                            [&](storage::Connection& c) -> Expected<IssuedReport> {
                              auto rows = LoadIssued(c, "WHERE r.id = $1 AND r.agency_id = $2",
                                                     {Param(id), Param(reader.agency_id)});
                              if (rows.empty()) return Error::NotFound();
                              return ReadIssued(std::move(rows.front()));
                            });
}

Expected<std::string> IssuedReportService::NextNumber(const Actor& reader) {
  const Date today = ctx_.Today();
  return ctx_.db().transact(
      TransactionMode::kRead, [&](storage::Connection& c) -> Expected<std::string> {
        const ReportSettings settings = LoadReportSettings(c, reader.agency_id);
        auto r = c.execute(
            "SELECT last_number FROM document_registers WHERE agency_id = $1 AND year = $2 AND "
            "type_code = $3",
            {Param(reader.agency_id), Param(today.year()), Param(std::string(kReportTypeCode))});
        const int last = r.empty() ? 0 : static_cast<int>(r.rows.front().integer(0));
        return domain::DocumentNumber(last + 1, kReportTypeCode, settings.agency_code);
      });
}

Expected<IssuedFile> IssuedReportService::File(const Actor& reader, Id id,
                                               std::string_view format) {
  if (auto cached = Cached(id, format, reader.agency_id)) return *cached;
  auto file = ctx_.db().transact(
      TransactionMode::kRead, [&](storage::Connection& c) -> Expected<IssuedFile> {
        auto r = c.execute(
            "SELECT f.content_type, f.sha256, f.bytes, r.period, r.number "
            "FROM issued_report_files f JOIN issued_reports r ON r.id = f.report_id "
            "WHERE f.report_id = $1 AND f.format = $2 AND r.agency_id = $3",
            {Param(id), Param(std::string(format)), Param(reader.agency_id)});
        if (r.empty()) return Error::NotFound();
        const auto& row = r.rows.front();
        IssuedReportSummary s;
        s.period = row.text(3);
        s.number = static_cast<int>(row.integer(4));
        return IssuedFile{FileName(s, format), row.text(0), row.text(1), row.blob(2).bytes};
      });
  if (file) Keep(id, format, reader.agency_id, std::make_shared<const IssuedFile>(*file));
  return file;
}

std::shared_ptr<const IssuedFile> IssuedReportService::Cached(Id id, std::string_view format,
                                                              Id agency) {
  std::lock_guard lock(cache_mutex_);
  auto it = cache_.find({id, std::string(format)});
  if (it == cache_.end() || it->second.agency_id != agency) return nullptr;
  return it->second.file;
}

void IssuedReportService::Keep(Id id, std::string_view format, Id agency,
                               std::shared_ptr<const IssuedFile> file) {
  const std::size_t size = file->bytes.size();
  if (size > kCacheBytes / 4) return;
  std::lock_guard lock(cache_mutex_);
  auto key = std::make_pair(id, std::string(format));
  if (cache_.count(key)) return;
  while (cache_bytes_ + size > kCacheBytes && !cache_order_.empty()) {
    auto oldest = cache_.find(cache_order_.front());
    cache_bytes_ -= oldest->second.file->bytes.size();
    cache_.erase(oldest);
    cache_order_.pop_front();
  }
  cache_.emplace(key, CachedFile{agency, std::move(file)});
  cache_order_.push_back(std::move(key));
  cache_bytes_ += size;
}

}  // namespace giaoban::service
