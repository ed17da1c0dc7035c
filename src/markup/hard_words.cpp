// Every word marked <hard> must be explained in the word list.
#include <algorithm>
#include <set>

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
  // Each term is folded once, with its singular forms, for quick look-up.
  HardWordChecker(Context& ctx, const Document& doc) : ctx_(ctx), doc_(doc) {
    for (const Word& word : doc.words) {
      std::string term = normalise(word.term);
      if (term.empty()) continue;
      for (std::string& form : forms(term)) term_forms_.insert(std::move(form));
    }
  }

  void check(const Paragraph& paragraph, const std::vector<std::string>& ignore = {}) {
    if (std::find(ignore.begin(), ignore.end(), rule_id) != ignore.end()) return;
    for (const Run& run : paragraph.runs) {
      if (run.style != Run::Style::hard || is_blank(run.text)) continue;
      std::vector<std::string> word_forms = forms(normalise(run.text));
      bool explained =
          std::any_of(word_forms.begin(), word_forms.end(),
                      [&](const std::string& form) { return term_forms_.contains(form); });
      if (explained) continue;
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
  std::set<std::string> term_forms_;
};

}  // namespace

void check_hard_words(Context& ctx, const Document& doc) {
  HardWordChecker checker(ctx, doc);
  if (doc.cover) checker.check(doc.cover->text);
  for (const Section& section : doc.sections) {
    for (const Block& block : section.blocks) {
      if (const Point* point = std::get_if<Point>(&block)) {
        checker.check(point->text, point->ignore);
        for (const Paragraph& item : point->list) checker.check(item, point->ignore);
      } else if (const Action* action = std::get_if<Action>(&block)) {
        checker.check(action->text);
      } else if (const Meeting* meeting = std::get_if<Meeting>(&block)) {
        checker.check(meeting->text);
      }
    }
  }
}

}  // namespace easyread::markup::detail
