#include "service/imports/import_plan.h"

#include <algorithm>

#include "domain/deadline_text.h"
#include "domain/text_limits.h"
#include "domain/words.h"
#include "intl/text.h"

namespace giaoban::service {

namespace {

// A title cut from a text too long to be one: whole words up to `max` bytes, then an ellipsis.
std::string ShortTitle(std::string_view text, std::size_t max) {
  std::size_t cut = 0;
  for (std::size_t i = 0; i < text.size() && i <= max; ++i)
    if (text[i] == ' ' || text[i] == '\n') cut = i;
  if (cut == 0) {
    // One word longer than a title: cut between characters.
    cut = std::min(max, text.size());
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  std::string title(text.substr(0, cut));
  while (!title.empty() && (title.back() == ' ' || title.back() == ',' || title.back() == ';'))
    title.pop_back();
  return title + "…";
}

constexpr std::size_t kCutTitleBytes = 300;
// A name, or a cell of names, longer than this is not one a program writes: it is not matched
// (a leader) or not remembered (units).
constexpr std::size_t kNameBytes = 1000;
// Headings kept above a task, innermost last: deeper outlines keep their outer ones.
constexpr std::size_t kHeadingsKept = 6;

// Whether `name` begins with a small letter: "thành phố" after "UBND các huyện" goes on naming
// the bodies the piece before it began, where a body's own name begins with a capital.
bool ContinuesTheNameBefore(std::string_view name) {
  if (name.empty()) return false;
  const auto lead = static_cast<unsigned char>(name.front());
  const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  const std::string first(name.substr(0, length));
  return intl::ToUpper(first) != first;
}

}  // namespace

std::string SourceTaskKey(std::string_view text, Id lead) {
  return intl::Fold(text) + '\x1f' + std::to_string(lead);
}

std::optional<bool> ReadKeyFlag(std::string_view written) {
  if (written.empty()) return false;
  if (written == "✓" || written == "✔") return true;
  const std::string folded = intl::Fold(written);
  if (folded == "khong" || folded == "0" || folded == "false" || folded == "no") return false;
  if (folded == "x" || folded == "co" || folded == "1" || folded == "true" || folded == "yes" ||
      folded == "trong tam")
    return true;
  return std::nullopt;
}

ImportPlanner::ImportPlanner(const PlanContext& context, Callback on_row)
    : context_(context), matcher_(context.units), on_row_(std::move(on_row)) {
  for (const PersonCandidate& p : context.people) {
    const std::string folded = intl::Fold(p.full_name);
    const auto words = domain::SplitWords(folded);
    if (!words.empty())
      people_.emplace_back(std::vector<std::string>(words.begin(), words.end()), p.id);
  }
}

PlannedUnit ImportPlanner::MatchUnit(const std::string& written) {
  if (const auto seen = units_seen_.find(written); seen != units_seen_.end()) return seen->second;
  PlannedUnit unit{written, std::nullopt, {}};
  UnitMatch match = matcher_.Match(written);
  unit.id = match.id;
  // A pick is for a name no unit answers to: a unit named so later is that unit.
  if (!unit.id) {
    if (const auto fix = context_.choices.unit_fixes.find(intl::Fold(written));
        fix != context_.choices.unit_fixes.end())
      unit.id = fix->second;
  }
  if (!unit.id) unit.suggestions = std::move(match.suggestions);
  if (units_seen_.size() < kRemembered && written.size() <= kNameBytes)
    units_seen_.emplace(written, unit);
  return unit;
}

std::vector<std::string> ImportPlanner::SplitUnits(const std::string& cell) {
  if (const auto seen = cells_seen_.find(cell); seen != cells_seen_.end()) return seen->second;
  std::vector<std::string> names = matcher_.Split(cell);
  if (cells_seen_.size() < kRemembered && cell.size() <= kNameBytes)
    cells_seen_.emplace(cell, names);
  return names;
}

// A person's name written with a title before it ("Đ/c", "PGĐ", "Phó Giám đốc") is found at the
// cell's end.
std::optional<Id> ImportPlanner::MatchPerson(const std::string& written) const {
  if (written.size() > kNameBytes) return std::nullopt;
  const std::string folded = intl::Fold(written);
  const auto text = domain::SplitWords(folded);
  std::optional<Id> found;
  for (const auto& [words, id] : people_) {
    if (words.size() > text.size() || !std::equal(words.rbegin(), words.rend(), text.rbegin()))
      continue;
    if (found && *found != id) return std::nullopt;  // two people of that name
    found = id;
  }
  return found;
}

void ImportPlanner::Add(const ProgramRow& row) {
  PlannedRow out;
  out.sheet_row = row.sheet_row;
  out.number = row.number;
  out.group = row.group;
  out.becomes_task = !row.group || context_.choices.groups_as == GroupsAs::kParents;

  // Its place in the outline: under the nearest open row of a lower level. A heading without a
  // number stands where a Roman one would; a task without one goes under what is open.
  std::optional<int> level = row.level;
  if (!level && row.group) level = 1;
  if (level) {
    while (!open_.empty() && open_.back().level >= *level) open_.pop_back();
  }
  for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
    if (it->becomes_task) {
      out.parent_row = it->sheet_row;
      break;
    }
  }
  for (const Open& o : open_)
    if (o.heading) out.groups.push_back(*o.heading);
  if (out.groups.size() > kHeadingsKept)
    out.groups.erase(out.groups.begin(), out.groups.end() - static_cast<long>(kHeadingsKept));

