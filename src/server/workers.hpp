// The server's workers. cpp-httplib reads all of a connection's requests on
// one worker, so each open connection holds a worker for as long as it stays
// open: a fixed few could all be held by clients that are idle or send slowly,
// and everyone else would wait. This pool starts another worker whenever a
// connection comes and none is free, up to a limit. Only src/server uses it.
#pragma once
#include <httplib.h>

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
  explicit Workers(std::size_t most) : most_(most) {}
  ~Workers() override;
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;

  void enqueue(std::function<void()> job) override;
  // Lets every waiting job run, then ends the workers.
  void shutdown() override;

 private:
  void work();

  const std::size_t most_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;  // workers waiting for a job
  bool stopping_ = false;
};

}  // namespace easyread::server
