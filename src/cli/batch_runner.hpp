// Runs many jobs in a few long-lived worker processes, so that a crash while
// making one file cannot stop the others, and prints each job's lines in the
// order of the jobs.
#pragma once
#include <cstddef>
#include <functional>
#include <string>

namespace easyread::cli {

// What a job prints, kept until the jobs before it have printed.
struct Printed {
  std::string out, err;
  bool failed = false;
};

// Makes job `index` in a worker; runs in the worker process.
using MakeJob = std::function<Printed(std::size_t index)>;
// What to print for job `index` when its worker stopped before it was done;
// `how` says how, in plain words ("signal 11", "exit code 3").
using TellStopped = std::function<std::string(std::size_t index, const std::string& how)>;

// Makes jobs 0 .. count-1 in up to `workers` processes forked from this one
// (so they share what it has loaded), each making many jobs and keeping its
// own caches. A worker that stops is replaced and its job is told as failed;
// the others go on. Prints each job's `err`, then its `out`, in job order, as
// soon as the jobs before it are done. Returns how many jobs failed.
int run_in_workers(std::size_t count, unsigned workers, const MakeJob& make, const TellStopped& tell_stopped);

}  // namespace easyread::cli
