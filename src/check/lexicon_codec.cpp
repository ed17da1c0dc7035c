// The loaded word lists as bytes and back, for the cache file. The bytes
// are for the same program on the same machine (the cache's key has the
// program's build ID), so numbers are written as the machine holds them.
#include <cstring>
#include <type_traits>

#include "check/lexicon_cache.hpp"
#include "check/rules.hpp"

namespace easyread::check::detail {
namespace {

class Writer {
 public:
  std::string bytes;

  void number(std::uint64_t v) { raw(&v, sizeof v); }
  void text(std::string_view s) {
    number(s.size());
    bytes.append(s);
  }
  template <class T>
  void array(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T> && std::has_unique_object_representations_v<T>);
    number(v.size());
    raw(v.data(), v.size() * sizeof(T));
  }

 private:
  void raw(const void* data, std::size_t size) { bytes.append(static_cast<const char*>(data), size); }
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : left_(bytes) {}
  bool ok() const { return ok_; }
  bool at_end() const { return left_.empty(); }
  void fail() { ok_ = false; }

  std::uint64_t number() {
    std::uint64_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  // A count of things of `size` bytes each that the bytes left can hold.
  std::size_t count(std::size_t size) {
    const std::uint64_t n = number();
    if (n > left_.size() / (size == 0 ? 1 : size)) ok_ = false;
    return ok_ ? static_cast<std::size_t>(n) : 0;
  }
  std::string text() {
    const std::size_t n = count(1);
    std::string s(left_.substr(0, n));
    left_.remove_prefix(n);
    return s;
  }
  template <class T>
  void array(std::vector<T>& v) {
    v.resize(count(sizeof(T)));
    raw(v.data(), v.size() * sizeof(T));
  }

 private:
  void raw(void* data, std::size_t size) {
    if (size > left_.size()) ok_ = false;
    if (!ok_ || size == 0) return;
    std::memcpy(data, left_.data(), size);
    left_.remove_prefix(size);
  }
  std::string_view left_;
  bool ok_ = true;
};

}  // namespace

// Every part of the lists, in one order for writing and reading. Io is a
// Writer (with const lists) or a Reader.
struct LexiconCodec {
  static void put(Writer& w, const std::string& s) { w.text(s); }
  static void get(Reader& r, std::string& s) { s = r.text(); }
  static void put(Writer& w, int v) { w.number(static_cast<std::uint64_t>(v)); }
  static void get(Reader& r, int& v) { v = static_cast<int>(r.number()); }
  static void put(Writer& w, const std::vector<std::uint32_t>& numbers) { w.array(numbers); }
  static void get(Reader& r, std::vector<std::uint32_t>& numbers) { r.array(numbers); }
  static void put(Writer& w, const std::vector<bool>& bits) {
    w.number(bits.size());
    for (const bool b : bits) w.number(b);
  }
  static void get(Reader& r, std::vector<bool>& bits) {
    bits.assign(r.count(sizeof(std::uint64_t)), false);
    for (std::size_t i = 0; i < bits.size(); ++i) bits[i] = r.number() != 0;
  }
  template <class A, class B>
  static void put(Writer& w, const std::pair<A, B>& p) {
    put(w, p.first);
    put(w, p.second);
  }
  template <class A, class B>
  static void get(Reader& r, std::pair<A, B>& p) {
    get(r, p.first);
    get(r, p.second);
  }
  template <class T>
  static void put(Writer& w, const std::vector<T>& items) {
    w.number(items.size());
    for (const T& item : items) put(w, item);
  }
  template <class T>
  static void get(Reader& r, std::vector<T>& items) {
    items.resize(r.count(sizeof(std::uint64_t)));  // every item takes 8 bytes at least
    for (T& item : items) get(r, item);
  }
  static void put(Writer& w, const WordSet& words) {
    w.number(words.size());
    for (const std::string& word : words) w.text(word);
  }
  static void get(Reader& r, WordSet& words) {
    const std::size_t n = r.count(sizeof(std::uint64_t));
    words.clear();
    words.reserve(n);
    for (std::size_t i = 0; i < n && r.ok(); ++i) words.insert(r.text());
  }

