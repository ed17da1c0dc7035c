#!/usr/bin/env bash
# Build benchmark: how long `easyread build` takes and how much memory it uses.
#   bash bench/build.sh [RUNS]
# Reports, for a Release build of easyread:
#   - the largest sample (samples/minutes.xml): median wall time and peak memory;
#   - an 8-page document, without and with the plain-language checks: median wall time and
#     peak memory (target: under 30 ms, under 40 MB);
#   - a batch: 20 copies of the 8-page document in one call, on every core, without and with
#     the checks (target: under 150 ms);
#   - the web page of the largest sample: median wall time without and with the checks
#     (the checks run on a second thread), and its size beside the PDF's
#     (target: under 20 ms and under 60% of the PDF's size), and the instructions it takes
#     beside the PDF's (with valgrind; these do not change when the machine is busy);
#   - the Word file of the largest sample: median wall time of one build (target: under 40 ms),
#     the instructions it takes (its symbols are drawn on two threads; both are counted),
#     and 20 copies in one call, where the symbols' PNG pictures are drawn once for all 20
#     (the per-process cache), and one more Word file in a process that has made one before
#     (target: under 40 ms, with the symbols' PNG pictures cached per process);
#   - pictures: the extra time 30 distinct OpenMoji symbols cost (fastest of the runs, as the
#     difference is small; target: under 5 ms), and the
#     median size one symbol adds to the PDF (target: under 2 KB).
# Wall times are medians of RUNS runs (default 21) on this machine; close other work first.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-21}"
bench="$here/build-bench"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# EASYREAD_BENCH_BINARY measures another build (say, of the main branch) for a before and after.
if [[ -n "${EASYREAD_BENCH_BINARY:-}" ]]; then
  easyread="$EASYREAD_BENCH_BINARY"
else
  cmake -S "$here" -B "$bench" -DCMAKE_BUILD_TYPE=Release -DEASYREAD_TESTS=OFF >/dev/null
  cmake --build "$bench" -j"$(nproc)" --target easyread >/dev/null
  easyread="$bench/easyread"
fi

