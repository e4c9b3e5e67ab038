#!/usr/bin/env bash
# e2e-dnd.sh APP_BIN CLI_BIN: drag-and-drop import, for real. Under Xvfb the
# real desktop binary opens a fresh project; scripts/xdnd plays a file manager
# and drops a news article (an HTML file in a folder whose name has a space and
# accents) onto the "Attaché" window through XDND as text/uri-list; then the
# CLI must find the article in the project within 30 s. Exits 0 on success,
# 1 with a one-line reason and the app's log otherwise.
set -euo pipefail
app_bin=${1:?usage: e2e-dnd.sh path/to/attache path/to/attache-cli}
cli_bin=${2:?usage: e2e-dnd.sh path/to/attache path/to/attache-cli}
app_bin=$(realpath "$app_bin")
cli_bin=$(realpath "$cli_bin")
here=$(cd "$(dirname "$0")" && pwd)
source "$here/xvfb.sh"
tmp=$(mktemp -d)
db=$tmp/dnd.attache
app=
cleanup() {
  if [[ -n $app ]]; then
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
  fi
  stop_xvfb
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
  echo "dnd: FAIL: $*" >&2
  if [[ -s $tmp/app.log ]]; then
    echo "dnd: app log:" >&2
    sed 's/^/  /' "$tmp/app.log" >&2
  fi
  exit 1
}

# The drag source is built before the app starts so its build time does not
# eat into the app's timeouts.
(cd "$here/.." && go build -o "$tmp/xdnd" ./scripts/xdnd) || fail "could not build scripts/xdnd"

# A small, real-looking article that carries its own date and outlet, so the
# app has nothing to ask; "Hammerfest" appears nowhere in the sample corpus.
word=Hammerfest
title="Norway and Chile agree to share Antarctic survey data after Hammerfest talks"
mkdir -p "$tmp/dépêches du jour"
article="$tmp/dépêches du jour/Hammerfest talks.html"
cat >"$article" <<EOF
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>$title</title>
<meta property="og:site_name" content="Polar Affairs Review">
<meta property="article:published_time" content="2025-03-14T09:30:00Z">
</head><body><article>
<h1>$title</h1>
<p>HAMMERFEST, Norway, March 14 — The foreign ministers of Norway and Chile agreed on
Friday to pool the survey data their research stations gather in Antarctica, after two
days of talks in Hammerfest, the northernmost town of its size in Europe.</p>
<p>Under the agreement, signed by Norway's foreign minister and his Chilean counterpart,
the two countries will publish ice-core and krill-stock measurements within six months
of collection and open their logistics base at Punta Arenas to each other's research
vessels. Officials said the accord would be presented to the Antarctic Treaty
Consultative Meeting in May.</p>
<p>"Science in Antarctica has always been a shared endeavour," the Chilean minister told
reporters, adding that both governments would seek to bring Argentina and New Zealand
into the arrangement next year.</p>
</article></body></html>
EOF

start_xvfb 1280x800
mkdir -p "$tmp/home"
# A private HOME keeps the app's preferences and recent projects off the user's.
HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share \
  "$app_bin" --db "$db" >"$tmp/app.log" 2>&1 &
app=$!
wid=$(wait_window 'Attaché' 90) || fail "no window titled Attaché appeared within 90 s"
echo "dnd: window $wid titled '$(xdotool getwindowname "$wid")'"
sleep 2 # let the workbench lay out its first frame before the drag arrives
kill -0 "$app" 2>/dev/null || fail "the app died after opening its window"

"$tmp/xdnd" -v --window "$wid" --timeout 20s "$article" >"$tmp/xdnd.log" 2>&1 ||
  fail "the XDND drop did not complete: $(tail -n1 "$tmp/xdnd.log")"
cat "$tmp/xdnd.log"

# The window must have fetched the dropped file list (xdnd logs the selection
# request it served), then the import must land in the project.
found=
for _ in $(seq 120); do
  kill -0 "$app" 2>/dev/null || fail "the app died after the drop"
  rc=0
  "$cli_bin" --db "$db" search --json "$word" >"$tmp/search.json" 2>"$tmp/cli.log" || rc=$?
  if [[ $rc == 0 ]] && grep -qF "$title" "$tmp/search.json"; then
    found=1
    break
  fi
  [[ $rc == 2 ]] && fail "attache-cli refused 'search --json $word' as bad usage: $(head -n1 "$tmp/cli.log")"
  sleep 0.25
done
if [[ -z $found ]]; then
  if ! grep -q 'served=true' "$tmp/xdnd.log"; then
    fail "the window never fetched the dropped file list (xdnd served no selection request)"
  fi
  fail "the drop reached the app but '$word' is not in the project after 30 s (last CLI output: $(head -c 300 "$tmp/search.json") $(tail -n1 "$tmp/cli.log"))"
fi
echo "dnd: the dropped article is in the project: $(grep -o '"title": *"[^"]*"' "$tmp/search.json" | head -n1)"

quit_app dnd "$app" "$wid"
app=
echo "dnd: ok"
