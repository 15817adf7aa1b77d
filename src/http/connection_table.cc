#include "http/connection_table.h"

#include <utility>

namespace giaoban::http {

ConnectionTable::Id ConnectionTable::Open() {
  std::lock_guard lock(mutex_);
  const Id id = next_id_++;
  entries_.emplace(id, Entry{});
  return id;
}

void ConnectionTable::SetCloseRequest(Id id, CloseRequest close) {
  std::lock_guard lock(mutex_);
  if (auto it = entries_.find(id); it != entries_.end()) it->second.close = std::move(close);
}

void ConnectionTable::Remove(Id id) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(id);
  if (it == entries_.end()) return;
  if (it->second.idle) idle_order_.erase(it->second.in_idle_order);
  if (it->second.closing) --closing_;
  entries_.erase(it);
}

bool ConnectionTable::Contains(Id id) const {
  std::lock_guard lock(mutex_);
  return entries_.count(id) != 0;
}

void ConnectionTable::MarkIdle(Id id) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(id);
  if (it == entries_.end() || it->second.idle || it->second.closing) return;
  it->second.idle = true;
  it->second.in_idle_order = idle_order_.insert(idle_order_.end(), id);
}

bool ConnectionTable::MarkBusy(Id id) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(id);
  if (it == entries_.end() || it->second.closing) return false;
  if (it->second.idle) idle_order_.erase(it->second.in_idle_order);
  it->second.idle = false;
  return true;
}

bool ConnectionTable::CloseOldestIdle() {
  Id id;
  CloseRequest close;
  {
    std::lock_guard lock(mutex_);
    if (idle_order_.empty()) return false;
    id = idle_order_.front();
    idle_order_.pop_front();
    Entry& entry = entries_.at(id);
    entry.idle = false;
    entry.closing = true;
    ++closing_;
    close = entry.close;
  }
  // Outside the lock: the request may well call back into the table.
  if (close) close(id);
  return true;
}

std::size_t ConnectionTable::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

std::size_t ConnectionTable::staying() const {
  std::lock_guard lock(mutex_);
  return entries_.size() - closing_;
}

std::size_t ConnectionTable::idle() const {
  std::lock_guard lock(mutex_);
  return idle_order_.size();
}

}  // namespace giaoban::http
