// easyread symbols: find pictures by words, and print contact sheets so a
// group can choose pictures together on paper.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "cli/files.hpp"
#include "cli/options.hpp"
#include "layout/fonts.hpp"
#include "pdf/pdf.hpp"
#include "symbols/symbols.hpp"

namespace easyread::cli {
namespace {

constexpr std::string_view kSymbolsIntro = R"(easyread symbols helps you find pictures.

How to use it:
  easyread symbols search WORDS            Shows the best pictures for your words.
  easyread symbols sheet -o pictures.pdf   Prints every picture in the catalogue.
  easyread symbols sheet WORDS -o F.pdf    Prints the pictures for your words.
)";

constexpr std::string_view kSymbolsOutro = R"(To use a picture, write its name or code in your notes:
  <point picture="doctor">  or  <point picture="1F9D1-200D-2695-FE0F">
)";

constexpr Option kSymbolsOptions[] = {
    {"output", 'o', "FILE", "Where to put the sheet. It is a PDF file.", ValueKind::file},
    {"pictures", 0, "FOLDER", "Use your own pictures too. You can say this more than once.", ValueKind::folder},
    {"help", 'h', "", "Show this help."},
};

struct Options {
  std::string action;
  std::vector<std::string> words;
  std::string output;
  std::vector<std::string> folders;
};

std::optional<Options> parse(const Args& args, int& exit_code) {
  const auto parsed = parse_command_line(symbols_spec(), args, exit_code);
  if (!parsed) return std::nullopt;
  Options o;
  o.output = parsed->value("output").value_or("");
  o.folders = parsed->values("pictures");
  for (const std::string& word : parsed->operands()) {
    if (o.action.empty()) o.action = word;
    else o.words.push_back(word);
  }
  if (o.action != "search" && o.action != "sheet") {
    std::cerr << (o.action.empty() ? std::string("easyread symbols: Please say search or sheet.\n")
                                   : "easyread symbols: I do not know \"" + o.action + "\".\n")
              << "For example: easyread symbols search doctor\n";
    return std::nullopt;
  }
  if (o.action == "search" && o.words.empty()) {
    std::cerr << "easyread symbols search: Please give a word to look for.\n"
              << "For example: easyread symbols search doctor\n";
    return std::nullopt;
  }
  if (o.action == "sheet" && o.output.empty()) {
    std::cerr << "easyread symbols sheet: Please say where to put the sheet.\n"
              << "For example: easyread symbols sheet -o pictures.pdf\n";
    return std::nullopt;
  }
  return o;
}

// A picture's code as people should read it: OpenMoji codes as they are,
// own pictures by their file name rather than a long path.
std::string shown_code(const std::string& code) {
  if (code.find('/') == std::string::npos) return code;
  return std::filesystem::path(code).filename().string();
}

int search(symbols::Library& library, const Options& o) {
  std::string phrase;
  for (const auto& w : o.words) phrase += (phrase.empty() ? "" : " ") + w;
  auto found = library.search(o.words, 10);
  for (auto& m : found) m.code = shown_code(m.code);
  if (found.empty()) {
    std::cout << "No pictures found for \"" << phrase << "\".\n"
              << "Try a shorter word, or a word that means the same.\n";
    return 1;
  }
  std::size_t name_width = 4, code_width = 4;
  for (const auto& m : found) {
    name_width = std::max(name_width, m.name.size());
    code_width = std::max(code_width, m.code.size());
  }
  std::cout << "Pictures for \"" << phrase << "\", best first:\n";
  std::cout << "  " << std::string("name").append(name_width - 4, ' ') << "  "
            << std::string("code").append(code_width - 4, ' ') << "  from\n";
  for (const auto& m : found)
    std::cout << "  " << std::string(m.name).append(name_width - m.name.size(), ' ') << "  "
              << std::string(m.code).append(code_width - m.code.size(), ' ') << "  " << m.origin << "\n";
  std::cout << "To use one, write picture=\"" << found.front().name << "\" in your notes.\n";
  return 0;
}

