#include "service/tasks/task_filter.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <set>
#include <sstream>

#include "domain/period.h"
#include "intl/text.h"

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

std::vector<std::string> StatusNames() {
  std::vector<std::string> out;
  for (auto s : {domain::Status::kCompletedOnTime, domain::Status::kCompletedLate,
                 domain::Status::kInProgress, domain::Status::kOverdue, domain::Status::kCancelled})
    out.emplace_back(domain::StatusCode(s));
  return out;
}

std::vector<std::string> SortNames() {
  return {"deadline", "assigned_on", "title", "id", "updated"};
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

std::optional<Id> ParseId(const std::string& text) {
  Id value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

std::optional<int> ParseSmallInt(const std::string& text) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<SortKey> ParseSortKey(std::string_view text) {
  SortKey key;
  if (!text.empty() && text.front() == '-') {
    key.descending = true;
    text.remove_prefix(1);
  }
  using F = SortKey::Field;
  if (text == "deadline")
    key.field = F::kDeadline;
  else if (text == "assigned_on")
    key.field = F::kAssignedOn;
  else if (text == "title")
    key.field = F::kTitle;
  else if (text == "id")
    key.field = F::kId;
  else if (text == "updated")
    key.field = F::kUpdated;
  else
    return std::nullopt;
  return key;
}

std::string_view SortFieldName(SortKey::Field f) {
  switch (f) {
    case SortKey::Field::kDeadline:
      return "deadline";
    case SortKey::Field::kAssignedOn:
      return "assigned_on";
    case SortKey::Field::kTitle:
      return "title";
    case SortKey::Field::kId:
      return "id";
    case SortKey::Field::kUpdated:
      return "updated";
  }
  return "id";
}

}  // namespace

std::vector<std::string> FilterStatusCodes() { return StatusNames(); }

Expected<TaskFilter> ParseTaskFilter(const QueryParams& params, Date today) {
  TaskFilter f;
  f.as_of = today;
  Validator v;
  std::set<std::string> seen;
  bool as_of_given = false;
  bool org_role_given = false;
  std::optional<domain::Period> period;

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
    if (name == "q") {
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
    } else if (name == "source") {
      id_param(name, value, f.source_id);
    } else if (name == "key") {
      bool_param(name, value, f.is_key);
    } else if (name == "extended") {
      bool_param(name, value, f.extended);
    } else if (name == "lead_org") {
      id_param(name, value, f.lead_org);
    } else if (name == "org") {
      id_param(name, value, f.org_subtree);
    } else if (name == "org_role") {
      if (value == "lead")
        f.org_role = OrgRole::kLead;
      else if (value == "any")
        f.org_role = OrgRole::kAny;
      else
        v.Add(name, "invalid", Names(kOrgRoles));
      org_role_given = true;
    } else if (name == "leader") {
      id_param(name, value, f.leader);
    } else if (name == "assignee") {
      id_param(name, value, f.assignee);
    } else if (name == "parent") {
      id_param(name, value, f.parent);
    } else if (name == "assigned_from") {
      date_param(name, value, f.assigned_from);
    } else if (name == "assigned_to") {
      date_param(name, value, f.assigned_to);
    } else if (name == "deadline_from") {
      date_param(name, value, f.deadline_from);
    } else if (name == "deadline_to") {
      date_param(name, value, f.deadline_to);
    } else if (name == "period") {
      period = domain::Period::Parse(value);
      if (!period) v.Add(name, "invalid");
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
      auto n = ParseSmallInt(value);
      if (!n || *n < 1 || *n > 1'000'000)
        v.Add(name, "invalid");
      else
        f.page = *n;
    } else if (name == "page_size") {
      auto n = ParseSmallInt(value);
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
  parts.emplace_back("as_of", f.as_of.Iso());
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
  auto date = [&](const char* name, const std::optional<Date>& value) {
    if (value) parts.emplace_back(name, value->Iso());
  };
  id("source", f.source_id);
  if (f.is_key) parts.emplace_back("key", *f.is_key ? "true" : "false");
  if (f.extended) parts.emplace_back("extended", *f.extended ? "true" : "false");
  id("lead_org", f.lead_org);
  id("org", f.org_subtree);
  if (f.org_subtree && f.org_role == OrgRole::kLead) parts.emplace_back("org_role", "lead");
  id("leader", f.leader);
  id("assignee", f.assignee);
  id("parent", f.parent);
  date("assigned_from", f.assigned_from);
  date("assigned_to", f.assigned_to);
  date("deadline_from", f.deadline_from);
  date("deadline_to", f.deadline_to);
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
