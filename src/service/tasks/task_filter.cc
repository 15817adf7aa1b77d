#include "service/tasks/task_filter.h"

#include <algorithm>
#include <array>
#include <set>
#include <sstream>

#include "domain/period.h"
#include "domain/reporting_period.h"
#include "intl/text.h"
#include "service/query_values.h"

namespace giaoban::service {
namespace {

constexpr std::array<std::string_view, 2> kOrgRoles = {"any", "lead"};

template <std::size_t N>
std::vector<std::string> Names(const std::array<std::string_view, N>& names) {
  return {names.begin(), names.end()};
}

std::vector<std::string> SourceKindNames() {
  std::vector<std::string> out;
  for (auto k : domain::AllSourceKinds()) out.emplace_back(domain::SourceKindCode(k));
  return out;
}

// The sort fields by the names the query string gives them, in the order they are listed.
constexpr std::pair<SortKey::Field, std::string_view> kSortFields[] = {
    {SortKey::Field::kDeadline, "deadline"}, {SortKey::Field::kAssignedOn, "assigned_on"},
    {SortKey::Field::kTitle, "title"},       {SortKey::Field::kId, "id"},
    {SortKey::Field::kUpdated, "updated"},
};
static_assert(std::size(kSortFields) == SortKey::kFields);

std::vector<std::string> SortNames() {
  std::vector<std::string> out;
  for (const auto& [field, name] : kSortFields) out.emplace_back(name);
  return out;
}

constexpr std::pair<ReportFigure, std::string_view> kReportFigures[] = {
    {ReportFigure::kDue, "due"},
    {ReportFigure::kDueCompleted, "due_completed"},
    {ReportFigure::kOverdue, "overdue"},
    {ReportFigure::kCompletedAhead, "completed_ahead"},
    {ReportFigure::kOngoing, "ongoing"},
    {ReportFigure::kAssignedInPeriod, "assigned_in_period"},
    {ReportFigure::kDueInPeriod, "due_in_period"},
    {ReportFigure::kCompletedInPeriod, "completed_in_period"},
    {ReportFigure::kDueNextPeriod, "due_next_period"},
    {ReportFigure::kCarriedOver, "carried_over"},
};

std::vector<std::string> ReportFigureNames() {
  std::vector<std::string> out;
  for (const auto& [figure, name] : kReportFigures) out.emplace_back(name);
  return out;
}

// The parameters that each set one member of the filter: an id, a yes or no, a date.
constexpr std::pair<std::string_view, std::optional<Id> TaskFilter::*> kIdParameters[] = {
    {"source", &TaskFilter::source_id},  {"lead_org", &TaskFilter::lead_org},
    {"org", &TaskFilter::org_subtree},   {"leader", &TaskFilter::leader},
    {"assignee", &TaskFilter::assignee}, {"parent", &TaskFilter::parent},
};
constexpr std::pair<std::string_view, std::optional<bool> TaskFilter::*> kFlagParameters[] = {
    {"key", &TaskFilter::is_key},
    {"extended", &TaskFilter::extended},
    {"extension_pending", &TaskFilter::extension_pending},
};
constexpr std::pair<std::string_view, std::optional<Date> TaskFilter::*> kDateParameters[] = {
    {"assigned_from", &TaskFilter::assigned_from},
    {"assigned_to", &TaskFilter::assigned_to},
    {"deadline_from", &TaskFilter::deadline_from},
    {"deadline_to", &TaskFilter::deadline_to},
};

// The member of the filter that the parameter `name` sets, if it is one of `table`'s.
template <class Member, std::size_t N>
Member MemberFor(const std::pair<std::string_view, Member> (&table)[N], std::string_view name) {
  for (const auto& [parameter, member] : table) {
    if (parameter == name) return member;
  }
  return nullptr;
}

std::vector<std::string> SplitCsv(const std::string& text) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : text + ",") {
    if (c == ',') {
      if (!current.empty()) parts.push_back(current);
      current.clear();
    } else if (c != ' ') {
      current.push_back(c);
    }
  }
  return parts;
}

std::optional<SortKey> ParseSortKey(std::string_view text) {
  SortKey key;
  if (!text.empty() && text.front() == '-') {
    key.descending = true;
    text.remove_prefix(1);
  }
  for (const auto& [field, name] : kSortFields) {
    if (name == text) {
      key.field = field;
      return key;
    }
  }
  return std::nullopt;
}

std::string_view SortFieldName(SortKey::Field f) {
  for (const auto& [field, name] : kSortFields) {
    if (field == f) return name;
  }
  return "id";
}

}  // namespace

