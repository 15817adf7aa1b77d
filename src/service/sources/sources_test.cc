// The source service's rules at its API, on both databases.
#include "service/sources/sources.h"

#include <gtest/gtest.h>

#include "service/tasks/tasks.h"
#include "service/test_fixture.h"

namespace giaoban::service {
namespace {

using test_support::AgencyFixture;
using test_support::Outcome;

class SourceServiceTest : public AgencyFixture {
 protected:
  SourceInput Input() {
    return {"meeting_conclusion", "Kết luận giao ban tháng 5", "112/TB-SGTVT", Day("2024-05-06"),
            "Giám đốc Sở",        "Các phòng triển khai ngay"};
  }
  // Every field named, as a form that sends the whole source does.
  SourcePatch Patch() {
    const SourceInput in = Input();
    return {in.kind, in.title, in.doc_number, in.doc_date, in.issuer, in.summary};
  }
  SourceService sources() { return SourceService(*ctx_); }
};

TEST_P(SourceServiceTest, CreateValidatesEveryField) {
  SourceInput bad{"memo",
                  "",
                  std::string(101, '9'),
                  std::nullopt,
                  std::string(301, 'x'),
                  std::string(4001, 'y')};
  EXPECT_EQ(Outcome(sources().Create(leader_, bad)),
            "validation_failed kind:invalid title:required doc_number:too_long issuer:too_long "
            "summary:too_long");
  SourceInput long_title = Input();
  long_title.title = std::string(1001, 't');
  EXPECT_EQ(Outcome(sources().Create(leader_, long_title)), "validation_failed title:too_long");

  auto created = sources().Create(consolidator_, Input());
  ASSERT_EQ(Outcome(created), "ok");
  EXPECT_EQ(created->kind, domain::SourceKind::kMeetingConclusion);
  EXPECT_EQ(created->agency_id, agency_);
  EXPECT_EQ(created->doc_date, Day("2024-05-06"));
  EXPECT_EQ(created->version, 1);
  EXPECT_EQ(created->task_count, 0);
}

TEST_P(SourceServiceTest, OnlyLeadersAndConsolidatorsManageSources) {
  for (const Actor* who : {&head_, &specialist_, &viewer_, &admin_}) {
    SCOPED_TRACE(who->username);
    EXPECT_EQ(Outcome(sources().Create(*who, Input())), "forbidden");
    EXPECT_EQ(Outcome(sources().Update(*who, source_, 1, Patch())), "forbidden");
  }
  // Everyone reads the sources of their agency and those below it, never of one above.
  EXPECT_EQ(Outcome(sources().Get(viewer_, source_)), "ok");
  EXPECT_EQ(Outcome(sources().Get(district_leader_, source_)), "not_found");
  EXPECT_EQ(Outcome(sources().Update(district_leader_, source_, 1, Patch())), "not_found");
}

TEST_P(SourceServiceTest, AnUpdateNamesItsVersionAndRewritesTheTasksCopies) {
  TaskInput task;
  task.source_id = source_;
  task.title = "Lập kế hoạch bảo trì";
  task.lead_org_id = infrastructure_;
  task.assigned_on = Day("2024-03-01");
  auto created = TaskService(*ctx_).Create(leader_, task);
  ASSERT_EQ(Outcome(created), "ok");

  auto updated = sources().Update(leader_, source_, 1, Patch());
  ASSERT_EQ(Outcome(updated), "ok");
  EXPECT_EQ(updated->version, 2);
  EXPECT_EQ(updated->kind, domain::SourceKind::kMeetingConclusion);
  EXPECT_EQ(updated->task_count, 1);
  EXPECT_EQ(Outcome(sources().Update(consolidator_, source_, 1, Patch())), "precondition_failed");
  // Only the kind is sent; the rest is kept, so only the kind is wrong.
  SourcePatch invalid;
  invalid.kind = "";
  EXPECT_EQ(Outcome(sources().Update(leader_, source_, 2, invalid)),
            "validation_failed kind:invalid");

  auto view = TaskService(*ctx_).Get(leader_, created->task.summary.id);
  ASSERT_EQ(Outcome(view), "ok");
  EXPECT_EQ(view->task.summary.source_kind, domain::SourceKind::kMeetingConclusion);
  EXPECT_EQ(view->task.summary.source_doc_number, "112/TB-SGTVT");
  auto filter = ParseTaskFilter({{"source_kind", "meeting_conclusion"}}, today());
  ASSERT_EQ(Outcome(filter), "ok");
  auto page = TaskService(*ctx_).List(leader_, *filter);
  ASSERT_EQ(Outcome(page), "ok");
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].id, created->task.summary.id);
}

TEST_P(SourceServiceTest, ListFiltersByKind) {
  ASSERT_EQ(Outcome(sources().Create(leader_, Input())), "ok");
  auto all = sources().List(leader_, std::nullopt, std::nullopt);
  EXPECT_EQ(all.size(), 2u);
  auto meetings = sources().List(leader_, domain::SourceKind::kMeetingConclusion, std::nullopt);
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0].doc_number, "112/TB-SGTVT");
  EXPECT_TRUE(sources().List(leader_, domain::SourceKind::kDirective, std::nullopt).empty());
}

INSTANTIATE_TEST_SUITE_P(Dialects, SourceServiceTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace giaoban::service
