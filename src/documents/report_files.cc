#include "documents/report_files.h"

#include "documents/official/docx.h"
#include "documents/official/pdf.h"
#include "documents/report_document.h"

namespace giaoban::documents {

service::Expected<ExportedFile> ReportFiles::Draft(const service::Actor& reader,
                                                   std::string_view period, DocumentFormat format) {
  auto report = reports_.Preview(reader, period);
  if (!report) return report.error();
  auto settings = settings_.Get(reader);
  if (!settings) return settings.error();
  ReportIssue issue;
  issue.date = ctx_.Today();
  if (!settings->signers.empty()) issue.signer = settings->signers.front();
  const OfficialDocument document = ReportDocument(*report, *settings, issue);
  const std::string name = "bao-cao-" + report->period + "-du-thao";
  if (format == DocumentFormat::kDocx) {
    return ExportedFile{name + ".docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        RenderDocx(document)};
  }
  return ExportedFile{name + ".pdf", "application/pdf", RenderPdf(document)};
}

}  // namespace giaoban::documents
