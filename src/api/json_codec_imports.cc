// JSON of imports: the preview a user checks before confirming, and what confirming wrote.
#include "api/json_codec.h"

namespace giaoban::api {

namespace json = boost::json;

namespace {

json::value Field(const std::optional<service::ProgramColumn>& field) {
  if (!field) return nullptr;
  return json::string(service::ProgramColumnCode(*field));
}

json::value Ref(const std::optional<service::Id>& id,
                const std::map<service::Id, std::string>& names) {
  if (!id) return nullptr;
  const auto it = names.find(*id);
  return json::object{{"id", *id}, {"name", it == names.end() ? "" : it->second}};
}

json::array Refs(const std::vector<service::Id>& ids,
                 const std::map<service::Id, std::string>& names) {
  json::array out;
  for (const service::Id id : ids) out.push_back(Ref(id, names));
  return out;
}

json::array Problems(const std::vector<service::RowProblem>& problems) {
  json::array out;
  for (const auto& p : problems) out.push_back(json::object{{"field", p.field}, {"code", p.code}});
  return out;
}

json::value Unit(const service::PlannedUnit& unit,
                 const std::map<service::Id, std::string>& names) {
  return json::object{{"written", unit.written},
                      {"organization", Ref(unit.id, names)},
                      {"suggestions", Refs(unit.suggestions, names)}};
}

// Rows are numbered as the spreadsheet shows them, from 1.
json::value Row(const service::PlannedRow& row, const service::ImportPreview& p) {
  json::array cooperating;
  for (const auto& unit : row.cooperating) cooperating.push_back(Unit(unit, p.unit_names));
  json::array groups;
  for (const auto& g : row.groups) groups.push_back(json::string(g.text()));
  return json::object{
      {"row", row.sheet_row + 1},
      {"number", row.number},
      {"heading", row.group},
      {"becomes_task", row.becomes_task},
      {"existing_task_id",
       row.existing_task ? json::value(*row.existing_task) : json::value(nullptr)},
      {"parent_row", row.parent_row ? json::value(*row.parent_row + 1) : json::value(nullptr)},
      {"headings", std::move(groups)},
      {"title", row.title},
      {"content", row.content},
      {"lead", row.lead ? Unit(*row.lead, p.unit_names) : json::value(nullptr)},
      {"cooperating", std::move(cooperating)},
      {"deadline", row.deadline ? json::value(row.deadline->Iso()) : json::value(nullptr)},
      {"deadline_label", row.deadline_label},
      {"deadline_written", row.deadline_written},
      {"product", row.product},
      {"note", row.note},
      {"leader_written", row.leader_written},
      {"leader", Ref(row.leader_id, p.person_names)},
      {"is_key", row.is_key},
      {"errors", Problems(row.errors)},
      {"warnings", Problems(row.warnings)},
  };
}

std::string_view YearFromCode(service::YearFrom from) {
  switch (from) {
    case service::YearFrom::kChoice:
      return "choice";
    case service::YearFrom::kTitle:
      return "title";
    case service::YearFrom::kDocument:
      return "document";
    case service::YearFrom::kToday:
      return "today";
  }
  return "today";
}

}  // namespace

json::value ToJson(const service::ImportSummary& s) {
  return json::object{
      {"id", s.id},
      {"source_id", s.source_id},
      {"file_name", s.file_name},
      {"file_kind", s.file_kind},
      {"file_size", s.file_size},
      {"status", s.status},
      {"task_count", s.task_count},
      {"created_at", s.created_at},
      {"confirmed_at", s.confirmed_at ? json::value(*s.confirmed_at) : json::value(nullptr)},
      {"version", s.version},
  };
}

json::value ToJson(const service::ImportPreview& p) {
  json::array columns_chosen;
  for (const auto& [index, field] : p.choices.columns)
    columns_chosen.push_back(json::object{{"index", index}, {"field", Field(field)}});
  json::array fixes;
  for (const auto& [folded, id] : p.choices.unit_fixes) {
    if (id == service::kNoUnit) continue;
    const auto written = p.choices.unit_fix_names.find(folded);
    fixes.push_back(
        json::object{{"name", written == p.choices.unit_fix_names.end() ? folded : written->second},
                     {"organization", Ref(id, p.unit_names)},
                     {"remembered", false}});
  }
  for (const auto& [folded, picked] : p.remembered_fixes) {
    fixes.push_back(json::object{{"name", picked.first},
                                 {"organization", Ref(picked.second, p.unit_names)},
                                 {"remembered", true}});
  }
  json::array sheets;
  for (const auto& name : p.sheets) sheets.push_back(json::string(name));
  json::array columns;
  for (const auto& c : p.columns) {
    columns.push_back(json::object{{"index", c.index},
                                   {"header", c.header},
                                   {"field", Field(c.field)},
                                   {"recognised", c.recognised}});
  }
  json::array unmatched;
  for (const auto& u : p.unmatched_units) {
    unmatched.push_back(json::object{{"written", u.written},
                                     {"rows", u.rows},
                                     {"lead_rows", u.lead_rows},
                                     {"suggestions", Refs(u.suggestions, p.unit_names)}});
  }
  json::array problems;
  for (const auto& code : p.problems) problems.push_back(json::string(code));
  json::array items;
  for (const auto& row : p.rows.items) items.push_back(Row(row, p));
  return json::object{
      {"import", ToJson(p.import)},
      {"choices",
       json::object{
           {"sheet", p.choices.sheet},
           {"groups_as", p.choices.groups_as == service::GroupsAs::kParents ? "parents" : "labels"},
           {"columns", std::move(columns_chosen)},
           {"unit_fixes", std::move(fixes)},
           {"year", p.choices.year ? json::value(*p.choices.year) : json::value(nullptr)}}},
      {"year", p.year},
      {"year_from", YearFromCode(p.year_from)},
      {"sheets", std::move(sheets)},
      {"header_row", p.header_row ? json::value(*p.header_row + 1) : json::value(nullptr)},
      {"header_rows", p.header_rows},
      {"columns", std::move(columns)},
      {"counts", json::object{{"rows", p.counts.rows},
                              {"tasks", p.counts.tasks},
                              {"headings", p.counts.headings},
                              {"existing", p.counts.existing},
                              {"with_errors", p.counts.with_errors},
                              {"with_warnings", p.counts.with_warnings}}},
      {"problems", std::move(problems)},
      {"duplicate_of", p.duplicate_of ? json::value(*p.duplicate_of) : json::value(nullptr)},
      {"unmatched_units", std::move(unmatched)},
      {"rows", json::object{{"items", std::move(items)},
                            {"total", p.rows.total},
                            {"page", p.rows.page},
                            {"page_size", p.rows.page_size}}},
  };
}

json::value ToJson(const service::ImportResult& r) {
  json::array ids;
  for (const service::Id id : r.task_ids) ids.push_back(id);
  return json::object{{"import", ToJson(r.import)}, {"task_ids", std::move(ids)}};
}

}  // namespace giaoban::api
