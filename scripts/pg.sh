#!/usr/bin/env bash
# Starts a throw-away PostgreSQL for tests and benchmarks from the machine's binaries, as the
# `postgres` user when run as root (PostgreSQL refuses root), in a temporary data folder.
#   scripts/pg.sh start [PORT]   prints the DATABASE_URL on its last line
#   scripts/pg.sh stop
set -euo pipefail
cmd=${1:-start}
port=${2:-${PGPORT:-55432}}
state=${OD_PG_STATE:-/tmp/opendistrict-pg-$port}

as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "$cmd" in
  start)
    command -v initdb >/dev/null || { echo "initdb not found: install PostgreSQL 15+ server binaries" >&2; exit 1; }
    rm -rf "$state"; mkdir -p "$state"
    [ "$(id -u)" = 0 ] && chown postgres "$state"
    # UTF-8 character locale: Chinese search needs it (see docs/OPERATIONS.md).
    as_pg "initdb -D '$state/data' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >'$state/initdb.log' 2>&1"
    # A throw-away cluster: no fsync; memory and WAL sized so that a million-row update is not a
    # series of checkpoints through 128 MB of buffers (docs/OPERATIONS.md gives production settings).
    opts="-p $port -k '$state' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    opts="$opts ${OD_PG_OPTS--c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min}"
    as_pg "pg_ctl -D '$state/data' -l '$state/server.log' -o \"$opts\" -w start >/dev/null"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -d "$state/data" ] && as_pg "pg_ctl -D '$state/data' -m fast -w stop >/dev/null" || true
    rm -rf "$state"
    ;;
  *) echo "usage: $0 start|stop [PORT]" >&2; exit 2 ;;
esac
