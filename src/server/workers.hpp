// The server's workers. cpp-httplib reads all of a connection's requests on
// one worker, so each open connection holds a worker for as long as it stays
// open: a fixed few could all be held by clients that are idle or send slowly,
// and everyone else would wait. This pool starts another worker whenever a
// connection comes and none is free, up to a limit. After a busy spell, a
// worker that has had nothing to do for a while ends, down to a few kept
// ready, so that a burst of connections does not hold its threads for ever.
// Only src/server uses it.
#pragma once
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace easyread::server {

class Workers : public httplib::TaskQueue {
 public:
  // At most `most` workers; one idle for `idle_limit` ends while more than
  // `kept` are running.
  Workers(std::size_t most, std::size_t kept, std::chrono::milliseconds idle_limit)
      : most_(most), kept_(kept), idle_limit_(idle_limit) {}
  ~Workers() override;
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;

  void enqueue(std::function<void()> job) override;
  // Lets every waiting job run, then ends the workers.
  void shutdown() override;
  // How many workers are running now.
  std::size_t size();

 private:
  void work();
  // Moves the calling worker's thread to `ended_`, to be joined later.
  void end_this_worker();

  const std::size_t most_, kept_;
  const std::chrono::milliseconds idle_limit_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  std::vector<std::thread> ended_;  // workers that ended while idle, not yet joined
  std::size_t idle_ = 0;  // workers waiting for a job
  bool stopping_ = false;
};

}  // namespace easyread::server