# measure FILE.xml EXTRA_ARGS... -> "MEDIAN_MS PEAK_KB PAGES FASTEST_MS"
measure() {
  local input="$1"; shift
  local times=() peaks=()
  for _ in $(seq "$runs"); do
    local start=$EPOCHREALTIME
    /usr/bin/time -f "%M" -o "$work/time" "$easyread" build "$input" -q -o "$work/out.pdf" "$@"
    local end=$EPOCHREALTIME
    times+=("$(echo "($end - $start) * 1000" | bc -l)")
    read -r kb < "$work/time"
    peaks+=("$kb")
  done
  local median fastest peak
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  # Each run's peak memory, and the median of those (one run in many can be far off).
  peak=$(printf '%s\n' "${peaks[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  fastest=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
  echo "$median $peak $(pdfinfo "$work/out.pdf" | awk '/^Pages:/ {print $2}') $fastest"
}

# measure_output FILE.xml EXT [EXTRA_ARGS...] -> "MEDIAN_MS SIZE_BYTES" for the web page
# (html) or the Word file (docx) alone, without the checks unless EXTRA_ARGS say --check.
measure_output() {
  local input="$1" ext="$2" times=() check="--no-check"
  [[ "${3:-}" == "--check" ]] && check=""
  for _ in $(seq "$runs"); do
    local start=$EPOCHREALTIME
    "$easyread" build "$input" -q $check -o "$work/out.$ext"
    local end=$EPOCHREALTIME
    times+=("$(echo "($end - $start) * 1000" | bc -l)")
  done
  echo "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') $(stat -c %s "$work/out.$ext")"
}

# instructions FILE.xml OUTPUT -> millions of instructions for one build, counted
# by callgrind: unlike wall time, the same on a busy machine. "-" without valgrind.
instructions() {
  if ! command -v valgrind >/dev/null 2>&1; then echo "-"; return; fi
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$easyread" build "$1" -q --no-check -o "$2" 2>&1 |
    awk '/refs:/ {gsub(",", "", $NF); printf "%.0f\n", $NF / 1e6}'
}

# An 8-page document: the minutes sample's first sections, as written by a group.
python3 - "$here/samples/minutes.xml" "$work/eight.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
tree = ET.parse(sys.argv[1]); root = tree.getroot()
sections = [s for s in root if s.tag == "section"]
for s in sections[4:]: root.remove(s)
tree.write(sys.argv[2], encoding="utf-8", xml_declaration=True)
PY

# measure_batch EXTRA_ARGS... -> "MEDIAN_MS PEAK_KB": the 8-page document 20 times, in one call.
measure_batch() {
  local times=() peaks=()
  for _ in $(seq "$runs"); do
    rm -rf "$work/batch-out"
    local start=$EPOCHREALTIME
    /usr/bin/time -f "%M" -o "$work/time" "$easyread" build "${batch[@]}" -q -o "$work/batch-out/" "$@"
    local end=$EPOCHREALTIME
    times+=("$(echo "($end - $start) * 1000" | bc -l)")
    read -r kb < "$work/time"
    peaks+=("$kb")
  done
  local median peak
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  peak=$(printf '%s\n' "${peaks[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$median $peak"
}

# 20 copies of the 8-page document, each under its own name.
batch=()
for i in $(seq -w 1 20); do
  cp "$work/eight.xml" "$work/eight-$i.xml"
  batch+=("$work/eight-$i.xml")
done

# 20 copies of the largest sample, for the Word files of a batch.
word_batch=()
cp -r "$here/samples/photos" "$work/"
for i in $(seq -w 1 20); do
  cp "$here/samples/minutes.xml" "$work/minutes-$i.xml"
  word_batch+=("$work/minutes-$i.xml")
done

word_first="$work/minutes-first.xml"
cp "$here/samples/minutes.xml" "$word_first"

# measure_word_batch -> "MEDIAN_MS": the 20 Word files, in one call.
measure_word_batch() {
  local times=()
  for _ in $(seq "$runs"); do
    rm -rf "$work/word-out"
    local start=$EPOCHREALTIME
    "$easyread" build "${word_batch[@]}" -q --no-check --format docx -o "$work/word-out/"
    local end=$EPOCHREALTIME
    times+=("$(echo "($end - $start) * 1000" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# measure_word_warm -> "MEDIAN_MS": one more Word file in a process that has made one before,
# so that the symbols' PNG pictures come from its cache (the issue's "cached per process", as in
# the web server or a batch). One worker (-j 1) makes 1 file, then 21; the difference over 20.
measure_word_warm() {
  local times=()
  for _ in $(seq "$runs"); do
    rm -rf "$work/word-out"
    local start=$EPOCHREALTIME
    "$easyread" build "$word_first" -q -j 1 --no-check --format docx -o "$work/word-out/"
    local middle=$EPOCHREALTIME
    rm -rf "$work/word-out"
    local middle2=$EPOCHREALTIME
    "$easyread" build "$word_first" "${word_batch[@]}" -q -j 1 --no-check --format docx -o "$work/word-out/"
    local end=$EPOCHREALTIME
    times+=("$(echo "(($end - $middle2) - ($middle - $start)) * 1000 / 20" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# 30 distinct symbols, and the same document with no pictures.
# 30 symbols spread over the whole set (every 150th file).
codes=$(ls "$here/third_party/openmoji/color/svg" | awk 'NR % 150 == 0 && NR <= 4500 {sub(/\.svg$/, ""); print}')
{
  echo '<easyread title="Thirty pictures"><section title="Pictures">'
  for c in $codes; do echo "<point picture=\"$c\">This is a short sentence.</point>"; done
  echo '</section></easyread>'
} > "$work/symbols.xml"
sed 's/picture="[0-9A-F]*"/picture="none"/' "$work/symbols.xml" > "$work/none.xml"

read -r big_ms big_kb big_pages _ < <(measure "$here/samples/minutes.xml" --no-check)
big_pdf_size=$(stat -c %s "$work/out.pdf")
read -r html_ms html_size < <(measure_output "$here/samples/minutes.xml" html)
read -r html_checked_ms _ < <(measure_output "$here/samples/minutes.xml" html --check)
html_instructions=$(instructions "$here/samples/minutes.xml" "$work/count.html")
pdf_instructions=$(instructions "$here/samples/minutes.xml" "$work/count.pdf")
read -r docx_ms docx_size < <(measure_output "$here/samples/minutes.xml" docx)
docx_instructions=$(instructions "$here/samples/minutes.xml" "$work/count.docx")
read -r word_batch_ms < <(measure_word_batch)
read -r word_warm_ms < <(measure_word_warm)
read -r eight_ms eight_kb eight_pages _ < <(measure "$work/eight.xml" --no-check)
read -r eight_checked_ms eight_checked_kb _ _ < <(measure "$work/eight.xml")
read -r _ _ _ sym_ms < <(measure "$work/symbols.xml" --no-check)
read -r _ _ _ none_ms < <(measure "$work/none.xml" --no-check)
read -r checked_ms _ _ _ < <(measure "$here/samples/minutes.xml")
read -r batch_ms batch_kb < <(measure_batch --no-check)
read -r batch_checked_ms batch_checked_kb < <(measure_batch)

# Size one symbol adds: each of the 30 beside one fixed symbol, against the
# fixed symbol alone (so the picture credit, which any symbol brings, is in both).
sed '0,/picture="none"/s//picture="1F4C5"/' "$work/none.xml" > "$work/base.xml"
"$easyread" build "$work/base.xml" -q --no-check -o "$work/base.pdf"
base=$(stat -c %s "$work/base.pdf")
sizes=()
for c in $codes; do
  sed "0,/picture=\"none\"/s//picture=\"$c\"/" "$work/base.xml" > "$work/one.xml"
  "$easyread" build "$work/one.xml" -q --no-check -o "$work/one.pdf"
  sizes+=($(( $(stat -c %s "$work/one.pdf") - base )))
done
median_symbol=$(printf '%s\n' "${sizes[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')

echo "easyread build benchmark ($runs runs each: median wall time, median peak memory)"
printf '  %-44s %7.1f ms  %6.1f MB  (%s pages)\n' "largest sample, samples/minutes.xml" "$big_ms" "$(echo "$big_kb/1024" | bc -l)" "$big_pages"
printf '  %-44s %7.1f ms\n' "  the same, with the plain-language checks" "$checked_ms"
printf '  %-44s %7.1f ms  %6.1f KB  (%.0f%% of the PDF'"'"'s %.1f KB; target 20 ms, 60%%)\n' "  the same as a web page (-o minutes.html)" "$html_ms" "$(echo "$html_size/1024" | bc -l)" "$(echo "100*$html_size/$big_pdf_size" | bc -l)" "$(echo "$big_pdf_size/1024" | bc -l)"
printf '  %-44s %7.1f ms  (the command as people type it)\n' "  the web page, with the checks" "$html_checked_ms"
printf '  %-44s %7s million instructions (the PDF: %s million)\n' "  the web page, counted" "$html_instructions" "$pdf_instructions"
printf '  %-44s %7.1f ms  %6.1f KB  (target 40 ms)\n' "  the same as a Word file (-o minutes.docx)" "$docx_ms" "$(echo "$docx_size/1024" | bc -l)"
printf '  %-44s %7s million instructions (both threads)\n' "  the Word file, counted" "$docx_instructions"
printf '  %-44s %7.1f ms  (%.1f ms a file; symbols drawn once a call)\n' "  20 Word files of it, one call" "$word_batch_ms" "$(echo "$word_batch_ms/20" | bc -l)"
printf '  %-44s %7.1f ms  (target 40 ms, symbols cached per process)\n' "  one more Word file in a process that made one" "$word_warm_ms"
printf '  %-44s %7.1f ms  %6.1f MB  (%s pages; target 30 ms, 40 MB)\n' "8-page document" "$eight_ms" "$(echo "$eight_kb/1024" | bc -l)" "$eight_pages"
printf '  %-44s %7.1f ms  %6.1f MB\n' "  the same, with the plain-language checks" "$eight_checked_ms" "$(echo "$eight_checked_kb/1024" | bc -l)"
printf '  %-44s %7.1f ms  %6.1f MB  (target 150 ms, on every core)\n' "20 copies of the 8-page document, one call" "$batch_ms" "$(echo "$batch_kb/1024" | bc -l)"
printf '  %-44s %7.1f ms  %6.1f MB\n' "  the same, with the plain-language checks" "$batch_checked_ms" "$(echo "$batch_checked_kb/1024" | bc -l)"
# A small difference: the fastest runs, which vary much less than the medians.
printf '  %-44s %7.1f ms  (fastest runs; target 5 ms)\n' "30 distinct symbols, extra time" "$(echo "$sym_ms - $none_ms" | bc -l)"
printf '  %-44s %7d bytes  (target 2048)\n' "one symbol, median size added to the PDF" "$median_symbol"
