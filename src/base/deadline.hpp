// A time by which a long piece of work must stop (a server's build limit).
// The long loops of the stages call check() once a row, page, sentence or
// block: it reads a clock that costs nanoseconds, and throws OutOfTime when
// the time is up, so every stage stops at once without its own way out.
#pragma once
#include <chrono>
#include <exception>
#include <optional>

namespace easyread {

// Thrown by Deadline::check(); the library turns it into a "took-too-long" error.
struct OutOfTime : std::exception {
  const char* what() const noexcept override { return "the work took too long"; }
};

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;
  Deadline() = default;  // no limit
  explicit Deadline(std::optional<Clock::time_point> at) : at_(at) {}

  bool passed() const { return at_.has_value() && Clock::now() >= *at_; }
  void check() const {
    if (passed()) throw OutOfTime();
  }

 private:
  std::optional<Clock::time_point> at_;
};

}  // namespace easyread
