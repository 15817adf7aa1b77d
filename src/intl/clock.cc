#include "intl/clock.h"

#include <unicode/timezone.h>
#include <unicode/ucal.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <unordered_map>

namespace giaoban::intl {
namespace {

constexpr std::int64_t kMillisPerDay = 86'400'000;

// ICU hands back its "Etc/Unknown" zone (offset 0) instead of failing, which would silently put
// the agency on UTC and shift every "today" by hours; so the unknown zone counts as an error.
std::unique_ptr<icu::TimeZone> OpenZone(const std::string& name) {
  std::unique_ptr<icu::TimeZone> zone(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(name)));
  icu::UnicodeString id;
  if (!zone || zone->getID(id) == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID, -1, US_INV)) {
    throw std::invalid_argument("unknown time zone: " + name);
  }
  return zone;
}

// TimeZone objects are cheap to query but not to open; keep one per zone per thread so that no
// locking is needed and DateAt stays fast in request handlers.
const icu::TimeZone& ZoneFor(const std::string& name) {
  thread_local std::unordered_map<std::string, std::unique_ptr<icu::TimeZone>> zones;
  auto it = zones.find(name);
  if (it == zones.end()) it = zones.emplace(name, OpenZone(name)).first;
  return *it->second;
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

}  // namespace

AgencyClock::AgencyClock(const std::string& time_zone) : time_zone_(time_zone) {
  ZoneFor(time_zone_);  // validates now rather than on the first request
}

domain::Date AgencyClock::DateAt(std::chrono::system_clock::time_point instant) const {
  const std::int64_t utc_ms =
      std::chrono::floor<std::chrono::milliseconds>(instant.time_since_epoch()).count();
  std::int32_t raw_offset = 0;
  std::int32_t dst_offset = 0;
  UErrorCode status = U_ZERO_ERROR;
  ZoneFor(time_zone_).getOffset(static_cast<UDate>(utc_ms), false, raw_offset, dst_offset, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU time zone offset failed");
  const std::int64_t local_ms = utc_ms + raw_offset + dst_offset;
  return domain::Date::FromDays(static_cast<std::int32_t>(FloorDiv(local_ms, kMillisPerDay)));
}

std::chrono::system_clock::time_point AgencyClock::StartOf(domain::Date date) const {
  const std::int64_t local_ms = std::int64_t{date.days_since_epoch()} * kMillisPerDay;
  std::int32_t raw_offset = 0;
  std::int32_t dst_offset = 0;
  UErrorCode status = U_ZERO_ERROR;
  ZoneFor(time_zone_)
      .getOffset(static_cast<UDate>(local_ms), /*local=*/true, raw_offset, dst_offset, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU time zone offset failed");
  return std::chrono::system_clock::time_point(
      std::chrono::milliseconds(local_ms - raw_offset - dst_offset));
}

}  // namespace giaoban::intl
