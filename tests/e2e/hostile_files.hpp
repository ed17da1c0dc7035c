// Makers of hostile inputs for the end-to-end tests, and a way to run
// easyread with limits on time and memory.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "pdf_probe.hpp"

namespace e2e {

void write_file(const std::filesystem::path& path, const std::string& bytes);
std::string repeat(const std::string& piece, std::size_t times);

// A ZIP archive with one deflated entry.
std::string zip_with(const std::string& name, const std::string& content);
// A ZIP archive whose one entry unpacks to `size` zero bytes (a "zip bomb").
std::string zip_of_zeros(const std::string& name, std::uint64_t size);
// A ZIP archive whose entry holds `content` but claims to be `claimed` bytes.
std::string zip_claiming(const std::string& name, const std::string& content, std::uint32_t claimed);

// Runs easyread with at most `seconds` of time (more under the sanitizers,
// which are slower) and `megabytes` of address space (not under the
// sanitizers, which reserve far more address space than they use).
CommandResult run_limited(const std::vector<std::string>& arguments, const std::filesystem::path& dir,
                          int seconds, int megabytes);

}  // namespace e2e
