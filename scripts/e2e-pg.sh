#!/usr/bin/env bash
# e2e-pg.sh BIN: run the built attache-cli against a shared project on a
# throwaway PostgreSQL server of its own (initdb in a temporary folder,
# pg_ctl on a free local port, as the postgres user when run as root), and
# check what a team meets: the same results as a project file, two imports
# at once, a reader's refused write, a wrong password, a server that is not
# there, a missing database, and a timeline exported from the server.
# Without PostgreSQL it fails when CI=true and skips otherwise.
set -euo pipefail
cli=$(realpath "${1:?usage: e2e-pg.sh path/to/attache-cli}")
root=$(cd "$(dirname "$0")/.." && pwd)
sample=$root/resources/sample/taipei-times-bundle.txt

source "$(dirname "$0")/pg-server.sh"
trap stop_pg EXIT
start_pg e2e-pg
tmp=$PG_DIR port=$PG_PORT bin=$PG_BIN
pg_admin "CREATE ROLE desk LOGIN CREATEROLE PASSWORD 'desk-pw'" "CREATE DATABASE team OWNER desk" "CREATE DATABASE moved OWNER desk"
export HOME=$tmp XDG_CONFIG_HOME=$tmp/config
url() { echo "postgres://$1:$2@127.0.0.1:$port/${3:-team}?sslmode=disable"; }
owner=$(url desk desk-pw)
file=$tmp/same.attache
fails=0

# check NAME WANT_EXIT CMD...: run CMD, compare its exit code, keep its output.
check() {
  local name=$1 want=$2; shift 2
  local got=0
  "$@" >"$tmp/out" 2>"$tmp/err" </dev/null || got=$?
  if [[ $got != "$want" ]]; then
    echo "pg: FAIL: $name: exit $got, want $want" >&2
    sed 's/^/  stdout: /' "$tmp/out" | head -10 >&2
    sed 's/^/  stderr: /' "$tmp/err" | head -10 >&2
    fails=$((fails + 1))
    return 1
  fi
  echo "pg: ok: $name"
}

# oneline NAME PATTERN: the last command's stderr is one line matching PATTERN.
oneline() {
  if [[ $(wc -l <"$tmp/err") != 1 ]] || ! grep -Eq -- "$2" "$tmp/err"; then
    echo "pg: FAIL: $1: stderr is not one line matching /$2/:" >&2
    sed 's/^/  /' "$tmp/err" >&2
    fails=$((fails + 1))
  fi
}

check "import into the server" 0 "$cli" --db "$owner" import --published 2025-01-17 "$sample"
check "import into a file" 0 "$cli" --db "$file" import --published 2025-01-17 "$sample"
for args in "events --json" "entities --json" "search --json Taiwan" "search --json 習近平" "export --format csv"; do
  # The server names its member as each item's coder; a file names none.
  # shellcheck disable=SC2086
  "$cli" --db "$owner" $args | sed -e 's/"coder": "desk"/"coder": ""/' -e $'s/,desk\r$/,\r/' >"$tmp/server.out"
  # shellcheck disable=SC2086
  "$cli" --db "$file" $args >"$tmp/file.out"
  if cmp -s "$tmp/server.out" "$tmp/file.out"; then
    echo "pg: ok: $args gives the same on the server as in a file"
  else
    echo "pg: FAIL: $args differs between the server and a file" >&2
    diff "$tmp/file.out" "$tmp/server.out" | head -10 >&2
    fails=$((fails + 1))
  fi
done

# A project file moves to a shared project whole; a second import adds nothing.
check "import a project file" 0 "$cli" --db "$(url desk desk-pw moved)" import "$file"
grep -Eq 'imported [1-9][0-9]* articles, .*[1-9][0-9]* events' "$tmp/out" || { echo "pg: FAIL: the project file brought no articles or events" >&2; cat "$tmp/out" >&2; fails=$((fails + 1)); }
check "import a project file again" 0 "$cli" --db "$(url desk desk-pw moved)" import "$file"
grep -q 'imported 0 articles, 0 tags, 0 passages, 0 entities, 0 aliases, 0 mentions, 0 events' "$tmp/out" || { echo "pg: FAIL: the second import of a project file added something" >&2; cat "$tmp/out" >&2; fails=$((fails + 1)); }
"$cli" --db "$(url desk desk-pw moved)" events --json | grep -c '"event":' >"$tmp/moved.n"
"$cli" --db "$file" events --json | grep -c '"event":' >"$tmp/file.n"
cmp -s "$tmp/moved.n" "$tmp/file.n" && echo "pg: ok: the moved project lists as many events as the file" || { echo "pg: FAIL: the moved project lists $(cat "$tmp/moved.n") events, the file $(cat "$tmp/file.n")" >&2; fails=$((fails + 1)); }