// One picture on the sheet, with every name that leads to it.
struct Entry {
  std::string code;
  std::vector<std::string> names;
};

std::vector<Entry> sheet_entries(symbols::Library& library, const Options& o) {
  std::vector<symbols::Match> matches;
  if (o.words.empty()) {
    matches = library.catalogue();
  } else {
    for (const auto& word : o.words) {
      auto found = library.search({word}, 12);
      matches.insert(matches.end(), found.begin(), found.end());
    }
  }
  std::vector<Entry> entries;
  for (const auto& m : matches) {
    auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.code == m.code; });
    if (it == entries.end()) entries.push_back({m.code, {m.name}});
    else if (std::find(it->names.begin(), it->names.end(), m.name) == it->names.end()) it->names.push_back(m.name);
  }
  return entries;
}

// Lays the pictures out in a big-print grid: 3 across, 4 down, each about 4 cm.
struct SheetBuilder {
  layout::Document doc;
  layout::FontSet& fonts;
  int font = 0;
  static constexpr double kMargin = 42, kColumns = 3, kRows = 4, kPicture = 113, kNameSize = 18,
                          kCodeSize = 12, kTitleSize = 26;
  const Color kText{0.1, 0.1, 0.1}, kCode{0.27, 0.27, 0.27};

  double cell_width() const { return (doc.page_width - 2 * kMargin) / kColumns; }
  double cell_height() const { return (doc.page_height - 2 * kMargin - 60 - 30) / kRows; }

  int add_node(const std::string& role, const std::string& alt = {}) {
    const int id = int(doc.nodes.size());
    doc.nodes.push_back({role, alt, 0, {}});
    doc.nodes[0].children.push_back(id);
    return id;
  }

  void add_line(layout::Page& page, const std::string& text, double size, double centre_x, double y, Color color,
                int node) {
    const double w = fonts.width(font, text, size);
    page.items.push_back(layout::TextItem{font, size, color, centre_x - w / 2, y, w, text, {}, node});
  }

  // Text centred on `centre_x` within `width`: made smaller down to 16 pt,
  // then broken after whole words onto a second line. Returns the lines used.
  int add_text(layout::Page& page, const std::string& text, double size, double centre_x, double y, double width,
               Color color, int node) {
    while (size > 16 && fonts.width(font, text, size) > width) size -= 1;
    if (fonts.width(font, text, size) <= width) {
      add_line(page, text, size, centre_x, y, color, node);
      return 1;
    }
    // The longest first line that fits, broken at a space.
    std::size_t cut = text.size();
    while (cut != std::string::npos && cut > 0 && fonts.width(font, text.substr(0, cut), size) > width)
      cut = text.rfind(' ', cut - 1);
    if (cut == std::string::npos || cut == 0) cut = text.find(' ');
    if (cut == std::string::npos) {  // one long word: let it be a little wide rather than cut it
      add_line(page, text, size, centre_x, y, color, node);
      return 1;
    }
    add_line(page, text.substr(0, cut), size, centre_x, y, color, node);
    add_line(page, text.substr(cut + 1), size, centre_x, y - size * 1.2, color, node);
    return 2;
  }

