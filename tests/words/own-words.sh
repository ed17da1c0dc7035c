#!/usr/bin/env bash
# The tool's own words must pass its own checks: every --help text, the words
# the layout adds to documents, the starter notes, and the web pages.
#   own-words.sh EASYREAD SOURCE_DIR
set -euo pipefail
easyread="$(realpath "$1")"
home="$(realpath "$2")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Help texts: the words people read, one line a paragraph. Command examples are
# left out; their descriptions (after two or more spaces) are kept.
for command in "" build check symbols new serve; do
  "$easyread" $command --help || true
done | sed -E 's/^ +//; s/^(-|easyread |[A-Z]+=).*  +//' | grep -vE '^(-|easyread |$)' \
  | sed 's/$/\n/' > "$work/help.txt"

# The words the layout writes into every document, in English.
sed -nE 's/.*<string id="[^"]*">([^<]*)<\/string>.*/\1\n/p' "$home/templates/strings/en.xml" \
  | sed -E 's/\{name\}/Sam/g; s/\{date\}/Wednesday 13 January 2027/g; s/\{page\}/2/g; s/\{pages\}/8/g' \
  > "$work/layout-words.txt"

# The web pages (easyread serve): every page's text, and the server's own messages.
python3 "$home/tests/words/web-words.py" "$home" "$work"

cd "$work"
# The starters' own words ("Write your news here.") are warnings by design, so
# that people replace them: every other finding fails.
"$easyread" check --strict --no-color --no-settings --allow PDF,OpenMoji,XML,GP,CC,BY,SA \
  help.txt layout-words.txt web-*.txt "$home/templates/starters/minutes.xml" "$home/templates/starters/newsletter.xml" \
  > findings.txt 2>&1 || true
cat findings.txt
if grep -E ': (error|warning|note): ' findings.txt | grep -v '\[starter-words\]$' | grep -q .; then exit 1; fi
