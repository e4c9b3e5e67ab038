#!/usr/bin/env bash
# e2e-live.sh APP CLI: two real app windows under Xvfb on one shared project
# of a throwaway PostgreSQL server (an analyst's and a reader's); a change
# made with the command line shows in both windows without touching them.
# Each window is captured until it stands still; after the change it must
# draw something else within LIMIT seconds (the time each took is printed).
# Without PostgreSQL it fails when CI=true and skips otherwise.
set -euo pipefail
app=$(realpath "${1:?usage: e2e-live.sh path/to/attache path/to/attache-cli}")
cli=$(realpath "${2:?usage: e2e-live.sh path/to/attache path/to/attache-cli}")
here=$(cd "$(dirname "$0")" && pwd)
sample=$here/../resources/sample/taipei-times-bundle.txt
limit=${LIMIT:-10}
source "$here/xvfb.sh"
source "$here/pg-server.sh"
for tool in Xvfb xdotool import; do
  command -v "$tool" >/dev/null && continue
  echo "live: $tool not found: install the test dependencies (scripts/install-deps.sh test)" >&2
  [[ ${CI:-} == true ]] && exit 1
  echo "live: skipped" >&2
  exit 0
done

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  stop_xvfb
  stop_pg
}
trap cleanup EXIT
start_pg e2e-live
tmp=$PG_DIR
pg_admin "CREATE ROLE desk LOGIN CREATEROLE PASSWORD 'desk-pw'" "CREATE DATABASE team OWNER desk"
url() { echo "postgres://$1:$2@127.0.0.1:$PG_PORT/team?sslmode=disable"; }
owner=$(url desk desk-pw)
export HOME=$tmp/cli XDG_CONFIG_HOME=$tmp/cli/config
"$cli" --db "$owner" import --published 2025-01-17 "$sample" >/dev/null
printf 'ana-pw\n' | "$cli" --db "$owner" members add ana --role analyst >/dev/null
printf 'rea-pw\n' | "$cli" --db "$owner" members add rea --role reader >/dev/null

# Two windows side by side on a wide screen, so that neither hides the other.
start_xvfb 2720x900
# open NAME PASSWORD X: start a window as member NAME at x, print its id.
open_window() {
  local name=$1 pw=$2 x=$3 wid before
  before=$(xdotool search --name 'Attaché' 2>/dev/null | sort || true)
  mkdir -p "$tmp/$name"
  HOME=$tmp/$name XDG_CONFIG_HOME=$tmp/$name/config "$app" --db "$(url "$name" "$pw")" >"$tmp/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 360); do
    wid=$(comm -13 <(echo "$before") <(xdotool search --name 'Attaché — team' 2>/dev/null | sort) | head -n1)
    [[ -n $wid ]] && break
    sleep 0.25
  done
  [[ -n $wid ]] || { echo "live: FAIL: no window for $name within 90 s; its log:" >&2; cat "$tmp/$name.log" >&2; exit 1; }
  xdotool windowmove "$wid" "$x" 0
  echo "$wid"
}
shot() { import -window "$1" -depth 8 rgb:- 2>/dev/null | md5sum | cut -d' ' -f1; }
# still WID: wait until two captures a second apart are the same, print it.
still() {
  local a b
  a=$(shot "$1")
  for _ in $(seq 60); do
    sleep 1
    b=$(shot "$1")
    [[ $a == "$b" ]] && { echo "$a"; return 0; }
    a=$b
  done
  echo "live: FAIL: window $1 never stands still" >&2
  return 1
}
analyst=$(open_window ana ana-pw 0)
reader=$(open_window rea rea-pw 1380)
quiet_analyst=$(still "$analyst")
quiet_reader=$(still "$reader")
# Standing still means standing still: another few seconds change nothing.
sleep 3
if [[ $(shot "$analyst") != "$quiet_analyst" || $(shot "$reader") != "$quiet_reader" ]]; then
  echo "live: FAIL: a window changed on its own" >&2
  exit 1
fi

echo "Japan and the Philippines on Tuesday agreed to hold joint coast guard drills in the South China Sea." >"$tmp/new.txt"
"$cli" --db "$owner" import --no-extract --published 2025-01-18 "$tmp/new.txt" >/dev/null
changed=$(date +%s%3N)
fails=0
for w in analyst reader; do
  wid=${!w} quiet=quiet_$w
  shown=
  while (($(date +%s%3N) - changed < limit * 1000)); do
    if [[ $(shot "$wid") != "${!quiet}" ]]; then
      shown=$(($(date +%s%3N) - changed))
      break
    fi
    sleep 0.1
  done
  if [[ -n $shown ]]; then
    printf 'live: ok: the %s window showed the change %d ms after the command line made it\n' "$w" "$shown"
  else
    echo "live: FAIL: the $w window did not change within $limit s" >&2
    fails=$((fails + 1))
  fi
done
for w in analyst reader; do
  import -window "${!w}" "$tmp/$w.png" 2>/dev/null
done
if [[ -n ${LIVE_SHOTS:-} ]]; then cp "$tmp/analyst.png" "$tmp/reader.png" "$LIVE_SHOTS/"; fi
((fails == 0)) || exit 1
echo "live: all checks passed"
