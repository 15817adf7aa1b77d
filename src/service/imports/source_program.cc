#include "service/imports/source_program.h"

#include <algorithm>
#include <map>

#include "domain/deadline_text.h"
#include "intl/text.h"
#include "service/imports/program_rows.h"
#include "service/row_values.h"
#include "service/sources/sources.h"

namespace giaoban::service {

using storage::Connection;
using storage::Param;

namespace {

struct TaskRow {
  Id id = 0;
  std::optional<Id> parent_id;
  ProgramEntry entry;
  // Where an import put it: (import, sheet row); tasks made by hand come after, by id.
  std::optional<std::pair<Id, std::int64_t>> imported_at;
};

// The deadline as the program should say it: its label when that reads back to the same day and
// label, else the day itself; nothing for a task that goes on without a label.
void WriteDeadline(ProgramEntry& entry, const std::optional<Date>& deadline,
                   const std::string& label, int year) {
  if (!label.empty()) {
    const auto read = domain::ParseDeadlineText(intl::Fold(label), year);
    if (read && read->deadline == deadline && read->label == label) {
      entry.deadline_text = label;
      return;
    }
  }
  entry.deadline_date = deadline;
  if (!deadline) entry.deadline_text = label;
}

}  // namespace

Expected<SourceProgram> LoadSourceProgram(const Context& ctx, const Actor& actor, Id source_id) {
  if (actor.role != Role::kLeader && actor.role != Role::kConsolidator) return Error::NotFound();
  const Date today = ctx.Today();
  return ctx.db().transact(
      storage::TransactionMode::kRead, [&](Connection& c) -> Expected<SourceProgram> {
        std::optional<Source> source = LoadSource(c, source_id);
        if (!source || source->agency_id != actor.agency_id) return Error::NotFound();
        const int year = (source->doc_date ? *source->doc_date : today).year();
        SourceProgram program{*source, {}};

        const auto r = c.execute(
            "SELECT t.id, t.parent_id, t.title, t.content, t.is_key, t.product, t.deadline, "
            "t.deadline_label, o.name AS lead, p.full_name AS leader, it.import_id, it.sheet_row, "
            "it.number, it.headings, it.note, it.outside_units FROM tasks t "
            "JOIN organizations o ON o.id = t.lead_org_id "
            "LEFT JOIN people p ON p.id = t.leader_id "
            "LEFT JOIN import_tasks it ON it.task_id = t.id "
            "WHERE t.source_id = $1 AND t.cancelled_on IS NULL ORDER BY t.id",
            {Param(source_id)});
        std::vector<TaskRow> tasks;
        std::map<Id, std::size_t> index_of;
        for (const storage::Row& row : r.rows) {
          TaskRow t;
          t.id = row.integer(r.column("id"));
          t.parent_id = row.opt_integer(r.column("parent_id"));
          ProgramEntry& e = t.entry;
          const std::string content = row.text(r.column("content"));
          e.text = content.empty() ? row.text(r.column("title")) : content;
          e.is_key = row.integer(r.column("is_key")) != 0;
          e.product = row.text(r.column("product"));
          e.lead = row.text(r.column("lead"));
          if (const auto leader = r.column("leader"); !row.is_null(leader))
            e.leader = row.text(leader);
          WriteDeadline(e, OptionalDate(row, r.column("deadline")),
                        row.text(r.column("deadline_label")), year);
          if (const auto import_id = row.opt_integer(r.column("import_id"))) {
            t.imported_at = std::make_pair(*import_id, row.integer(r.column("sheet_row")));
            e.number = row.text(r.column("number"));
            e.headings = HeadingsFromStored(row.text(r.column("headings")));
            e.note = row.text(r.column("note"));
            e.outside_units = row.text(r.column("outside_units"));
          }
          index_of[t.id] = tasks.size();
          tasks.push_back(std::move(t));
        }
        const auto links = c.execute(
            "SELECT tc.task_id, o.name FROM task_cooperators tc JOIN organizations o ON o.id = "
            "tc.organization_id JOIN tasks t ON t.id = tc.task_id WHERE t.source_id = $1 ORDER BY "
            "tc.task_id, o.name_key, o.id",
            {Param(source_id)});
        for (const storage::Row& row : links.rows) {
          const auto it = index_of.find(row.integer(0));
          if (it != index_of.end()) tasks[it->second].entry.cooperating.push_back(row.text(1));
        }

        // Imported rows in their sheets' order, each task made by hand right after its parent, and
        // those without one first, before any heading could claim them.
        std::stable_sort(tasks.begin(), tasks.end(), [](const TaskRow& a, const TaskRow& b) {
          if (a.imported_at && b.imported_at) return *a.imported_at < *b.imported_at;
          return !a.imported_at.has_value() && b.imported_at.has_value();
        });
        index_of.clear();
        for (std::size_t i = 0; i < tasks.size(); ++i) index_of[tasks[i].id] = i;
        std::map<Id, std::vector<std::size_t>> made_under;  // hand-made children by parent
        std::map<Id, int> imported_children;
        std::vector<std::size_t> roots;
        for (std::size_t i = 0; i < tasks.size(); ++i) {
          const TaskRow& t = tasks[i];
          const bool has_parent = t.parent_id && index_of.contains(*t.parent_id);
          if (t.imported_at) {
            if (has_parent) ++imported_children[*t.parent_id];
            roots.push_back(i);
          } else if (has_parent) {
            made_under[*t.parent_id].push_back(i);
          } else {
            roots.push_back(i);
          }
        }
        int top = 0;
        auto emit = [&](auto& self, std::size_t i) -> void {
          TaskRow& t = tasks[i];
          if (!t.imported_at && t.entry.number.empty()) t.entry.number = std::to_string(++top);
          const std::string parent_number = t.entry.number;
          const std::vector<ProgramHeading> headings = t.entry.headings;
          program.entries.push_back(std::move(t.entry));
          // A subtask's number puts it under its parent on reading: one level deeper than a dotted
          // number, an Arabic number under a Roman one or a letter, else a bullet that goes under
          // the row just above it.
          const std::optional<int> level = OutlineLevel(parent_number);
          int n = imported_children[t.id];
          for (const std::size_t child : made_under[t.id]) {
            ProgramEntry& entry = tasks[child].entry;
            ++n;
            if (level && *level >= 2 && *level < 20)
              entry.number = parent_number + "." + std::to_string(n);
            else if (level && *level < 2)
              entry.number = std::to_string(n);
            else
              entry.number = "-";
            entry.headings = headings;
            self(self, child);
          }
        };
        for (const std::size_t i : roots) emit(emit, i);
        return program;
      });
}

}  // namespace giaoban::service
