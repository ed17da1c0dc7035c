#include "symbols/name_index.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace easyread::symbols::detail {
namespace {

bool better(const Candidate& a, const Candidate& b) {
  return std::tie(a.source, a.form, a.order) < std::tie(b.source, b.form, b.order);
}

}  // namespace

const char* source_name(Source s) {
  switch (s) {
    case Source::folder: return "own pictures";
    case Source::catalogue: return "catalogue";
    case Source::openmoji_name: return "openmoji name";
    case Source::openmoji_tag: return "openmoji tag";
  }
  return "";
}

void NameIndex::add(Source source, const std::string& name, const std::string& target, bool target_is_file) {
  const auto forms = name_forms(name);
  if (forms.front().empty()) return;
  const std::size_t order = next_order_++;
  for (std::size_t i = 0; i < forms.size(); ++i)
    by_form_[forms[i]].push_back({source, int(i), order, name, target, target_is_file});
  names_.push_back({forms.front(), name, source});
}

bool NameIndex::contains_exact(Source source, const std::string& name) const {
  const auto it = by_form_.find(name_forms(name).front());
  if (it == by_form_.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(),
                     [&](const Candidate& c) { return c.source == source && c.form == 0; });
}

std::vector<Candidate> NameIndex::find(const std::string& name) const {
  std::vector<Candidate> found;
  const auto forms = name_forms(name);
  for (std::size_t i = 0; i < forms.size(); ++i) {
    const auto it = by_form_.find(forms[i]);
    if (it == by_form_.end()) continue;
    for (Candidate c : it->second) {
      c.form += int(i);
      found.push_back(std::move(c));
    }
  }
  std::sort(found.begin(), found.end(), better);
  // Keep each added name once (it may match through several forms).
  std::vector<Candidate> unique;
  std::set<std::size_t> seen;
  for (auto& c : found)
    if (seen.insert(c.order).second) unique.push_back(std::move(c));
  return unique;
}

std::optional<Candidate> NameIndex::best(const std::string& name, Source worst) const {
  for (auto& c : find(name))
    if (c.source <= worst) return c;
  return std::nullopt;
}

std::vector<std::string> NameIndex::closest(const std::string& name, std::size_t count) const {
  const std::string folded = name_forms(name).front();
  std::vector<std::tuple<std::size_t, Source, std::string>> scored;
  for (const auto& known : names_)
    scored.emplace_back(edit_distance(folded, known.folded), known.source, known.folded);
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& [distance, source, n] : scored) {
    if (out.size() == count) break;
    if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  }
  return out;
}

std::vector<Candidate> NameIndex::containing(const std::string& text) const {
  const std::string folded = name_forms(text).front();
  std::vector<Candidate> out;
  if (folded.empty()) return out;
  for (const auto& [form, candidates] : by_form_) {
    // Whole words only: "tea" finds "bubble tea" but not "teacher".
    bool as_words = false;
    for (auto at = form.find(folded); at != std::string::npos && !as_words; at = form.find(folded, at + 1)) {
      const std::size_t end = at + folded.size();
      as_words = (at == 0 || form[at - 1] == ' ') && (end == form.size() || form[end] == ' ');
    }
    if (!as_words) continue;
    for (const auto& c : candidates)
      if (c.form == 0) out.push_back(c);
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.source, a.name, a.order) < std::tie(b.source, b.name, b.order);
  });
  return out;
}

}  // namespace easyread::symbols::detail
