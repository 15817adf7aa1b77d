// What every service needs: the database, the agency's calendar and the deployment's settings.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "domain/date.h"
#include "intl/clock.h"
#include "service/store.h"
#include "storage/database.h"

namespace giaoban::service {

struct Settings {
  std::string time_zone = "Asia/Ho_Chi_Minh";
  std::int64_t session_ttl_seconds = 12 * 3600;
  std::int64_t max_attachment_bytes = 10 * 1024 * 1024;
  int due_soon_days = 7;
  // Login throttling. Guesses at one account count per client address, so that an attacker slows
  // down only their own attempts and never locks the account's owner out: after the free attempts
  // each further one waits, first login_first_delay_ms, then twice as long each time, up to
  // login_max_delay_ms. Guesses across accounts from one address (password spraying) have a
  // larger allowance of their own. Attempts are forgotten after login_forget_ms without another.
  int login_free_attempts = 5;
  int login_free_attempts_per_address = 50;
  std::int64_t login_first_delay_ms = 30'000;
  std::int64_t login_max_delay_ms = 15 * 60'000;
  std::int64_t login_forget_ms = 60 * 60'000;
  // Pins "today" (tests, demos of a past date); empty means the real date in time_zone.
  std::optional<domain::Date> today;
};

class Context {
 public:
  Context(storage::Database& db, Settings settings)
      : store_(db), settings_(std::move(settings)), clock_(settings_.time_zone) {}

  const Store& db() const { return store_; }
  const Settings& settings() const { return settings_; }
  const intl::AgencyClock& clock() const { return clock_; }

  domain::Date Today() const { return settings_.today ? *settings_.today : clock_.Today(); }
  static std::int64_t NowMillis() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }

 private:
  Store store_;
  Settings settings_;
  intl::AgencyClock clock_;
};

}  // namespace giaoban::service
