#!/usr/bin/env bash
# Installs easyread into a temporary prefix, moves the prefix somewhere else,
# and builds a sample with the moved program: it must find its data beside
# itself, never in the source tree.
#   install-test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$(realpath "$1")"
source_tree="$(realpath "$2")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/first" >/dev/null
mv "$work/first" "$work/moved"
program="$work/moved/bin/easyread"
data="$work/moved/share/easyread"

for needed in templates/newsletter.xml templates/strings/en.xml templates/starters/minutes.xml \
              symbols/catalogue.tsv wordlists/jargon-health.txt fonts tools/pdf-check; do
  [ -e "$data/$needed" ] || fail "share/easyread/$needed was not installed"
done
if [ -d "$source_tree/third_party/openmoji/color/svg" ]; then
  [ -f "$data/third_party/openmoji/data/openmoji.csv" ] || fail "the OpenMoji set was not installed"
fi
[ ! -e "$work/moved/bin/easyread-source-home" ] || fail "the build folder's pointer to the source tree was installed"
# No path of the source tree in the program's data (debug information aside).
objcopy -O binary --only-section=.rodata "$program" "$work/rodata"
! grep -q -a -F "$source_tree" "$work/rodata" || fail "the program holds the source tree's path"

# Build a sample with the moved program, from another folder, with no EASYREAD_HOME.
mkdir "$work/elsewhere"
cd "$work/elsewhere"
env -u EASYREAD_HOME "$program" build "$source_tree/samples/minutes.xml" -o out/minutes.pdf --no-check -q \
  || fail "the moved program could not build the sample"
pdftotext out/minutes.pdf minutes.txt && grep -q "Speak Up Together" minutes.txt || fail "the PDF does not say what the notes say"

# It reads the moved data, not the source tree: take a template out of the moved copy.
rm "$data/templates/leaflet.xml"
if env -u EASYREAD_HOME "$program" build "$source_tree/samples/minutes.xml" -o out/leaflet.pdf -t leaflet \
     2> leaflet.err; then
  fail "the moved program found a template that is only in the source tree"
fi
grep -q "unknown-template" leaflet.err || fail "no [unknown-template] when the template is missing: $(cat leaflet.err)"
# The web page: the moved easyread finds its server program in libexec/easyread,
# which finds the moved data too: the looks it offers are the moved ones (leaflet
# was taken out above, so it must not be offered).
[ -x "$work/moved/libexec/easyread/easyread-serve" ] || fail "libexec/easyread/easyread-serve was not installed"
env -u EASYREAD_HOME python3 - "$program" <<'PY' || fail "the moved program's web page did not work"
import json, re, signal, subprocess, sys, urllib.request
server = subprocess.Popen([sys.argv[1], "serve", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
try:
    line = server.stdout.readline()
    found = re.match(r"Open (http://[^ ]+) in your web browser\.", line)
    assert found, "no address: " + line + server.stderr.read()
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never a proxy
    with direct.open(found.group(1) + "/api/templates", timeout=30) as answer:
        looks = json.dumps(json.load(answer))
    assert "newsletter" in looks and "leaflet" not in looks, looks
finally:
    server.send_signal(signal.SIGTERM)
    assert server.wait(timeout=30) == 0, "the server did not stop cleanly"
PY
# EASYREAD_HOME still wins.
EASYREAD_HOME="$source_tree" "$program" build "$source_tree/samples/minutes.xml" -o out/leaflet.pdf -t leaflet -q \
  --no-check || fail "EASYREAD_HOME was not used"
echo "install test: all good"
