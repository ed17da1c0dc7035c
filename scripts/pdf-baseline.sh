#!/usr/bin/env bash
# Builds both samples in every template, and two symbol sheets, into a folder,
# so that a change that should not change any PDF can be checked with cmp.
#
#   scripts/pdf-baseline.sh build/easyread /tmp/before     # before the change
#   scripts/pdf-baseline.sh build/easyread /tmp/after      # after it
#   scripts/pdf-baseline.sh --compare /tmp/before /tmp/after
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--compare" ]]; then
  before=$2 after=$3 status=0
  for f in "$before"/*.pdf; do
    name=$(basename "$f")
    if [[ ! -f "$after/$name" ]]; then
      echo "missing: $name"; status=1
    elif cmp -s "$f" "$after/$name"; then
      echo "same:    $name"
    else
      echo "differs: $name"; status=1
    fi
  done
  exit $status
fi

program=$(realpath "${1:?give the easyread program}")
out=${2:?give a folder for the PDFs}
mkdir -p "$out"
for sample in samples/*.xml; do
  for template in templates/*.xml; do
    name=$(basename "$sample" .xml)-$(basename "$template" .xml).pdf
    "$program" build --no-check -q -t "$(basename "$template" .xml)" "$sample" -o "$out/$name"
  done
done
"$program" symbols sheet doctor bus house letter calendar -o "$out/sheet-words.pdf" >/dev/null
"$program" symbols sheet -o "$out/sheet-all.pdf" >/dev/null
ls "$out" | wc -l
