// A ZIP package written in memory with libzip, the same bytes every time:
// parts keep the order they were added in and carry one fixed date.
#pragma once
#include <memory>
#include <string>
#include <vector>


namespace easyread::word {

struct ZipFunctions;

class Package {
 public:
  Package();
  ~Package();
  Package(const Package&) = delete;
  Package& operator=(const Package&) = delete;

  // How hard libzip packs a part.
  enum class Packing {
    small,    // deflate at level 6: XML, which packs well and fast
    fast,     // deflate at level 1: big parts such as fonts, which pack less well
    as_it_is  // stored: data that is compressed already (PNG, JPEG)
  };
  // Adds a part.
  void add(const std::string& name, std::string bytes, Packing packing = Packing::small);
  // The whole ZIP file; empty, with `error` set, if libzip failed.
  std::string finish(const ZipFunctions& zip, std::string& error);

 private:
  struct Part {
    std::string name;
    std::string bytes;
    Packing packing = Packing::small;
  };
  std::vector<Part> parts_;
};

}  // namespace easyread::word
