#include "base/diagnostic.hpp"

namespace easyread {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

void Diagnostics::error(std::string file, Span span, std::string rule, std::string message,
                        std::string suggestion) {
  items_.push_back({Severity::error, std::move(rule), std::move(file), span, std::move(message),
                    std::move(suggestion)});
}

void Diagnostics::warning(std::string file, Span span, std::string rule, std::string message,
                          std::string suggestion) {
  items_.push_back({Severity::warning, std::move(rule), std::move(file), span, std::move(message),
                    std::move(suggestion)});
}

bool Diagnostics::has_errors() const {
  for (const auto& d : items_)
    if (d.severity == Severity::error) return true;
  return false;
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

}  // namespace easyread
