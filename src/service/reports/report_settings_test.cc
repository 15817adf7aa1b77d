// An agency's report settings at the service's API, on both databases.
#include "service/reports/report_settings.h"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <vector>

#include "service/data_version.h"
#include "service/reports/png_check.h"
#include "service/reports/png_testing.h"
#include "service/tasks/attachment_digest.h"
#include "service/test_fixture.h"

namespace giaoban::service {
namespace {

using test_support::AgencyFixture;
using test_support::Outcome;

class ReportSettingsTest : public AgencyFixture {
 protected:
  ReportSettingsService settings() { return ReportSettingsService(*ctx_); }

  // The settings at version 1: the director and a deputy (head_) sign; the deputy's slot.
  ImageSlot DeputySigning() {
    ReportSettingsInput two = Input();
    two.signers.push_back({head_.person_id, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"});
    EXPECT_EQ(Outcome(settings().Update(admin_, 0, two)), "ok");
    return ImageSlot::SignatureOf(head_.person_id);
  }

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

TEST_P(ReportSettingsTest, TheAdministratorSetsTheSealAndTheSignersSignatures) {
  const std::string seal = png_testing::RedRing(90);
  const std::string signature = png_testing::BlueStroke(150, 70);
  // The seal needs no settings of its own; a signature needs its signer.
  EXPECT_EQ(
      Outcome(settings().SetImage(admin_, ImageSlot::SignatureOf(leader_.person_id), signature)),
      "not_found");
  auto set = settings().SetImage(admin_, ImageSlot::Seal(), seal);
  ASSERT_EQ(Outcome(set), "ok");
  EXPECT_EQ(*set, (ReportImage{Sha256Hex(seal), 90, 90}));
  ASSERT_EQ(Outcome(settings().Update(admin_, 0, Input())), "ok");
  ASSERT_EQ(
      Outcome(settings().SetImage(admin_, ImageSlot::SignatureOf(leader_.person_id), signature)),
      "ok");

  // Everyone in the agency sees that they are set, and which they are, but not their bytes.
  auto read = settings().Get(specialist_);
  ASSERT_EQ(Outcome(read), "ok");
  EXPECT_EQ(read->seal, (ReportImage{Sha256Hex(seal), 90, 90}));
  ASSERT_EQ(read->signers.size(), 1u);
  EXPECT_EQ(read->signers.front().signature, (ReportImage{Sha256Hex(signature), 150, 70}));
  EXPECT_EQ(read->version, 1) << "an image is not a change of the settings' fields";
  auto file = settings().Image(specialist_, ImageSlot::Seal());
  ASSERT_EQ(Outcome(file), "ok");
  EXPECT_EQ(file->png, seal);
  EXPECT_EQ(file->sha256, Sha256Hex(seal));
  EXPECT_EQ(settings().Image(head_, ImageSlot::SignatureOf(leader_.person_id))->png, signature);
  // Another agency has none of them.
  EXPECT_EQ(Outcome(settings().Image(district_leader_, ImageSlot::Seal())), "not_found");
  EXPECT_FALSE(settings().Get(district_leader_)->seal);

  // Replaced, then removed; removing what is not there changes nothing.
  const std::string other = png_testing::RedRing(60);
  ASSERT_EQ(Outcome(settings().SetImage(admin_, ImageSlot::Seal(), other)), "ok");
  EXPECT_EQ(settings().Image(leader_, ImageSlot::Seal())->png, other);
  EXPECT_EQ(Outcome(settings().RemoveImage(admin_, ImageSlot::Seal())), "ok");
  EXPECT_EQ(Outcome(settings().Image(leader_, ImageSlot::Seal())), "not_found");
  EXPECT_FALSE(settings().Get(leader_)->seal);
  EXPECT_EQ(Outcome(settings().RemoveImage(admin_, ImageSlot::Seal())), "ok");
  EXPECT_EQ(Outcome(settings().RemoveImage(admin_, ImageSlot::SignatureOf(head_.person_id))),
            "not_found");
}

TEST_P(ReportSettingsTest, OnlyTheAdministratorSetsAnImageAndOnlyASoundTransparentPng) {
  ASSERT_EQ(Outcome(settings().Update(admin_, 0, Input())), "ok");
  const ImageSlot signature = ImageSlot::SignatureOf(leader_.person_id);
  const std::string good = png_testing::BlueStroke();
  for (const Actor* who : {&leader_, &consolidator_, &specialist_}) {
    EXPECT_EQ(Outcome(settings().SetImage(*who, ImageSlot::Seal(), good)), "forbidden");
    EXPECT_EQ(Outcome(settings().SetImage(*who, signature, good)), "forbidden");
  }
  ASSERT_EQ(Outcome(settings().SetImage(admin_, signature, good)), "ok");
  EXPECT_EQ(Outcome(settings().RemoveImage(leader_, signature)), "forbidden");

  std::string wrong_crc = good;
  wrong_crc[wrong_crc.size() - 20] ^= 0x01;  // inside the image data
  const std::string big_comment(kMaxDocumentImageBytes, 'x');
  const std::pair<std::string, std::string> cases[] = {
      {"", "required"},
      {"%PDF-1.4", "not_png"},
      {png_testing::OpaqueWhite(), "not_transparent"},
      // A transparent palette entry that no pixel uses.
      {png_testing::Indexed(4, 2, 8, {{200, 20, 20, 255}, {0, 0, 0, 0}},
                            [](int, int) { return 0; }),
       "not_transparent"},
      {good.substr(0, good.size() / 2), "damaged"},
      {wrong_crc, "damaged"},
      {png_testing::File(png_testing::Header(1, 1, 8, 6), std::string(5, '\0'),
                         {{"tEXt", big_comment}}),
       "too_large"},
      {png_testing::File(png_testing::Header(2400, 10, 8, 6), std::string(10 * 9601, '\0')),
       "too_many_pixels"},
  };
  for (const auto& [bytes, code] : cases) {
    EXPECT_EQ(Outcome(settings().SetImage(admin_, ImageSlot::Seal(), bytes)),
              "validation_failed seal:" + code);
    EXPECT_EQ(Outcome(settings().SetImage(admin_, signature, bytes)),
              "validation_failed signature:" + code);
  }
  // What was set before stays.
  EXPECT_EQ(settings().Image(leader_, signature)->png, good);
  EXPECT_EQ(Outcome(settings().Image(leader_, ImageSlot::Seal())), "not_found");
}

TEST_P(ReportSettingsTest, ASignerLeftOutTakesTheirSignatureWithThem) {
  ReportSettingsInput two = Input();
  two.signers.push_back({head_.person_id, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"});
  ASSERT_EQ(Outcome(settings().Update(admin_, 0, two)), "ok");
  for (Id person : {leader_.person_id, head_.person_id}) {
    ASSERT_EQ(Outcome(settings().SetImage(admin_, ImageSlot::SignatureOf(person),
                                          png_testing::BlueStroke())),
              "ok");
  }
  auto after = settings().Update(admin_, 1, Input());  // the deputy left out
  ASSERT_EQ(Outcome(after), "ok");
  ASSERT_EQ(after->signers.size(), 1u);
  EXPECT_TRUE(after->signers.front().signature);
  EXPECT_EQ(Outcome(settings().Image(leader_, ImageSlot::SignatureOf(head_.person_id))),
            "not_found");
  // Named again, they sign without an image until one is set.
  auto again = settings().Update(admin_, 2, two);
  ASSERT_EQ(Outcome(again), "ok");
  EXPECT_FALSE(again->signers.back().signature);
}

// Two calls of the settings' service at once on PostgreSQL, each stopped where the test says.
// Every write of the agency moves its row of agency_versions, from a trigger, once it has written
// its own rows; while this holds that row in a transaction of its own, a call that has written
// waits there, keeping the locks it has taken. Start returns once the call waits for a lock (or
// has finished), so the order in which the calls take their locks is the test's, not the
// scheduler's.
class HeldAgency {
 public:
  HeldAgency(const std::string& url, Id agency, Date today)
      : db_(storage::OpenDatabase(url, 5)),
        ctx_(*db_, On(today)),
        holder_(db_->acquire()),
        watcher_(db_->acquire()) {
    holder_->begin(storage::TransactionMode::kWrite);
    holder_->execute("SELECT version FROM agency_versions WHERE agency_id = $1 FOR UPDATE",
                     {storage::Param(agency)});
  }
  HeldAgency(const HeldAgency&) = delete;
  HeldAgency& operator=(const HeldAgency&) = delete;
  // The calls still running are let go before they are waited for.
  ~HeldAgency() {
    if (!released_) holder_->rollback();
  }

  // Runs `call` on a thread of its own; returns its outcome once it has one, and returns as soon
  // as `waiting` sessions of the database (the calls started so far) wait for a lock.
  std::shared_future<std::string> Start(std::function<std::string(const Context&)> call,
                                        int waiting) {
    calls_.push_back(std::async(std::launch::async, [this, call] { return call(ctx_); }).share());
    const auto& started = calls_.back();
    while (started.wait_for(std::chrono::seconds(0)) != std::future_status::ready &&
           Waiting() < waiting) {
    }
    return started;
  }

  // Ends the held transaction: the calls waiting go on.
  void Release() {
    holder_->commit();
    released_ = true;
  }

 private:
  static Settings On(Date today) {
    Settings settings;
    settings.today = today;
    return settings;
  }

  std::int64_t Waiting() {
    return watcher_
        ->execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock'")
        .one()
        .integer(0);
  }

  std::unique_ptr<storage::Database> db_;
  Context ctx_;
  storage::Database::Lease holder_;
  storage::Database::Lease watcher_;
  bool released_ = false;
  std::vector<std::shared_future<std::string>> calls_;
};

// The update has written the settings without the deputy, not yet committed, when the deputy's
// signature is set: read committed would let the signature see the deputy still signing and store
// it after the update's clean-up. It waits for the update instead, and finds no such signer.
TEST_P(ReportSettingsTest, ASignatureSetAsItsSignerIsLeftOutIsRefused) {
  if (GetParam() == "sqlite") GTEST_SKIP() << "SQLite lets one transaction write at a time";
  const ImageSlot deputy = DeputySigning();
  const std::string png = png_testing::BlueStroke();
  {
    HeldAgency held(scratch_.url(), agency_, today());
    auto update = held.Start(
        [&](const Context& ctx) {
          return Outcome(ReportSettingsService(ctx).Update(admin_, 1, Input()));
        },
        1);
    auto set = held.Start(
        [&](const Context& ctx) {
          return Outcome(ReportSettingsService(ctx).SetImage(admin_, deputy, png));
        },
        2);
    held.Release();
    EXPECT_EQ(update.get(), "ok");
    EXPECT_EQ(set.get(), "not_found");
  }
  EXPECT_EQ(Outcome(settings().Image(leader_, deputy)), "not_found");
  auto after = settings().Get(leader_);
  ASSERT_EQ(Outcome(after), "ok");
  ASSERT_EQ(after->signers.size(), 1u);
  EXPECT_EQ(after->signers.front().person_id, leader_.person_id);
}

// The other order: the signature is stored, the deputy still signing, not yet committed, when an
// update that leaves the deputy out reads the settings (without it). The update waits for the
// signature to be committed, then removes it.
TEST_P(ReportSettingsTest, ASignerLeftOutAsTheirSignatureIsSetTakesItWithThem) {
  if (GetParam() == "sqlite") GTEST_SKIP() << "SQLite lets one transaction write at a time";
  const ImageSlot deputy = DeputySigning();
  const std::string png = png_testing::BlueStroke();
  {
    HeldAgency held(scratch_.url(), agency_, today());
    auto set = held.Start(
        [&](const Context& ctx) {
          return Outcome(ReportSettingsService(ctx).SetImage(admin_, deputy, png));
        },
        1);
    auto update = held.Start(
        [&](const Context& ctx) {
          return Outcome(ReportSettingsService(ctx).Update(admin_, 1, Input()));
        },
        2);
    held.Release();
    EXPECT_EQ(set.get(), "ok");
    EXPECT_EQ(update.get(), "ok");
  }
  EXPECT_EQ(Outcome(settings().Image(leader_, deputy)), "not_found");
  const auto left =
      db_->acquire()->execute("SELECT count(*) FROM report_signatures WHERE person_id = $1",
                              {storage::Param(head_.person_id)});
  EXPECT_EQ(left.one().integer(0), 0);
}

TEST_P(ReportSettingsTest, AnImageMovesTheAgencysVersionOnly) {
  const auto here = ReadDataVersion(*ctx_, leader_);
  const auto district = ReadDataVersion(*ctx_, district_leader_);
  ASSERT_EQ(Outcome(settings().SetImage(admin_, ImageSlot::Seal(), png_testing::RedRing())), "ok");
  const auto set = ReadDataVersion(*ctx_, leader_);
  EXPECT_NE(set, here);
  EXPECT_EQ(ReadDataVersion(*ctx_, district_leader_), district);
  ASSERT_EQ(Outcome(settings().RemoveImage(admin_, ImageSlot::Seal())), "ok");
  EXPECT_NE(ReadDataVersion(*ctx_, leader_), set);
  EXPECT_EQ(ReadDataVersion(*ctx_, district_leader_), district);
}

INSTANTIATE_TEST_SUITE_P(Dialects, ReportSettingsTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace giaoban::service