# Two imports at once, sharing articles: each article lands once.
for i in 1 2 3 4; do printf 'Envoys met for round %d of the grain talks in Istanbul on Monday.\n\n' "$i"; done >"$tmp/a.txt"
for i in 3 4 5 6; do printf 'Envoys met for round %d of the grain talks in Istanbul on Monday.\n\n' "$i"; done >"$tmp/b.txt"
"$cli" --db "$owner" import --no-extract --split none "$tmp/a.txt" >"$tmp/a.out" 2>&1 &
pa=$!
"$cli" --db "$owner" import --no-extract --split none "$tmp/b.txt" >"$tmp/b.out" 2>&1 &
pb=$!
if wait $pa && wait $pb; then
  echo "pg: ok: two imports at once"
else
  echo "pg: FAIL: two imports at once" >&2
  cat "$tmp/a.out" "$tmp/b.out" >&2
  fails=$((fails + 1))
fi
check "search after the imports" 0 "$cli" --db "$owner" search --json Istanbul
if [[ $(grep -c '"id"' "$tmp/out") != 2 ]]; then
  echo "pg: FAIL: the two files hold 2 distinct texts, the server has $(grep -c '"id"' "$tmp/out")" >&2
  fails=$((fails + 1))
fi

# Members: a reader reads and cannot write.
printf 'reader-pw\n' >"$tmp/pw-in"
if "$cli" --db "$owner" members add riley --role reader <"$tmp/pw-in" >"$tmp/out" 2>"$tmp/err"; then
  echo "pg: ok: members add"
else
  echo "pg: FAIL: members add: $(cat "$tmp/err")" >&2
  fails=$((fails + 1))
fi
check "members list" 0 "$cli" --db "$owner" members list
grep -Eq '^riley +reader$' "$tmp/out" || { echo "pg: FAIL: members list: $(cat "$tmp/out")" >&2; fails=$((fails + 1)); }
check "reader reads" 0 "$cli" --db "$(url riley reader-pw)" events --json
"$cli" --db "$owner" articles --json >"$tmp/before"
echo "Japan and the Philippines on Tuesday agreed to hold joint coast guard drills." >"$tmp/new.txt"
check "reader's import refused" 1 "$cli" --db "$(url riley reader-pw)" import "$tmp/new.txt" &&
  grep -q 'riley is a reader.*read-only' "$tmp/out" "$tmp/err" ||
  { echo "pg: FAIL: the refusal does not name the reader and read-only" >&2; fails=$((fails + 1)); }
"$cli" --db "$owner" articles --json >"$tmp/after"
cmp -s "$tmp/before" "$tmp/after" || { echo "pg: FAIL: a reader's refused import changed the project" >&2; fails=$((fails + 1)); }

# Connections that fail say why in one line.
check "wrong password" 1 "$cli" --db "$(url desk not-it)" articles && oneline "wrong password" 'wrong user name or password for desk'
grep -q not-it "$tmp/err" && { echo "pg: FAIL: the password was printed" >&2; fails=$((fails + 1)); }
check "missing database" 1 "$cli" --db "$(url desk desk-pw nowhere)" articles && oneline "missing database" 'no database "nowhere"'
check "no server" 1 "$cli" --db "postgres://desk:desk-pw@127.0.0.1:1/team?sslmode=disable" articles && oneline "no server" 'no PostgreSQL server at 127.0.0.1:1'

check "timeline from the server" 0 "$cli" --db "$owner" export --format timelinejs
grep -q '"events"' "$tmp/out" || { echo "pg: FAIL: the timeline has no events" >&2; fails=$((fails + 1)); }

if ((fails > 0)); then
  echo "pg: $fails check(s) failed" >&2
  exit 1
fi
echo "pg: all checks passed"
