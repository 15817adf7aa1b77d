#include "service/imports/imports.h"

#include <algorithm>
#include <boost/json.hpp>
#include <set>
#include <stdexcept>

#include "domain/deadline_text.h"
#include "intl/text.h"
#include "service/audit.h"
#include "service/imports/rows_digest.h"
#include "service/sources/sources.h"
#include "service/tasks/attachment_digest.h"
#include "service/tasks/task_access.h"
#include "service/tasks/task_insert.h"

namespace giaoban::service {

using storage::Connection;
using storage::Param;
using storage::TransactionMode;

namespace json = boost::json;

namespace {

// More names than any program has units: beyond it only the count grows.
constexpr std::size_t kMaxUnmatchedNames = 500;

constexpr const char* kImportColumns =
    "id, source_id, file_name, file_kind, file_size, status, task_count, created_at, "
    "confirmed_at, version";

ImportSummary SummaryOf(const storage::Result& r, const storage::Row& row) {
  ImportSummary s;
  s.id = row.integer(r.column("id"));
  s.source_id = row.integer(r.column("source_id"));
  s.file_name = row.text(r.column("file_name"));
  s.file_kind = row.text(r.column("file_kind"));
  s.file_size = row.integer(r.column("file_size"));
  s.status = row.text(r.column("status"));
  s.task_count = row.integer(r.column("task_count"));
  s.created_at = row.integer(r.column("created_at"));
  s.confirmed_at = row.opt_integer(r.column("confirmed_at"));
  s.version = row.integer(r.column("version"));
  return s;
}

json::object ColumnsJson(const std::map<std::size_t, ColumnChoice>& chosen) {
  json::object columns;
  for (const auto& [index, field] : chosen) {
    columns[std::to_string(index)] =
        field ? json::value(std::string(ProgramColumnCode(*field))) : json::value(nullptr);
  }
  return columns;
}

std::map<std::size_t, ColumnChoice> ColumnsFromJson(const json::object& o) {
  std::map<std::size_t, ColumnChoice> columns;
  for (const auto& [index, field] : o) {
    columns[std::stoul(std::string(index))] =
        field.is_null() ? ColumnChoice() : ProgramColumnFromCode(field.as_string());
  }
  return columns;
}

std::string ChoicesJson(const ImportChoices& choices) {
  json::object fixes;
  for (const auto& [folded, id] : choices.unit_fixes) fixes[folded] = id;
  json::object fix_names;
  for (const auto& [folded, written] : choices.unit_fix_names) fix_names[folded] = written;
  json::object other_sheets;
  for (const auto& [sheet, columns] : choices.other_sheets)
    other_sheets[std::to_string(sheet)] = ColumnsJson(columns);
  json::object o{{"sheet", choices.sheet},
                 {"groups_as", choices.groups_as == GroupsAs::kParents ? "parents" : "labels"},
                 {"columns", ColumnsJson(choices.columns)},
                 {"unit_fixes", std::move(fixes)},
                 {"unit_fix_names", std::move(fix_names)},
                 {"other_sheets", std::move(other_sheets)}};
  if (choices.year) o["year"] = *choices.year;
  return json::serialize(o);
}

// Choices kept before an import knew a year, other sheets or the names as written read without
// them.
ImportChoices ChoicesFromJson(std::string_view text) {
  ImportChoices choices;
  const json::object o = json::parse(text).as_object();
  choices.sheet = static_cast<std::size_t>(o.at("sheet").to_number<std::int64_t>());
  choices.groups_as =
      o.at("groups_as").as_string() == "parents" ? GroupsAs::kParents : GroupsAs::kLabels;
  choices.columns = ColumnsFromJson(o.at("columns").as_object());
  for (const auto& [folded, id] : o.at("unit_fixes").as_object())
    choices.unit_fixes[std::string(folded)] = id.to_number<std::int64_t>();
  if (const json::value* names = o.if_contains("unit_fix_names"))
    for (const auto& [folded, written] : names->as_object())
      choices.unit_fix_names[std::string(folded)] = std::string(written.as_string());
  if (const json::value* sheets = o.if_contains("other_sheets"))
    for (const auto& [sheet, columns] : sheets->as_object())
      choices.other_sheets[std::stoul(std::string(sheet))] = ColumnsFromJson(columns.as_object());
  if (const json::value* year = o.if_contains("year"))
    choices.year = static_cast<int>(year->to_number<std::int64_t>());
  return choices;
}

// An import as stored, with its file.
struct StoredImport {
  ImportSummary summary;
  Id agency_id = 0;
  std::string sha256;
  SpreadsheetKind kind = SpreadsheetKind::kXlsx;
  std::string content;
  ImportChoices choices;
};

std::optional<StoredImport> LoadImport(Connection& c, Id id, bool for_update) {
  const bool lock = for_update && c.dialect() == storage::Dialect::kPostgres;
  const auto r = c.execute(std::string("SELECT ") + kImportColumns +
                               ", agency_id, file_sha256, content, choices FROM imports "
                               "WHERE id = $1" +
                               (lock ? " FOR UPDATE" : ""),
                           {Param(id)});
  if (r.empty()) return std::nullopt;
  const storage::Row& row = r.one();
  StoredImport out;
  out.summary = SummaryOf(r, row);
  out.agency_id = row.integer(r.column("agency_id"));
  out.sha256 = row.text(r.column("file_sha256"));
  out.kind = SpreadsheetKindFromCode(out.summary.file_kind).value_or(SpreadsheetKind::kXlsx);
  out.content = row.blob(r.column("content")).bytes;
  out.choices = ChoicesFromJson(row.text(r.column("choices")));
  return out;
}

// What a plan needs from the database: the agency's units and people, the program's date and
// year from its source, and the column names the agency's users mapped before.
struct PlanInputs {
  PlanContext plan;
  YearFrom year_from = YearFrom::kToday;
  std::map<std::string, ColumnChoice> remembered;  // by folded header
  // The units the agency's users picked for names before, by folded name: units in force only.
  std::map<std::string, Id> remembered_units;
  std::map<Id, std::string> unit_names;
  std::map<Id, std::string> person_names;
  std::map<Id, std::string> unit_paths;
};

Expected<PlanInputs> LoadPlanInputs(Connection& c, const Actor& actor, Id source_id, Date today) {
  const std::optional<Source> source = LoadSource(c, source_id);
  if (!source || source->agency_id != actor.agency_id) return Error::NotFound();
  PlanInputs in;
  // A program's tasks were given when it was issued; one dated ahead is taken as given today.
  in.plan.assigned_on = source->doc_date && *source->doc_date <= today ? *source->doc_date : today;
  // A program for next year is often issued late this year: a year its title names is its own.
  if (const auto named = domain::ProgramYearNamedIn(intl::Fold(source->title))) {
    in.plan.year = named;
    in.year_from = YearFrom::kTitle;
  } else {
    in.plan.year = (source->doc_date ? *source->doc_date : today).year();
    in.year_from = source->doc_date ? YearFrom::kDocument : YearFrom::kToday;
  }
  in.plan.agency_org_id = actor.agency_id;
  const auto units = c.execute(
      "SELECT id, name, code, path FROM organizations WHERE agency_id = $1 "
      "AND (valid_to IS NULL OR valid_to >= $2) AND (valid_from IS NULL OR valid_from <= $2) "
      "ORDER BY id",
      {Param(actor.agency_id), Param(today.Iso())});
  for (const storage::Row& row : units.rows) {
    const Id id = row.integer(units.column("id"));
    in.plan.units.push_back({id, row.text(units.column("name")), row.text(units.column("code"))});
    in.unit_names[id] = row.text(units.column("name"));
    in.unit_paths[id] = row.text(units.column("path"));
  }
  const auto people = c.execute(
      "SELECT p.id, p.full_name FROM people p JOIN organizations o ON o.id = p.organization_id "
      "WHERE o.agency_id = $1 AND p.active = 1 ORDER BY p.id",
      {Param(actor.agency_id)});
  for (const storage::Row& row : people.rows) {
    const Id id = row.integer(people.column("id"));
    in.plan.people.push_back({id, row.text(people.column("full_name"))});
    in.person_names[id] = row.text(people.column("full_name"));
  }
  const auto names =
      c.execute("SELECT header_fold, field FROM import_column_names WHERE agency_id = $1",
                {Param(actor.agency_id)});
  for (const storage::Row& row : names.rows) {
    in.remembered[row.text(names.column("header_fold"))] =
        ProgramColumnFromCode(row.text(names.column("field")));
  }
  const auto tasks = c.execute(
      "SELECT id, title, content, lead_org_id FROM tasks WHERE source_id = $1 ORDER BY id",
      {Param(source_id)});
  for (const storage::Row& row : tasks.rows) {
    const std::string content = row.text(tasks.column("content"));
    in.plan.source_tasks.emplace(
        SourceTaskKey(content.empty() ? row.text(tasks.column("title")) : content,
                      row.integer(tasks.column("lead_org_id"))),
        row.integer(tasks.column("id")));
  }
  const auto picked =
      c.execute("SELECT name_fold, organization_id FROM import_unit_names WHERE agency_id = $1",
                {Param(actor.agency_id)});
  for (const storage::Row& row : picked.rows) {
    const Id unit = row.integer(picked.column("organization_id"));
    if (in.unit_names.contains(unit))
      in.remembered_units[row.text(picked.column("name_fold"))] = unit;
  }
  return in;
}

// The table's layout: as found, with the columns the agency mapped before and those the user
// chose for this import.
std::optional<ProgramLayout> LayoutOf(const ProgramTable& table, const ImportChoices& choices,
                                      const std::map<std::string, ColumnChoice>& remembered) {
  if (!table.found) return std::nullopt;
  ProgramLayout layout = *table.found;
  // What the agency's users mapped before names a column the headers did not, and never takes a
  // field this file's headers give another column.
  std::map<std::size_t, ColumnChoice> known;
  for (const auto& [index, header] : layout.unrecognised) {
    const auto it = remembered.find(intl::Fold(header));
    if (it != remembered.end() && (!it->second || !layout.columns.contains(*it->second)))
      known[index] = it->second;
  }
  ApplyColumnChoices(layout, known);
  ApplyColumnChoices(layout, choices.columns);
  return layout;
}

std::vector<ImportColumn> ColumnsOf(const ProgramTable& table, const ProgramLayout& layout,
                                    const ImportChoices& choices) {
  std::vector<ImportColumn> columns;
  for (const auto& [index, header] : layout.headers) {
    ImportColumn column;
    column.index = index;
    column.header = header;
    for (const auto& [field, at] : layout.columns)
      if (at == index) column.field = field;
    const bool chosen = choices.columns.contains(index);
    column.recognised =
        !chosen && table.found->columns.end() !=
                       std::find_if(table.found->columns.begin(), table.found->columns.end(),
                                    [&](const auto& e) { return e.second == index; });
    columns.push_back(std::move(column));
  }
  // A column the user gave a field though its header is empty.
  for (const auto& [index, field] : choices.columns) {
    if (layout.headers.contains(index) || !field) continue;
    columns.push_back({index, "", field, false});
  }
  std::sort(columns.begin(), columns.end(),
            [](const ImportColumn& a, const ImportColumn& b) { return a.index < b.index; });
  return columns;
}

// The plan's context with what the user chose for this import.
PlanContext PlanFor(const PlanInputs& inputs, const ImportChoices& choices) {
  PlanContext plan = inputs.plan;
  plan.choices.groups_as = choices.groups_as;
  // What this import's user picked, over what the agency's users picked before.
  plan.choices.unit_fixes = inputs.remembered_units;
  for (const auto& [folded, unit] : choices.unit_fixes) {
    if (unit == kNoUnit)
      plan.choices.unit_fixes.erase(folded);
    else
      plan.choices.unit_fixes[folded] = unit;
  }
  if (choices.year) plan.year = choices.year;
  return plan;
}

bool HasProblems(const PlannedRow& row) { return !row.errors.empty() || !row.warnings.empty(); }

// Reads the file into a preview: every row planned and counted, one page of them kept, and the
// digest of the rows in `rows_digest`.
Expected<ImportPreview> BuildPreview(const StoredImport& stored, const PlanInputs& inputs,
                                     const PreviewQuery& query, const sheets::Limits& limits,
                                     std::string& rows_digest) {
  ImportPreview preview;
  preview.import = stored.summary;
  preview.choices = stored.choices;
  const PlanContext plan = PlanFor(inputs, stored.choices);
  preview.year = plan.year.value_or(0);
  preview.year_from = stored.choices.year ? YearFrom::kChoice : inputs.year_from;
  // The units picked are named whatever the sheet now shows.
  for (const auto& [folded, id] : plan.choices.unit_fixes)
    if (const auto it = inputs.unit_names.find(id); it != inputs.unit_names.end())
      preview.unit_names[id] = it->second;
  auto table = ReadProgramTable(stored.content, stored.kind, stored.choices.sheet, limits);
  if (!table) return ReadFailureError(table.failure());
  preview.sheets = table->sheets;
  const std::optional<ProgramLayout> layout = LayoutOf(*table, stored.choices, inputs.remembered);
  if (!layout) {
    preview.problems.push_back("no_header");
    return preview;
  }
  preview.header_row = layout->header_row;
  preview.header_rows = layout->header_rows;
  preview.columns = ColumnsOf(*table, *layout, stored.choices);
  if (!layout->columns.contains(ProgramColumn::kContent)) {
    preview.problems.push_back("no_content_column");
    return preview;
  }

  std::map<std::string, UnmatchedUnit> unmatched;
  RowsDigest digest;
  std::set<Id> units_named, people_named;
  preview.rows.page = query.page;
  preview.rows.page_size = query.page_size;
  const std::int64_t first = static_cast<std::int64_t>(query.page - 1) * query.page_size;
  ImportPlanner planner(plan, [&](const PlannedRow& row) {
    ImportCounts& n = preview.counts;
    ++n.rows;
    if (row.becomes_task) ++n.tasks;
    if (row.existing_task) ++n.existing;
    if (row.group && !row.becomes_task && !row.existing_task) ++n.headings;
    if (!row.errors.empty()) ++n.with_errors;
    if (!row.warnings.empty()) ++n.with_warnings;
    auto note_unit = [&](const PlannedUnit& unit, bool lead) {
      if (unit.id) {
        // A unit the agency's users picked before for this name, which the user may change.
        const std::string folded = intl::Fold(unit.written);
        const auto remembered = inputs.remembered_units.find(folded);
        if (remembered != inputs.remembered_units.end() && remembered->second == *unit.id &&
            !stored.choices.unit_fixes.contains(folded) &&
            preview.remembered_fixes.size() < kMaxUnmatchedNames)
          preview.remembered_fixes.emplace(folded, std::pair(unit.written, *unit.id));
        return;
      }
      const std::string folded = intl::Fold(unit.written);
      auto it = unmatched.find(folded);
      if (it == unmatched.end()) {
        if (unmatched.size() >= kMaxUnmatchedNames) return;
        it = unmatched.emplace(folded, UnmatchedUnit{unit.written, 0, 0, unit.suggestions}).first;
        units_named.insert(unit.suggestions.begin(), unit.suggestions.end());
      }
      ++it->second.rows;
      if (lead) ++it->second.lead_rows;
    };
    if (row.lead) note_unit(*row.lead, true);
    for (const PlannedUnit& unit : row.cooperating) note_unit(unit, false);
    if (query.problems_only && !HasProblems(row)) return;
    const std::int64_t at = preview.rows.total++;
    if (at < first || at >= first + query.page_size) return;
    if (row.lead && row.lead->id) units_named.insert(*row.lead->id);
    for (const PlannedUnit& unit : row.cooperating) {
      if (unit.id) units_named.insert(*unit.id);
      units_named.insert(unit.suggestions.begin(), unit.suggestions.end());
    }
    if (row.lead) units_named.insert(row.lead->suggestions.begin(), row.lead->suggestions.end());
    if (row.leader_id) people_named.insert(*row.leader_id);
    preview.rows.items.push_back(row);
  });
  auto read = ReadProgramRows(stored.content, stored.kind, stored.choices.sheet, limits, *table,
                              *layout, [&](const ProgramRow& row) {
                                digest.Add(row);
                                planner.Add(row);
                              });
  if (!read) return ReadFailureError(read.failure());
  rows_digest = digest.Hex();
  // Every task of the file the source has already: the program imported before, written back.
  if (preview.counts.tasks == 0)
    preview.problems.push_back(preview.counts.existing > 0 ? "already_imported" : "no_rows");

  for (auto& [folded, unit] : unmatched) preview.unmatched_units.push_back(std::move(unit));
  // The names that keep rows from being imported first, each group by how many rows name it.
  std::stable_sort(preview.unmatched_units.begin(), preview.unmatched_units.end(),
                   [](const UnmatchedUnit& a, const UnmatchedUnit& b) {
                     return std::pair(a.lead_rows > 0, a.rows) > std::pair(b.lead_rows > 0, b.rows);
                   });
  for (const Id id : units_named)
    if (const auto it = inputs.unit_names.find(id); it != inputs.unit_names.end())
      preview.unit_names[id] = it->second;
  for (const Id id : people_named)
    if (const auto it = inputs.person_names.find(id); it != inputs.person_names.end())
      preview.person_names[id] = it->second;
  return preview;
}

// The agency's confirmed import of the same sheet of the same file, or the source's of the same
// rows when `rows_digest` is given: a copy of a program may go to another source, the same file
// may not, but each of a workbook's sheets may hold a program of its own.
std::optional<Id> ConfirmedImportOf(Connection& c, const StoredImport& stored,
                                    const std::string& rows_digest = {}) {
  const auto r = c.execute(
      "SELECT id FROM imports WHERE agency_id = $1 AND status = 'confirmed' AND id <> $2 AND "
      "((file_sha256 = $3 AND sheet = $4) OR (source_id = $5 AND rows_digest = $6)) "
      "ORDER BY id LIMIT 1",
      {Param(stored.agency_id), Param(stored.summary.id), Param(stored.sha256),
       Param(static_cast<std::int64_t>(stored.choices.sheet)), Param(stored.summary.source_id),
       Param(rows_digest)});
  if (r.empty()) return std::nullopt;
  return r.one().integer(r.column("id"));
}

constexpr std::int64_t kDraftLifetimeMillis = std::int64_t{30} * 24 * 60 * 60 * 1000;

bool MayImport(const Actor& actor) {
  return actor.role == Role::kLeader || actor.role == Role::kConsolidator;
}

PreviewQuery Bounded(PreviewQuery q) {
  q.page = std::max(q.page, 1);
  q.page_size = std::clamp(q.page_size, 1, kMaxPreviewPageSize);
  return q;
}

// The rows of import_tasks, written many to a statement.
class ImportTaskRows {
 public:
  explicit ImportTaskRows(Id import_id) : import_id_(import_id) {}

