// easyread new: writes a starter file to fill in, so nobody starts from nothing.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "base/date.hpp"

#include "base/files.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"

namespace easyread::cli {
namespace fs = std::filesystem;
namespace {

// The starter's dates moved so that the notes are dated today, with the
// action and the next meeting as far after today as the starter has them.
std::string dated_today(std::string text) {
  std::optional<Date> starter_day;
  const long today_days = days_from_date(today());
  for (std::size_t at = text.find("=\""); at != std::string::npos; at = text.find("=\"", at + 1)) {
    const auto date = parse_iso_date(std::string_view(text).substr(at + 2, 10));
    if (!date || text.compare(at + 12, 1, "\"") != 0) continue;
    if (!starter_day) starter_day = date;
    const Date moved = date_from_days(today_days + days_from_date(*date) - days_from_date(*starter_day));
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", moved.year, moved.month, moved.day);
    text.replace(at + 2, 10, iso);
  }
  return text;
}

}  // namespace

namespace {

constexpr std::string_view kNewIntro = R"(easyread new writes notes for you to fill in.

How to use it:
  easyread new minutes my-meeting.xml     Notes for a meeting.
  easyread new newsletter my-news.xml     A newsletter.
  easyread new --from minutes.docx my-meeting.xml
      A first draft from your own Word file, Markdown or text.
)";

constexpr std::string_view kNewOutro = R"(It never writes over a file that is already there.
)";

constexpr Option kNewOptions[] = {
    {"from", 0, "FILE",
     "Make a first draft from your own Word file,\nMarkdown file or text file. Give - for text\nyou paste in.",
     ValueKind::file},
    {"help", 'h', "", "Show this help."},
};

}  // namespace

const CommandSpec& new_spec() {
  static const CommandSpec spec{"new", kNewIntro, kNewOutro, kNewOptions, "STARTER FILE.xml"};
  return spec;
}

int run_new(const Args& all_args) {
  int exit_code = 2;
  const auto parsed = parse_command_line(new_spec(), all_args, exit_code);
  if (!parsed) return exit_code;
  const Args& args = parsed->operands();
  if (const auto from = parsed->value("from")) {
    if (args.size() != 1) {
      std::cerr << "easyread new: Please name your document and the notes file to write.\n"
                << "For example: easyread new --from minutes.docx my-meeting.xml\n";
      return 2;
    }
    return run_new_from(*from, args[0]);
  }
  const std::string starters = default_data_home() + "/templates/starters";
  if (args.size() != 2) {
    std::cerr << "easyread new: Please name a starter and the file to write.\n"
              << "For example: easyread new minutes my-meeting.xml\n";
    return 2;
  }
  const std::string starter = starters + "/" + args[0] + ".xml";
  if (!fs::exists(starter)) {
    std::cerr << "easyread new: I do not have a starter called \"" << args[0] << "\".\n"
              << "Try: easyread new minutes my-meeting.xml\n";
    return 2;
  }
  if (fs::exists(args[1])) {
    std::cerr << "easyread new: " << args[1] << " is already there. I will not write over it.\n"
              << "Choose another name.\n";
    return 1;
  }
  Diagnostics diags;
  if (!write_file_atomically(args[1], dated_today(read_text_or_empty(starter)), diags)) {
    std::cerr << "easyread new: " << diags.items().front().message << "\n" << diags.items().front().suggestion << "\n";
    return 1;
  }
  std::cout << "I wrote " << args[1] << ". Change the words in it, then run:\n"
            << "  easyread build " << args[1] << "\n";
  return 0;
}

}  // namespace easyread::cli
