// FNV-1a: a quick 64-bit hash for the small open-addressing tables of words
// and codes. Not for anything an attacker chooses to collide.
#pragma once
#include <cstdint>
#include <string_view>

namespace easyread {

constexpr std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

}  // namespace easyread
