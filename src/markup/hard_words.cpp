// Every word marked <hard> must be explained in the word list.
#include <algorithm>
#include <variant>

#include "base/overloaded.hpp"
#include "markup/internal.hpp"

namespace easyread::markup::detail {
namespace {

constexpr std::string_view rule_id = "hard-word-not-explained";

std::string normalise(std::string_view word) {
  return text::fold_case(text::fold_white_space(trim(word)));
}

// The word itself and the singulars it may be the plural of
// ("meetings" -> "meeting", "buses" -> "bus", "bodies" -> "body").
std::vector<std::string> forms(const std::string& word) {
  std::vector<std::string> result{word};
  if (word.ends_with("s") && word.size() > 1) result.push_back(word.substr(0, word.size() - 1));
  if (word.ends_with("es") && word.size() > 2) result.push_back(word.substr(0, word.size() - 2));
  if (word.ends_with("ies") && word.size() > 3)
    result.push_back(word.substr(0, word.size() - 3) + "y");
  return result;
}

class HardWordChecker {
 public:
  HardWordChecker(Context& ctx, const Document& doc) : ctx_(ctx), doc_(doc), finder_(doc.words) {}

  void check(const Paragraph& paragraph, const std::vector<std::string>& ignore = {}) {
    if (std::find(ignore.begin(), ignore.end(), rule_id) != ignore.end()) return;
    for (const Run& run : paragraph.runs) {
      if (run.style != Run::Style::hard || is_blank(run.text)) continue;
      if (finder_.find(run.text) >= 0) continue;
      std::string word = text::fold_white_space(trim(run.text));
      Span where = locate(doc_, ctx_.lines, run, 0, run.text.size());
      ctx_.error(where, std::string(rule_id),
                 "Line " + std::to_string(where.line) + " has the hard word \"" + word +
                     "\", but the word list does not explain it.",
                 "Add <word term=\"" + word + "\">what it means</word> inside <words>.");
    }
  }

 private:
  Context& ctx_;
  const Document& doc_;
  WordFinder finder_;
};

}  // namespace

void check_hard_words(Context& ctx, const Document& doc) {
  HardWordChecker checker(ctx, doc);
  if (doc.cover) checker.check(doc.cover->text);
  for (const Section& section : doc.sections) {
    for (const Block& block : section.blocks) {
      std::visit(Overloaded{
                     [&](const Point& point) {
                       checker.check(point.text, point.ignore);
                       for (const Paragraph& item : point.list) checker.check(item, point.ignore);
                     },
                     [&](const Action& action) { checker.check(action.text); },
                     [&](const Meeting& meeting) { checker.check(meeting.text); },
                 },
                 block);
    }
  }
}

}  // namespace easyread::markup::detail

namespace easyread::markup {

WordFinder::WordFinder(const std::vector<Word>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string term = detail::normalise(words[i].term);
    if (term.empty()) continue;
    for (std::string& form : detail::forms(term)) forms_.emplace(std::move(form), static_cast<int>(i));
  }
}

int WordFinder::find(std::string_view hard_word) const {
  for (const std::string& form : detail::forms(detail::normalise(hard_word))) {
    auto it = forms_.find(form);
    if (it != forms_.end()) return it->second;
  }
  return -1;
}

}  // namespace easyread::markup
