// A task list as an Excel workbook: the rows of a filtered list, with the as-of date and the total,
// in the reader's language. Dates are real Excel dates shown dd/mm/yyyy, so the sheet can be
// sorted and filtered further.
#pragma once

#include <string>
#include <vector>

#include "domain/date.h"
#include "messages/messages.h"
#include "service/tasks/model.h"

namespace giaoban::documents {

struct TaskListSheet {
  domain::Date as_of;
  std::int64_t total = 0;  // tasks matching the filter; more than rows when the export was capped
  std::vector<service::TaskSummary> rows;
};

// The .xlsx file's bytes. Throws std::runtime_error when the workbook cannot be written.
std::string RenderTaskListXlsx(const TaskListSheet& sheet, messages::Language language);

}  // namespace giaoban::documents
