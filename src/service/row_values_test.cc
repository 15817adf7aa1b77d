#include "service/row_values.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace giaoban::service {
namespace {

using storage::Param;
using storage::Row;

struct Dated {
  Date on;
  std::optional<Date> until;
  std::optional<std::string> note;
};

BOOST_DESCRIBE_STRUCT(Dated, (), (on, until, note))

storage::Result ResultOf(std::vector<storage::Value> values) {
  storage::Result r;
  r.columns = {"on", "until", "note"};
  r.rows.emplace_back(std::move(values),
                      std::make_shared<const std::vector<std::string>>(r.columns));
  return r;
}

TEST(RowValuesTest, ReadsARowIntoItsStructByColumnName) {
  const auto rows = ReadRows<Dated>(ResultOf({Param("2024-05-31"), nullptr, Param("Đã xong")}));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].on, *Date::FromYmd(2024, 5, 31));
  EXPECT_EQ(rows[0].until, std::nullopt);
  EXPECT_EQ(rows[0].note, "Đã xong");
}

TEST(RowValuesTest, ADamagedDateIsAnErrorNamingItNeverADayMadeUp) {
  try {
    ReadRows<Dated>(ResultOf({Param("2024-02-30"), nullptr, nullptr}));
    FAIL() << "a damaged date was read";
  } catch (const storage::DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("'2024-02-30', not a date"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace giaoban::service
