// easyread serve: sets up the HTTP server (Debian's cpp-httplib), its limits
// and headers, and stops cleanly on SIGTERM or Ctrl+C.
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <ostream>
#include <thread>

#include "server/service.hpp"
#include "server/workers.hpp"

namespace easyread::server {
namespace {

namespace fs = std::filesystem;

// Each open connection holds a worker; more start as connections come, up to
// this many. Builds are limited apart (--builds), so the number only bounds
// how many slow or idle clients the server can wait for at once.
constexpr std::size_t kMostWorkers = 256;
// After a busy spell, workers with nothing to do for this long end, down to
// this many kept ready.
constexpr std::size_t kKeptWorkers = 8;
constexpr std::chrono::seconds kWorkerIdleLimit{30};
constexpr time_t kKeepAliveSeconds = 2;  // idle connections let go of their worker soon
constexpr time_t kReadSeconds = 5;       // a request that stops sending is dropped
// Connections the system may hold before the server takes them in. cpp-httplib
// asks for 5, and silent connections (see listening_options) wait there too,
// so a few of them made everyone else's connection wait seconds.
constexpr int kWaitingConnections = 1024;

// The listening socket's options: the address may be used again at once
// after a restart, and a connection that sends nothing is not handed to a
// worker at all until its first bytes come (Linux waits about kReadSeconds,
// then hands it over, and the read timeout lets it go).
void listening_options(int socket) {
  const int yes = 1;
  setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  const int wait_seconds = kReadSeconds;
  setsockopt(socket, IPPROTO_TCP, TCP_DEFER_ACCEPT, &wait_seconds, sizeof wait_seconds);
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

std::string url_host(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

// The choices every check uses: the organisation's word list and settings.
CheckOptions check_defaults(const ServerOptions& options) {
  CheckOptions o;
  o.settings_beside = false;  // there is no "beside": texts come as bytes
  o.settings_file = options.settings_file;
  if (!options.words_file.empty()) o.settings.emplace_back("words", options.words_file);
  return o;
}

// Refuses, before the body is read, what could make it grow past the limit:
// chunked bodies (no length known first) and packed (gzip) bodies.
httplib::Server::HandlerResponse before_reading(const ServerOptions& options, const httplib::Request& req,
                                                httplib::Response& res) {
  using R = httplib::Server::HandlerResponse;
  if (req.has_header("Transfer-Encoding")) {
    send_error(res, 411, "Please send the length of what you send first. Sending it in pieces does not work here.");
    return R::Handled;
  }
  const std::string packing = req.get_header_value("Content-Encoding");
  if (!packing.empty() && packing != "identity") {
    send_error(res, 415, "Please send what you send as it is. Do not pack it, for example with gzip.");
    return R::Handled;
  }
  const std::string length = req.get_header_value("Content-Length");
  if (length.find_first_not_of("0123456789") != std::string::npos) {
    send_error(res, 400, "The length of what you sent is not a number. Please send it again.");
    return R::Handled;
  }
  if (!length.empty() && (length.size() > 12 || std::stoull(length) > options.max_body)) {
    send_error(res, 413, "This is too big. Please send less than 20 megabytes at a time.");
    return R::Handled;
  }
  return R::Unhandled;
}

void set_up(httplib::Server& http, Service& service) {
  const ServerOptions& options = service.options;
  http.new_task_queue = [] { return new Workers(kMostWorkers, kKeptWorkers, kWorkerIdleLimit); };
  http.set_tcp_nodelay(true);
  http.set_keep_alive_timeout(kKeepAliveSeconds);
  http.set_keep_alive_max_count(100);
  http.set_read_timeout(kReadSeconds, 0);
  http.set_write_timeout(kReadSeconds * 2, 0);
  http.set_payload_max_length(options.max_body);
  // Every answer: these. set_header adds (never replaces), so the page's own
  // policy is added after routing only when the route set none.
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"Referrer-Policy", "no-referrer"},
                            {"Cross-Origin-Resource-Policy", "same-origin"},
                            {"Cross-Origin-Opener-Policy", "same-origin"},
                            {"Cache-Control", "no-store"}});
  http.set_pre_routing_handler(
      [&options](const httplib::Request& req, httplib::Response& res) { return before_reading(options, req, res); });
  http.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.has_header("Content-Security-Policy")) res.set_header("Content-Security-Policy", kAppPolicy);
  });
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
    using R = httplib::Server::HandlerResponse;
    if (!res.body.empty()) return R::Unhandled;
    if (req.path.starts_with("/api/")) {
      send_error(res, res.status, res.status == 413 ? "This is too big. Please send less than 20 megabytes at a time."
                                  : res.status == 404 ? "There is nothing here. Check the address."
                                                      : "I could not read what you sent. Please check it and send it again.");
    } else if (res.status == 404) {
      send_problem_page(res, 404, "I cannot find this page", "Check the address, or go to the home page.");
    } else {
      send_problem_page(res, res.status, "Something went wrong", "Please go back and try again.");
    }
    return R::Handled;
  }));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    send_error(res, 500, "Something went wrong inside easyread. Please try again.");
  });
  http.Get("/healthz", [](const httplib::Request&, httplib::Response& res) { res.set_content("ok", "text/plain"); });
  add_page_routes(http, service);
  add_check_routes(http, service);
  add_build_routes(http, service);
  add_symbol_routes(http, service);
}

