// The export of a filtered task list as a workbook, for those who carry on in Excel: which rows,
// in which language, under which file name.
#pragma once

#include <string>

#include "documents/exported_file.h"
#include "messages/messages.h"
#include "service/actor.h"
#include "service/context.h"
#include "service/error.h"
#include "service/tasks/task_filter.h"
#include "service/tasks/tasks.h"

namespace giaoban::documents {

class TaskListExport {
 public:
  // Beyond this a sheet is no longer read, and the rows would all be held in memory at once.
  static constexpr int kMaxRows = 20'000;

  explicit TaskListExport(const service::Context& ctx) : ctx_(ctx), tasks_(ctx) {}

  // Every task `actor` may see that matches `params` (a task list's query parameters; paging is
  // ignored, up to kMaxRows rows), as an .xlsx file in `language`. A download link cannot set
  // Accept-Language, so `params` may name the language instead: lang=vi or lang=en.
  service::Expected<ExportedFile> Export(const service::Actor& actor, service::QueryParams params,
                                         messages::Language language);

 private:
  const service::Context& ctx_;
  service::TaskService tasks_;
};

}  // namespace giaoban::documents
