// Long-lived worker processes for `easyread build a.xml b.xml ...`. Each is
// forked once, after the engine is loaded, and makes job after job: the
// fonts, templates, pictures and word lists it loads stay in its caches for
// the next job. The parent hands out job numbers over a socket per worker
// and reads each job's lines back the same way.
#include "cli/batch_runner.hpp"

#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <iostream>
#include <optional>
#include <vector>

namespace easyread::cli {
namespace {

// Sends all of `bytes`; false if the other side has gone. MSG_NOSIGNAL: a
// worker that has stopped must not stop the parent with SIGPIPE.
bool send_all(int fd, const void* data, std::size_t size) {
  const char* bytes = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::send(fd, bytes, size, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes += n;
    size -= std::size_t(n);
  }
  return true;
}

// Reads exactly `size` bytes; false at the end of the stream or on an error.
bool read_all(int fd, void* data, std::size_t size) {
  char* bytes = static_cast<char*>(data);
  while (size > 0) {
    const ssize_t n = ::read(fd, bytes, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes += n;
    size -= std::size_t(n);
  }
  return true;
}

// What a worker sends back after each job, before the two texts.
struct ResultHeader {
  std::uint64_t index, failed, out_size, err_size;
};

// The worker's side: makes each job it is given until the parent closes the socket.
[[noreturn]] void work(int socket, const MakeJob& make) {
  for (std::uint64_t index = 0; read_all(socket, &index, sizeof index);) {
    const Printed printed = make(std::size_t(index));  // an exception here stops the worker, told as a crash
    const ResultHeader header{index, printed.failed ? 1u : 0u, printed.out.size(), printed.err.size()};
    if (!send_all(socket, &header, sizeof header) || !send_all(socket, printed.out.data(), printed.out.size()) ||
        !send_all(socket, printed.err.data(), printed.err.size()))
      break;
  }
  ::_exit(0);  // no destructors: they belong to the parent's objects
}

struct Worker {
  pid_t pid = -1;
  int socket = -1;                 // the parent's end
  std::optional<std::size_t> job;  // the job it is making
};

// Forks a worker; nullopt if the system cannot make one. The new worker
// closes the other workers' sockets, so that only the parent holds them and
// their end is seen when those workers stop.
std::optional<Worker> start_worker(const std::vector<Worker>& others, const MakeJob& make) {
  int ends[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) return std::nullopt;
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(ends[0]);
    ::close(ends[1]);
    return std::nullopt;
  }
  if (pid == 0) {
    // When easyread is stopped (SIGTERM to it alone, or it dies), its
    // workers stop too, removing their temporary files, instead of making
    // files nobody waits for.
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent) ::_exit(0);
    ::close(ends[0]);
    for (const Worker& w : others) ::close(w.socket);
    work(ends[1], make);
  }
  ::close(ends[1]);
  return Worker{pid, ends[0], std::nullopt};
}

// Reads the lines of a worker's finished job; nullopt if the worker stopped first.
std::optional<Printed> read_result(int socket) {
  ResultHeader header{};
  if (!read_all(socket, &header, sizeof header)) return std::nullopt;
  Printed printed;
  printed.failed = header.failed != 0;
  printed.out.resize(header.out_size);
  printed.err.resize(header.err_size);
  if (!read_all(socket, printed.out.data(), printed.out.size()) ||
      !read_all(socket, printed.err.data(), printed.err.size()))
    return std::nullopt;
  return printed;
}

// Waits for a worker that has stopped, and says how it stopped.
std::string how_it_stopped(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) return "signal " + std::to_string(WTERMSIG(status));
  return "exit code " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

// The parent's side: hands out jobs, collects the lines and prints them in order.
class Pool {
 public:
  Pool(std::size_t count, const MakeJob& make, const TellStopped& tell_stopped)
      : make_(make), tell_stopped_(tell_stopped), done_(count) {}

  int run(unsigned workers) {
    for (unsigned i = 0; i < workers; ++i)
      if (auto w = start_worker(workers_, make_)) workers_.push_back(*w);
    while (shown_ < done_.size()) {
      hand_out();
      wait_for_results();
      print_ready();
    }
    for (Worker& w : workers_) {  // the end of the socket tells each worker to stop
      ::close(w.socket);
      how_it_stopped(w.pid);
    }
    return failed_;
  }

 private:
  void hand_out() {
    std::vector<pid_t> gone;
    for (Worker& w : workers_) {
      if (w.job || next_ >= done_.size()) continue;
      const std::uint64_t index = next_;
      if (!send_all(w.socket, &index, sizeof index)) {
        gone.push_back(w.pid);  // stopped while idle: the job waits for another
        continue;
      }
      w.job = next_++;
    }
    for (pid_t pid : gone) lost(pid);
    // No worker could be made: make the jobs here, one by one.
    if (workers_.empty() && next_ < done_.size()) {
      done_[next_] = make_(next_);
      ++next_;
    }
  }

  void wait_for_results() {
    std::vector<pollfd> busy;
    for (const Worker& w : workers_)
      if (w.job) busy.push_back({w.socket, POLLIN, 0});
    if (busy.empty()) return;
    if (::poll(busy.data(), busy.size(), -1) < 0) return;  // EINTR: the loop comes back
    for (const pollfd& p : busy) {
      if (p.revents == 0) continue;
      auto w = std::find_if(workers_.begin(), workers_.end(), [&](const Worker& k) { return k.socket == p.fd; });
      if (auto printed = read_result(w->socket)) {
        done_[*w->job] = std::move(*printed);
        w->job.reset();
      } else {
        lost(w->pid);
      }
    }
  }

  // A worker stopped: the job it was making failed, a new worker takes its place.
  void lost(pid_t pid) {
    const auto w = std::find_if(workers_.begin(), workers_.end(), [&](const Worker& k) { return k.pid == pid; });
    ::close(w->socket);
    const std::string how = how_it_stopped(pid);
    if (w->job) done_[*w->job] = Printed{"", tell_stopped_(*w->job, how), true};
    workers_.erase(w);
    if (next_ < done_.size())
      if (auto replacement = start_worker(workers_, make_)) workers_.push_back(*replacement);
  }

  void print_ready() {
    for (; shown_ < done_.size() && done_[shown_]; ++shown_) {
      std::cerr << done_[shown_]->err << std::flush;
      std::cout << done_[shown_]->out << std::flush;
      failed_ += done_[shown_]->failed;
    }
  }

  const MakeJob& make_;
  const TellStopped& tell_stopped_;
  std::vector<std::optional<Printed>> done_;
  std::vector<Worker> workers_;
  std::size_t next_ = 0, shown_ = 0;
  int failed_ = 0;
};

}  // namespace

int run_in_workers(std::size_t count, unsigned workers, const MakeJob& make, const TellStopped& tell_stopped) {
  std::cout.flush();  // a worker must not print what the parent had buffered
  std::cerr.flush();
  // One file is made here: there is no other file to keep going.
  const unsigned processes = count > 1 ? unsigned(std::min<std::size_t>(std::max(1u, workers), count)) : 0;
  return Pool(count, make, tell_stopped).run(processes);
}

}  // namespace easyread::cli
