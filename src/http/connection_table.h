// The open connections and which of them wait idle for a request. When the server is at its
// connection cap it closes the one idle the longest to make room, so that a crowd of idle clients
// cannot lock out one with a request to make.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <mutex>
#include <unordered_map>

namespace giaoban::http {

class ConnectionTable {
 public:
  using Id = std::uint64_t;
  // Asks connection `id` to close; called from any thread, so it must hand the work over to the
  // connection's own executor.
  using CloseRequest = std::function<void(Id id)>;

  // Registers an open connection, busy until it is marked idle. Safe from any thread, as is
  // everything here.
  Id Open();
  // How to ask the connection to close; needed before it is first marked idle.
  void SetCloseRequest(Id id, CloseRequest close);
  void Remove(Id id);
  bool Contains(Id id) const;

  // The connection waits for its next request (or its first) and may be closed to make room.
  void MarkIdle(Id id);
  // A request has begun; false when the connection was already chosen to close while idle.
  bool MarkBusy(Id id);

  // Chooses the connection idle the longest and asks it to close; false when none is idle.
  bool CloseOldestIdle();

  std::size_t size() const;
  std::size_t idle() const;
  // Open and not asked to close.
  std::size_t staying() const;

 private:
  struct Entry {
    CloseRequest close;
    bool idle = false;
    bool closing = false;
    std::list<Id>::iterator in_idle_order;
  };

  mutable std::mutex mutex_;
  Id next_id_ = 1;
  std::unordered_map<Id, Entry> entries_;
  std::list<Id> idle_order_;  // oldest first
  std::size_t closing_ = 0;
};

}  // namespace giaoban::http
