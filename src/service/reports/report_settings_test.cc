// An agency's report settings at the service's API, on both databases.
#include "service/reports/report_settings.h"

#include <gtest/gtest.h>

#include "service/data_version.h"
#include "service/test_fixture.h"

namespace giaoban::service {
namespace {

using test_support::AgencyFixture;
using test_support::Outcome;

class ReportSettingsTest : public AgencyFixture {
 protected:
  ReportSettingsService settings() { return ReportSettingsService(*ctx_); }

  ReportSettingsInput Input() {
    ReportSettingsInput in;
    in.period_convention = "cutoff_14th";
    in.due_working_days = 5;
    in.consolidating_org_id = planning_;
    in.agency_code = "SGTVT";
    in.place_name = "Quảng Ngãi";
    in.parent_line = "UBND TỈNH QUẢNG NGÃI";
    in.agency_line = "SỞ GIAO THÔNG VẬN TẢI";
    in.recipients = {"UBND tỉnh (b/c);", "Lưu: VT, KHTC."};
    in.document_types = {{"Báo cáo", "BC"}, {"Thông báo", "TB"}, {"Chương trình", "CTr"}};
    in.signers = {{leader_.person_id, "", "GIÁM ĐỐC"}};
    return in;
  }
};

TEST_P(ReportSettingsTest, AnAgencyStartsFromItsOrganisation) {
  auto s = settings().Get(specialist_);
  ASSERT_EQ(Outcome(s), "ok");
  EXPECT_EQ(s->agency_id, agency_);
  EXPECT_EQ(s->version, 0);
  EXPECT_EQ(s->period_convention, "calendar_month");
  EXPECT_EQ(s->due_working_days, 3);
  EXPECT_FALSE(s->consolidating_org_id);
  EXPECT_EQ(s->agency_code, "SGTVT");
  EXPECT_EQ(s->agency_line, "SỞ GIAO THÔNG VẬN TẢI");
  EXPECT_EQ(s->parent_line, "UBND TỈNH");
  EXPECT_EQ(s->document_types.front(), (DocumentType{"Báo cáo", "BC"}));
  EXPECT_TRUE(s->signers.empty());
}

TEST_P(ReportSettingsTest, TheAdministratorSetsThemAndEveryoneInTheAgencyReadsThem) {
  EXPECT_EQ(Outcome(settings().Update(leader_, 0, Input())), "forbidden");
  auto set = settings().Update(admin_, 0, Input());
  ASSERT_EQ(Outcome(set), "ok");
  EXPECT_EQ(set->version, 1);
  EXPECT_EQ(set->period_convention, "cutoff_14th");
  EXPECT_EQ(set->consolidating_org_id, planning_);
  ASSERT_EQ(set->signers.size(), 1u);
  EXPECT_EQ(set->signers.front().full_name, "Nguyễn Văn Đình");  // the person's name, joined
  EXPECT_EQ(set->recipients, Input().recipients);
  auto read = settings().Get(head_);
  ASSERT_EQ(Outcome(read), "ok");
  EXPECT_EQ(read->version, 1);
  EXPECT_EQ(read->signers, set->signers);
  // The district office, an agency of its own, keeps its own defaults.
  EXPECT_EQ(settings().Get(district_leader_)->version, 0);

  EXPECT_EQ(Outcome(settings().Update(admin_, 0, Input())), "precondition_failed");
  ReportSettingsInput next = Input();
  next.signers.push_back({head_.person_id, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"});
  auto again = settings().Update(admin_, 1, next);
  ASSERT_EQ(Outcome(again), "ok");
  EXPECT_EQ(again->version, 2);
  EXPECT_EQ(again->signers.size(), 2u);
}

TEST_P(ReportSettingsTest, EachMistakeIsNamed) {
  ReportSettingsInput bad = Input();
  bad.period_convention = "weekly";
  bad.due_working_days = 21;
  bad.agency_code = "sgtvt";
  bad.place_name = "";
  bad.agency_line = "";
  bad.recipients = {""};
  bad.document_types = {{"Báo cáo", "BC"}, {"Bản sao", "BC"}};
  bad.signers = {{leader_.person_id, "", ""}};
  EXPECT_EQ(Outcome(settings().Update(admin_, 0, bad)),
            "validation_failed period_convention:invalid due_working_days:out_of_range "
            "agency_code:invalid place_name:required agency_line:required recipients:invalid "
            "document_types:duplicate signers:invalid");
  ReportSettingsInput empty = Input();
  empty.document_types.clear();
  EXPECT_EQ(Outcome(settings().Update(admin_, 0, empty)),
            "validation_failed document_types:required");
  // Another agency's division and people are not this agency's to name.
  ReportSettingsInput foreign = Input();
  foreign.consolidating_org_id = district_;
  foreign.signers = {{district_leader_.person_id, "", "TRƯỞNG PHÒNG"}};
  EXPECT_EQ(Outcome(settings().Update(admin_, 0, foreign)),
            "validation_failed consolidating_org_id:not_found signers:not_found");
  ReportSettingsInput itself = Input();
  itself.consolidating_org_id = agency_;
  EXPECT_EQ(Outcome(settings().Update(admin_, 0, itself)),
            "validation_failed consolidating_org_id:not_found");
  ReportSettingsInput code_with_d = Input();
  code_with_d.agency_code = "SGTVT-ĐN";
  EXPECT_EQ(Outcome(settings().Update(admin_, 0, code_with_d)), "ok");
}

TEST_P(ReportSettingsTest, AChangeMovesTheAgencysVersionOnly) {
  const auto here = ReadDataVersion(*ctx_, leader_);
  const auto district = ReadDataVersion(*ctx_, district_leader_);
  ASSERT_EQ(Outcome(settings().Update(admin_, 0, Input())), "ok");
  EXPECT_NE(ReadDataVersion(*ctx_, leader_), here);
  EXPECT_EQ(ReadDataVersion(*ctx_, district_leader_), district);
}

INSTANTIATE_TEST_SUITE_P(Dialects, ReportSettingsTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace giaoban::service
