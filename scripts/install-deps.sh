#!/usr/bin/env bash
# install-deps.sh [build|test|windows]: make sure the Debian packages Attaché needs
# are installed. It installs what is missing with apt-get (as root, or through sudo
# when available); otherwise it prints the exact command to run and fails. It does
# nothing when everything is present.
set -euo pipefail

build=(libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev pkg-config)
test=(xvfb xdotool imagemagick libgl1-mesa-dri poppler-utils libxml2-utils nodejs postgresql)
windows=(gcc-mingw-w64-x86-64)

want=("${build[@]}")
case "${1:-build}" in
  build) ;;
  test) want+=("${test[@]}") ;;
  windows) want=("${windows[@]}") ;;
  *) echo "install-deps: unknown set '$1' (build, test or windows)" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# TimelineJS is checked under node with npm; NodeSource's nodejs brings its own npm.
if [[ ${1:-build} == test ]] && ! command -v npm >/dev/null; then missing+=(npm); fi
((${#missing[@]} == 0)) && exit 0

if ! command -v apt-get >/dev/null; then
  echo "install-deps: missing packages ${missing[*]}, and apt-get is not available on this system; install their equivalents and retry" >&2
  exit 1
fi
cmd=(apt-get install -y --no-install-recommends "${missing[@]}")
if [[ $(id -u) == 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "install-deps: missing Debian packages: ${missing[*]}" >&2
  echo "install-deps: run this, then retry:  sudo apt-get update && sudo ${cmd[*]}" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}" >&2
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive "${cmd[@]}" -qq >/dev/null
