#!/usr/bin/env bash
# Installs what easyread needs on Debian 12 and is not there yet:
# Debian packages (compiler, libraries, fonts, PDF tools, a browser), the OpenMoji
# symbols, and the browser tests' two npm packages (pinned by tests/browser/package-lock.json).
# Safe to run again: it only installs what is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"

# libzip writes Word files, and librsvg draws their PNG pictures;
# libdeflate adds up the checksums of PNG pictures. catch2,
# python3-docx and LibreOffice are for the tests only: they read the Word
# files back and turn them into PDFs to check the pages. chromium runs the
# web pages in the browser tests. cpp-httplib serves the web page (easyread
# serve); wrk is its load test (bench/serve.sh).
# clang and libclang-rt-14-dev (which holds libFuzzer for clang 14) build the fuzzers.
packages=(
  build-essential cmake pkg-config
  libicu-dev libpugixml-dev libhpdf-dev libharfbuzz-dev libfontconfig-dev
  libpng-dev libjpeg-dev zlib1g-dev libdeflate-dev libzip-dev librsvg2-dev catch2
  libcpp-httplib-dev wrk
  python3-docx libreoffice-writer-nogui
  fonts-sil-andika fonts-liberation2
  poppler-utils qpdf librsvg2-bin
  nodejs npm python3 openssl time bc chromium
  help2man groff-base dpkg-dev
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm may come from somewhere other than Debian (for example a newer Node.js).
if command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
  read -ra missing <<<"${missing[*]}"
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "easyread set-up: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if ! $sudo apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1; then
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

bash "$here/scripts/install-openmoji.sh"
bash "$here/scripts/install-browser-tests.sh"
