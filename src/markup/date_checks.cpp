// Dates that do not add up, and starter words left in: a weekday that does
// not match its date, an action due before the meeting it came from, a next
// meeting before this one, "Write what you talked about here." Each is a
// warning: the PDF is still made, but a reader would be misled.
#include <algorithm>
#include <cctype>

#include "markup/internal.hpp"
#include "text/text.hpp"

namespace easyread::markup::detail {
namespace {

struct Word {
  std::size_t begin = 0, end = 0;
  std::string folded;
};

std::vector<Word> words_of(std::string_view s) {
  std::vector<Word> out;
  for (std::size_t i = 0; i < s.size();) {
    while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    std::size_t end = i;
    while (end < s.size() && std::isalnum(static_cast<unsigned char>(s[end]))) ++end;
    if (end == i) break;
    std::string folded;
    for (std::size_t k = i; k < end; ++k) folded += char(std::tolower(static_cast<unsigned char>(s[k])));
    out.push_back({i, end, std::move(folded)});
    i = end;
  }
  return out;
}

std::string long_date(const Date& d) { return text::format_long_date(d, "en-GB"); }

// "Monday 3 March 2027": the weekday must be the date's own. Without a year,
// the year of the notes is meant.
void check_weekdays(Context& ctx, const Document& doc, const text::LineIndex& lines, const Run& run) {
  const auto words = words_of(run.text);
  for (std::size_t i = 0; i + 2 < words.size(); ++i) {
    const int written = text::english_weekday(words[i].folded) - 1;
    if (written < 0) continue;
    const int day = text::day_of_month(words[i + 1].folded);
    const int month = text::english_month(words[i + 2].folded) - 1;
    if (day == 0 || month < 0) continue;
    const bool has_year = i + 3 < words.size() && words[i + 3].folded.size() == 4 &&
                          std::isdigit(static_cast<unsigned char>(words[i + 3].folded[0]));
    if (!has_year && !doc.date) continue;
    const int year = has_year ? std::stoi(words[i + 3].folded) : doc.date->year;
    const auto date = parse_iso_date(std::to_string(year) + "-" + (month < 9 ? "0" : "") + std::to_string(month + 1) +
                                     "-" + (day < 10 ? "0" : "") + std::to_string(day));
    if (!date || weekday(*date) == written) continue;
    const std::size_t end = words[has_year ? i + 3 : i + 2].end;
    const std::string right = long_date(*date);  // "Wednesday 3 March 2027"
    const std::size_t space = right.find(' ');
    ctx.warning(locate(doc, lines, run, words[i].begin, end), "wrong-weekday",
                "\"" + run.text.substr(words[i].begin, end - words[i].begin) + "\" is not right: " +
                    right.substr(space + 1) + " is a " + right.substr(0, space) + ".",
                "Check the date and the day. " + right + " is right for that date.");
  }
}

// "Write what you talked about here." from the starter notes.
void check_placeholder(Context& ctx, const Document& doc, const text::LineIndex& lines, const Run& run) {
  const auto words = words_of(run.text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].folded != "write" || run.text[words[i].begin] != 'W') continue;
    std::size_t end = run.text.find_first_of(".!?", words[i].end);
    if (end == std::string::npos) end = run.text.size();
    const std::string sentence = run.text.substr(words[i].begin, end - words[i].begin);
    // The starter's own shape: "Write your news here." or "Write here ...".
    const std::string folded = text::fold_white_space(sentence);
    if (!folded.ends_with(" here") && !folded.starts_with("Write here")) continue;
    ctx.warning(locate(doc, lines, run, words[i].begin, end), "starter-words",
                "\"" + folded + "\" is from the starter notes.",
                "Write your own words here instead.");
  }
}

void check_paragraph(Context& ctx, const Document& doc, const text::LineIndex& lines, const Paragraph& p) {
  for (const auto& run : p.runs) {
    check_weekdays(ctx, doc, lines, run);
    check_placeholder(ctx, doc, lines, run);
  }
}

void check_order(Context& ctx, const Document& doc, const Block& block) {
  if (!doc.date) return;
  // Dates are written out only for a warning: most blocks have none.
  auto meeting_day = [&] { return long_date(*doc.date); };
  if (const auto* action = std::get_if<Action>(&block); action && action->by && *action->by < *doc.date)
    ctx.warning(action->span, "date-order",
                "This action is due on " + long_date(*action->by) + ", before the meeting on " +
                    meeting_day() + ".",
                "Check the date in by=\"...\" and the date of the notes.");
  if (const auto* meeting = std::get_if<Meeting>(&block); meeting && meeting->date && *meeting->date < *doc.date)
    ctx.warning(meeting->span, "date-order",
                "This meeting is on " + long_date(*meeting->date) + ", before this meeting on " +
                    meeting_day() + ".",
                "Check the date of the next meeting and the date of the notes.");
}

}  // namespace

void check_dates_and_starter_words(Context& ctx, const Document& doc) {
  const text::LineIndex& lines = ctx.lines;
  if (doc.cover) check_paragraph(ctx, doc, lines, doc.cover->text);
  for (const auto& section : doc.sections)
    for (const auto& block : section.blocks) {
      std::visit([&](const auto& b) { check_paragraph(ctx, doc, lines, b.text); }, block);
      if (const auto* point = std::get_if<Point>(&block))
        for (const auto& item : point->list) check_paragraph(ctx, doc, lines, item);
      check_order(ctx, doc, block);
    }
}

}  // namespace easyread::markup::detail
