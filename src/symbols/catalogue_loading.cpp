// The picture catalogue, read on a thread of its own from the moment the
// Library is made, so the caller reads the notes meanwhile. Every method
// that needs the catalogue's names waits for them (wait_loaded).
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "symbols/library_impl.hpp"
#include "symbols/picture_files.hpp"

namespace easyread::symbols {
namespace fs = std::filesystem;

Library::Impl::Catalogue Library::Impl::read_catalogue(const std::string& data_home) {
  Catalogue read;
  const fs::path home(data_home);
  const fs::path catalogue = home / "symbols" / "catalogue.tsv";
  if (auto text = detail::read_text_file(catalogue.string())) {
    for (const auto& e : detail::parse_catalogue(*text, catalogue.string(), read.problems)) {
      read.names.add(detail::Source::catalogue, e.name, detail::upper_ascii(e.target), false);
      read.entries.push_back({e.name, detail::upper_ascii(e.target), "catalogue"});
    }
  }
  const fs::path unsuitable_list = home / "symbols" / "unsuitable.tsv";
  if (auto text = detail::read_text_file(unsuitable_list))
    for (const auto& e : detail::parse_catalogue(*text, unsuitable_list.string(), read.problems))
      read.unsuitable.insert(detail::upper_ascii(e.target));
  return read;
}

void Library::Impl::wait_loaded() {
  if (!loading.valid()) return;
  Catalogue read;
  if (::getpid() != loader_pid && loading.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
    // A copy of the process (fork) made while it was being read: the
    // thread reading it is not in this one, so read it here.
    loading = {};
    read = read_catalogue(data_home);
  } else {
    read = loading.get();
    // It has ended: no thread of ours is left running. Only the process that
    // made the thread may join it (in a forked copy it does not exist).
    if (loader.joinable() && ::getpid() == loader_pid) loader.join();
  }
  names = std::move(read.names);
  catalogue_entries = std::move(read.entries);
  unsuitable = std::move(read.unsuitable);
  load_problems = std::move(read.problems);
}

Library::Impl::~Impl() {
  if (!loader.joinable()) return;
  if (::getpid() == loader_pid) loader.join();
  else loader.detach();  // a copy of the process: the thread is not here
}

Library::Library(std::string data_home) : impl_(std::make_unique<Impl>()) {
  impl_->data_home = std::move(data_home);
  impl_->openmoji_dir = (fs::path(impl_->data_home) / "third_party" / "openmoji").string();
  // The catalogue's names are indexed on another thread while the caller
  // reads the notes: every method that needs them waits for them first.
  std::promise<Impl::Catalogue> promise;
  impl_->loading = promise.get_future();
  impl_->loader_pid = ::getpid();
  // With every signal blocked: a server blocks SIGTERM only after the Library
  // is made, and waits for it on one thread; this one must never take it.
  struct SignalsBlocked {
    sigset_t before;
    SignalsBlocked() {
      sigset_t all;
      sigfillset(&all);
      pthread_sigmask(SIG_SETMASK, &all, &before);
    }
    ~SignalsBlocked() { pthread_sigmask(SIG_SETMASK, &before, nullptr); }
  } blocked;  // until the thread is made: it keeps the mask it starts with
  impl_->loader = std::thread([promise = std::move(promise), home = impl_->data_home]() mutable {
    try {
      promise.set_value(Impl::read_catalogue(home));
    } catch (...) {
      promise.set_exception(std::current_exception());
    }
  });
}

void Library::wait_until_loaded() {
  const std::lock_guard hold(impl_->lock);
  impl_->wait_loaded();
}

}  // namespace easyread::symbols
