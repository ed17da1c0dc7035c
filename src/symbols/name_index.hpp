// Finds pictures by name: the catalogues first, then OpenMoji's own names
// and tags. Plural and case differences are folded away.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "symbols/names.hpp"

namespace easyread::symbols::detail {

// Where a name comes from, best first.
enum class Source { folder = 0, catalogue = 1, openmoji_name = 2, openmoji_tag = 3 };
const char* source_name(Source s);

struct Candidate {
  Source source = Source::catalogue;
  int form = 0;           // 0: exact (after folding); higher: a plural was folded
  std::size_t order = 0;  // order of adding, for ties
  std::string name;       // as written in its list
  std::string target;     // OpenMoji code, or a file path for a folder
  bool target_is_file = false;
};

class NameIndex {
 public:
  void add(Source source, const std::string& name, const std::string& target, bool target_is_file);
  bool contains_exact(Source source, const std::string& name) const;
  // All candidates for a name, best first (source, then plural folding, then order).
  std::vector<Candidate> find(const std::string& name) const;
  std::optional<Candidate> best(const std::string& name, Source worst = Source::openmoji_tag) const;
  // Up to `count` names closest in spelling, best first, without repeats.
  std::vector<std::string> closest(const std::string& name, std::size_t count) const;
  // Names that hold the folded text as whole words ("tea" in "bubble tea").
  std::vector<Candidate> containing(const std::string& text) const;

 private:
  std::map<std::string, std::vector<Candidate>> by_form_;
  struct Known {
    std::string folded, name;
    Source source;
  };
  std::vector<Known> names_;  // one entry per distinct (source, name), for hints
  std::size_t next_order_ = 0;
};

}  // namespace easyread::symbols::detail
