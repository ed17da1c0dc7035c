#!/usr/bin/env bash
# Sets up what is missing, builds easyread, and runs every test twice:
# once in a normal build, once with the address and undefined-behaviour
# sanitizers; then runs each fuzzer for a bounded time. .ci/run calls this script.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jobs="$(nproc)"
bash "$here/scripts/setup.sh"
[ -f "$here/scripts/fetch-cmudict.sh" ] && bash "$here/scripts/fetch-cmudict.sh"

echo "== Normal build and all tests"
cmake -S "$here" -B "$here/build-test" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$here/build-test" -j"$jobs"
(cd "$here/build-test" && ctest --output-on-failure -j"$jobs")

echo "== Sanitizer build (address and undefined behaviour) and the tests again"
cmake -S "$here" -B "$here/build-asan" -DCMAKE_BUILD_TYPE=Debug -DEASYREAD_SANITIZE=ON >/dev/null
cmake --build "$here/build-asan" -j"$jobs"
# The whole-set picture fidelity test and the slow tests (LibreOffice printing
# Word files) already ran above; under the sanitizers they would take long and
# test nothing new about easyread's memory.
(cd "$here/build-asan" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure -j"$jobs" -LE "fidelity|slow")

echo "== Fuzzers (clang, libFuzzer, sanitizers): each reader for a bounded time"
# A build folder of its own, as the fuzzers need clang. EASYREAD_FUZZ_SECONDS
# (10 if not set) is each fuzzer's time: 6 fuzzers two at a time, about 30 s in all.
CC=clang CXX=clang++ cmake -S "$here" -B "$here/build-fuzz" -DCMAKE_BUILD_TYPE=Debug -DEASYREAD_FUZZ=ON \
  -DEASYREAD_TESTS=OFF -DEASYREAD_FUZZ_SECONDS="${EASYREAD_FUZZ_SECONDS:-10}" >/dev/null
cmake --build "$here/build-fuzz" -j"$jobs"
(cd "$here/build-fuzz" && ctest --output-on-failure -j"$jobs" -L fuzz)
