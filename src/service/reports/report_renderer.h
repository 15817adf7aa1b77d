// What issuing a report needs from the document renderers, which sit above the services: the
// files an issued report is kept as. The server passes the documents layer's renderer in; the
// services never draw a document themselves.
#pragma once

#include <string>
#include <vector>

#include "service/reports/model.h"

namespace giaoban::service {

struct RenderedFile {
  std::string format;  // "pdf", "docx", "xlsx"
  std::string content_type;
  std::string bytes;
};

class IssuedReportRenderer {
 public:
  virtual ~IssuedReportRenderer() = default;
  // Every file of `report` as issued under `settings`, the documents carrying `images`. Throws
  // when a file cannot be written.
  virtual std::vector<RenderedFile> Render(const IssuedReport& report,
                                           const ReportSettings& settings,
                                           const DocumentImages& images) const = 0;
};

}  // namespace giaoban::service
