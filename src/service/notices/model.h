// What the notices capability hands out: the in-app notices a person gets
// (docs/domain.md#notices).
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "service/model.h"

namespace giaoban::service {

// One notice. Its text is the interface's to write, in the reader's language, from its kind and
// parameters: "unit_report_reminder" with the unit, the period and the day the report is due;
// "unit_report_returned" with the unit, the period, the report and the comment it came back with.
struct Notice {
  Id id = 0;
  std::string kind;
  std::string params_json;  // a JSON object
  std::optional<NamedRef> from;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> read_at;
};

struct NoticeList {
  std::vector<Notice> items;  // newest first
  std::int64_t unread = 0;
};

}  // namespace giaoban::service
