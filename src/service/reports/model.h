// What the reports capability hands out: for now an agency's report settings
// (docs/domain.md#report-settings).
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "service/model.h"

namespace giaoban::service {

// A kind of document the agency issues and the code its numbers carry: "Báo cáo", "BC" gives
// "Số: 15/BC-SGTVT".
struct DocumentType {
  std::string name;
  std::string code;

  friend bool operator==(const DocumentType&, const DocumentType&) = default;
};

BOOST_DESCRIBE_STRUCT(DocumentType, (), (name, code))

// Who may sign, and the lines above the signature: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" for a deputy
// signing for the Director, no authority line for the Director.
struct ReportSigner {
  Id person_id = 0;
  std::string full_name;  // the person's, as it is now
  std::string authority;
  std::string title;

  friend bool operator==(const ReportSigner&, const ReportSigner&) = default;
};

BOOST_DESCRIBE_STRUCT(ReportSigner, (), (person_id, full_name, authority, title))

struct ReportSettings {
  Id agency_id = 0;
  std::string period_convention;  // "calendar_month" or "cutoff_14th"
  int due_working_days = 0;       // unit reports are due this many working days after the period
  std::optional<Id> consolidating_org_id;
  std::string agency_code;              // in document numbers: "SGTVT"
  std::string place_name;               // in the place-date line: "Quảng Ngãi"
  std::string parent_line;              // the heading's first line: "UBND TỈNH QUẢNG NGÃI"
  std::string agency_line;              // its second line: "SỞ GIAO THÔNG VẬN TẢI"
  std::vector<std::string> recipients;  // "Nơi nhận", a line each
  std::vector<DocumentType> document_types;
  std::vector<ReportSigner> signers;
  std::int64_t version = 0;  // 0 while the agency uses the defaults
};

BOOST_DESCRIBE_STRUCT(ReportSettings, (),
                      (agency_id, period_convention, due_working_days, consolidating_org_id,
                       agency_code, place_name, parent_line, agency_line, recipients,
                       document_types, signers, version))

}  // namespace giaoban::service
