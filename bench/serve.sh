#!/usr/bin/env bash
# Web server benchmark: easyread serve under load from wrk, on 127.0.0.1 only.
#   bash bench/serve.sh [SECONDS] [ROUNDS]
# Reports, for a Release build of easyread:
#   - POST /api/check with a one-page letter (text/plain), 8 connections:
#     requests a second and the 99th-percentile time (aim: 1,000 a second, p99 under 20 ms);
#   - POST /api/build of the 12-page sample (samples/minutes.xml and its photo) to a PDF,
#     8 connections: requests a second and p99 (aim: 40 a second, p99 under 150 ms);
#   - the server's memory (resident, from /proc) at the start, after the first round of
#     load, and after a second round: it should stay about the same.
# Each wrk run lasts SECONDS (default 30), and each of ROUNDS rounds (default 2) has 2 runs:
# 2 minutes of load if you do not say.
# The server runs with --builds 8, so that all 8 connections build at once and the
# figure is builds a second, not refusals (the default allows one build per core).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-30}"
rounds="${2:-2}"
bench="$here/build-bench"
work="$(mktemp -d)"
server=""
cleanup() {
  [[ -n "$server" ]] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "bench/serve.sh needs wrk: sudo apt-get install wrk" >&2; exit 1; }

if [[ -n "${EASYREAD_BENCH_BINARY:-}" ]]; then
  easyread="$EASYREAD_BENCH_BINARY"
else
  cmake -S "$here" -B "$bench" -DCMAKE_BUILD_TYPE=Release -DEASYREAD_TESTS=OFF >/dev/null
  cmake --build "$bench" -j2 --target easyread easyread_serve >/dev/null
  easyread="$bench/easyread"
fi

# A one-page letter from a hospital (about 330 words), and the 12-page sample as a form.
python3 - "$here" "$work" <<'PY'
import os, sys, re
here, work = sys.argv[1], sys.argv[2]
paragraph = ("Thank you for coming to the clinic last week. We have looked at the results of your blood test. "
             "The commissioners facilitated a review of the service in order to assess your eligibility for support. "
             "Please bring this letter and a list of your medicines when you come. "
             "If you cannot come, please phone us on 0300 123 4567 so we can give the time to someone else. ")
open(os.path.join(work, "letter.txt"), "w").write("Dear Sam,\n\n" + "\n\n".join([paragraph] * 5) + "\n\nFrom the team\n")
notes = open(os.path.join(here, "samples", "minutes.xml"), "rb").read()
boundary = "benchboundary7d1f"
parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="notes"\r\n\r\n'.encode() + notes + b"\r\n"]
for photo in sorted(set(re.findall(rb'picture="(photos/[^"]+)"', notes))):
    data = open(os.path.join(here, "samples", photo.decode()), "rb").read()
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="picture"; filename="{photo.decode()}"\r\n'
                 f"Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n")
open(os.path.join(work, "build.form"), "wb").write(b"".join(parts) + f"--{boundary}--\r\n".encode())
open(os.path.join(work, "boundary"), "w").write(boundary)
PY

cat > "$work/check.lua" <<LUA
local f = io.open("$work/letter.txt", "rb"); wrk.body = f:read("*a"); f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain; charset=utf-8"
LUA
cat > "$work/build.lua" <<LUA
local f = io.open("$work/build.form", "rb"); wrk.body = f:read("*a"); f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "multipart/form-data; boundary=$(cat "$work/boundary")"
LUA

"$easyread" serve --port 0 --builds 8 > "$work/serve.out" &
server=$!
for _ in $(seq 100); do grep -q "Open http" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://[^ ]*' "$work/serve.out")"
memory() { awk '/VmRSS/ {printf "%.1f MB", $2 / 1024}' "/proc/$server/status"; }

# run NAME PATH SCRIPT -> one line: requests a second, p99, and any answer that was not 2xx.
run() {
  local out
  out="$(wrk -t2 -c8 -d"${seconds}s" --timeout 10s --latency -s "$3" "$url$2")"
  local rate p99 bad
  rate="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  bad="$(awk '/Non-2xx/ {print $5}' <<<"$out")"
  printf '  %-32s %8s requests a second, p99 %8s, answers not 2xx: %s\n' "$1" "$rate" "$p99" "${bad:-0}"
}

echo "easyread serve on $url, wrk -t2 -c8, ${seconds} s a run ($(nproc) cores)"
echo "memory at the start:           $(memory)"
curl -s -o /dev/null -X POST --data-binary @"$work/letter.txt" -H 'Content-Type: text/plain' "$url/api/check"
echo "memory after one check:        $(memory)"
for round in $(seq "$rounds"); do
  echo "round $round:"
  run "/api/check (one-page letter)" /api/check "$work/check.lua"
  run "/api/build (12-page PDF)" /api/build "$work/build.lua"
  echo "memory after round $round:        $(memory)"
done
