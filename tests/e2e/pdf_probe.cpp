// Running programs, temporary folders, and reading words, fonts and document
// information back from a PDF with poppler and qpdf.
#include "pdf_probe.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace e2e {
namespace fs = std::filesystem;

namespace {

// Both ends of a pipe, closed when it goes away.
class Pipe {
 public:
  Pipe() {
    if (::pipe2(ends_.data(), O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  int read_end() const { return ends_[0]; }
  int write_end() const { return ends_[1]; }
  void close_read() { close_end(0); }
  void close_write() { close_end(1); }

 private:
  void close_end(int i) {
    if (ends_[static_cast<std::size_t>(i)] >= 0) ::close(ends_[static_cast<std::size_t>(i)]);
    ends_[static_cast<std::size_t>(i)] = -1;
  }
  std::array<int, 2> ends_{-1, -1};
};

class SpawnActions {
 public:
  SpawnActions() { posix_spawn_file_actions_init(&actions_); }
  ~SpawnActions() { posix_spawn_file_actions_destroy(&actions_); }
  SpawnActions(const SpawnActions&) = delete;
  SpawnActions& operator=(const SpawnActions&) = delete;
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_;
};

// Reads both pipes until the program closes them, so neither can fill up and block it.
void drain(Pipe& out_pipe, Pipe& err_pipe, std::string& out, std::string& err) {
  std::array<pollfd, 2> fds{pollfd{out_pipe.read_end(), POLLIN, 0},
                            pollfd{err_pipe.read_end(), POLLIN, 0}};
  std::array<std::string*, 2> sinks{&out, &err};
  int open_count = 2;
  std::array<char, 65536> buffer{};
  while (open_count > 0) {
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("poll failed");
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = ::read(fds[i].fd, buffer.data(), buffer.size());
      if (n > 0) {
        sinks[i]->append(buffer.data(), static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        fds[i].fd = -1;
        --open_count;
      }
    }
  }
}

}  // namespace

CommandResult run_command(const std::vector<std::string>& arguments, const fs::path& working_dir) {
  CommandResult result;
  Pipe out_pipe, err_pipe;
  SpawnActions actions;
  posix_spawn_file_actions_addopen(actions.get(), 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(actions.get(), out_pipe.write_end(), 1);
  posix_spawn_file_actions_adddup2(actions.get(), err_pipe.write_end(), 2);
  if (!working_dir.empty()) posix_spawn_file_actions_addchdir_np(actions.get(), working_dir.c_str());
  std::vector<char*> argv;
  for (const auto& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  int status = posix_spawnp(&pid, argv[0], actions.get(), nullptr, argv.data(), environ);
  out_pipe.close_write();
  err_pipe.close_write();
  if (status != 0) {
    result.err = "could not start " + arguments.at(0);
    return result;
  }
  drain(out_pipe, err_pipe, result.out, result.err);
  int wait_status = 0;
  while (::waitpid(pid, &wait_status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(wait_status)) result.exit_code = WEXITSTATUS(wait_status);
  return result;
}

CommandResult run_easyread(const std::vector<std::string>& arguments, const fs::path& working_dir) {
  std::vector<std::string> all{EASYREAD_BINARY};
  all.insert(all.end(), arguments.begin(), arguments.end());
  return run_command(all, working_dir);
}

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "easyread-e2e-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot make a temporary folder");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::vector<std::string> list_dir(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path source_dir() { return EASYREAD_SOURCE_DIR; }

// ---- Words -------------------------------------------------------------------

TextLayout read_words(const fs::path& pdf) {
  CommandResult r = run_command({"pdftotext", "-bbox-layout", pdf.string(), "-"});
  if (r.exit_code != 0) throw std::runtime_error("pdftotext failed on " + pdf.string() + ": " + r.err);
  TextLayout layout;
  layout.warnings = r.err;
  pugi::xml_document xml;
  if (!xml.load_buffer(r.out.data(), r.out.size()))
    throw std::runtime_error("pdftotext gave XHTML that cannot be read");
  int page_number = 0, line_number = 0;
  for (auto page : xml.select_nodes("//page")) {
    ++page_number;
    layout.pages.push_back({page.node().attribute("width").as_double(),
                            page.node().attribute("height").as_double()});
    std::vector<Word> on_page;
    for (auto line : page.node().select_nodes(".//line")) {
      ++line_number;
      for (auto w : line.node().children("word")) {
        Word word;
        word.page = page_number;
        word.line = line_number;
        word.box = {w.attribute("xMin").as_double(), w.attribute("yMin").as_double(),
                    w.attribute("xMax").as_double(), w.attribute("yMax").as_double()};
        word.text = w.child_value();
        on_page.push_back(std::move(word));
      }
    }
    // Reading order of a one-column page: rows top to bottom, each row left to right.
    std::stable_sort(on_page.begin(), on_page.end(),
                     [](const Word& a, const Word& b) { return a.box.y_min < b.box.y_min; });
    for (std::size_t row = 0; row < on_page.size();) {
      std::size_t end = row + 1;
      while (end < on_page.size() && same_line(on_page[row], on_page[end])) ++end;
      std::stable_sort(on_page.begin() + static_cast<std::ptrdiff_t>(row),
                       on_page.begin() + static_cast<std::ptrdiff_t>(end),
                       [](const Word& a, const Word& b) { return a.box.x_min < b.box.x_min; });
      row = end;
    }
    layout.words.insert(layout.words.end(), on_page.begin(), on_page.end());
  }
  return layout;
}

bool same_line(const Word& a, const Word& b) {
  if (a.page != b.page) return false;
  double overlap = std::min(a.box.y_max, b.box.y_max) - std::max(a.box.y_min, b.box.y_min);
  return overlap > 0.5 * std::min(a.box.height(), b.box.height());
}

// ---- Fonts and information ----------------------------------------------------

std::vector<FontInfo> read_fonts(const fs::path& pdf) {
  CommandResult r = run_command({"pdffonts", pdf.string()});
  if (r.exit_code != 0) throw std::runtime_error("pdffonts failed: " + r.err);
  std::vector<FontInfo> fonts;
  std::istringstream lines(r.out);
  std::string line;
  int line_number = 0;
  while (std::getline(lines, line)) {
    if (++line_number <= 2 || line.empty()) continue;  // the header and its rule
    std::vector<std::string> fields;
    std::istringstream words(line);
    for (std::string f; words >> f;) fields.push_back(f);
    if (fields.size() < 6) continue;
    // The last five columns are: emb sub uni object-number generation.
    std::size_t n = fields.size();
    fonts.push_back({fields[0], fields[n - 5] == "yes", fields[n - 4] == "yes", fields[n - 3] == "yes"});
  }
  return fonts;
}

std::map<std::string, std::string> read_info(const fs::path& pdf) {
  CommandResult r = run_command({"pdfinfo", pdf.string()});
  if (r.exit_code != 0) throw std::runtime_error("pdfinfo failed: " + r.err);
  std::map<std::string, std::string> info;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    auto value = line.find_first_not_of(' ', colon + 1);
    info[line.substr(0, colon)] = value == std::string::npos ? "" : line.substr(value);
  }
  return info;
}

std::string read_catalog(const fs::path& pdf) {
  CommandResult trailer = run_command({"qpdf", "--show-object=trailer", pdf.string()});
  auto root = trailer.out.find("/Root ");
  if (trailer.exit_code != 0 || root == std::string::npos) return {};
  std::istringstream ref(trailer.out.substr(root + 6));
  std::string number;
  ref >> number;
  return run_command({"qpdf", "--show-object=" + number, pdf.string()}).out;
}

std::optional<std::string> read_xmp_language(const fs::path& pdf) {
  CommandResult r = run_command({"pdfinfo", "-meta", pdf.string()});
  pugi::xml_document xml;
  if (r.exit_code != 0 || !xml.load_buffer(r.out.data(), r.out.size())) return std::nullopt;
  auto item = xml.select_node("//*[local-name()='language']//*[local-name()='li']");
  if (!item) return std::nullopt;
  return std::string(item.node().child_value());
}

}  // namespace e2e
