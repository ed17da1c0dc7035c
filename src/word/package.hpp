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

  // Adds a part. `compress` is false for data that is already compressed.
  void add(const std::string& name, std::string bytes, bool compress = true);
  // The whole ZIP file; empty, with `error` set, if libzip failed.
  std::string finish(const ZipFunctions& zip, std::string& error);

 private:
  struct Part {
    std::string name;
    std::string bytes;
    bool compress = true;
  };
  std::vector<Part> parts_;
};

}  // namespace easyread::word
