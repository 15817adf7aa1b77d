// The consolidated report as the official document the Director signs (BÁO CÁO, docs/domain.md#the-
// consolidated-report): what it says, decided here once, from the report's model and the agency's
// settings, for the Word file and the PDF alike.
#pragma once

#include "documents/official/document.h"
#include "service/reports/model.h"

namespace giaoban::documents {

// What issuing gives a report: its number in the register, its date, its signer. A draft has
// number 0, is dated the day it is printed, and is signed by the first of the agency's signers.
struct ReportIssue {
  int number = 0;
  domain::Date date;
  service::ReportSigner signer;
};

// A group of the report's figures as the report names it: the unit, or the source kind with
// "– nhiệm vụ trọng tâm" or "– nhiệm vụ khác".
std::string ReportGroupName(const service::ReportFigureGroup& group);

OfficialDocument ReportDocument(const service::ConsolidatedReport& report,
                                const service::ReportSettings& settings, const ReportIssue& issue);

}  // namespace giaoban::documents
