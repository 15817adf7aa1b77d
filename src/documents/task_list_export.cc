#include "documents/task_list_export.h"

#include "documents/task_list_xlsx.h"

namespace giaoban::documents {

service::Expected<ExportedFile> TaskListExport::Export(const service::Actor& actor,
                                                       service::QueryParams params,
                                                       messages::Language language) {
  params.erase("page");
  params.erase("page_size");
  if (auto lang = params.find("lang"); lang != params.end()) {
    if (lang->second != "vi" && lang->second != "en")
      return service::Error::Validation({{"lang", "invalid"}});
    language =
        lang->second == "en" ? messages::Language::kEnglish : messages::Language::kVietnamese;
    params.erase(lang);
  }
  auto filter = service::ParseTaskFilter(params, ctx_.Today());
  if (!filter) return filter.error();
  filter->page = 1;
  filter->page_size = kMaxRows;
  auto page = tasks_.List(actor, *filter);
  if (!page) return page.error();
  const domain::Date as_of = page->as_of;
  TaskListSheet sheet{as_of, page->total, std::move(page->items)};
  return ExportedFile{"nhiem-vu-" + as_of.Iso() + ".xlsx",
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                      RenderTaskListXlsx(sheet, language)};
}

}  // namespace giaoban::documents
