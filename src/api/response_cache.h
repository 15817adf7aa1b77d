// Bodies of expensive read responses (task lists, statistics), reused while the data their reader
// can see has not changed. A body is stored with the data version read before it was computed, so
// a request that starts after a change commits never sees an answer from before that change.
// Entries are per process and only an optimisation: any server may drop or miss them.
#pragma once

#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "service/data_version.h"

namespace giaoban::api {

class ResponseCache {
 public:
  // At most `budget_bytes` of keys and bodies; 0 turns the cache off.
  explicit ResponseCache(std::size_t budget_bytes) : budget_(budget_bytes) {}

  // The body stored under `key` for exactly this `version`.
  std::optional<std::string> Find(const std::string& key, const service::DataVersion& version);
  // Replaces any body of `key`; bodies larger than a quarter of the budget are not kept.
  void Store(const std::string& key, service::DataVersion version, std::string body);

  bool enabled() const { return budget_ > 0; }
  std::size_t size_bytes() const;
  std::size_t entries() const;

 private:
  struct Entry {
    std::string key;
    service::DataVersion version;
    std::string body;
    std::size_t bytes() const { return key.size() + body.size(); }
  };
  using Order = std::list<Entry>;  // most recently used first

  void EraseLocked(Order::iterator it);

  const std::size_t budget_;
  mutable std::mutex mutex_;
  Order order_;
  std::unordered_map<std::string, Order::iterator> index_;
  std::size_t bytes_ = 0;
};

}  // namespace giaoban::api
