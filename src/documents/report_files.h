// The consolidated report's files: today the draft, printed from the live preview as the Word
// file or the PDF the Director will sign, so that it can be read and corrected on paper before
// it is issued.
#pragma once

#include <string_view>

#include "documents/exported_file.h"
#include "service/actor.h"
#include "service/context.h"
#include "service/error.h"
#include "service/reports/consolidated_report.h"
#include "service/reports/report_settings.h"

namespace giaoban::documents {

enum class DocumentFormat { kPdf, kDocx };

class ReportFiles {
 public:
  explicit ReportFiles(const service::Context& ctx) : ctx_(ctx), reports_(ctx), settings_(ctx) {}

  // The report of the reader's agency on `period` as it stands, marked "DỰ THẢO", without a
  // number, dated today and signed by the first of the agency's signers.
  service::Expected<ExportedFile> Draft(const service::Actor& reader, std::string_view period,
                                        DocumentFormat format);

 private:
  const service::Context& ctx_;
  service::ConsolidatedReportService reports_;
  service::ReportSettingsService settings_;
};

}  // namespace giaoban::documents
