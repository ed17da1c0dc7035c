// The PDF writer: turns a laid-out document into the bytes of a tagged PDF,
// using libharu. Nothing outside this folder touches libharu.
#pragma once
#include <string>

#include "base/diagnostic.hpp"
#include "layout/layout.hpp"

namespace easyread::pdf {

// Returns the PDF file's bytes, or an empty string after adding errors to
// `diags`. The same document always gives the same bytes.
std::string render(const layout::Document& doc, const std::string& file, Diagnostics& diags);

}  // namespace easyread::pdf
