// easyread new: writes a starter file to fill in, so nobody starts from nothing.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "base/date.hpp"

#include "cli/commands.hpp"
#include "cli/files.hpp"

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

int run_new(const Args& args) {
  const std::string starters = data_home() + "/templates/starters";
  if (args.size() != 2 || args[0] == "--help" || args[0] == "-h") {
    std::cout << "easyread new writes notes for you to fill in.\n\n"
                 "How to use it:\n"
                 "  easyread new minutes my-meeting.xml     Notes for a meeting.\n"
                 "  easyread new newsletter my-news.xml     A newsletter.\n";
    return args.size() == 1 && (args[0] == "--help" || args[0] == "-h") ? 0 : 2;
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
