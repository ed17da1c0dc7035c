// Choosing a picture from a point's words, and searching by words.
#include <algorithm>
#include <set>

#include "symbols/library_impl.hpp"

namespace easyread::symbols {
namespace {

// Words that never choose a picture on their own (they can still be named
// with picture="...").
const std::set<std::string, std::less<>> kStopWords = {
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "but", "by", "can", "could", "did", "do", "does", "for", "from", "get", "got", "had",
    "has", "have", "he", "her", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just",
    "let", "like", "make", "may", "me", "more", "most", "much", "must", "my", "next", "not", "now", "of",
    "on", "one", "or", "our", "out", "over", "said", "say", "see", "she", "should", "so", "some",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to",
    "too", "up", "us", "very", "was", "way", "we", "were", "what", "when", "where", "which", "who",
    "why", "will", "with", "would", "you", "your", "going", "want", "things", "thing", "lot", "lots",
    "other", "people", "person", "there", "here", "new", "good", "well", "back", "day", "first",
    "last", "many", "each", "every", "only", "own", "same", "sure", "yet",
    // Common verbs that are catalogue names too, but rarely the point of a sentence.
    "go", "free", "help", "think", "know", "need", "come", "tell", "ask", "find", "give", "take", "use"};

struct Found {
  int level = 0;            // 0 best: two-word catalogue, one-word catalogue, two-word OpenMoji, one-word OpenMoji
  int uses = 0;             // how often the text names this picture: the more, the more it is about it
  std::size_t position = 0; // earlier in the text wins a tie (the first sentence usually says the idea)
  detail::Candidate candidate;
};

bool better(const Found& a, const Found& b) {
  if (a.level != b.level) return a.level < b.level;
  if (a.uses != b.uses) return a.uses > b.uses;
  return a.position < b.position;
}

}  // namespace

std::optional<Match> Library::suggest(std::string_view text) {
  Impl& im = *impl_;
  const std::lock_guard hold(im.lock);
  if (!im.segmenter) im.segmenter = std::make_unique<text::Segmenter>("en");
  std::vector<std::string> words;
  for (const auto& r : im.segmenter->words(text))
    words.push_back(text::fold_case(text.substr(r.begin, r.end - r.begin)));
  auto useful = [](const std::string& w) {
    return !kStopWords.contains(w) && !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  std::vector<Found> found;
  // Catalogue matches always beat OpenMoji's, so OpenMoji's index is only
  // built (about 10 ms) when the catalogue has nothing for this text.
  auto collect = [&](const detail::NameIndex& index) {
    auto consider = [&](const std::string& phrase, bool two_words, std::size_t position) {
      for (const auto& c : index.find(phrase)) {
        const bool catalogue = c.source <= detail::Source::catalogue;
        // A single OpenMoji tag must be a real word, not "go" or "ok".
        if (!catalogue && !two_words && phrase.size() < 4) continue;
        found.push_back({(catalogue ? 0 : 2) + (two_words ? 0 : 1), 0, position, c});
        break;  // find() lists the best candidate for this phrase first
      }
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (!useful(words[i])) continue;
      if (i + 1 < words.size() && useful(words[i + 1])) consider(words[i] + " " + words[i + 1], true, i);
      consider(words[i], false, i);
    }
  };
  collect(im.names);
  if (found.empty()) collect(im.openmoji_index());
  for (auto& f : found)
    f.uses = int(std::count_if(found.begin(), found.end(),
                               [&](const Found& g) { return g.candidate.target == f.candidate.target; }));
  std::optional<Found> best;
  for (const auto& f : found)
    if (!best || better(f, *best)) best = f;
  if (!best) return std::nullopt;
  return im.match_of(best->candidate);
}

std::vector<Match> Library::search(const std::vector<std::string>& words, std::size_t limit) {
  Impl& im = *impl_;
  const std::lock_guard hold(im.lock);
  std::vector<detail::Candidate> found;
  std::string phrase;
  for (const auto& w : words) phrase += (phrase.empty() ? "" : " ") + w;
  // Exact names first (whole phrase, then each word), then names that start with or hold the words.
  for (auto& c : im.find(phrase)) found.push_back(std::move(c));
  if (words.size() > 1)
    for (const auto& w : words)
      for (auto& c : im.find(w)) found.push_back(std::move(c));
  for (auto& c : im.containing(phrase)) found.push_back(std::move(c));
  std::vector<Match> out;
  std::set<std::string> seen_targets;
  for (const auto& c : found) {
    if (out.size() >= limit) break;
    if (!seen_targets.insert(c.target).second) continue;
    out.push_back(im.match_of(c));
  }
  return out;
}

}  // namespace easyread::symbols
