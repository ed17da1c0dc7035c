#!/usr/bin/env bash
# Start-up cost, before and after: the same short runs with two easyread
# programs (for example the main branch's Release build and this one's).
# Each run's instructions are counted by callgrind (the same on a busy
# machine), and its wall time is the median of RUNS runs (21 if you do not say),
# the two programs in turns.
#   bench/startup.sh BEFORE_PROGRAM AFTER_PROGRAM [RUNS]
# Cases: `easyread --version`, an 8-page build (PDF, without and with the
# checks) and the 12-page sample as a web page.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
before="$(realpath "$1")"
after="$(realpath "$2")"
runs="${3:-21}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The 8-page document of bench/build.sh: the minutes sample's first four sections.
python3 - "$here/samples/minutes.xml" "$work/eight.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
tree = ET.parse(sys.argv[1]); root = tree.getroot()
for s in [s for s in root if s.tag == "section"][4:]: root.remove(s)
tree.write(sys.argv[2], encoding="utf-8", xml_declaration=True)
PY
cp -r "$here/samples/photos" "$work/"

# millions PROGRAM ARGS... -> millions of instructions for one run.
millions() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    awk '/Collected/ {printf "%.1f\n", $NF / 1e6}'
}

# wall_ms ARGS... -> "BEFORE_MS AFTER_MS": the median wall time of RUNS runs of
# each program, run in turns (before, after, before, ...) so that a busy
# minute slows both alike.
wall_ms() {
  local before_times=() after_times=()
  for _ in $(seq "$runs"); do
    for side in before after; do
      local program="$before"
      [[ $side == after ]] && program="$after"
      local start=$EPOCHREALTIME
      "$program" "$@" >/dev/null 2>&1
      local ms
      ms="$(echo "($EPOCHREALTIME - $start) * 1000" | bc -l)"
      if [[ $side == before ]]; then before_times+=("$ms"); else after_times+=("$ms"); fi
    done
  done
  for times in "${before_times[*]}" "${after_times[*]}"; do
    tr ' ' '\n' <<<"$times" | sort -n | awk '{a[NR]=$1} END {printf "%.1f ", a[int((NR+1)/2)]}'
  done
}

printf '%-38s %12s %12s %10s %10s\n' case "before Mi" "after Mi" "before ms" "after ms"
run_case() {
  local name="$1"; shift
  local counts=() times=()
  for program in "$before" "$after"; do
    counts+=("$(millions "$program" "$@")")
  done
  read -r -a times <<<"$(wall_ms "$@")"
  printf '%-38s %12s %12s %10s %10s\n' "$name" "${counts[0]}" "${counts[1]}" "${times[0]}" "${times[1]}"
}
run_case "easyread --version" --version
run_case "8 pages, PDF, --no-check" build "$work/eight.xml" -q --no-check -o "$work/eight.pdf"
run_case "8 pages, PDF, with the checks" build "$work/eight.xml" -q -o "$work/eight.pdf"
run_case "12 pages (minutes.xml), web page" build "$here/samples/minutes.xml" -q --no-check -o "$work/minutes.html"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
