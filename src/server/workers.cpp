#include "server/workers.hpp"

#include <system_error>

namespace easyread::server {

Workers::~Workers() { shutdown(); }

void Workers::enqueue(std::function<void()> job) {
  {
    const std::lock_guard hold(mutex_);
    jobs_.push_back(std::move(job));
    if (idle_ < jobs_.size() && threads_.size() < most_) {
      try {
        threads_.emplace_back([this] { work(); });
      } catch (const std::system_error&) {
        // No more threads now: the job waits for a worker that has one.
        if (threads_.empty()) throw;
      }
    }
  }
  ready_.notify_one();
}

void Workers::shutdown() {
  {
    const std::lock_guard hold(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& thread : threads_)
    if (thread.joinable()) thread.join();
}

void Workers::work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock hold(mutex_);
      ++idle_;
      ready_.wait(hold, [this] { return !jobs_.empty() || stopping_; });
      --idle_;
      if (jobs_.empty()) return;  // stopping, and nothing left to do
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

}  // namespace easyread::server
