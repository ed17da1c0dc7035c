#!/usr/bin/env bash
# Runs one libFuzzer harness for a bounded time on a fresh copy of its seeds.
# Usage: run-fuzzer.sh HARNESS SECONDS WORK_DIR SEED_DIR...
# New inputs go to WORK_DIR/corpus; a crash is saved in WORK_DIR as crash-*.
set -euo pipefail
harness="$1" seconds="$2" work="$3"
shift 3
mkdir -p "$work/corpus"
# Timeouts and memory are limited too: an input that takes 10 s or 2 GB is a bug.
exec "$harness" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
  -artifact_prefix="$work/" -print_final_stats=1 "$work/corpus" "$@"