  void build(const std::vector<Entry>& entries, const std::vector<Picture>& pictures, const std::string& title) {
    doc.metadata.title = title;
    doc.metadata.credits = "Pictures: OpenMoji, CC BY-SA 4.0";
    doc.nodes.push_back({"Document", "", -1, {}});
    const std::size_t per_page = std::size_t(kColumns * kRows);
    const std::size_t page_count = std::max<std::size_t>(1, (entries.size() + per_page - 1) / per_page);
    for (std::size_t p = 0; p < page_count; ++p) {
      layout::Page page;
      const double top = doc.page_height - kMargin;
      if (p == 0) {
        const int h1 = add_node("H1");
        page.items.push_back(layout::TextItem{font, kTitleSize, kText, kMargin, top - kTitleSize, 
                                              fonts.width(font, title, kTitleSize), title, {}, h1});
      }
      for (std::size_t i = p * per_page; i < std::min(entries.size(), (p + 1) * per_page); ++i) {
        const std::size_t slot = i - p * per_page;
        const double column = double(slot % std::size_t(kColumns)), row = double(slot / std::size_t(kColumns));
        const double cx = kMargin + (column + 0.5) * cell_width();
        const double cell_top = top - 60 - row * cell_height();
        std::string names;
        for (const auto& n : entries[i].names) names += (names.empty() ? "" : ", ") + n;
        const int figure = add_node("Figure", names);
        doc.pictures.push_back(pictures[i]);
        const double aspect = pictures[i].aspect();
        const double w = aspect >= 1 ? kPicture : kPicture * aspect, h = aspect >= 1 ? kPicture / aspect : kPicture;
        page.items.push_back(layout::PictureItem{int(doc.pictures.size()) - 1, cx - w / 2,
                                                 cell_top - kPicture + (kPicture - h) / 2, w, h, figure});
        const int para = add_node("P");
        const int lines = add_text(page, names, kNameSize, cx, cell_top - kPicture - 22, cell_width() - 8, kText, para);
        add_line(page, shown_code(entries[i].code), kCodeSize, cx, cell_top - kPicture - 22 - lines * 19, kCode, para);
      }
      std::string footer = "Page " + std::to_string(p + 1) + " of " + std::to_string(page_count);
      if (p + 1 == page_count) footer += ". " + doc.metadata.credits;
      page.items.push_back(layout::TextItem{font, kCodeSize, kCode, kMargin, kMargin - 6,
                                            fonts.width(font, footer, kCodeSize), footer, {}, -1});
      doc.pages.push_back(std::move(page));
    }
  }
};

int sheet(symbols::Library& library, const Options& o) {
  const auto entries = sheet_entries(library, o);
  if (entries.empty()) {
    std::cout << "No pictures found for those words. Try a shorter word.\n";
    return 1;
  }
  Diagnostics diags;
  std::vector<Picture> pictures;
  std::vector<Entry> kept;
  for (const auto& e : entries) {
    if (auto picture = library.resolve(e.code, ".", o.output, {}, diags)) {
      pictures.push_back(std::move(*picture));
      kept.push_back(e);
    }
  }
  layout::FontSet fonts(data_home());
  const int font = fonts.find("Andika", false, o.output, diags);
  if (font < 0 || kept.empty()) {
    print_findings(std::cerr, diags);
    return 1;
  }
  SheetBuilder builder{{}, fonts, font};
  builder.doc.fonts = fonts.files();
  builder.build(kept, pictures, o.words.empty() ? "Pictures to choose from" : "Pictures for your words");
  builder.doc.fonts = fonts.files();
  const std::string bytes = pdf::render(builder.doc, o.output, diags);
  if (!bytes.empty()) write_file_atomically(o.output, bytes, diags);
  print_findings(std::cerr, diags);
  if (bytes.empty() || diags.has_errors()) {
    std::cerr << "No sheet was made. Fix the problems above, then try again.\n";
    return 1;
  }
  std::cout << o.output << ": " << kept.size() << " pictures on " << builder.doc.pages.size()
            << (builder.doc.pages.size() == 1 ? " page.\n" : " pages.\n");
  return 0;
}

}  // namespace

const CommandSpec& symbols_spec() {
  static const CommandSpec spec{"symbols", kSymbolsIntro, kSymbolsOutro, kSymbolsOptions, "search|sheet WORDS..."};
  return spec;
}

int run_symbols(const Args& args) {
  int exit_code = 2;
  const auto options = parse(args, exit_code);
  if (!options) return exit_code;
  symbols::Library library(data_home());
  Diagnostics setup;
  for (const auto& folder : options->folders) library.add_folder(folder, setup);
  if (setup.has_errors()) {
    print_findings(std::cerr, setup);
    return 2;
  }
  return options->action == "search" ? search(library, *options) : sheet(library, *options);
}

}  // namespace easyread::cli
