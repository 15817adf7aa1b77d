#include "service/reports/report_facts.h"

#include <cstdint>

namespace giaoban::service {

namespace {

// Reads the fields of a facts text in one pass, each up to the space after it. Written out by
// hand: a report reads a hundred thousand of these, and a library call per field would cost more
// than the reading. Every method says whether the field was what it wanted.
class FactsReader {
 public:
  explicit FactsReader(std::string_view text) : p_(text.data()), end_(p_ + text.size()) {}

  bool Word(std::string_view& out) {
    const char* start = p_;
    while (p_ != end_ && *p_ != ' ') ++p_;
    out = {start, static_cast<std::size_t>(p_ - start)};
    return !out.empty() && Separator();
  }

  // Decimal digits with an optional minus sign.
  bool Integer(std::int64_t& out) {
    const bool negative = p_ != end_ && *p_ == '-';
    if (negative) ++p_;
    const char* start = p_;
    std::int64_t value = 0;
    for (unsigned digit = 0; p_ != end_ && (digit = Digit(*p_)) <= 9; ++p_)
      value = value * 10 + digit;
    // At most 18 digits, which an int64 always holds; then the field's end.
    if (p_ == start || p_ - start > 18 || (p_ != end_ && *p_ != ' ')) return false;
    out = negative ? -value : value;
    return Separator();
  }

  // A day number within the years a Date holds.
  bool Day(Date& out) {
    static const std::int64_t first = Date::FromYmd(1, 1, 1)->days_since_epoch();
    static const std::int64_t last = Date::FromYmd(9999, 12, 31)->days_since_epoch();
    std::int64_t days = 0;
    if (!Integer(days) || days < first || days > last) return false;
    out = Date::FromDays(static_cast<std::int32_t>(days));
    return true;
  }

  // A day number, or "-" for none.
  bool OptionalDay(std::optional<Date>& out) {
    if (p_ != end_ && *p_ == '-' && (p_ + 1 == end_ || p_[1] == ' ')) {
      ++p_;
      out.reset();
      return Separator();
    }
    return Day(out.emplace());
  }

  // Whether the whole text was read, and the last field had no space after it.
  bool Done() const { return p_ == end_ && !separated_; }

 private:
  // Consumes the space after a field, if there is one; a field must be followed by one or end
  // the text.
  bool Separator() {
    separated_ = p_ != end_;
    if (separated_) ++p_;
    return true;
  }

  static unsigned Digit(char ch) { return static_cast<unsigned char>(ch) - unsigned{'0'}; }

  const char* p_;
  const char* end_;
  bool separated_ = false;
};

}  // namespace

std::optional<StoredReportFacts> ParseReportFacts(std::string_view text) {
  FactsReader reader(text);
  StoredReportFacts facts;
  std::string_view kind, key;
  std::int64_t lead_org = 0;
  if (!reader.Word(kind) || !reader.Word(key) || !reader.Integer(lead_org) ||
      !reader.Day(facts.assigned_on) || !reader.OptionalDay(facts.deadline) ||
      !reader.OptionalDay(facts.completed_on) || !reader.OptionalDay(facts.cancelled_on) ||
      !reader.Done()) {
    return std::nullopt;
  }
  const auto source_kind = domain::ParseSourceKind(kind);
  if (!source_kind || (key != "0" && key != "1")) return std::nullopt;
  facts.source_kind = *source_kind;
  facts.is_key = key == "1";
  facts.lead_org_id = lead_org;
  return facts;
}

}  // namespace giaoban::service
