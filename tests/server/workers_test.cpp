// The server's pool of workers: it grows as connections come and, after a
// busy spell, lets the workers that have nothing to do end.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "server/workers.hpp"

using easyread::server::Workers;
using namespace std::chrono_literals;

namespace {

// Waits up to 10 s for `ready` to hold (a bound, not a speed figure).
template <typename Test>
bool wait_until(Test ready) {
  const auto give_up = std::chrono::steady_clock::now() + 10s;
  while (!ready()) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

// Jobs that wait until let go, as connections that stay open do.
struct Gate {
  std::mutex mutex;
  std::condition_variable opened;
  bool open = false;
  std::atomic<int> done = 0;

  void pass() {
    std::unique_lock hold(mutex);
    opened.wait(hold, [this] { return open; });
    ++done;
  }
  void let_go() {
    {
      const std::lock_guard hold(mutex);
      open = true;
    }
    opened.notify_all();
  }
};

}  // namespace

TEST_CASE("The pool starts a worker for each job that finds none free, up to its limit") {
  Workers workers(4, 1, 10s);
  Gate gate;
  for (int i = 0; i < 6; ++i) workers.enqueue([&] { gate.pass(); });
  CHECK(workers.size() == 4);
  gate.let_go();
  REQUIRE(wait_until([&] { return gate.done == 6; }));  // the last two waited for a worker
  workers.shutdown();
}

TEST_CASE("After a busy spell, idle workers end down to the number kept, and the pool still works") {
  Workers workers(16, 2, 50ms);
  Gate gate;
  for (int i = 0; i < 10; ++i) workers.enqueue([&] { gate.pass(); });
  REQUIRE(workers.size() == 10);
  gate.let_go();
  REQUIRE(wait_until([&] { return gate.done == 10; }));
  REQUIRE(wait_until([&] { return workers.size() == 2; }));
  // Still 2 a while later: the ones kept do not end.
  std::this_thread::sleep_for(200ms);
  CHECK(workers.size() == 2);

  std::atomic<int> ran = 0;
  for (int i = 0; i < 3; ++i) workers.enqueue([&] { ++ran; });
  REQUIRE(wait_until([&] { return ran == 3; }));
  workers.shutdown();
  CHECK(ran == 3);
}

TEST_CASE("Stopping the pool lets every waiting job run first") {
  Workers workers(1, 1, 10s);
  std::atomic<int> ran = 0;
  for (int i = 0; i < 20; ++i) workers.enqueue([&] { ++ran; });
  workers.shutdown();
  CHECK(ran == 20);
}
