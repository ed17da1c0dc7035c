// Engine::build: notes to a document's bytes, with the checks beside it.
#include <chrono>
#include <exception>
#include <future>
#include <optional>
#include <new>
#include <thread>

#include "api/engine_impl.hpp"
#include "layout/layout.hpp"
#include "pipeline/pipeline.hpp"
#include "markup/markup.hpp"
#include "pdf/pdf.hpp"

namespace easyread {
namespace {

// True, with the error added, when the build's deadline has passed.
bool out_of_time(const BuildOptions& options, const std::string& file, Diagnostics& diags) {
  if (!options.deadline || std::chrono::steady_clock::now() < *options.deadline) return false;
  if (!diags.has_errors())
    diags.error(file, {}, "took-too-long", "Making this document took too long, so easyread stopped.",
                "Try again in a minute. If it happens again, make the notes shorter.");
  return true;
}

struct Made {
  std::string bytes;
  int pages = 0;
};

// The one place that wires the stages together for a document: notes ->
// pipeline (content, and pages for a PDF) -> the chosen format's writer. A
// new format changes only this.
Made make_document(const markup::Document& notes, symbols::Library& library, word::Resources& word_resources,
                   pdf::Resources& pdf_resources, const std::string& data_home, const std::vector<std::string>& allowed_folders,
                   const BuildOptions& options, bool disk_pictures,
                   Diagnostics& diags) {
  const pipeline::Options pipeline_options{data_home, options.template_name, {&options.pictures, disk_pictures},
                                          allowed_folders,
                                          [&] { return out_of_time(options, notes.path, diags); },
                                          Deadline(options.deadline)};
  switch (options.format) {
    case Format::pdf: {
      auto laid_out = pipeline::lay_out(notes, library, pipeline_options, diags);
      if (!laid_out || out_of_time(options, notes.path, diags)) return {};
      Made made;
      made.bytes = pdf::render(*laid_out, notes.path, diags, &pdf_resources, Deadline(options.deadline));
      made.pages = static_cast<int>(laid_out->pages.size());
      return made;
    }
    case Format::docx: {
      auto bytes = pipeline::write_word(notes, library, pipeline_options, word_resources, notes.path, diags);
      if (!bytes) return {};
      return Made{std::move(*bytes), 0};
    }
    case Format::html: {
      auto page = pipeline::web_page(notes, library, pipeline_options, notes.path, diags);
      if (!page) return {};
      return Made{std::move(*page), 0};
    }
  }
  return {};
}

void add_internal_error(Diagnostics& diags, const std::string& file, const std::string& what) {
  diags.error(file, {}, "internal", "easyread stopped: " + what,
              "Try again. If it happens again, tell the people who make easyread.");
}

// The checks' thread: loads the word lists, then checks the notes once they
// are read (none: nothing to check). Every problem goes into `found`; on
// this thread, an escaped exception would end the program.
// `checker_for(settings, diags)` gives the engine's checker for those settings.
template <class CheckerFor>
void run_checks(const CheckerFor& checker_for, const std::string& name, const BuildOptions& options,
                std::future<const markup::Document*>& notes, Diagnostics& found) {
  try {
    const check::Settings settings = check_settings(name, options.check_options, found);
    const auto checker = checker_for(settings, found);
    if (const markup::Document* doc = notes.get())
      found.append(checker->check_document(*doc, Deadline(options.deadline)).diagnostics);
  } catch (const OutOfTime&) {
    out_of_time(options, name, found);
  } catch (const std::exception& e) {
    found.error(name, {}, "check", std::string("The checks stopped: ") + e.what(),
                "Build again without the checks to make the document.");
  }
}

}  // namespace

BuildResult Engine::build(const Input& notes, const BuildOptions& options) const {
  BuildResult result;
  Diagnostics diags;
  try {
    const bool from_disk = !notes.text.has_value();
    // The checks only read the notes and never change the document, so they
    // run on a second thread (a second core) beside the layout. Their word
    // lists load there while the notes are read; the notes come to that
    // thread through `notes_ready` (nullptr: there is nothing to check).
    std::optional<markup::Document> doc;
    Diagnostics check_diags, layout_diags;
    std::promise<const markup::Document*> notes_ready;
    std::jthread checking;
    const auto checker_for = [this](const check::Settings& settings, Diagnostics& load_errors) {
      return impl_->checker(settings, load_errors);
    };
    if (options.check)
      checking = std::jthread([&, ready = notes_ready.get_future()]() mutable {
        run_checks(checker_for, notes.name, options, ready, check_diags);
      });
    // Whatever happens below, the checks' thread is told before it is waited for.
    struct Handover {
      std::promise<const markup::Document*>& promise;
      bool given = false;
      void give(const markup::Document* d) {
        if (!given) promise.set_value(d);
        given = true;
      }
      ~Handover() { give(nullptr); }
    } handover{notes_ready};
    doc = from_disk ? markup::read_file(notes.name, diags) : markup::read_string(*notes.text, notes.name, diags);
    if (doc && !out_of_time(options, notes.name, diags)) {
      handover.give(&*doc);
      Made made;
      try {
        made = make_document(*doc, impl_->library, impl_->word_resources, impl_->pdf_resources, impl_->data_home,
                             impl_->allowed_folders, options, from_disk, layout_diags);
      } catch (const OutOfTime&) {
        out_of_time(options, notes.name, layout_diags);
      } catch (const std::exception& e) {
        add_internal_error(layout_diags, notes.name, e.what());
      }
      if (checking.joinable()) checking.join();  // before its findings are read
      diags.append(check_diags);
      diags.append(layout_diags);
      out_of_time(options, notes.name, diags);
      result.bytes = std::move(made.bytes);
      result.pages = made.pages;
    }
  } catch (const std::bad_alloc&) {
    add_internal_error(diags, notes.name, "there was not enough memory.");
  } catch (const std::exception& e) {
    add_internal_error(diags, notes.name, e.what());
  } catch (...) {
    add_internal_error(diags, notes.name, "something went wrong inside.");
  }
  if (diags.has_errors()) result.bytes.clear();
  result.diagnostics = std::move(diags.items());
  return result;
}

}  // namespace easyread
