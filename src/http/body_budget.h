// The memory that request bodies may take while they are received, across all connections. A
// request reserves its announced size (or its limit, when the size is not announced) before its
// body is read, so that many slow clients together cannot make the server hold more than this.
#pragma once

#include <atomic>
#include <cstddef>
#include <optional>

namespace giaoban::http {

class BodyBudget {
 public:
  // Gives the bytes back when it goes.
  class Reservation {
   public:
    Reservation(Reservation&& other) noexcept;
    Reservation& operator=(Reservation&& other) noexcept;
    Reservation(const Reservation&) = delete;
    Reservation& operator=(const Reservation&) = delete;
    ~Reservation();

    std::size_t bytes() const { return bytes_; }

   private:
    friend class BodyBudget;
    Reservation(BodyBudget* budget, std::size_t bytes) : budget_(budget), bytes_(bytes) {}
    void Release();

    BodyBudget* budget_;
    std::size_t bytes_;
  };

  explicit BodyBudget(std::size_t bytes) : capacity_(bytes) {}

  // Safe from any thread. Nothing when the bytes would go beyond the budget.
  std::optional<Reservation> TryReserve(std::size_t bytes);

  std::size_t capacity() const { return capacity_; }
  std::size_t in_use() const { return in_use_.load(std::memory_order_relaxed); }

 private:
  const std::size_t capacity_;
  std::atomic<std::size_t> in_use_{0};
};

}  // namespace giaoban::http
