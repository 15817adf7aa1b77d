// An agency's settings for its reports and official documents (docs/domain.md#report-settings):
// read by everyone in the agency, set by its administrator.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/actor.h"
#include "service/context.h"
#include "service/error.h"
#include "service/reports/model.h"
#include "storage/database.h"

namespace giaoban::service {

// The settings as a form sends them: everything but what follows from them (the agency, the
// signers' names, the version).
struct ReportSettingsInput {
  struct Signer {
    Id person_id = 0;
    std::string authority;
    std::string title;
  };
  std::string period_convention;
  int due_working_days = 0;
  std::optional<Id> consolidating_org_id;
  std::string agency_code;
  std::string place_name;
  std::string parent_line;
  std::string agency_line;
  std::vector<std::string> recipients;
  std::vector<DocumentType> document_types;
  std::vector<Signer> signers;
};

class ReportSettingsService {
 public:
  explicit ReportSettingsService(const Context& ctx) : ctx_(ctx) {}

  // The settings of the actor's agency.
  Expected<ReportSettings> Get(const Actor& actor);
  // The agency's administrator replaces them; `expected_version` as read (0 for the defaults).
  Expected<ReportSettings> Update(const Actor& by, std::int64_t expected_version,
                                  const ReportSettingsInput& input);

 private:
  const Context& ctx_;
};

// The agency's settings as set, or its defaults: the calendar month, three working days, no
// consolidating division yet, the heading and code taken from the organisation tree.
ReportSettings LoadReportSettings(storage::Connection& c, Id agency_id);

// The register code of the agency's reports: "BC" (Báo cáo), the code Nghị định 30 gives them.
inline constexpr std::string_view kReportTypeCode = "BC";

}  // namespace giaoban::service
