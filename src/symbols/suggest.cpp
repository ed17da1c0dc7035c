// Choosing a picture from a point's words, and searching by words.
//
// A point is weighed as a whole: every name the words hold is a candidate,
// scored by how specific it is (a catalogue phrase such as "bus stop" beats
// a single word, a topic noun beats a generic word such as "team"), by where
// it stands (the verb that starts an instruction, "Book a room", is not the
// thing to show), by how often it comes, and by whether the document showed
// it before. A point whose best candidate is weak gets no picture.
#include <algorithm>
#include <set>

#include "symbols/library_impl.hpp"

namespace easyread::symbols {
namespace {

// Words that never choose a picture on their own (they can still be named
// with picture="...", and they can be part of a phrase such as "thank you").
const std::set<std::string, std::less<>> kStopWords = {
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "but", "by", "can", "could", "did", "do", "does", "for", "from", "get", "got", "had",
    "has", "have", "he", "her", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just",
    "let", "like", "make", "may", "me", "more", "most", "much", "must", "my", "next", "not", "now", "of",
    "on", "one", "or", "our", "out", "over", "said", "say", "see", "she", "should", "so", "some",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to",
    "too", "up", "us", "very", "was", "way", "we", "were", "what", "when", "where", "which", "who",
    "why", "will", "with", "would", "you", "your", "going", "want", "things", "thing", "lot", "lots",
    "other", "here", "new", "good", "well", "back", "day", "first", "last", "many", "each", "every",
    "only", "own", "same", "sure", "yet", "everyone", "everybody", "someone", "anyone", "near",
    // Common verbs that are catalogue names too, but rarely the point of a sentence.
    "go", "free", "think", "know", "need", "come", "tell", "ask", "find", "give", "take", "use",
    "look", "try", "keep", "put", "bring", "show", "start", "end", "stop", "fill", "sign", "send"};

// Words with a picture that say little about a point: they win only when
// nothing more specific is there.
const std::set<std::string, std::less<>> kGenericWords = {
    "group", "groups", "team", "teams", "staff", "people", "person", "member", "members", "thing",
    "things", "information", "help", "support", "care", "work", "worker", "workers", "place",
    "time", "week", "day", "date", "good", "bad", "yes", "no", "important", "together", "man",
    "woman", "men", "women", "everyone", "plan", "done", "news", "document", "paper", "idea",
    "talk", "say", "speak", "hear", "read", "write", "win", "star", "card", "break", "office",
    "building", "service", "services", "form", "online", "video", "link", "save", "share", "edit"};

// Verbs that often start an instruction: "Book a room", "Call us", "Bring
// your bus pass". At the start of a sentence they are not the idea to show.
const std::set<std::string, std::less<>> kInstructionVerbs = {
    "book", "park", "call", "phone", "ring", "text", "email", "post", "write", "read", "check", "visit",
    "bring", "wash", "eat", "drink", "pay", "shop", "cook", "clean", "tidy", "walk", "meet", "save",
    "share", "print", "plan", "choose", "pick", "wait", "help", "join", "talk", "speak", "watch",
    "remember", "contact", "order", "return", "register", "travel", "play", "lock", "unlock", "buy",
    "sign", "fill", "send", "open", "close", "turn", "switch", "tick", "circle", "draw", "hand",
    "leave", "arrive", "bin", "delete", "edit", "upload", "download", "dance", "sing", "relax",
    "clap", "vote", "ask", "tell", "listen", "learn", "study", "train", "work", "cover", "fix"};

// Words that start a noun phrase: its last word (its head: "the late bus")
// is usually the thing a sentence is about.
const std::set<std::string, std::less<>> kPhraseStarts = {
    "a", "an", "the", "your", "my", "our", "his", "her", "their", "this", "that", "these", "those",
    "some", "any", "about", "for", "with", "of"};
// Words that may stand inside a noun phrase though they are stop words.
const std::set<std::string, std::less<>> kInsidePhrase = {"new", "next", "last", "first", "good", "own", "other",
                                                           "same", "many", "more", "most", "free"};
// Before a noun phrase, these say where or when ("in the park", "after the
// meeting"): the setting, not the topic.
const std::set<std::string, std::less<>> kSettingWords = {
    "in", "at", "on", "near", "by", "from", "to", "into", "outside", "inside", "after", "before", "during",
    "until", "since", "behind", "opposite"};
// After these, a word says how someone is or feels: "felt lonely", "was angry".
const std::set<std::string, std::less<>> kLinkingVerbs = {"is", "are", "was", "were", "am", "be", "been", "feel",
                                                           "feels", "felt", "feeling", "get", "got", "became"};

// Words that may stand between an instruction verb and its object in a
// phrase: "Wash your hands" finds "wash hands".
const std::set<std::string, std::less<>> kPossessives = {"your", "my", "our", "his", "her", "their", "the", "a"};

struct Word {
  std::string folded;
  bool starts_sentence = false;
};

struct Found {
  double score = 0;
  std::size_t position = 0;  // earlier in the text wins a tie (the first sentence usually says the idea)
  detail::Candidate candidate;
};

constexpr double kPhraseScore = 10;      // a catalogue phrase: "bus stop", "thank you"
constexpr double kWordScore = 6;         // a catalogue word: "doctor"
constexpr double kOwnPictureBonus = 1;   // the group's own pictures come first
constexpr double kOpenMojiPhraseScore = 5;
constexpr double kOpenMojiWordScore = 3;
constexpr double kGenericScore = 2;      // "group", "staff": only when nothing better is there
constexpr double kInstructionScore = 2;  // the verb that starts an instruction
constexpr double kTopicBonus = 1.5;      // the head of a noun phrase, or how someone feels
constexpr double kRepeatBonus = 1;       // for each further mention of the same picture
constexpr double kEarlierBonus = 3;      // the document showed this picture before
constexpr double kEnough = 2;            // below this, no picture is better than a guess

bool is_number(const std::string& w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool useful(const std::string& w) { return !kStopWords.contains(w) && !is_number(w); }

// The first word of a sentence that gives an instruction.
bool is_instruction(const std::vector<Word>& words, std::size_t i) {
  if (!words[i].starts_sentence) return false;
  if (kInstructionVerbs.contains(words[i].folded)) return true;
  if (i + 1 >= words.size()) return false;
  const std::string& next = words[i + 1].folded;
  return kPossessives.contains(next) || next == "us" || next == "me" || next == "near" || is_number(next);
}

std::vector<Word> words_of(const text::Segmenter& segmenter, std::string_view text) {
  std::vector<Word> words;
  for (const auto& sentence : segmenter.sentences(text)) {
    const std::string_view s = text.substr(sentence.begin, sentence.end - sentence.begin);
    bool first = true;
    for (const auto& r : segmenter.words(s)) {
      words.push_back({text::fold_case(s.substr(r.begin, r.end - r.begin)), first});
      first = false;
    }
  }
  return words;
}

// Which words are topics: the last word of a noun phrase that is not a
// setting ("your shopping", "a packed lunch"), or a word after "felt", "is".
std::vector<bool> topics_of(const std::vector<Word>& words) {
  std::vector<bool> topic(words.size(), false);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (kLinkingVerbs.contains(words[i].folded) && i + 1 < words.size()) topic[i + 1] = true;
    if (!kPhraseStarts.contains(words[i].folded)) continue;
    if (i > 0 && kSettingWords.contains(words[i - 1].folded)) continue;
    std::size_t head = i;
    for (std::size_t j = i + 1; j < words.size() && j <= i + 3 && !words[j].starts_sentence; ++j) {
      const bool stop = kStopWords.contains(words[j].folded);
      if (stop && !kInsidePhrase.contains(words[j].folded)) break;
      if (!stop) head = j;
    }
    if (head > i) topic[head] = true;
  }
  return topic;
}

// Verb forms a name may be written in: "voted" is "vote", "talking" is "talk".
std::vector<std::string> verb_stems(const std::string& w) {
  std::vector<std::string> out;
  auto cut = [&](std::size_t n, const char* add) {
    if (w.size() > n + 2) out.push_back(w.substr(0, w.size() - n) + add);
  };
  if (w.ends_with("ed")) cut(1, ""), cut(2, "");
  if (w.ends_with("ing")) cut(3, ""), cut(3, "e");
  return out;
}

double base_score(const detail::Candidate& c, std::size_t length) {
  const bool ours = c.source <= detail::Source::catalogue;
  double score = ours ? (length > 1 ? kPhraseScore + 2.0 * double(length - 2) : kWordScore)
                      : (length > 1 ? kOpenMojiPhraseScore : kOpenMojiWordScore);
  if (c.source == detail::Source::folder) score += kOwnPictureBonus;
  return score;
}

// A word's picture, or its verb stem's ("voted" finds "vote").
template <typename Lookup>
std::optional<detail::Candidate> single_word(const std::string& w, Lookup lookup) {
  if (auto match = lookup(w)) return match;
  for (const auto& stem : verb_stems(w))
    if (!kStopWords.contains(stem))
      if (auto match = lookup(stem)) return match;
  return std::nullopt;
}

// The names a point's words hold, each scored. A phrase takes its words, so
// "bus stop" is not also "stop". `lookup` finds a suitable picture for a name.
template <typename Lookup>
std::vector<Found> candidates(const std::vector<Word>& words, bool catalogue, Lookup lookup) {
  std::vector<Found> found;
  const std::vector<bool> topic = topics_of(words);
  for (std::size_t i = 0; i < words.size();) {
    std::size_t used = 1, name_words = 1;
    std::optional<detail::Candidate> match;
    // The longest phrase first: "first aid kit", then "first aid", then "first".
    for (std::size_t length = std::min<std::size_t>(4, words.size() - i); length >= 2 && !match; --length) {
      std::string phrase = words[i].folded;
      for (std::size_t k = 1; k < length; ++k) phrase += " " + words[i + k].folded;
      if ((match = lookup(phrase))) used = name_words = length;
    }
    // "Wash your hands" finds "wash hands".
    if (!match && i + 2 < words.size() && kPossessives.contains(words[i + 1].folded) &&
        (match = lookup(words[i].folded + " " + words[i + 2].folded))) {
      used = 3;
      name_words = 2;
    }
    // OpenMoji's many-word names must start with a real word, not "the".
    if (match && !catalogue && !useful(words[i].folded)) match.reset();
    double score = 0;
    if (match) {
      score = base_score(*match, name_words);
    } else if (useful(words[i].folded) && (catalogue || words[i].folded.size() >= 4) &&
               (match = single_word(words[i].folded, lookup))) {
      score = base_score(*match, 1);
      if (kGenericWords.contains(words[i].folded) || kGenericWords.contains(text::fold_case(match->name)))
        score = kGenericScore;
      else if (is_instruction(words, i)) score = kInstructionScore;
    }
    if (match) {
      if (std::any_of(topic.begin() + long(i), topic.begin() + long(i + used), [](bool t) { return t; }))
        score += kTopicBonus;
      found.push_back({score, i, *match});
    }
    i += used;
  }
  return found;
}

}  // namespace

bool Library::Impl::suitable(const std::string& target) const { return !unsuitable.contains(target); }

std::optional<detail::Candidate> Library::Impl::suggestable(const detail::NameIndex& index,
                                                            const std::string& phrase) const {
  for (const auto& c : index.find(phrase)) {
    // A tag is shared by many pictures: too weak a reason to show one.
    if (c.source == detail::Source::openmoji_tag) return std::nullopt;
    if (suitable(c.target)) return c;
  }
  return std::nullopt;
}

std::optional<Match> Library::suggest(std::string_view text, const std::vector<std::string>& shown_before) {
  Impl& im = *impl_;
  const std::lock_guard hold(im.lock);
  im.wait_loaded();
  if (!im.segmenter) im.segmenter = std::make_unique<text::Segmenter>("en");
  const std::vector<Word> words = words_of(*im.segmenter, text);
  // Catalogue matches beat OpenMoji's, so OpenMoji's index is only built
  // (about 10 ms) when the catalogue has nothing for this text.
  auto found = candidates(words, true, [&](const std::string& phrase) { return im.suggestable(im.names, phrase); });
  if (found.empty())
    found = candidates(words, false,
                       [&](const std::string& phrase) { return im.suggestable(im.openmoji_index(), phrase); });
  for (auto& f : found) {
    const auto same = std::count_if(found.begin(), found.end(),
                                    [&](const Found& g) { return g.candidate.target == f.candidate.target; });
    f.score += kRepeatBonus * double(same - 1);
    if (std::find(shown_before.begin(), shown_before.end(), f.candidate.target) != shown_before.end())
      f.score += kEarlierBonus;
  }
  const Found* best = nullptr;
  for (const auto& f : found)
    if (!best || f.score > best->score || (f.score == best->score && f.position < best->position)) best = &f;
  if (!best || best->score < kEnough) return std::nullopt;
  return im.match_of(best->candidate);
}

std::optional<Match> Suggester::suggest(std::string_view text) {
  auto match = library_.suggest(text, shown_);
  if (match && std::find(shown_.begin(), shown_.end(), match->code) == shown_.end()) shown_.push_back(match->code);
  return match;
}

void Suggester::remember(const std::string& code) {
  if (std::find(shown_.begin(), shown_.end(), code) == shown_.end()) shown_.push_back(code);
}

std::vector<Match> Library::search(const std::vector<std::string>& words, std::size_t limit) {
  Impl& im = *impl_;
  const std::lock_guard hold(im.lock);
  im.wait_loaded();
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
    // A jokey picture is shown only to someone who asks for it by its own name.
    if (!im.suitable(c.target) && c.source != detail::Source::openmoji_name) continue;
    if (!seen_targets.insert(c.target).second) continue;
    out.push_back(im.match_of(c));
  }
  return out;
}

}  // namespace easyread::symbols
