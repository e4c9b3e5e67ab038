# xvfb.sh: sourced by the end-to-end scripts. start_xvfb starts a virtual X
# screen on a free display, exports DISPLAY, and stops it when the script exits.
start_xvfb() {
  local size=${1:-1440x900}
  local disp=90
  while [[ -e /tmp/.X11-unix/X$disp || -e /tmp/.X$disp-lock ]]; do disp=$((disp + 1)); done
  Xvfb ":$disp" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  # The socket appears before the server answers on it: wait for an answer,
  # or an app that starts at once finds no display.
  for _ in $(seq 100); do DISPLAY=":$disp" xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
  DISPLAY=":$disp" xdotool getdisplaygeometry >/dev/null 2>&1 || { echo "xvfb: could not start Xvfb on :$disp" >&2; return 1; }
  export DISPLAY=":$disp"
}

stop_xvfb() { [[ -n ${XVFB_PID:-} ]] && kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null || true; }

# wait_window NAME SECONDS: print the id of the first window whose name matches NAME.
wait_window() {
  local name=$1 secs=${2:-60} id
  for _ in $(seq $((secs * 4))); do
    id=$(xdotool search --name "$name" 2>/dev/null | head -n1) && [[ -n $id ]] && { echo "$id"; return 0; }
    sleep 0.25
  done
  return 1
}

# quit_app LABEL PID WID: close the app's window WID with Ctrl+Q as a user
# would, terminate PID if it has not quit within 10 s, and reap it.
quit_app() {
  local label=$1 pid=$2 wid=$3
  xdotool key --window "$wid" ctrl+q || true
  for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$label: the app did not quit on Ctrl+Q; terminating it" >&2
    kill "$pid"
  fi
  wait "$pid" 2>/dev/null || true
}
