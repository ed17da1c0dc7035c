#!/usr/bin/env bash
# easyread must not load the web server's libraries. cpp-httplib brings
# OpenSSL and brotli's encoder, which cost every command about 10 million
# instructions to load; only the server's own program, easyread-serve, links
# them. Each program has one C++ runtime: a copy linked in, or the shared one.
# Also: `easyread serve` says in plain words when the server program is missing.
#   links-test.sh BUILD_DIR
set -euo pipefail
build="$(realpath "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

needed() { readelf -d "$1" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'; }
loaded() { ldd "$1" | awk '{print $1}'; }  # with the libraries those load, and theirs
# Defined in the program itself: the C++ runtime was linked in (-static-libstdc++).
has_own_runtime() { nm -C --defined-only "$1" 2>/dev/null | grep -q ' std::ios_base::Init::Init()$'; }

program="$build/easyread"
server="$build/easyread-serve"
[ -x "$server" ] || fail "there is no $server"

for library in libcpp-httplib libssl libcrypto libbrotlienc; do
  if loaded "$program" | grep -q "^$library\."; then
    fail "easyread loads $library; only easyread-serve may (it came through: $(needed "$program" | tr '\n' ' '))"
  fi
done
# The split is real: the server's program is where cpp-httplib is.
needed "$server" | grep -q '^libcpp-httplib\.' || fail "easyread-serve does not link cpp-httplib"

for each in "$program" "$server"; do
  if has_own_runtime "$each" && loaded "$each" | grep -q '^libstdc++\.'; then
    fail "$(basename "$each") has two C++ runtimes: one linked in and the shared libstdc++"
  fi
done

# Without the server program beside it (or in ../libexec/easyread), `easyread
# serve` says so and stops; its help and its mistakes still answer.
cp "$program" "$work/easyread"
set +e
"$work/easyread" serve --port 0 >"$work/out" 2>"$work/err" </dev/null
code=$?
set -e
[ "$code" = 1 ] || fail "easyread serve without easyread-serve ended with $code, not 1: $(cat "$work/err")"
grep -q "I cannot find the part of easyread that shows the web page" "$work/err" || fail "no plain message: $(cat "$work/err")"
grep -q "easyread-serve" "$work/err" || fail "the message does not name easyread-serve: $(cat "$work/err")"
[ ! -s "$work/out" ] || fail "it printed an address without a server: $(cat "$work/out")"
"$work/easyread" serve --help | grep -q -- "--port" || fail "easyread serve --help needs the server program"
set +e
"$work/easyread" serve --port 70000 2>"$work/err"
code=$?
set -e
[ "$code" = 2 ] && grep -q "is not a port" "$work/err" || fail "a wrong port did not end with 2 before the server starts"
echo "links: all good"
