// The demo agency: a provincial Department with its leaders, divisions and affiliated units, a
// provincial programme, its key programme, ad-hoc assignments and a year of history in every
// status, so that a newcomer meets a living system. Also the large synthetic data sets of the
// benchmarks.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/date.h"
#include "service/context.h"
#include "service/reports/report_renderer.h"

namespace giaoban::demo {

struct DemoOptions {
  domain::Date today;  // the demo's "now": history runs for the year before it
  std::uint32_t seed = 2023;
  std::string password = "giaoban2024";  // every demo account's password
  // Draws the documents of the reports the demo issues; without one, none is issued.
  const service::IssuedReportRenderer* report_renderer = nullptr;
  // The images the agency's electronic documents carry, PNG files drawn by the caller: its seal,
  // and its signers' signatures in their order. Empty for none.
  std::string seal_png;
  std::vector<std::string> signature_pngs;
};

struct DemoAccount {
  std::string username;
  std::string role;
  std::string full_name;
  std::string position;
  std::string organization;
};

struct DemoResult {
  bool loaded = false;  // false when the database already had an agency
  std::int64_t agency_id = 0;
  std::int64_t tasks = 0;
  std::vector<DemoAccount> accounts;
};

// Loads the demo agency through the services (so every row has its history), unless the database
// already holds organisations.
DemoResult LoadDemo(const service::Context& ctx, const DemoOptions& options);

struct ScaleOptions {
  int organizations = 50;  // units per agency
  int tasks = 100000;      // in all, shared evenly among the agencies
  domain::Date today;
  std::uint32_t seed = 7;
  int agencies = 1;  // departments under one province
  int years = 1;     // of history, back from today
};

struct ScaleResult {
  std::int64_t province_id = 0;
  std::vector<std::int64_t> agency_ids;
};

// Bulk-loads synthetic agencies under a new province for benchmarks: `tasks` tasks across
// `agencies` departments of `organizations` units each, with `years` of progress, completions,
// extensions and cancellations.
ScaleResult LoadScaleData(const service::Context& ctx, const ScaleOptions& options);

}  // namespace giaoban::demo
