#include "api/response_cache.h"

namespace giaoban::api {

std::optional<std::string> ResponseCache::Find(const std::string& key,
                                               const service::DataVersion& version) {
  if (!enabled()) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  if (it->second->version != version) {
    // Older data can never be asked for again: versions only grow.
    if (version.Covers(it->second->version)) EraseLocked(it->second);
    return std::nullopt;
  }
  order_.splice(order_.begin(), order_, it->second);
  return it->second->body;
}

void ResponseCache::Store(const std::string& key, service::DataVersion version, std::string body) {
  if (!enabled() || (key.size() + body.size()) * 4 > budget_) return;
  std::lock_guard lock(mutex_);
  if (auto it = index_.find(key); it != index_.end()) {
    // A slower request may finish after a newer one: keep whichever saw the newer data.
    if (it->second->version != version && it->second->version.Covers(version)) return;
    EraseLocked(it->second);
  }
  order_.push_front(Entry{key, std::move(version), std::move(body)});
  index_.emplace(key, order_.begin());
  bytes_ += order_.front().bytes();
  while (bytes_ > budget_) EraseLocked(std::prev(order_.end()));
}

void ResponseCache::EraseLocked(Order::iterator it) {
  bytes_ -= it->bytes();
  index_.erase(it->key);
  order_.erase(it);
}

std::size_t ResponseCache::size_bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

std::size_t ResponseCache::entries() const {
  std::lock_guard lock(mutex_);
  return order_.size();
}

}  // namespace giaoban::api
