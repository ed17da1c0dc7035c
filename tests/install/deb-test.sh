#!/usr/bin/env bash
# Makes the .deb with CPack and checks what a user needs is in it, and that
# its dependencies are Debian's package names for what the program links.
#   deb-test.sh BUILD_DIR
set -euo pipefail
build="$(realpath "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" >cpack.log 2>&1) \
  || { cat "$work/cpack.log"; fail "cpack could not make the package"; }
deb="$(ls "$work"/easyread_*.deb)"
info="$(dpkg-deb -I "$deb")"
contents="$(dpkg-deb -c "$deb")"
echo "$info"

depends="$(grep -E '^ Depends:' <<<"$info")"
# libjpeg is not here: JPEG files go into the PDF as they are, so the linker
# leaves libjpeg out of the program (ldd does not list it).
for package in libhpdf libharfbuzz-subset0 libharfbuzz0b libfontconfig1 libpng16-16 zlib1g \
               libc6 fonts-sil-andika; do
  grep -qE "[ ,]$package[ ,(-]|[ ,]$package\$|${package}[0-9.-]*[ ,(]" <<<"$depends" \
    || fail "Depends does not name $package: $depends"
done
# Every library the two programs ask for themselves (not the ones those load)
# comes from a package that Depends names: the web server's program needs
# cpp-httplib and OpenSSL, which easyread itself does not.
for program in "$build/easyread" "$build/easyread-serve"; do
  for soname in $(readelf -d "$program" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'); do
    [[ $soname == ld-linux* ]] && continue  # the loader, part of libc6
    library="$(ldd "$program" | awk -v name="$soname" '$1 == name {print $3}')"
    owner="$(dpkg -S "$library" 2>/dev/null || dpkg -S "$(realpath "$library")")"
    owner="${owner%%:*}"
    owner="$(sed 's/[][\.*^$+?(){}|]/\\&/g' <<<"$owner")"  # a name as it is ("libstdc++6"), not a pattern
    grep -qE "(^|[ ,])$owner([ ,(]|\$)" <<<"${depends#*:}" \
      || fail "$soname of $(basename "$program") comes from $owner, which Depends does not name"
  done
done

for needed in ./usr/bin/easyread ./usr/libexec/easyread/easyread-serve ./usr/share/easyread/templates/newsletter.xml \
              ./usr/share/easyread/templates/strings/en.xml ./usr/share/easyread/symbols/catalogue.tsv \
              ./usr/share/easyread/wordlists/jargon-health.txt ./usr/share/easyread/tools/pdf-check \
              ./usr/share/man/man1/easyread.1 ./usr/share/man/man1/easyread-build.1 \
              ./usr/share/man/man1/easyread-check.1 ./usr/share/man/man1/easyread-serve.1 ./usr/share/bash-completion/completions/easyread \
              ./usr/share/doc/easyread/README.md; do
  grep -qE " $needed\$" <<<"$contents" || fail "the package has no $needed"
done
echo "deb test: all good"
