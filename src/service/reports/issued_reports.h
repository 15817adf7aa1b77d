// Issuing the consolidated report (docs/domain.md#issuing-and-freezing): the next number of the
// agency's register, the date and the signer; the report frozen as it stands and its documents
// stored, served from then on as stored. A wrong issued report is never changed: a replacement is
// issued that names it, and both stay readable.
#pragma once

#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "service/actor.h"
#include "service/context.h"
#include "service/error.h"
#include "service/reports/model.h"
#include "service/reports/report_renderer.h"

namespace giaoban::service {

struct IssueRequest {
  std::string period;
  Id signer_person_id = 0;        // one of the agency's signers
  std::optional<Id> replaces_id;  // the issued report of the period this one replaces
};

class IssuedReportService {
 public:
  // `renderer` draws the documents an issued report is kept as; it outlives the service.
  IssuedReportService(const Context& ctx, const IssuedReportRenderer& renderer)
      : ctx_(ctx), renderer_(renderer) {}

  // The consolidating division or a leader issues the agency's report on `request.period`, dated
  // today. A period that already has an issued report takes a replacement only (replaces_id
  // naming it): report_already_issued otherwise.
  Expected<IssuedReport> Issue(const Actor& by, const IssueRequest& request);

  // The agency's issued reports, newest first; with `year`, those issued in it.
  Expected<std::vector<IssuedReportSummary>> List(const Actor& reader, std::optional<int> year);

  Expected<IssuedReport> Get(const Actor& reader, Id id);

  // What changed since the report `id` replaces, or else since the latest issued report in force
  // of an earlier period of the same kind (a month's since the month before, and so on).
  Expected<ReportComparison> Compare(const Actor& reader, Id id);

  // The number the next report issued today would take ("16/BC-SGTVT"), for the issue dialog to
  // show; another issue in between takes it first.
  Expected<std::string> NextNumber(const Actor& reader);

  // One of its documents ("pdf", "docx", "xlsx"), byte for byte as stored when it was issued.
  Expected<IssuedFile> File(const Actor& reader, Id id, std::string_view format);

 private:
  // Issued files never change, so a server may keep the latest ones it served, for every
  // instance holds the same bytes; bounded by their total size.
  struct CachedFile {
    Id agency_id = 0;
    std::shared_ptr<const IssuedFile> file;
  };
  static constexpr std::size_t kCacheBytes = 64 << 20;
  std::shared_ptr<const IssuedFile> Cached(Id id, std::string_view format, Id agency);
  void Keep(Id id, std::string_view format, Id agency, std::shared_ptr<const IssuedFile> file);

  const Context& ctx_;
  const IssuedReportRenderer& renderer_;
  std::mutex cache_mutex_;
  std::map<std::pair<Id, std::string>, CachedFile> cache_;
  std::list<std::pair<Id, std::string>> cache_order_;  // oldest first
  std::size_t cache_bytes_ = 0;
};

}  // namespace giaoban::service
