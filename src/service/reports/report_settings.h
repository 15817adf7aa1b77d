// An agency's settings for its reports and official documents (docs/domain.md#report-settings):
// read by everyone in the agency, set by its administrator.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/reporting_period.h"
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

// Which of the images the agency's electronic documents carry: its seal, or the signature of one
// of its signers.
struct ImageSlot {
  std::optional<Id> signer;  // the signer's person; none for the seal

  static ImageSlot Seal() { return {}; }
  static ImageSlot SignatureOf(Id person_id) { return {person_id}; }
};

class ReportSettingsService {
 public:
  explicit ReportSettingsService(const Context& ctx) : ctx_(ctx) {}

  // The settings of the actor's agency.
  Expected<ReportSettings> Get(const Actor& actor);
  // The agency's administrator replaces them; `expected_version` as read (0 for the defaults).
  // A signer left out takes their signature image with them.
  Expected<ReportSettings> Update(const Actor& by, std::int64_t expected_version,
                                  const ReportSettingsInput& input);

  // The agency's administrator sets the image in `slot` to `png`: a transparent PNG file within
  // the limits of png_check.h, or a field error under "seal" or "signature" saying what is wrong.
  // A signature is one of the signers' (not_found otherwise), also against an update of the
  // settings at the same time: the update that leaves the signer out either comes first, and the
  // signature is not_found, or after, and removes it. The settings' version stays: the image is
  // not part of what the settings form sends.
  Expected<ReportImage> SetImage(const Actor& by, const ImageSlot& slot, std::string_view png);
  // The administrator removes it; removing an image that is not set changes nothing.
  Status RemoveImage(const Actor& by, const ImageSlot& slot);
  // The image's file, for everyone in the agency; not_found when none is set.
  Expected<ReportImageFile> Image(const Actor& reader, const ImageSlot& slot);

 private:
  const Context& ctx_;
};

// The agency's settings as set, or its defaults: the calendar month, three working days, no
// consolidating division yet, the heading and code taken from the organisation tree.
ReportSettings LoadReportSettings(storage::Connection& c, Id agency_id);

// The agency's period named by `key` (ReportingPeriod::Key) under its convention, or a validation
// error on `field`: invalid for what names no period, not_started for one that begins after
// `today`, which no report can be made on yet.
Expected<domain::ReportingPeriod> ReportingPeriodOf(const ReportSettings& settings,
                                                    std::string_view key, Date today,
                                                    const std::string& field = "period");

// The files of the images an issued report signed by `signer_person_id` carries: their signature
// and the agency's seal, as they are set now.
DocumentImages LoadDocumentImages(storage::Connection& c, Id agency_id, Id signer_person_id);

// The register code of the agency's reports: "BC" (Báo cáo), the code Nghị định 30 gives them.
inline constexpr std::string_view kReportTypeCode = "BC";

}  // namespace giaoban::service
