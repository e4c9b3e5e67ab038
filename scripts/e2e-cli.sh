#!/usr/bin/env bash
# e2e-cli.sh BIN: run the built attache-cli binary as a script would, on a
# temporary project, and check its output and exit codes.
set -euo pipefail
cli=${1:?usage: e2e-cli.sh path/to/attache-cli}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ATTACHE_DB=$tmp/e2e.attache
export HOME=$tmp XDG_CONFIG_HOME=$tmp/config
fails=0

# check NAME WANT_EXIT CMD...: run CMD, compare its exit code, keep its output.
check() {
  local name=$1 want=$2; shift 2
  local got=0
  "$@" >"$tmp/out" 2>"$tmp/err" || got=$?
  if [[ $got != "$want" ]]; then
    echo "cli: FAIL: $name: exit $got, want $want" >&2
    sed 's/^/  stdout: /' "$tmp/out" | head -20 >&2
    sed 's/^/  stderr: /' "$tmp/err" | head -20 >&2
    fails=$((fails + 1))
    return 1
  fi
  echo "cli: ok: $name"
}

# contains NAME FILE PATTERN: FILE must match the extended regexp PATTERN.
contains() {
  if ! grep -Eq -- "$3" "$2"; then
    echo "cli: FAIL: $1: output does not match /$3/" >&2
    head -20 "$2" | sed 's/^/  /' >&2
    fails=$((fails + 1))
  fi
}

check "help" 0 "$cli" -h && contains "help lists commands" "$tmp/out" 'usage: attache-cli'
check "unknown command" 2 "$cli" frobnicate && contains "unknown command named" "$tmp/err" 'unknown command "frobnicate"'
check "no command" 2 "$cli"

for t in "$(dirname "$0")"/e2e-cli.d/*.sh; do
  [[ -e $t ]] || continue
  # shellcheck source=/dev/null
  source "$t"
done

if ((fails)); then
  echo "cli: $fails check(s) failed" >&2
  exit 1
fi
echo "cli: all checks passed"