  static void put(Writer& w, const FastWords& f) {
    w.array(f.filter_);
    w.array(f.slots_);
    w.text(f.chars_);
    w.array(f.starts_);
    w.array(f.hashes_);
  }
  static void get(Reader& r, FastWords& f) {
    r.array(f.filter_);
    r.array(f.slots_);
    f.chars_ = r.text();
    r.array(f.starts_);
    r.array(f.hashes_);
    // What find() and add() rely on: a whole filter, a table whose size is a
    // power of two, and a start for each word and one after the last.
    const bool whole = f.filter_.size() == FastWords::kFilterMask + 1 && !f.slots_.empty() &&
                       (f.slots_.size() & (f.slots_.size() - 1)) == 0 && f.starts_.size() == f.hashes_.size() + 1 &&
                       f.starts_.back() == f.chars_.size();
    if (!whole) r.fail();
  }

  static void put(Writer& w, const Entry& e) {
    w.text(e.term);
    w.text(e.suggestion);
    w.number(static_cast<std::uint64_t>(e.kind));
    w.number(e.id);
    w.number(e.verb);
    w.text(e.first_word);
  }
  static void get(Reader& r, Entry& e) {
    e.term = r.text();
    e.suggestion = r.text();
    e.kind = static_cast<ListKind>(r.number());
    e.id = r.number();
    e.verb = r.number() != 0;
    e.first_word = r.text();
  }
  static void put(Writer& w, const PhraseList::Phrase& p) {
    w.number(p.rest_begin);
    w.number(p.rest_count);
    w.number(static_cast<std::uint64_t>(p.second));
    w.number(p.entry);
    w.number(p.exact_case);
  }
  static void get(Reader& r, PhraseList::Phrase& p) {
    p.rest_begin = static_cast<std::uint32_t>(r.number());
    p.rest_count = static_cast<std::uint32_t>(r.number());
    p.second = static_cast<std::int64_t>(r.number());
    p.entry = r.number();
    p.exact_case = r.number() != 0;
  }
  template <class Io, class List>
  static void phrases(Io& io, List& list) {
    each(io, list.entries_, list.first_words_, list.second_words_, list.by_first_, list.rest_words_, list.rest_);
  }
  static void put(Writer& w, const PhraseList& list) { phrases(w, list); }
  static void get(Reader& r, PhraseList& list) { phrases(r, list); }

  static void put(Writer& w, const IrregularVerbs::Forms& f) { each(w, f.past, f.participle); }
  static void get(Reader& r, IrregularVerbs::Forms& f) { each(r, f.past, f.participle); }
  static void put(Writer& w, const IrregularVerbs& v) {
    w.number(v.by_base.size());
    for (const auto& [base, forms] : v.by_base) each(w, base, forms);
    put(w, v.participles);
  }
  static void get(Reader& r, IrregularVerbs& v) {
    const std::size_t n = r.count(sizeof(std::uint64_t));
    for (std::size_t i = 0; i < n && r.ok(); ++i) {
      std::string base;
      IrregularVerbs::Forms forms;
      each(r, base, forms);
      v.by_base.emplace(std::move(base), std::move(forms));
    }
    get(r, v.participles);
  }

  template <class... Parts>
  static void each(Writer& w, const Parts&... parts) {
    (put(w, parts), ...);
  }
  template <class... Parts>
  static void each(Reader& r, Parts&... parts) {
    (get(r, parts), ...);
  }

  template <class Io, class Lists>
  static void all(Io& io, Lists& lex) {
    // A new member of Lexicons must be added here too, or it would come back empty.
    static_assert(sizeof(Lexicons) == 2048, "Lexicons changed: add the new list to LexiconCodec::all");
    each(io, lex.phrases, lex.familiar, lex.common, lex.frequent, lex.verbs, lex.be, lex.between, lex.describing,
         lex.joining, lex.joining_after_comma, lex.contractions, lex.number_words, lex.number_keys,
         lex.short_months, lex.short_days, lex.month_names, lex.day_names, lex.participle_helpers,
         lex.used_to_things, lex.exact_before, lex.explaining, lex.after_group);
  }
};

std::string encode_lexicons(const Lexicons& lists) {
  Writer w;
  LexiconCodec::all(w, lists);
  return std::move(w.bytes);
}

bool decode_lexicons(std::string_view bytes, Lexicons& into) {
  Reader r(bytes);
  Lexicons read;
  LexiconCodec::all(r, read);
  if (!r.ok() || !r.at_end()) return false;
  into = std::move(read);
  return true;
}

}  // namespace easyread::check::detail