  void Add(const PlannedRow& row, Id task_id) {
    sql_ += params_.empty() ? "" : ", ";
    sql_ += "($" + std::to_string(params_.size() + 1);
    for (int k = 2; k <= 7; ++k)
      sql_ += ", $" + std::to_string(params_.size() + static_cast<std::size_t>(k));
    sql_ += ")";
    params_.push_back(Param(import_id_));
    params_.push_back(Param(static_cast<std::int64_t>(row.sheet_row)));
    params_.push_back(Param(task_id));
    params_.push_back(Param(row.number));
    params_.push_back(Param(StoredHeadings(row.groups)));
    params_.push_back(Param(row.note));
    params_.push_back(Param(row.outside_units));
  }

  void Flush(Connection& c) {
    if (params_.empty()) return;
    c.execute(
        "INSERT INTO import_tasks (import_id, sheet_row, task_id, number, headings, note, "
        "outside_units) VALUES " +
            sql_,
        params_);
    sql_.clear();
    params_.clear();
  }

 private:
  Id import_id_;
  std::string sql_;
  std::vector<storage::Value> params_;
};

}  // namespace

Error ReadFailureError(const sheets::Failure& failure) {
  static constexpr std::pair<sheets::ReadError, const char*> kCodes[] = {
      {sheets::ReadError::kNotSpreadsheet, "file_not_spreadsheet"},
      {sheets::ReadError::kLegacyXls, "file_legacy_xls"},
      {sheets::ReadError::kEncrypted, "file_encrypted"},
      {sheets::ReadError::kBrokenZip, "file_broken_zip"},
      {sheets::ReadError::kBrokenXml, "file_broken_xml"},
      {sheets::ReadError::kTooLarge, "file_too_large"},
      {sheets::ReadError::kZipBomb, "file_zip_bomb"},
      {sheets::ReadError::kTooManyRows, "file_too_many_rows"},
      {sheets::ReadError::kTooManyColumns, "file_too_many_columns"},
      {sheets::ReadError::kCellTooLong, "file_cell_too_long"},
      {sheets::ReadError::kNoSuchSheet, "file_no_such_sheet"},
      {sheets::ReadError::kNotUtf8, "file_not_utf8"},
      {sheets::ReadError::kUnclosedQuote, "file_unclosed_quote"},
  };
  for (const auto& [error, code] : kCodes) {
    if (error == failure.error) {
      Error e{code, {}};
      e.detail = failure.where;
      return e;
    }
  }
  return Error::Internal();
}

Expected<ImportPreview> ImportService::Start(const Actor& by, const NewImport& file,
                                             const PreviewQuery& query) {
  if (!MayImport(by)) return Error::Forbidden();
  Validator v;
  v.RequireText("file_name", file.file_name, 255);
  if (!intl::IsValidUtf8(file.file_name)) v.Add("file_name", "invalid");
  if (!v.ok()) return v.error();
  if (file.content.empty()) return Error{"file_empty", {}};
  const auto kind = DetectSpreadsheetKind(file.content, limits_);
  if (!kind) return ReadFailureError(kind.failure());
  // Read once before it is kept: a file that cannot be read is refused with its reason.
  if (auto table = ReadProgramTable(file.content, *kind, file.sheet, limits_); !table)
    return ReadFailureError(table.failure());

  ImportChoices choices;
  choices.sheet = file.sheet;
  const std::string sha256 = Sha256Hex(file.content);
  auto id = ctx_.db().transact(TransactionMode::kWrite, [&](Connection& c) -> Expected<Id> {
    const std::optional<Source> source = LoadSource(c, file.source_id);
    if (!source || source->agency_id != by.agency_id) return Error::NotFound();
    const std::int64_t now = Context::NowMillis();
    // Drafts nobody has touched for a month are not coming back: their files go.
    c.execute("DELETE FROM imports WHERE agency_id = $1 AND status = 'draft' AND changed_at < $2",
              {Param(by.agency_id), Param(now - kDraftLifetimeMillis)});
    const auto r = c.execute(
        "INSERT INTO imports (agency_id, source_id, file_name, file_kind, file_sha256, "
        "file_size, content, choices, sheet, status, created_by, created_at, changed_at) VALUES "
        "($1, $2, $3, $4, $5, $6, $7, $8, $9, 'draft', $10, $11, $11) RETURNING id",
        {Param(by.agency_id), Param(file.source_id), Param(intl::ToNfc(file.file_name)),
         Param(std::string(SpreadsheetKindCode(*kind))), Param(sha256),
         Param(static_cast<std::int64_t>(file.content.size())), Param(storage::Blob{file.content}),
         Param(ChoicesJson(choices)), Param(static_cast<std::int64_t>(choices.sheet)),
         Param(by.user_id), Param(now)});
    return r.one().integer(r.column("id"));
  });
  if (!id) return id.error();
  return Preview(by, *id, query);
}

Expected<ImportPreview> ImportService::Preview(const Actor& actor, Id id,
                                               const PreviewQuery& query) {
  const Date today = ctx_.Today();
  // The import and what its plan needs are read in a transaction of their own, and the file after
  // it, so that reading the file does not hold the database.
  std::optional<StoredImport> stored;
  std::optional<PlanInputs> inputs;
  auto loaded = ctx_.db().transact(TransactionMode::kRead, [&](Connection& c) -> Status {
    stored = LoadImport(c, id, false);
    if (!stored || stored->agency_id != actor.agency_id || !MayImport(actor))
      return Error::NotFound();
    auto plan_inputs = LoadPlanInputs(c, actor, stored->summary.source_id, today);
    if (!plan_inputs) return plan_inputs.error();
    inputs = std::move(*plan_inputs);
    // A confirmed import shows what it wrote: its tasks are the source's now, but not as rows
    // it found there.
    if (stored->summary.status != "draft") inputs->plan.source_tasks.clear();
    return Ok();
  });
  if (!loaded) return loaded.error();
  std::string rows_digest;
  auto preview = BuildPreview(*stored, *inputs, Bounded(query), limits_, rows_digest);
  if (!preview || stored->summary.status != "draft") return preview;
  auto duplicate =
      ctx_.db().transact(TransactionMode::kRead, [&](Connection& c) -> Expected<std::optional<Id>> {
        return ConfirmedImportOf(c, *stored, rows_digest);
      });
  if (!duplicate) return duplicate.error();
  if (*duplicate) {
    preview->duplicate_of = *duplicate;
    if (std::find(preview->problems.begin(), preview->problems.end(), "already_imported") ==
        preview->problems.end())
      preview->problems.push_back("already_imported");
  }
  return preview;
}

Expected<ImportPreview> ImportService::Choose(const Actor& by, Id id, std::int64_t expected_version,
                                              const ImportChoicesPatch& patch,
                                              const PreviewQuery& query) {
  auto changed = ctx_.db().transact(TransactionMode::kWrite, [&](Connection& c) -> Status {
    auto stored = LoadImport(c, id, true);
    if (!stored || stored->agency_id != by.agency_id || !MayImport(by)) return Error::NotFound();
    if (stored->summary.version != expected_version) return Error::PreconditionFailed();
    if (stored->summary.status != "draft") return Error::Conflict("import_confirmed");
    ImportChoices choices = stored->choices;
    if (patch.sheet && *patch.sheet != choices.sheet) {
      // Another sheet has other columns: what was chosen for this one waits until the user
      // comes back to it.
      auto table = ReadProgramTable(stored->content, stored->kind, *patch.sheet, limits_);
      if (!table) return ReadFailureError(table.failure());
      if (!choices.columns.empty()) choices.other_sheets[choices.sheet] = choices.columns;
      choices.columns.clear();
      if (auto kept = choices.other_sheets.extract(*patch.sheet))
        choices.columns = std::move(kept.mapped());
      choices.sheet = *patch.sheet;
    }
    if (patch.groups_as) choices.groups_as = *patch.groups_as;
    if (patch.year) choices.year = *patch.year;
    Validator v;
    if (choices.year && (*choices.year < kMinProgramYear || *choices.year > kMaxProgramYear))
      v.Add("year", "invalid");
    for (const auto& [index, field] : patch.columns) {
      // A field is read from one column: the latest choice takes it from a column chosen for it
      // before, which goes back to what its header says.
      if (field)
        std::erase_if(choices.columns, [&](const auto& chosen) {
          return chosen.first != index && chosen.second == field;
        });
      choices.columns[index] = field;
    }
    // A lead must be in force when its tasks are given: so must a unit picked for a name.
    const auto units = c.execute(
        "SELECT id FROM organizations WHERE agency_id = $1 AND (valid_to IS NULL OR valid_to >= "
        "$2) AND (valid_from IS NULL OR valid_from <= $2)",
        {Param(by.agency_id), Param(ctx_.Today().Iso())});
    std::set<Id> unit_ids;
    for (const storage::Row& row : units.rows) unit_ids.insert(row.integer(units.column("id")));
    for (const auto& [written, unit] : patch.unit_fixes) {
      const std::string folded = intl::Fold(written);
      if (folded.empty()) {
        v.Add("unit_fixes", "invalid");
      } else if (!unit) {
        // No unit: also not the one the agency's users picked before, if they did.
        choices.unit_fixes[folded] = kNoUnit;
        choices.unit_fix_names[folded] = intl::ToNfc(written);
      } else if (!unit_ids.contains(*unit)) {
        v.Add("unit_fixes", "not_found");
      } else {
        choices.unit_fixes[folded] = *unit;
        choices.unit_fix_names[folded] = intl::ToNfc(written);
      }
    }
    if (!v.ok()) return v.error();
    c.execute(
        "UPDATE imports SET choices = $1, sheet = $2, changed_at = $3, version = version + 1 "
        "WHERE id = $4",
        {Param(ChoicesJson(choices)), Param(static_cast<std::int64_t>(choices.sheet)),
         Param(Context::NowMillis()), Param(id)});
    return Ok();
  });
  if (!changed) return changed.error();
  return Preview(by, id, query);
}

Expected<ImportResult> ImportService::Confirm(const Actor& by, Id id,
                                              std::int64_t expected_version) {
  const Date today = ctx_.Today();
  std::string rows_digest;
  auto confirmed =
      ctx_.db().transact(TransactionMode::kWrite, [&](Connection& c) -> Expected<ImportResult> {
        auto stored = LoadImport(c, id, true);
        if (!stored || stored->agency_id != by.agency_id || !MayImport(by))
          return Error::NotFound();
        if (stored->summary.version != expected_version) return Error::PreconditionFailed();
        if (stored->summary.status != "draft") return Error::Conflict("import_confirmed");
        if (ConfirmedImportOf(c, *stored)) return Error::Conflict("already_imported");
        auto inputs = LoadPlanInputs(c, by, stored->summary.source_id, today);
        if (!inputs) return inputs.error();
        auto table =
            ReadProgramTable(stored->content, stored->kind, stored->choices.sheet, limits_);
        if (!table) return ReadFailureError(table.failure());
        const auto layout = LayoutOf(*table, stored->choices, inputs->remembered);
        if (!layout || !layout->columns.contains(ProgramColumn::kContent))
          return Error::Validation({{"file", layout ? "no_content_column" : "no_header"}});

        // The source as the tasks copy it, held for the transaction (see LoadReferences).
        const TaskReferences refs =
            LoadReferences(c, by.agency_id, TaskInput{}, stored->summary.source_id);
        const PlanContext plan = PlanFor(*inputs, stored->choices);
        // Every row is checked before any is written: the transaction then either writes them all
        // or has written nothing when it answers with an error.
        std::int64_t rows_with_errors = 0, tasks = 0, existing = 0;
        bool forbidden = false;
        RowsDigest digest;
        ImportPlanner checker(plan, [&](const PlannedRow& row) {
          if (!row.errors.empty()) ++rows_with_errors;
          if (row.existing_task) ++existing;
          if (!row.becomes_task || !row.errors.empty()) return;
          ++tasks;
          const auto path = inputs->unit_paths.find(*row.lead->id);
          forbidden =
              forbidden || path == inputs->unit_paths.end() || !CanCreateTaskFor(by, path->second);
        });
        auto checked = ReadProgramRows(stored->content, stored->kind, stored->choices.sheet,
                                       limits_, *table, *layout, [&](const ProgramRow& row) {
                                         digest.Add(row);
                                         checker.Add(row);
                                       });
        if (!checked) return ReadFailureError(checked.failure());
        if (forbidden) return Error::Forbidden();
        if (rows_with_errors > 0) {
          Error e{"import_has_errors", {}};
          e.detail = std::to_string(rows_with_errors);
          return e;
        }
        if (tasks == 0 && existing > 0) return Error::Conflict("already_imported");
        if (tasks == 0) return Error::Validation({{"file", "no_rows"}});
        rows_digest = digest.Hex();
        if (ConfirmedImportOf(c, *stored, rows_digest)) return Error::Conflict("already_imported");

        const std::int64_t now = Context::NowMillis();
        ImportResult result;
        std::map<std::size_t, Id> task_of_row;
        // Cooperating units in the order a task's page lists them, by name.
        std::map<Id, std::string> unit_keys;
        for (const auto& [unit, name] : inputs->unit_names)
          unit_keys[unit] = intl::CollationKey(name);
        // Tasks, their history and the rows' own facts go in by the hundred: an import writes
        // thousands (see TaskInserter). SQLite pays for a statement's every parameter when it first
        // prepares it (looking names up one by one), so its batches stay smaller; PostgreSQL pays
        // per statement instead (measured: bench/import_bench.py).
        const std::size_t kBatch = c.dialect() == storage::Dialect::kPostgres ? 500 : 100;
        TaskInserter inserter(c, by, refs, plan.assigned_on, now);
        struct Queued {
          PlannedRow row;
          TaskInput input;
          std::vector<Id> cooperating;  // in the order a task's page lists them
        };
        std::vector<Queued> queued;
        ImportTaskRows facts(id);
        auto flush = [&] {
          const std::vector<Id> ids = inserter.Flush();
          std::vector<EventRecord> events;
          for (std::size_t i = 0; i < ids.size(); ++i) {
            task_of_row[queued[i].row.sheet_row] = ids[i];
            result.task_ids.push_back(ids[i]);
            events.push_back(
                NewTaskEvent(by, ids[i], queued[i].input, plan.assigned_on, queued[i].cooperating));
            facts.Add(queued[i].row, ids[i]);
          }
          RecordEvents(c, events, plan.assigned_on);
          facts.Flush(c);
          queued.clear();
        };
        ImportPlanner writer(plan, [&](const PlannedRow& row) {
          if (row.existing_task) task_of_row[row.sheet_row] = *row.existing_task;
          if (!row.becomes_task) return;
          // A subtask's parent must be written, and have its id, first.
          if (row.parent_row && !task_of_row.contains(*row.parent_row)) flush();
          TaskInput in;
          in.source_id = stored->summary.source_id;
          if (row.parent_row) in.parent_id = task_of_row.at(*row.parent_row);
          in.title = row.title;
          if (!row.content.empty()) in.content = row.content;
          in.is_key = row.is_key;
          in.lead_org_id = *row.lead->id;
          std::vector<Id> cooperating;
          for (const PlannedUnit& unit : row.cooperating)
            if (unit.id) cooperating.push_back(*unit.id);
          std::sort(cooperating.begin(), cooperating.end());
          cooperating.erase(std::unique(cooperating.begin(), cooperating.end()), cooperating.end());
          in.cooperator_ids = cooperating;
          if (row.leader_id) in.leader_id = row.leader_id;
          in.product = row.product;
          in.deadline = row.deadline;
          in.deadline_label = row.deadline_label;
          std::stable_sort(cooperating.begin(), cooperating.end(),
                           [&](Id a, Id b) { return unit_keys[a] < unit_keys[b]; });
          inserter.Add(in);
          queued.push_back({row, std::move(in), std::move(cooperating)});
          if (queued.size() >= kBatch) flush();
        });
        auto read =
            ReadProgramRows(stored->content, stored->kind, stored->choices.sheet, limits_, *table,
                            *layout, [&](const ProgramRow& row) { writer.Add(row); });
        // The file read a moment ago in this transaction reads the same again.
        if (!read) throw std::logic_error("an import's file read differently the second time");
        flush();

        // The columns the user mapped are how the agency's programs head them.
        for (const auto& [index, field] : stored->choices.columns) {
          const auto header = layout->headers.find(index);
          if (header == layout->headers.end()) continue;
          const std::string folded = intl::Fold(header->second);
          if (folded.empty()) continue;
          c.execute(
              "INSERT INTO import_column_names (agency_id, header_fold, field, updated_at) VALUES "
              "($1, $2, $3, $4) ON CONFLICT (agency_id, header_fold) DO UPDATE SET field = "
              "excluded.field, updated_at = excluded.updated_at",
              {Param(by.agency_id), Param(folded),
               Param(field ? std::string(ProgramColumnCode(*field)) : std::string("ignore")),
               Param(now)});
        }
        // So are the units the user picked for names not recognised.
        for (const auto& [folded, unit] : stored->choices.unit_fixes) {
          if (unit == kNoUnit) {
            c.execute("DELETE FROM import_unit_names WHERE agency_id = $1 AND name_fold = $2",
                      {Param(by.agency_id), Param(folded)});
            continue;
          }
          c.execute(
              "INSERT INTO import_unit_names (agency_id, name_fold, organization_id, updated_at) "
              "VALUES ($1, $2, $3, $4) ON CONFLICT (agency_id, name_fold) DO UPDATE SET "
              "organization_id = excluded.organization_id, updated_at = excluded.updated_at",
              {Param(by.agency_id), Param(folded), Param(unit), Param(now)});
        }
        c.execute(
            "UPDATE imports SET status = 'confirmed', task_count = $1, confirmed_at = $2, "
            "rows_digest = $3, version = version + 1 WHERE id = $4",
            {Param(static_cast<std::int64_t>(result.task_ids.size())), Param(now),
             Param(rows_digest), Param(id)});
        RecordEvent(c, {by.agency_id, "import", id, std::nullopt, "confirmed", by.user_id, "",
                        json::serialize(json::object{
                            {"source_id", stored->summary.source_id},
                            {"file_name", stored->summary.file_name},
                            {"file_sha256", stored->sha256},
                            {"tasks", static_cast<std::int64_t>(result.task_ids.size())}})});
        const auto r = c.execute(
            std::string("SELECT ") + kImportColumns + " FROM imports WHERE id = $1", {Param(id)});
        result.import = SummaryOf(r, r.one());
        return result;
      });
  // Two confirms of one file, or of the same rows, at once on PostgreSQL: both found none
  // confirmed, and the database refused the second when the first committed.
  if (!confirmed && confirmed.error().code == "conflict" && !rows_digest.empty()) {
    auto duplicate =
        ctx_.db().transact(TransactionMode::kRead, [&](Connection& c) -> Expected<bool> {
          const auto stored = LoadImport(c, id, false);
          return stored && ConfirmedImportOf(c, *stored, rows_digest).has_value();
        });
    if (duplicate && *duplicate) return Error::Conflict("already_imported");
  }
  return confirmed;
}

Status ImportService::Discard(const Actor& by, Id id, std::int64_t expected_version) {
  return ctx_.db().transact(TransactionMode::kWrite, [&](Connection& c) -> Status {
    auto stored = LoadImport(c, id, true);
    if (!stored || stored->agency_id != by.agency_id || !MayImport(by)) return Error::NotFound();
    if (stored->summary.version != expected_version) return Error::PreconditionFailed();
    if (stored->summary.status != "draft") return Error::Conflict("import_confirmed");
    c.execute("DELETE FROM imports WHERE id = $1", {Param(id)});
    return Ok();
  });
}

Expected<std::vector<ImportSummary>> ImportService::List(const Actor& actor, Id source_id) {
  return ctx_.db().transact(
      TransactionMode::kRead, [&](Connection& c) -> Expected<std::vector<ImportSummary>> {
        const std::optional<Source> source = LoadSource(c, source_id);
        if (!source || source->agency_id != actor.agency_id || !MayImport(actor))
          return Error::NotFound();
        const auto r = c.execute(std::string("SELECT ") + kImportColumns +
                                     " FROM imports WHERE source_id = $1 ORDER BY id DESC",
                                 {Param(source_id)});
        std::vector<ImportSummary> out;
        for (const storage::Row& row : r.rows) out.push_back(SummaryOf(r, row));
        return out;
      });
}

Expected<ImportService::File> ImportService::Download(const Actor& actor, Id id) {
  return ctx_.db().transact(TransactionMode::kRead, [&](Connection& c) -> Expected<File> {
    auto stored = LoadImport(c, id, false);
    if (!stored || stored->agency_id != actor.agency_id || !MayImport(actor))
      return Error::NotFound();
    return File{stored->summary.file_name, stored->summary.file_kind, std::move(stored->content)};
  });
}

}  // namespace giaoban::service