std::string_view ReportFigureCode(ReportFigure f) {
  for (const auto& [figure, name] : kReportFigures) {
    if (figure == f) return name;
  }
  return "due";
}

std::optional<ReportFigure> ParseReportFigure(std::string_view code) {
  for (const auto& [figure, name] : kReportFigures) {
    if (name == code) return figure;
  }
  return std::nullopt;
}

std::vector<std::string> FilterStatusCodes() {
  std::vector<std::string> out;
  for (auto s : {domain::Status::kCompletedOnTime, domain::Status::kCompletedLate,
                 domain::Status::kInProgress, domain::Status::kOverdue, domain::Status::kCancelled})
    out.emplace_back(domain::StatusCode(s));
  return out;
}

Expected<TaskFilter> ParseTaskFilter(const QueryParams& params, Date today) {
  TaskFilter f;
  f.as_of = today;
  Validator v;
  std::set<std::string> seen;
  bool as_of_given = false;
  bool org_role_given = false;
  std::optional<domain::Period> period;
  std::optional<std::string> report_period;
  std::optional<ReportFigure> report_figure;

  auto id_param = [&](const std::string& name, const std::string& value, std::optional<Id>& out) {
    if (auto id = ParseId(value))
      out = id;
    else
      v.Add(name, "invalid");
  };
  auto bool_param = [&](const std::string& name, const std::string& value,
                        std::optional<bool>& out) {
    if (value == "true" || value == "1")
      out = true;
    else if (value == "false" || value == "0")
      out = false;
    else
      v.Add(name, "invalid", {"true", "false"});
  };
  auto date_param = [&](const std::string& name, const std::string& value,
                        std::optional<Date>& out) {
    if (auto d = Date::Parse(value))
      out = d;
    else
      v.Add(name, "invalid_date");
  };

  for (const auto& [name, value] : params) {
    if (!seen.insert(name).second) {
      v.Add(name, "duplicate");
      continue;
    }
    if (const auto id = MemberFor(kIdParameters, name)) {
      id_param(name, value, f.*id);
    } else if (const auto flag = MemberFor(kFlagParameters, name)) {
      bool_param(name, value, f.*flag);
    } else if (const auto date = MemberFor(kDateParameters, name)) {
      date_param(name, value, f.*date);
    } else if (name == "q") {
      if (value.size() > 200)
        v.Add(name, "too_long");
      else if (!intl::IsValidUtf8(value))
        v.Add(name, "invalid");
      else if (auto folded = intl::Fold(value); !folded.empty())
        f.text = folded;
    } else if (name == "as_of") {
      std::optional<Date> d;
      date_param(name, value, d);
      if (d) {
        f.as_of = *d;
        as_of_given = true;
      }
    } else if (name == "status") {
      for (const auto& code : SplitCsv(value)) {
        auto s = domain::ParseStatus(code);
        if (!s || *s == domain::Status::kNotYetAssigned)
          v.Add(name, "invalid", FilterStatusCodes());
        else
          f.statuses.push_back(*s);
      }
    } else if (name == "source_kind") {
      for (const auto& kind : SplitCsv(value)) {
        if (auto parsed = domain::ParseSourceKind(kind))
          f.source_kinds.push_back(*parsed);
        else
          v.Add(name, "invalid", SourceKindNames());
      }
    } else if (name == "org_role") {
      if (value == "lead")
        f.org_role = OrgRole::kLead;
      else if (value == "any")
        f.org_role = OrgRole::kAny;
      else
        v.Add(name, "invalid", Names(kOrgRoles));
      org_role_given = true;
    } else if (name == "period") {
      period = domain::Period::Parse(value);
      if (!period) v.Add(name, "invalid");
    } else if (name == "report_period") {
      // Either convention reads the same keys; which one applies is the agency's to say.
      if (domain::ReportingPeriod::Parse(value, domain::PeriodConvention::kCalendarMonth))
        report_period = value;
      else
        v.Add(name, "invalid");
    } else if (name == "report_figure") {
      report_figure = ParseReportFigure(value);
      if (!report_figure) v.Add(name, "invalid", ReportFigureNames());
    } else if (name == "sort") {
      // Each field sorts at most once, so there are never more keys than fields: a long list is
      // a mistake or an attack, and is refused before any SQL is built from it.
      const auto parts = SplitCsv(value);
      if (parts.size() > SortKey::kFields) {
        v.Add(name, "too_many");
        continue;
      }
      for (const auto& part : parts) {
        auto key = ParseSortKey(part);
        if (!key) {
          v.Add(name, "invalid", SortNames());
        } else if (std::any_of(f.sort.begin(), f.sort.end(),
                               [&](const SortKey& k) { return k.field == key->field; })) {
          v.Add(name, "duplicate");
        } else {
          f.sort.push_back(*key);
        }
      }
    } else if (name == "page") {
      auto n = ParseInt(value);
      if (!n || *n < 1 || *n > 1'000'000)
        v.Add(name, "invalid");
      else
        f.page = *n;
    } else if (name == "page_size") {
      auto n = ParseInt(value);
      if (!n || *n < 1 || *n > kMaxPageSize)
        v.Add(name, "out_of_range");
      else
        f.page_size = *n;
    } else {
      v.Add(name, "unknown_parameter");
    }
  }
  if (period) {
    if (f.assigned_from || f.assigned_to) v.Add("period", "conflicts_with_assigned_range");
    f.assigned_from = period->first_day();
    f.assigned_to = period->last_day();
    if (!as_of_given) f.as_of = std::min(today, period->last_day());
  }
  if (report_period) {
    // The report decides the scope and the day counted; nothing may move either.
    if (period)
      v.Add("period", "conflicts_with_report_period");
    else if (f.assigned_from || f.assigned_to)
      v.Add("report_period", "conflicts_with_assigned_range");
    if (as_of_given) v.Add("as_of", "conflicts_with_report_period");
    f.report = ReportPeriodFilter{*report_period, report_figure, 0, std::nullopt, std::nullopt};
    // A unit's figures in the report are those of the tasks it leads.
    if (!org_role_given) f.org_role = OrgRole::kLead;
  } else if (report_figure) {
    v.Add("report_figure", "requires_report_period");
  }
  if (org_role_given && !f.org_subtree) v.Add("org_role", "not_applicable");
  if (f.assigned_from && f.assigned_to && *f.assigned_from > *f.assigned_to)
    v.Add("assigned_to", "before_start");
  if (f.deadline_from && f.deadline_to && *f.deadline_from > *f.deadline_to)
    v.Add("deadline_to", "before_start");
  if (!v.ok()) return v.error();
  return f;
}

