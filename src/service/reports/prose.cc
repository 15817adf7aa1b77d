#include "service/reports/prose.h"

#include <boost/json.hpp>

#include "domain/text_limits.h"
#include "intl/text.h"

namespace giaoban::service {

namespace json = boost::json;

namespace {

// The headings in the order a report prints them, with the member each one's text is in.
constexpr std::pair<const char*, std::string UnitReportProse::*> kHeadings[] = {
    {"highlights", &UnitReportProse::highlights},
    {"shortcomings", &UnitReportProse::shortcomings},
    {"difficulties", &UnitReportProse::difficulties},
    {"proposals", &UnitReportProse::proposals},
    {"next_period", &UnitReportProse::next_period},
};

}  // namespace

std::string StoreProse(const UnitReportProse& prose) {
  json::object o;
  for (const auto& [name, field] : kHeadings) o[name] = prose.*field;
  return json::serialize(o);
}

UnitReportProse LoadProse(std::string_view stored) {
  const json::value v = json::parse(stored);
  const json::object& o = v.as_object();
  UnitReportProse prose;
  for (const auto& [name, field] : kHeadings) {
    const json::value* f = o.if_contains(name);
    if (f && f->is_string()) prose.*field = std::string(f->as_string());
  }
  return prose;
}

Expected<UnitReportProse> CheckedProse(const UnitReportProse& input) {
  UnitReportProse prose;
  Validator v;
  for (const auto& [name, field] : kHeadings) {
    prose.*field = intl::ToNfc(input.*field);
    v.LimitText(name, prose.*field, domain::kReportProseMaxBytes);
  }
  if (!v.ok()) return v.error();
  return prose;
}

UnitReportProse MergeUnitProse(const std::vector<MergedProse>& units) {
  UnitReportProse merged;
  for (const auto& [name, field] : kHeadings) {
    std::string& out = merged.*field;
    for (const MergedProse& unit : units) {
      const std::string& text = unit.prose.*field;
      if (text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      if (!out.empty()) out += "\n";
      out += unit.organization.name + ": " + text;
    }
  }
  return merged;
}

}  // namespace giaoban::service
