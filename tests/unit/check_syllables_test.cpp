// The syllable counter behind the readability scores, checked against the
// CMU Pronouncing Dictionary (scripts/fetch-cmudict.sh puts it in third_party/cache).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "check/check.hpp"

using easyread::check::count_syllables;

TEST_CASE("syllables of everyday words") {
  CHECK(count_syllables("the") == 1);
  CHECK(count_syllables("make") == 1);
  CHECK(count_syllables("table") == 2);
  CHECK(count_syllables("hospital") == 3);
  CHECK(count_syllables("radio") == 3);
  CHECK(count_syllables("played") == 1);
  CHECK(count_syllables("wanted") == 2);
  CHECK(count_syllables("boxes") == 2);
  CHECK(count_syllables("people") == 2);
  CHECK(count_syllables("opportunity") == 5);
  CHECK(count_syllables("James's") == 2);
  CHECK(count_syllables("Doctors") == 2);
  CHECK(count_syllables("") == 0);
}

TEST_CASE("syllables agree with the CMU Pronouncing Dictionary on at least 93% of head-words") {
  const std::string path = std::string(EASYREAD_SOURCE_DIR) + "/third_party/cache/cmudict/index.js";
  std::ifstream in(path);
  if (!in) {
    WARN("Skipped: the CMU Pronouncing Dictionary is not there. Run scripts/fetch-cmudict.sh to get it.");
    return;
  }
  // Lines look like:   "word(2)": "W ER1 D",   Syllables are the phonemes with a stress digit.
  std::map<std::string, std::vector<int>> dictionary;
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t q1 = line.find('"');
    if (q1 == std::string::npos) continue;
    const std::size_t q2 = line.find('"', q1 + 1), q3 = line.find('"', q2 + 1), q4 = line.find('"', q3 + 1);
    if (q4 == std::string::npos) continue;
    std::string word = line.substr(q1 + 1, q2 - q1 - 1);
    const std::string phonemes = line.substr(q3 + 1, q4 - q3 - 1);
    int syllables = 0;
    for (char c : phonemes) syllables += c >= '0' && c <= '2';
    if (const std::size_t variant = word.find('('); variant != std::string::npos) word.resize(variant);
    dictionary[word].push_back(syllables);
  }
  REQUIRE(dictionary.size() > 100000);
  std::size_t first = 0, any = 0;
  for (const auto& [word, counts] : dictionary) {
    const int mine = count_syllables(word);
    first += mine == counts.front();
    any += std::find(counts.begin(), counts.end(), mine) != counts.end();
  }
  const double share_first = 100.0 * static_cast<double>(first) / static_cast<double>(dictionary.size());
  const double share_any = 100.0 * static_cast<double>(any) / static_cast<double>(dictionary.size());
  std::cout << "Syllables agree with CMUdict on " << share_first << "% of " << dictionary.size()
            << " head-words (first pronunciation), " << share_any << "% (any pronunciation).\n";
  CHECK(share_first >= 93.0);
}
