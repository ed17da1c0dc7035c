#include "server/workers.hpp"

#include <algorithm>
#include <system_error>

namespace easyread::server {

Workers::~Workers() { shutdown(); }

void Workers::enqueue(std::function<void()> job) {
  {
    const std::lock_guard hold(mutex_);
    // Ended workers have let go of the lock, so joining them is quick.
    for (std::thread& thread : ended_) thread.join();
    ended_.clear();
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
  // Once stopping_ is set no worker ends on its own, so threads_ stays as it is.
  for (std::thread& thread : threads_)
    if (thread.joinable()) thread.join();
  for (std::thread& thread : ended_)
    if (thread.joinable()) thread.join();
}

std::size_t Workers::size() {
  const std::lock_guard hold(mutex_);
  return threads_.size();
}

void Workers::end_this_worker() {
  const auto self = std::find_if(threads_.begin(), threads_.end(),
                                 [](const std::thread& t) { return t.get_id() == std::this_thread::get_id(); });
  if (self == threads_.end()) return;
  ended_.push_back(std::move(*self));
  threads_.erase(self);
}

void Workers::work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock hold(mutex_);
      ++idle_;
      const bool woken = ready_.wait_for(hold, idle_limit_, [this] { return !jobs_.empty() || stopping_; });
      --idle_;
      if (!woken) {
        if (threads_.size() <= kept_) continue;
        end_this_worker();
        return;
      }
      if (jobs_.empty()) return;  // stopping, and nothing left to do
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

}  // namespace easyread::server
