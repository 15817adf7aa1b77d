#include "documents/issued_report_renderer.h"

#include "documents/official/docx.h"
#include "documents/official/pdf.h"
#include "documents/report_document.h"
#include "documents/report_xlsx.h"

namespace giaoban::documents {

std::vector<service::RenderedFile> ReportDocumentRenderer::Render(
    const service::IssuedReport& issued, const service::ReportSettings& settings,
    const service::DocumentImages& images) const {
  const ReportIssue issue{issued.summary.number, issued.summary.issued_on, issued.summary.signer};
  OfficialDocument document = ReportDocument(issued.report, settings, issue);
  document.signature.signature_png = images.signature_png;
  document.signature.seal_png = images.seal_png;
  return {
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
       RenderDocx(document)},
      {"pdf", "application/pdf", RenderPdf(document)},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
       RenderReportXlsx(issued)},
  };
}

}  // namespace giaoban::documents
