// The documents an issued report is kept as: the official document as a PDF and as a Word file,
// numbered, dated and signed as issued, with the signature and seal images when there are any, and
// its figures and lists as a workbook.
#pragma once

#include "service/reports/report_renderer.h"

namespace giaoban::documents {

class ReportDocumentRenderer final : public service::IssuedReportRenderer {
 public:
  std::vector<service::RenderedFile> Render(const service::IssuedReport& report,
                                            const service::ReportSettings& settings,
                                            const service::DocumentImages& images) const override;
};

}  // namespace giaoban::documents
