// Stopping easyread while it makes many files: its workers stop with it.
#include <catch2/catch.hpp>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "hostile_files.hpp"
#include "pdf_probe.hpp"

using namespace e2e;
namespace fs = std::filesystem;

namespace {

// The processes `pid` has started (its workers).
std::vector<pid_t> children_of(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/task/" + std::to_string(pid) + "/children");
  std::vector<pid_t> children;
  for (pid_t child; in >> child;) children.push_back(child);
  return children;
}

bool running(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with("State:")) return line.find("Z (zombie)") == std::string::npos;
  return false;
}

}  // namespace

TEST_CASE("SIGTERM to easyread while it makes many files stops its workers, and they leave nothing", "[hostile]") {
  TempDir dir;
  const std::string section = "<section title=\"Part\">\n" +
                              repeat("<point picture=\"none\">We met at the hall. It was a good day.</point>\n", 5000) +
                              "</section>\n";
  auto notes = [](const std::string& sections) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<easyread title=\"Test\" lang=\"en-GB\">\n" + sections +
           "</easyread>\n";
  };
  // b.xml and c.xml take several times as long as a.xml, so that b.pdf is far
  // from made when easyread is stopped, even on a fast machine.
  write_file(dir / "a.xml", notes(section));
  for (const char* name : {"b.xml", "c.xml"}) write_file(dir / name, notes(repeat(section, 6)));
  fs::create_directory(dir / "out");
  int out[2];
  REQUIRE(::pipe(out) == 0);
  const pid_t easyread = ::fork();
  REQUIRE(easyread >= 0);
  if (easyread == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    if (::chdir(dir.path().c_str()) != 0) ::_exit(127);
    ::execl(EASYREAD_BINARY, EASYREAD_BINARY, "build", "--no-check", "-j", "1", "a.xml", "b.xml", "c.xml", "-o", "out/",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  // When a.pdf is made, the one worker goes on to b.xml: stop easyread then.
  std::string said;
  char buffer[512];
  for (pollfd ready{out[0], POLLIN, 0}; said.find("a.xml ->") == std::string::npos;) {
    if (::poll(&ready, 1, 120000) <= 0) break;
    const ssize_t n = ::read(out[0], buffer, sizeof buffer);
    if (n <= 0) break;
    said.append(buffer, std::size_t(n));
  }
  ::close(out[0]);
  INFO(said);
  REQUIRE(said.find("a.xml ->") != std::string::npos);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // b.xml is handed out and begun
  const std::vector<pid_t> workers = children_of(easyread);
  ::kill(easyread, SIGTERM);
  int status = 0;
  ::waitpid(easyread, &status, 0);
  CHECK(WIFSIGNALED(status));
  // Before, the worker went on and made b.pdf after easyread had stopped.
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::any_of(workers.begin(), workers.end(), running) && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK_FALSE(std::any_of(workers.begin(), workers.end(), running));
  CHECK(list_dir(dir / "out") == std::vector<std::string>{"a.pdf"});
}
