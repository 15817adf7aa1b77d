// Where tasks come from: a programme, a directive, a meeting's conclusions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "service/model.h"

namespace giaoban::service {

struct Source {
  Id id = 0;
  Id agency_id = 0;
  std::string kind;  // higher_program, key_program, ad_hoc, meeting_conclusion, directive
  std::string title;
  std::string doc_number;
  std::optional<Date> doc_date;
  std::string issuer;
  std::string summary;
  std::int64_t task_count = 0;  // tasks not marked restricted: a count everyone may see
  std::int64_t version = 1;
};

}  // namespace giaoban::service
