// Groups of words that must stay on one line.
#include <catch2/catch.hpp>

#include "text/text.hpp"

using namespace easyread;

namespace {

// The groups found in `s`, as the text they cover.
std::vector<std::string> groups(const std::string& s) {
  std::vector<std::string> out;
  for (const auto& r : text::unbreakable_ranges(s)) out.push_back(s.substr(r.begin, r.end - r.begin));
  return out;
}

}  // namespace

TEST_CASE("phone numbers, NHS numbers and postcodes are kept whole") {
  CHECK(groups("Call us on 01484 342000 today.") == std::vector<std::string>{"01484 342000"});
  CHECK(groups("Ring 0800 123 4567.") == std::vector<std::string>{"0800 123 4567."});
  CHECK(groups("Or +44 1484 342000") == std::vector<std::string>{"+44 1484 342000"});
  CHECK(groups("Your NHS number is 485 777 3456.") == std::vector<std::string>{"485 777 3456."});
  CHECK(groups("Come to HD1 2AB or SW1A 1AA.") == std::vector<std::string>{"HD1 2AB", "SW1A 1AA."});
  // Small numbers side by side are not a phone number.
  CHECK(groups("We had 3 4 5 cakes.").empty());
}

TEST_CASE("times, dates, amounts and titles with names are kept whole") {
  CHECK(groups("Come at 10 am or 2.30 pm.") == std::vector<std::string>{"10 am", "2.30 pm."});
  CHECK(groups("It is on 14 March.") == std::vector<std::string>{"14 March."});
  CHECK(groups("On Monday 3 March 2027 we met.") == std::vector<std::string>{"Monday 3 March 2027"});
  CHECK(groups("By March 14 2027.") == std::vector<std::string>{"March 14 2027."});
  CHECK(groups("It costs £ 12 or 12 pounds.") == std::vector<std::string>{"£ 12", "12 pounds."});
  CHECK(groups("See Dr Okafor and Mrs Shah.") == std::vector<std::string>{"Dr Okafor", "Mrs Shah."});
  // "may" is a month only beside a day.
  CHECK(groups("You may come.").empty());
}
