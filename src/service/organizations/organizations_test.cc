// The organisation service's rules at its API, on both databases.
#include "service/organizations/organizations.h"

#include <gtest/gtest.h>

#include "service/test_fixture.h"

namespace giaoban::service {
namespace {

using test_support::AgencyFixture;
using test_support::Outcome;

class OrganizationServiceTest : public AgencyFixture {
 protected:
  OrganizationService orgs() { return OrganizationService(*ctx_); }
  OrganizationInput Division(const char* code, const char* name) {
    return {agency_, "division", code, name, "", std::nullopt};
  }
};

TEST_P(OrganizationServiceTest, CreateValidatesAndPlacesTheUnitInItsAgency) {
  EXPECT_EQ(Outcome(orgs().Create(admin_, {agency_, "team", "", "", "", std::nullopt})),
            "validation_failed name:required code:required kind:invalid");
  EXPECT_EQ(Outcome(orgs().Create(admin_, Division(std::string(33, 'C').c_str(), "Phòng"))),
            "validation_failed code:too_long");
  EXPECT_EQ(Outcome(orgs().Create(admin_, Division("KHTC", "Phòng trùng mã"))),
            "validation_failed code:taken");
  EXPECT_EQ(
      Outcome(orgs().Create(admin_, {Id{999999}, "division", "X", "Phòng X", "", std::nullopt})),
      "validation_failed parent_id:not_found");
  auto created = orgs().Create(admin_, Division("PC", "Phòng Pháp chế"));
  ASSERT_EQ(Outcome(created), "ok");
  EXPECT_EQ(created->agency_id, agency_);
  EXPECT_EQ(created->parent_id, agency_);
  EXPECT_EQ(created->version, 1);
}

TEST_P(OrganizationServiceTest, OnlyAdministratorsOfTheAgencyChangeItsTree) {
  for (const Actor* who : {&leader_, &consolidator_, &head_, &viewer_}) {
    SCOPED_TRACE(who->username);
    EXPECT_EQ(Outcome(orgs().Create(*who, Division("PC", "Phòng Pháp chế"))), "forbidden");
    EXPECT_EQ(Outcome(orgs().Rename(*who, office_, 1, {"Văn phòng", "VP", ""})), "forbidden");
  }
  // New top-level organisations are a system operation.
  EXPECT_EQ(
      Outcome(orgs().Create(admin_, {std::nullopt, "committee", "UB2", "UBND", "", std::nullopt})),
      "forbidden");
  EXPECT_EQ(Outcome(orgs().Create(
                admin_, {province_, "department", "SXD", "Sở Xây dựng", "", std::nullopt})),
            "forbidden");
}

TEST_P(OrganizationServiceTest, RenameNamesItsVersion) {
  EXPECT_EQ(Outcome(orgs().Rename(admin_, office_, 1, {"", "", ""})),
            "validation_failed name:required code:required");
  EXPECT_EQ(Outcome(orgs().Rename(admin_, office_, 1, {"Văn phòng", "KHTC", ""})),
            "validation_failed code:taken");
  auto renamed = orgs().Rename(admin_, office_, 1, {"Văn phòng Sở GTVT", "VP", "Quảng Ngãi"});
  ASSERT_EQ(Outcome(renamed), "ok");
  EXPECT_EQ(renamed->name, "Văn phòng Sở GTVT");
  EXPECT_EQ(renamed->version, 2);
  EXPECT_EQ(Outcome(orgs().Rename(admin_, office_, 1, {"Văn phòng", "VP", ""})),
            "precondition_failed");
  EXPECT_EQ(Outcome(orgs().Rename(admin_, province_, 1, {"UBND", "UB", ""})), "not_found");
}

TEST_P(OrganizationServiceTest, AMergeClosesTheUnitAndNamesItsSuccessor) {
  EXPECT_EQ(Outcome(orgs().Merge(admin_, team_, 1, team_, Day("2024-06-01"))),
            "validation_failed successor_id:invalid");
  EXPECT_EQ(Outcome(orgs().Merge(admin_, team_, 1, province_, Day("2024-06-01"))),
            "validation_failed successor_id:not_found");
  auto merged = orgs().Merge(admin_, team_, 1, infrastructure_, Day("2024-06-01"));
  ASSERT_EQ(Outcome(merged), "ok");
  EXPECT_EQ(merged->successor_id, infrastructure_);
  EXPECT_EQ(merged->valid_to, Day("2024-06-01"));
  EXPECT_EQ(Outcome(orgs().Merge(admin_, team_, 1, office_, Day("2024-06-02"))),
            "precondition_failed");
}

TEST_P(OrganizationServiceTest, PeopleAreKeptByTheAdministratorWithVersions) {
  EXPECT_EQ(Outcome(orgs().CreatePerson(leader_, {office_, "Nguyễn Thị Mai", "", "", ""})),
            "forbidden");
  EXPECT_EQ(Outcome(orgs().CreatePerson(admin_, {office_, "", "", "", ""})),
            "validation_failed full_name:required");
  auto person = orgs().CreatePerson(admin_, {office_, "Nguyễn Thị Mai", "Chuyên viên", "", ""});
  ASSERT_EQ(Outcome(person), "ok");
  PersonUpdate move;
  move.organization_id = planning_;
  auto moved = orgs().UpdatePerson(admin_, person->id, person->version, move);
  ASSERT_EQ(Outcome(moved), "ok");
  EXPECT_EQ(moved->organization_id, planning_);
  EXPECT_EQ(moved->version, person->version + 1);
  EXPECT_EQ(Outcome(orgs().UpdatePerson(admin_, person->id, person->version, move)),
            "precondition_failed");
  PersonUpdate deactivate_self;
  deactivate_self.active = false;
  auto self = orgs().UpdatePerson(admin_, admin_.person_id, 1, deactivate_self);
  EXPECT_EQ(Outcome(self), "validation_failed active:own_account");
}

INSTANTIATE_TEST_SUITE_P(Dialects, OrganizationServiceTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace giaoban::service