  // The text: a title, and the whole text beside it when it is longer than a title may be.
  const std::string text = intl::ToNfc(row.content);
  if (text.empty()) {
    out.errors.push_back({"content", "required"});
  } else if (text.size() > domain::kLongTextMaxBytes) {
    out.errors.push_back({"content", "too_long"});
  } else if (text.size() > domain::kTitleMaxBytes) {
    out.title = ShortTitle(text, kCutTitleBytes);
    out.content = text;
    out.warnings.push_back({"content", "title_shortened"});
  } else {
    out.title = text;
  }
  // A heading kept as a label labels the rows under it; one made a task is their parent instead.
  std::optional<ProgramHeading> heading;
  if (row.group && !out.becomes_task && out.errors.empty())
    heading = ProgramHeading{row.number, out.title};
  if (level) open_.push_back({*level, row.sheet_row, out.becomes_task, std::move(heading)});
  if (row.group && !out.becomes_task) {
    on_row_(out);
    return;
  }

  // The lead: one unit. A cell naming several makes the first the lead and the others cooperate.
  const std::vector<std::string> leads = SplitUnits(row.lead);
  if (row.group) {
    out.lead = PlannedUnit{"", context_.agency_org_id, {}};
    out.warnings.push_back({"lead", "group_as_task"});
  } else if (leads.empty()) {
    out.errors.push_back({"lead", "required"});
  } else {
    out.lead = MatchUnit(leads.front());
    if (!out.lead->id) out.errors.push_back({"lead", "unknown_unit"});
    if (leads.size() > 1) out.warnings.push_back({"lead", "several_leads"});
  }
  std::vector<std::string> cooperating = SplitUnits(row.cooperating);
  cooperating.insert(cooperating.begin(), leads.begin() + std::min<std::size_t>(1, leads.size()),
                     leads.end());
  // Programs name bodies outside the agency among the cooperating ones ("Sở Tài chính", "UBND các
  // huyện"): those are kept in the row's note, and the user may still pick a unit for them.
  bool after_outside = false;
  for (const std::string& name : cooperating) {
    PlannedUnit unit = MatchUnit(name);
    // "UBND các huyện, thành phố": a piece no unit answers to, beginning with a small letter,
    // goes on naming the body before it when that is not a unit either.
    if (!unit.id && after_outside && ContinuesTheNameBefore(name)) {
      PlannedUnit& before = out.cooperating.back();
      before = MatchUnit(before.written + ", " + name);
      after_outside = !before.id;
      continue;
    }
    after_outside = !unit.id;
    // The lead named again among the cooperating units is the lead only.
    if (unit.id && out.lead && out.lead->id == unit.id) continue;
    out.cooperating.push_back(std::move(unit));
  }
  std::string outside;
  for (const PlannedUnit& unit : out.cooperating)
    if (!unit.id) outside += (outside.empty() ? "" : ", ") + unit.written;

  // The deadline: a date cell, or a text read as a day, a period or "thường xuyên".
  out.deadline_written = row.deadline;
  if (row.deadline_not_date) {
    out.errors.push_back({"deadline", "not_a_date"});
  } else if (row.deadline_date) {
    out.deadline = row.deadline_date;
  } else if (!row.deadline.empty()) {
    if (const auto read = domain::ParseDeadlineText(intl::Fold(row.deadline), context_.year)) {
      out.deadline = read->deadline;
      out.deadline_label = read->label;
    } else {
      out.errors.push_back({"deadline", "unrecognised_deadline"});
    }
  } else if (!row.group) {
    out.warnings.push_back({"deadline", "no_deadline"});
  }
  if (out.deadline && *out.deadline < context_.assigned_on)
    out.errors.push_back({"deadline", "before_assigned_on"});

  out.product = intl::ToNfc(row.product);
  if (out.product.size() > domain::kProductMaxBytes) out.errors.push_back({"product", "too_long"});
  out.note = intl::ToNfc(row.note);
  // One warning for the row, however many bodies it names.
  if (!outside.empty()) {
    out.warnings.push_back({"cooperating", "unknown_unit"});
    out.outside_units = intl::ToNfc(outside);
  }
  if (out.note.size() > domain::kNoteMaxBytes) out.errors.push_back({"note", "too_long"});

  out.leader_written = row.leader;
  if (!row.leader.empty()) {
    out.leader_id = MatchPerson(row.leader);
    if (!out.leader_id) out.warnings.push_back({"leader", "unknown_leader"});
  }
  if (const auto key = ReadKeyFlag(row.key)) {
    out.is_key = *key;
  } else {
    out.warnings.push_back({"key", "unrecognised_key"});
  }
  if (out.lead && out.lead->id && !context_.source_tasks.empty()) {
    const auto existing = context_.source_tasks.find(
        SourceTaskKey(out.content.empty() ? out.title : out.content, *out.lead->id));
    if (existing != context_.source_tasks.end()) {
      // Already the source's task: what the row says otherwise is not written, so it is no
      // error either.
      out.existing_task = existing->second;
      out.becomes_task = false;
      out.errors.clear();
      out.warnings = {{"content", "already_in_source"}};
    }
  }
  on_row_(out);
}

}  // namespace giaoban::service
