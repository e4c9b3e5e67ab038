# pg-server.sh: sourced by the end-to-end scripts that need a shared project.
# start_pg LABEL starts a throwaway PostgreSQL server of its own (initdb in a
# temporary folder, pg_ctl on a free local port, as the postgres user when run
# as root) with an admin role whose password is admin-pw, and sets PG_BIN,
# PG_DIR and PG_PORT; stop_pg stops it and removes the folder. Without
# PostgreSQL, start_pg fails when CI=true and otherwise exits the script
# (skipped).
start_pg() {
  local label=$1 p user
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [[ -x $PG_BIN/initdb ]] || PG_BIN=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
  if [[ ! -x $PG_BIN/initdb ]]; then
    echo "$label: PostgreSQL (initdb, pg_ctl) not found: install the Debian package postgresql (scripts/install-deps.sh test)" >&2
    [[ ${CI:-} == true ]] && exit 1
    echo "$label: skipped" >&2
    exit 0
  fi
  PG_DIR=$(mktemp -d "/tmp/attache-$label.XXXXXX")
  chmod 755 "$PG_DIR"
  PG_AS=()
  if [[ $(id -u) == 0 ]]; then
    user=postgres
    id "$user" >/dev/null 2>&1 || user=nobody
    chown "$user" "$PG_DIR"
    PG_AS=(runuser -u "$user" --)
  fi
  # A free port: one nothing answers on.
  PG_PORT=0
  for _ in $(seq 50); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then PG_PORT=$p; break; fi
  done
  ((PG_PORT > 0)) || { echo "$label: no free port found" >&2; exit 1; }
  echo "admin-pw" >"$PG_DIR/pw"
  [[ ${#PG_AS[@]} -gt 0 ]] && chown "$user" "$PG_DIR/pw"
  "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U admin --pwfile "$PG_DIR/pw" --auth scram-sha-256 -E UTF8 --locale C.UTF-8 --no-sync >/dev/null
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" start -w -D "$PG_DIR/data" -l "$PG_DIR/server.log" \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" >/dev/null
}

stop_pg() {
  [[ -n ${PG_DIR:-} ]] || return 0
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" stop -m immediate -D "$PG_DIR/data" >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}

# pg_admin SQL...: run statements on the server's postgres database as admin.
pg_admin() {
  local args=()
  for s in "$@"; do args+=(-c "$s"); done
  PGPASSWORD=admin-pw "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U admin -d postgres "${args[@]}" >/dev/null
}