std::string ToQueryString(const TaskFilter& f) {
  std::vector<std::pair<std::string, std::string>> parts;
  auto join = [](const auto& items, auto to_text) {
    std::string out;
    for (const auto& item : items) {
      if (!out.empty()) out += ',';
      out += to_text(item);
    }
    return out;
  };
  if (f.text) parts.emplace_back("q", *f.text);
  // A report's day counted follows from its period and the day it is read.
  if (!f.report) parts.emplace_back("as_of", f.as_of.Iso());
  if (!f.statuses.empty())
    parts.emplace_back("status",
                       join(f.statuses, [](auto s) { return std::string(domain::StatusCode(s)); }));
  if (!f.source_kinds.empty())
    parts.emplace_back("source_kind", join(f.source_kinds, [](auto k) {
                         return std::string(domain::SourceKindCode(k));
                       }));
  auto id = [&](const char* name, const std::optional<Id>& value) {
    if (value) parts.emplace_back(name, std::to_string(*value));
  };
  id("source", f.source_id);
  for (const auto& [name, member] : kFlagParameters) {
    if (const auto& flag = f.*member) parts.emplace_back(name, *flag ? "true" : "false");
  }
  id("lead_org", f.lead_org);
  id("org", f.org_subtree);
  if (f.org_subtree && f.org_role == OrgRole::kLead && !f.report)
    parts.emplace_back("org_role", "lead");
  if (f.org_subtree && f.org_role == OrgRole::kAny && f.report)
    parts.emplace_back("org_role", "any");
  id("leader", f.leader);
  id("assignee", f.assignee);
  id("parent", f.parent);
  for (const auto& [name, member] : kDateParameters) {
    if (const auto& date = f.*member) parts.emplace_back(name, date->Iso());
  }
  if (f.report) {
    parts.emplace_back("report_period", f.report->key);
    if (f.report->figure)
      parts.emplace_back("report_figure", std::string(ReportFigureCode(*f.report->figure)));
  }
  if (!f.sort.empty())
    parts.emplace_back("sort", join(f.sort, [](const SortKey& k) {
                         return (k.descending ? "-" : "") + std::string(SortFieldName(k.field));
                       }));

  std::ostringstream out;
  bool first = true;
  for (const auto& [name, value] : parts) {
    out << (first ? "" : "&") << name << '=';
    first = false;
    for (unsigned char c : value) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == ',' || c == '~') {
        out << c;
      } else {
        static constexpr char kHex[] = "0123456789ABCDEF";
        out << '%' << kHex[c >> 4] << kHex[c & 15];
      }
    }
  }
  return out.str();
}

}  // namespace giaoban::service
