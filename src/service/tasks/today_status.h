// The status snapshot: every task's status, deadline in force and "extended" flag as of one date,
// stored on the task row (today_*) so that lists and statistics as of that date read an index.
//
// The stored values are always for the snapshot date. Every change to a task re-stores that task;
// when the calendar moves on, each server moves the snapshot forward in the background
// (RefreshSnapshot), which only has to revisit tasks whose status can change with time alone:
// those not yet assigned and those in progress (which may become overdue). Completions,
// cancellations and extensions are never dated after today, so nothing else changes by itself.
// Until the snapshot is current, requests compute statuses from history: slower, never wrong.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "service/tasks/model.h"
#include "storage/database.h"

namespace giaoban::service {

class Context;

// The snapshot's date, if there is a valid snapshot.
std::optional<Date> SnapshotDate(storage::Connection& c);

// Inside a write transaction: moves the snapshot to `today` if it is older (or missing) and
// returns the snapshot date (never earlier than `today` unless another server's clock is ahead).
Date AdvanceSnapshot(storage::Connection& c, Date today);

// A task's today_* values as of the snapshot date `as_of`, from its facts: every change to a task
// stores them with the change.
struct SnapshotStatus {
  std::string status;
  std::optional<Date> deadline;
  bool extended = false;
};
SnapshotStatus SnapshotStatusOf(const TaskSummary& task,
                                const std::vector<domain::ApprovedExtension>& approved, Date as_of);

// Moves the snapshot to today if it is behind; returns whether it did. Safe to run from every
// server at once (the second finds the work done). Servers call it at start and then regularly.
bool RefreshSnapshot(const Context& ctx);

// After bulk loads that bypass the services: the snapshot is rebuilt on next use.
void InvalidateSnapshot(storage::Connection& c);

}  // namespace giaoban::service
