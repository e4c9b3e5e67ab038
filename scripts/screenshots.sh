#!/usr/bin/env bash
# screenshots.sh BIN: run the real desktop app under Xvfb on a fresh default
# project (seeded with the sample corpus) and save the README's screenshots to
# docs/screenshots/, in the light and the dark theme. When the development
# corpus of real wire stories is present (../shared/corpora/reuters-21578),
# it is also imported with extraction into a project of its own (about 10,000
# stories, several thousand events) and the Timeline and Events views are shot
# on it, light and dark: the views at real scale. Needs xvfb, xdotool,
# ImageMagick's `import`, and jq for the corpus; the corpus project is built
# with the attache-cli next to BIN (`make build` puts it there).
set -euo pipefail
bin=${1:?usage: screenshots.sh path/to/attache}
here=$(cd "$(dirname "$0")" && pwd)
out=$here/../docs/screenshots
source "$here/xvfb.sh"
for tool in Xvfb xdotool import; do
  command -v $tool >/dev/null || { echo "screenshots: needs $tool (apt-get install xvfb xdotool imagemagick)" >&2; exit 1; }
done
mkdir -p "$out"
start_xvfb 1440x900
trap stop_xvfb EXIT

# shoot THEME NAME KEYS [PROJECT]: start the app (on PROJECT, else on a fresh
# default project), press KEYS (xdotool key/type steps separated by ';'), and
# save docs/screenshots/NAME.png.
shoot() {
  local theme=$1 name=$2 steps=${3:-} project=${4:-}
  local cfg
  cfg=$(mktemp -d)
  local args=()
  [[ -z $project ]] || args=(--db "$project")
  XDG_CONFIG_HOME=$cfg FYNE_THEME=$theme "$bin" "${args[@]}" >"$cfg/app.log" 2>&1 &
  local app=$!
  local wid
  wid=$(wait_window 'Attaché' 90) || { echo "screenshots: no window; log:" >&2; cat "$cfg/app.log" >&2; kill $app; return 1; }
  xdotool windowsize "$wid" 1440 900 windowmove "$wid" 0 0 2>/dev/null || true
  sleep "${settle:-5}" # first run: the sample corpus is imported and coded
  IFS=';' read -ra acts <<<"$steps"
  for a in "${acts[@]}"; do
    [[ -z $a ]] && continue
    # shellcheck disable=SC2086
    xdotool $a
    sleep 1
  done
  sleep 1
  import -window "$wid" "$out/$name.png"
  kill $app 2>/dev/null || true
  wait $app 2>/dev/null || true
  rm -rf "$cfg"
  echo "screenshots: $out/$name.png"
}

shoot light workbench-light
shoot dark workbench-dark
shoot light timeline 'key ctrl+6'
shoot light events 'key ctrl+5'
shoot dark entities 'key ctrl+2;type xjp'

# The views at real scale: the development corpus, dateline and body of each
# story as its text, imported with extraction.
corpus=$here/../../shared/corpora/reuters-21578/articles.jsonl
if [[ -r $corpus ]]; then
  command -v jq >/dev/null || { echo "screenshots: needs jq for the corpus project (apt-get install jq)" >&2; exit 1; }
  cli=$(dirname "$bin")/attache-cli
  [[ -x $cli ]] || { echo "screenshots: $cli not found (make build)" >&2; exit 1; }
  work=$(mktemp -d)
  trap 'stop_xvfb; rm -rf "$work"' EXIT
  jq -c '{id, title, published, source, dateline, body: (.dateline + " " + .body)}' "$corpus" >"$work/wire.jsonl"
  echo "screenshots: importing the development corpus with extraction…"
  "$cli" --db "$work/wire.attache" import "$work/wire.jsonl"
  # The first article opens (and shows the Article tab) once the list is
  # read: wait for it before choosing a view.
  settle=12
  shoot light timeline-corpus-light 'key ctrl+6' "$work/wire.attache"
  # dark: the lane labels scrolled to the end, where the Other lane folds the rest
  shoot dark timeline-corpus-dark 'key ctrl+6;mousemove 400 500;click --repeat 20 --delay 50 5' "$work/wire.attache"
  shoot light events-corpus-light 'key ctrl+5' "$work/wire.attache"
  shoot dark events-corpus-dark 'key ctrl+5' "$work/wire.attache"
else
  echo "screenshots: $corpus not found: no screenshots of the views at real scale" >&2
fi
