// For every OpenMoji colour SVG: draw it through easyread (symbols ->
// layout::Document -> pdf::render), rasterise the PDF page with pdftoppm,
// rasterise the SVG with rsvg-convert at the same size, and compare pixels.
// Passes when the median mean-absolute difference is at most 3/255, the
// worst at most 16/255, and no file is skipped.
//
// Usage: fidelity_test SOURCE_DIR [--limit N] [--only CODE] [--keep DIR]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

#include "pdf/pdf.hpp"
#include "raster_compare.hpp"
#include "symbols/symbols.hpp"

using namespace easyread;
namespace fs = std::filesystem;

namespace {

constexpr int kPixels = 144;          // raster size of each symbol (2 pixels per SVG unit)
constexpr std::size_t kChunk = 400;   // pages per PDF, to keep memory and temp files small
constexpr double kMedianLimit = 3.0;  // out of 255
constexpr double kWorstLimit = 16.0;

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// One PDF page the size of the symbol, the picture filling it.
layout::Document page_per_symbol(const std::vector<Picture>& pictures) {
  layout::Document doc;
  doc.page_width = doc.page_height = 72;
  doc.metadata.title = "OpenMoji fidelity";
  doc.nodes.push_back({layout::Role::document, "", -1, {}});
  for (const auto& picture : pictures) {
    const int node = int(doc.nodes.size());
    doc.nodes.push_back({layout::Role::figure, picture.name, 0, {}});
    doc.nodes[0].children.push_back(node);
    layout::Page page;
    page.items.push_back(layout::PictureItem{int(doc.pictures.size()), 0, 0, 72, 72, node});
    doc.pictures.push_back(picture);
    doc.pages.push_back(std::move(page));
  }
  return doc;
}

bool run(const std::string& command) {
  const int status = std::system(command.c_str());
  if (status != 0) std::cerr << "failed (" << status << "): " << command << "\n";
  return status == 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: fidelity_test SOURCE_DIR [--limit N] [--keep DIR]\n";
    return 2;
  }
  const fs::path home = argv[1];
  std::size_t limit = 0;
  fs::path work = fs::temp_directory_path() / ("easyread-fidelity-" + std::to_string(::getpid()));
  bool keep = false;
  std::string only;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::string(argv[i]) == "--limit") limit = std::stoul(argv[i + 1]);
    if (std::string(argv[i]) == "--only") only = argv[i + 1];
    if (std::string(argv[i]) == "--keep") {
      work = argv[i + 1];
      keep = true;
    }
  }
  const fs::path svg_dir = home / "third_party" / "openmoji" / "color" / "svg";
  std::vector<std::string> codes;
  for (const auto& e : fs::directory_iterator(svg_dir))
    if (e.path().extension() == ".svg" && (only.empty() || e.path().stem() == only))
      codes.push_back(e.path().stem().string());
  std::sort(codes.begin(), codes.end());
  if (limit > 0 && codes.size() > limit) codes.resize(limit);
  if (codes.empty()) {
    std::cerr << "No OpenMoji pictures in " << svg_dir << ". Run scripts/install-openmoji.sh first.\n";
    return 1;
  }
  fs::create_directories(work);

  symbols::Library library(home.string());
  std::vector<double> differences;
  std::vector<std::string> problems;
  std::string worst_code;
  for (std::size_t start = 0; start < codes.size(); start += kChunk) {
    const std::size_t end = std::min(codes.size(), start + kChunk);
    std::vector<Picture> pictures;
    std::vector<std::string> chunk_codes;
    for (std::size_t i = start; i < end; ++i) {
      Diagnostics diags;
      auto picture = library.resolve(codes[i], home.string(), "fidelity", Span{}, diags);
      if (!picture) {
        problems.push_back(codes[i] + ": " + (diags.items().empty() ? "not resolved" : diags.items()[0].message));
        continue;
      }
      pictures.push_back(std::move(*picture));
      chunk_codes.push_back(codes[i]);
    }
    Diagnostics diags;
    const std::string bytes = pdf::render(page_per_symbol(pictures), "fidelity.pdf", diags);
    if (bytes.empty()) {
      for (const auto& d : diags.items()) std::cerr << d.message << "\n";
      std::cerr << "pdf::render made no PDF for pictures " << start << " to " << end << "\n";
      return 1;
    }
    const fs::path pdf_path = work / "chunk.pdf";
    std::ofstream(pdf_path, std::ios::binary) << bytes;
    // Both rasterisers at once, on the two cores.
    const fs::path list = work / "svgs.txt";
    {
      std::ofstream out(list);
      for (const auto& code : chunk_codes) out << code << "\n";
    }
    const std::string rsvg = "xargs -P 2 -I{} rsvg-convert -w " + std::to_string(kPixels) + " -h " +
                             std::to_string(kPixels) + " -b white " + quoted((svg_dir / "{}.svg").string()) +
                             " -o " + quoted((work / "{}.png").string()) + " < " + quoted(list.string());
    const std::string poppler = "pdftoppm -r " + std::to_string(kPixels) + " " + quoted(pdf_path.string()) + " " +
                                quoted((work / "page").string());
    if (!run("(" + poppler + ") & (" + rsvg + "); wait")) return 1;
    // pdftoppm numbers pages with as many digits as the last page number needs.
    const int digits = int(std::to_string(chunk_codes.size()).size());
    for (std::size_t i = 0; i < chunk_codes.size(); ++i) {
      std::string number = std::to_string(i + 1);
      number.insert(0, std::size_t(std::max(0, digits - int(number.size()))), '0');
      const fs::path page = work / ("page-" + number + ".ppm");
      const fs::path png = work / (chunk_codes[i] + ".png");
      const auto ours = fidelity::read_ppm(page.string());
      const auto theirs = fidelity::read_png_on_white(png.string());
      const auto diff = ours && theirs ? fidelity::mean_difference(*ours, *theirs) : std::nullopt;
      if (!diff) {
        problems.push_back(chunk_codes[i] + ": no raster to compare");
      } else {
        if (differences.empty() || *diff > *std::max_element(differences.begin(), differences.end()))
          worst_code = chunk_codes[i];
        differences.push_back(*diff);
        if (*diff > kWorstLimit) problems.push_back(chunk_codes[i] + ": difference " + std::to_string(*diff));
      }
      if (!keep) {
        fs::remove(page);
        fs::remove(png);
      }
    }
    std::cerr << "compared " << end << " of " << codes.size() << "\n";
  }
  if (!keep) fs::remove_all(work);

  std::vector<double> sorted = differences;
  std::sort(sorted.begin(), sorted.end());
  const double median = sorted.empty() ? 0 : sorted[sorted.size() / 2];
  const double worst = sorted.empty() ? 0 : sorted.back();
  double mean = 0;
  for (double d : sorted) mean += d;
  mean = sorted.empty() ? 0 : mean / double(sorted.size());
  std::printf("OpenMoji fidelity at %d x %d pixels: %zu of %zu pictures compared\n", kPixels, kPixels,
              differences.size(), codes.size());
  std::printf("mean absolute difference (out of 255): median %.3f, mean %.3f, 99th percentile %.3f, worst %.3f (%s)\n",
              median, mean, sorted.empty() ? 0.0 : sorted[sorted.size() * 99 / 100], worst, worst_code.c_str());
  for (const auto& p : problems) std::printf("problem: %s\n", p.c_str());
  const bool pass = problems.empty() && differences.size() == codes.size() && median <= kMedianLimit &&
                    worst <= kWorstLimit;
  std::printf("%s (limits: median %.0f, worst %.0f, no picture skipped)\n", pass ? "PASS" : "FAIL", kMedianLimit,
              kWorstLimit);
  return pass ? 0 : 1;
}
