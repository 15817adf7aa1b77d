// Where tasks come from: a programme, a directive, a meeting's conclusions.
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/source_kind.h"
#include "service/model.h"

namespace giaoban::service {

struct Source {
  Id id = 0;
  Id agency_id = 0;
  domain::SourceKind kind = domain::SourceKind::kAdHoc;
  std::string title;
  std::string doc_number;
  std::optional<Date> doc_date;
  std::string issuer;
  std::string summary;
  std::int64_t task_count = 0;  // tasks not marked restricted: a count everyone may see
  std::int64_t version = 1;
};

BOOST_DESCRIBE_STRUCT(Source, (),
                      (id, agency_id, kind, title, doc_number, doc_date, issuer, summary,
                       task_count, version))

}  // namespace giaoban::service
