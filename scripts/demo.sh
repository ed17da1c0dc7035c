#!/usr/bin/env bash
# Sets up what is missing, builds easyread, and makes a PDF from a sample:
# out/minutes.pdf. Run it from anywhere.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bash "$here/scripts/setup.sh"
cmake -S "$here" -B "$here/build" -DCMAKE_BUILD_TYPE=Release -DEASYREAD_TESTS=OFF >/dev/null
cmake --build "$here/build" -j"$(nproc)" --target easyread
mkdir -p "$here/out"
"$here/build/easyread" build "$here/samples/minutes.xml" -o "$here/out/minutes.pdf"
echo "Your PDF is ready: $here/out/minutes.pdf"
