#!/usr/bin/env bash
# Installs the OpenMoji symbol set into third_party/openmoji (never committed).
# Only the colour SVG files and data/openmoji.csv are kept.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
lock="$here/third_party/openmoji.lock"
version="$(sed -n 's/^version=//p' "$lock")"
integrity="$(sed -n 's/^integrity=//p' "$lock")"
target="$here/third_party/openmoji"

if [ -f "$target/.installed" ] && [ "$(cat "$target/.installed")" = "$version" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "easyread set-up: npm is missing, so the OpenMoji pictures cannot be installed." >&2
  echo "To fix this, run: sudo apt-get install npm" >&2
  exit 1
fi

cache="$here/third_party/cache"
mkdir -p "$cache"
tarball="$cache/openmoji-$version.tgz"
if [ ! -f "$tarball" ]; then
  echo "easyread set-up: getting OpenMoji $version (about 4 MB)"
  (cd "$cache" && npm pack "openmoji@$version" --silent >/dev/null)
fi
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$actual" != "$integrity" ]; then
  rm -f "$tarball"
  echo "easyread set-up: the OpenMoji download is not the file we expected." >&2
  echo "It may be damaged. Run set-up again. If this keeps happening, tell the easyread team." >&2
  exit 1
fi

tmp="$(mktemp -d "$here/third_party/openmoji.XXXXXX")"
tar -xzf "$tarball" -C "$tmp" package/color/svg package/data/openmoji.csv package/LICENSE.txt
rm -rf "$target"
mkdir -p "$target"
mv "$tmp/package/color" "$tmp/package/data" "$tmp/package/LICENSE.txt" "$target/"
rm -rf "$tmp"
echo "$version" > "$target/.installed"
echo "easyread set-up: OpenMoji $version is ready ($(ls "$target/color/svg" | wc -l) pictures)"