// Problems with the command line's files, in plain words; empty when all is well.
std::string option_problem(const ServerOptions& options, const Engine& engine) {
  for (const Diagnostic& d : engine.load_problems())
    if (d.severity == Severity::error) return d.message + " " + d.suggestion;
  std::error_code ec;
  if (!options.words_file.empty() && !fs::is_regular_file(options.words_file, ec))
    return "The word list \"" + options.words_file + "\" is not there. Check the file name.";
  if (!options.settings_file.empty() && !fs::is_regular_file(options.settings_file, ec))
    return "The settings file \"" + options.settings_file + "\" is not there. Check the file name.";
  return {};
}

// Waits for SIGTERM or SIGINT (blocked in every thread, so they come here),
// then stops taking work. If running answers do not finish by the deadline,
// the program ends anyway.
void wait_for_stop(httplib::Server& http, const sigset_t& stop_signals, const std::atomic<bool>& finished,
                   std::chrono::seconds stop_time) {
  const timespec tick{0, 200'000'000};
  while (!finished.load()) {
    if (sigtimedwait(&stop_signals, nullptr, &tick) < 0) continue;
    http.stop();
    const auto deadline = std::chrono::steady_clock::now() + stop_time;
    while (!finished.load() && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!finished.load()) _exit(0);
    return;
  }
}

}  // namespace

int serve(const ServerOptions& options, std::ostream& out, std::ostream& err) {
  EngineOptions engine_options;
  engine_options.data_home = options.data_home;
  engine_options.picture_folders = options.picture_folders;
  const Engine engine = Engine::load(engine_options);
  if (const std::string problem = option_problem(options, engine); !problem.empty()) {
    err << "easyread serve: " << problem << "\n";
    return 1;
  }
  Service service{engine, options, check_defaults(options), (fs::path(engine.data_home()) / "web").string()};
  service.max_builds = options.max_builds > 0 ? options.max_builds
                                              : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);  // before any thread starts

  httplib::Server http;
  set_up(http, service);
  int listening = -1;
  http.set_socket_options([&listening](int socket) {
    listening_options(socket);
    listening = socket;
  });
  const int port = options.port == 0 ? http.bind_to_any_port(options.host)
                                     : (http.bind_to_port(options.host, options.port) ? options.port : -1);
  if (port >= 0 && listening >= 0) ::listen(listening, kWaitingConnections);  // listening already: a longer queue
  if (port < 0) {
    err << "easyread serve: I could not use port " << options.port << " on " << options.host << ".\n"
        << "Another program may use it. Choose another port with --port.\n";
    return 1;
  }
  if (!is_loopback(options.host))
    err << "easyread serve: Warning: other computers can open this page too, not only this one.\n"
        << "Only do this on a network you trust.\n";
  out << "Open http://" << url_host(options.host) << ":" << port << " in your web browser." << std::endl;
  std::atomic<bool> finished{false};
  std::thread stopper([&] { wait_for_stop(http, stop_signals, finished, options.stop_time); });
  http.listen_after_bind();
  finished = true;
  stopper.join();
  return 0;
}

}  // namespace easyread::server
