#include "http/body_budget.h"

#include <utility>

namespace giaoban::http {

BodyBudget::Reservation::Reservation(Reservation&& other) noexcept
    : budget_(std::exchange(other.budget_, nullptr)), bytes_(std::exchange(other.bytes_, 0)) {}

BodyBudget::Reservation& BodyBudget::Reservation::operator=(Reservation&& other) noexcept {
  if (this != &other) {
    Release();
    budget_ = std::exchange(other.budget_, nullptr);
    bytes_ = std::exchange(other.bytes_, 0);
  }
  return *this;
}

BodyBudget::Reservation::~Reservation() { Release(); }

void BodyBudget::Reservation::Release() {
  if (budget_ != nullptr) budget_->in_use_.fetch_sub(bytes_, std::memory_order_relaxed);
  budget_ = nullptr;
  bytes_ = 0;
}

std::optional<BodyBudget::Reservation> BodyBudget::TryReserve(std::size_t bytes) {
  std::size_t used = in_use_.load(std::memory_order_relaxed);
  do {
    if (bytes > capacity_ || used > capacity_ - bytes) return std::nullopt;
  } while (!in_use_.compare_exchange_weak(used, used + bytes, std::memory_order_relaxed));
  return Reservation(this, bytes);
}

}  // namespace giaoban::http
