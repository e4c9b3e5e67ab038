#!/usr/bin/env bash
# screenshots.sh BIN: run the real desktop app under Xvfb on a fresh default
# project (seeded with the sample corpus) and save the README's screenshots to
# docs/screenshots/, in the light and the dark theme. Needs xvfb, xdotool and
# ImageMagick's `import`.
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

# shoot THEME NAME KEYS...: start the app, press KEYS (xdotool key/type steps
# separated by ';'), and save docs/screenshots/NAME.png.
shoot() {
  local theme=$1 name=$2 steps=${3:-}
  local cfg
  cfg=$(mktemp -d)
  XDG_CONFIG_HOME=$cfg FYNE_THEME=$theme "$bin" >"$cfg/app.log" 2>&1 &
  local app=$!
  local wid
  wid=$(wait_window 'Attaché' 90) || { echo "screenshots: no window; log:" >&2; cat "$cfg/app.log" >&2; kill $app; return 1; }
  xdotool windowsize "$wid" 1440 900 windowmove "$wid" 0 0 2>/dev/null || true
  sleep 5 # first run: the sample corpus is imported and coded
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
