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
    const char* p = p_;
    while (p != end_ && *p != ' ') ++p;
    out = {p_, static_cast<std::size_t>(p - p_)};
    p_ = p;
    return !out.empty() && Separator();
  }

  // "0" or "1".
  bool Flag(bool& out) {
    if (p_ == end_ || (*p_ != '0' && *p_ != '1')) return false;
    out = *p_++ == '1';
    return (p_ == end_ || *p_ == ' ') && Separator();
  }

  // Decimal digits with an optional minus sign.
  bool Integer(std::int64_t& out) {
    const char* p = p_;
    const bool negative = p != end_ && *p == '-';
    if (negative) ++p;
    const char* start = p;
    std::int64_t value = 0;
    for (unsigned digit = 0; p != end_ && (digit = Digit(*p)) <= 9; ++p) value = value * 10 + digit;
    // At most 18 digits, which an int64 always holds; then the field's end.
    if (p == start || p - start > 18 || (p != end_ && *p != ' ')) return false;
    p_ = p;
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
  std::string_view kind;
  std::int64_t lead_org = 0;
  if (!reader.Word(kind) || !reader.Flag(facts.is_key) || !reader.Integer(lead_org) ||
      !reader.Day(facts.assigned_on) || !reader.OptionalDay(facts.deadline) ||
      !reader.OptionalDay(facts.completed_on) || !reader.OptionalDay(facts.cancelled_on) ||
      !reader.Done()) {
    return std::nullopt;
  }
  const auto source_kind = domain::ParseSourceKind(kind);
  if (!source_kind) return std::nullopt;
  facts.source_kind = *source_kind;
  facts.lead_org_id = lead_org;
  return facts;
}

}  // namespace giaoban::service
