#!/usr/bin/env bash
# e2e-smoke.sh BIN: start the real desktop binary under Xvfb on a temporary
# project, wait for its "Attaché" window, check it is still alive a few seconds
# later, then close it.
set -euo pipefail
bin=${1:?usage: e2e-smoke.sh path/to/attache}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/xvfb.sh"
tmp=$(mktemp -d)
app=
cleanup() { [[ -n $app ]] && kill "$app" 2>/dev/null || true; stop_xvfb; rm -rf "$tmp"; }
trap cleanup EXIT

start_xvfb
"$bin" --db "$tmp/smoke.attache" >"$tmp/app.log" 2>&1 &
app=$!
if ! wid=$(wait_window 'Attaché' 90); then
  echo "smoke: FAIL: no window titled Attaché appeared within 90 s; app log:" >&2
  cat "$tmp/app.log" >&2
  exit 1
fi
echo "smoke: window $wid titled '$(xdotool getwindowname "$wid")'"
sleep 4
if ! kill -0 "$app" 2>/dev/null; then
  echo "smoke: FAIL: the app died after opening its window; app log:" >&2
  cat "$tmp/app.log" >&2
  exit 1
fi
quit_app smoke "$app" "$wid"
app=
[[ -s $tmp/smoke.attache ]] || { echo "smoke: FAIL: the project file was not created" >&2; exit 1; }
echo "smoke: ok"
