// The word lists kept between runs (src/check/lexicon_cache.hpp): a checker
// that reads them back finds exactly what one that read the lists finds, and
// a changed, broken or unwanted file is never used.
#include <catch2/catch.hpp>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "check/check.hpp"
#include "check/lexicon_cache.hpp"
#include "check/rules.hpp"

using namespace easyread;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = EASYREAD_SOURCE_DIR;

// An environment variable set for one test, then put back.
class EnvironmentVariable {
 public:
  EnvironmentVariable(const char* name, const std::optional<std::string>& value) : name_(name) {
    if (const char* before = std::getenv(name)) before_ = before;
    if (value) ::setenv(name, value->c_str(), 1);
    else ::unsetenv(name);
  }
  ~EnvironmentVariable() {
    if (before_) ::setenv(name_, before_->c_str(), 1);
    else ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> before_;
};

// A cache folder of the test's own, and a copy of the project's lists to change.
struct Folders {
  fs::path root = fs::temp_directory_path() / ("easyread-cache-test-" + std::to_string(::getpid()));
  fs::path home = root / "home";
  EnvironmentVariable cache_home{"XDG_CACHE_HOME", (root / "cache").string()};
  EnvironmentVariable off{"EASYREAD_CACHE", std::nullopt};
  Folders() {
    fs::remove_all(root);
    fs::create_directories(home);
    fs::copy(kSource / "wordlists", home / "wordlists");
  }
  ~Folders() { fs::remove_all(root); }
  std::vector<fs::path> kept() const {
    std::vector<fs::path> files;
    std::error_code error;
    for (const auto& item : fs::directory_iterator(root / "cache" / "easyread", error)) files.push_back(item.path());
    return files;
  }
  void append(const std::string& list, const std::string& line) const {
    std::ofstream(home / "wordlists" / list, std::ios::app) << line << "\n";
  }
};

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every finding on the checker's own test documents and some sentences, one a line.
std::string findings(const check::Checker& checker) {
  std::vector<std::string> texts = {
      "The commissioners will review the care pathway in Q3. It was decided by the board.",
      "We met on 12/03/2027 at 2pm. Mon and Tue are busy. The service users were consulted.",
      "Twenty-five people came, which was more than last time, because the bus was free.",
      "Please contact your GP surgery regarding the safeguarding referral and the KPIs.",
  };
  for (const auto& item : fs::directory_iterator(kSource / "tests" / "data" / "check-set"))
    if (item.path().extension() == ".txt") texts.push_back(read_all(item.path()));
  std::string out;
  for (const std::string& text : texts) {
    const check::Report report = checker.check_text(text, "t.txt");
    for (const Diagnostic& d : report.diagnostics.items())
      out += d.rule + " " + std::to_string(d.span.line) + ":" + std::to_string(d.span.column) + " " + d.message +
             " | " + d.suggestion + "\n";
  }
  return out;
}

bool cache_loads(const fs::path& home) {
  check::detail::Lexicons lists;
  return check::detail::LexiconCache(home.string(), {}).load(lists);
}

}  // namespace

TEST_CASE("word lists kept between runs give the same findings as lists read afresh", "[check][cache]") {
  Folders folders;
  Diagnostics errors;
  const check::Checker first(folders.home.string(), {}, errors);  // reads the lists and keeps them
  REQUIRE(errors.items().empty());
  REQUIRE(folders.kept().size() == 1);
  CHECK(cache_loads(folders.home));
  const check::Checker second(folders.home.string(), {}, errors);  // reads the kept file
  std::string afresh;
  {
    EnvironmentVariable off("EASYREAD_CACHE", "off");
    CHECK_FALSE(cache_loads(folders.home));
    afresh = findings(check::Checker(folders.home.string(), {}, errors));
  }
  CHECK(errors.items().empty());
  CHECK(afresh.size() > 1000);
  CHECK(findings(first) == afresh);
  CHECK(findings(second) == afresh);
}

TEST_CASE("a changed word list is read again, not taken from the kept file", "[check][cache]") {
  Folders folders;
  Diagnostics errors;
  auto jargon = [](const check::Checker& checker) {
    std::vector<Diagnostic> out;
    const check::Report report = checker.check_text("The flibbertigibbet is late.", "t.txt");
    for (const Diagnostic& d : report.diagnostics.items())
      if (d.rule == "jargon") out.push_back(d);
    return out;
  };
  const check::Checker before(folders.home.string(), {}, errors);
  CHECK(jargon(before).empty());
  folders.append("jargon-office.txt", "flibbertigibbet | silly talk");
  CHECK_FALSE(cache_loads(folders.home));
  const check::Checker after(folders.home.string(), {}, errors);
  const auto found = jargon(after);
  REQUIRE(found.size() == 1);
  CHECK(found[0].suggestion.find("silly talk") != std::string::npos);
  CHECK(cache_loads(folders.home));  // kept again, for the changed lists
  CHECK(folders.kept().size() == 1);
}

TEST_CASE("a kept file that is cut short or changed is not used", "[check][cache]") {
  Folders folders;
  Diagnostics errors;
  const std::string afresh = findings(check::Checker(folders.home.string(), {}, errors));
  REQUIRE(folders.kept().size() == 1);
  const fs::path kept = folders.kept().front();
  const std::string whole = read_all(kept);
  std::string changed = whole;
  changed[changed.size() / 2] ^= 0x20;
  for (const std::string& broken : {whole.substr(0, whole.size() / 2), changed, std::string()}) {
    std::ofstream(kept, std::ios::binary | std::ios::trunc) << broken;
    CHECK_FALSE(cache_loads(folders.home));
    CHECK(findings(check::Checker(folders.home.string(), {}, errors)) == afresh);  // and keeps a good file again
    CHECK(cache_loads(folders.home));
  }
  CHECK(errors.items().empty());
}

TEST_CASE("lists with a problem are never kept, so the problem is told every time", "[check][cache]") {
  Folders folders;
  folders.append("jargon-office.txt", "a line without a plain choice");
  for (int run = 0; run < 2; ++run) {
    Diagnostics errors;
    const check::Checker checker(folders.home.string(), {}, errors);
    CHECK(errors.items().size() == 1);
  }
  CHECK(folders.kept().empty());
}

TEST_CASE("EASYREAD_CACHE=off keeps no file", "[check][cache]") {
  Folders folders;
  EnvironmentVariable off("EASYREAD_CACHE", "off");
  Diagnostics errors;
  const check::Checker checker(folders.home.string(), {}, errors);
  CHECK(errors.items().empty());
  CHECK(folders.kept().empty());
}
