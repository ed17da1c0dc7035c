#!/usr/bin/env bash
# The man pages render and name every option of their command, and the bash
# completion completes commands, options and looks.
#   man-and-completion-test.sh BUILD_DIR
set -euo pipefail
build="$(realpath "$1")"
program="$build/easyread"
fail() { echo "FAILED: $*" >&2; exit 1; }

for command in "" build check new symbols pdf-check; do
  page="$build/man/easyread${command:+-$command}.1"
  [ -f "$page" ] || fail "no man page $page"
  text="$(groff -man -Tutf8 -P-cbou "$page" 2>&1)" || fail "$page does not render"
  # help2man and groff may break a long option at a hyphen; join such lines back.
  text="$(printf '%s\n' "$text" | sed -E 's/[‐-]$//' | tr -d '\n')"
  options="$("$program" $command --help | grep -oE '^  (-[a-z], )?--[a-z-]+' | grep -oE -- '--[a-z-]+$')"
  [ -n "$options" ] || fail "easyread $command --help lists no options"
  for option in $options; do
    grep -qF -- "$option" <<<"$text" || fail "the man page of easyread $command does not name $option"
  done
done

complete_line() {  # the words bash offers after "$@" (the last word is being typed)
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _easyread; echo "${COMPREPLY[*]}"' \
    _ "$build/completion/easyread" "$@"
}
[ "$(complete_line easyread bu)" = "build" ] || fail "easyread bu does not complete to build: $(complete_line easyread bu)"
[ "$(complete_line easyread build --te)" = "--template" ] || fail "easyread build --te: $(complete_line easyread build --te)"
[[ " $(complete_line easyread build -t l) " == *" leaflet "* ]] || fail "easyread build -t l does not offer leaflet"
[[ " $(complete_line easyread check --format j) " == *" json "* ]] || fail "--format j does not offer json"
[ "$(complete_line easyread new mi)" = "minutes" ] || fail "easyread new mi: $(complete_line easyread new mi)"
[ "$(complete_line easyread symbols se)" = "search" ] || fail "easyread symbols se: $(complete_line easyread symbols se)"
[ "$(complete_line easyread --ve)" = "--version" ] || fail "easyread --ve: $(complete_line easyread --ve)"
echo "man pages and completion: all good"
