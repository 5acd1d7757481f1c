#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the store tests.
#   bash .ci/postgres.sh start   installs Debian's postgresql if missing, starts a server, prints its URL
#   bash .ci/postgres.sh stop    stops it and deletes its data
# Everything but the URL goes to stderr, so: export COMMUNIQUE_TEST_POSTGRES="$(bash .ci/postgres.sh start)"
# COMMUNIQUE_PG_DIR (default /tmp/communique-pg) and COMMUNIQUE_PG_PORT (default 55432) move it.
set -euo pipefail

DIR="${COMMUNIQUE_PG_DIR:-/tmp/communique-pg}"
PORT="${COMMUNIQUE_PG_PORT:-55432}"
DB=communique_test
URL="postgresql://postgres@127.0.0.1:${PORT}/${DB}"

say() { echo "postgres.sh: $*" >&2; }

pg_bin() {
    local bin
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    [ -n "$bin" ] && [ -x "$bin/initdb" ] && echo "$bin"
}

install_postgres() {
    [ "$(id -u)" = 0 ] || { say "PostgreSQL is not installed; run as root or: apt-get install -y postgresql"; exit 1; }
    say "installing Debian's postgresql"
    # no default cluster: this script makes its own
    mkdir -p /etc/postgresql-common
    [ -e /etc/postgresql-common/createcluster.conf ] || echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
}

# Run a command as the owner of the data directory (initdb and postgres refuse root).
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start() {
    local bin
    bin="$(pg_bin)" || { install_postgres; bin="$(pg_bin)"; }
    if [ -f "$DIR/data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
        say "already running in $DIR"
        echo "$URL"
        return
    fi
    rm -rf "$DIR"
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
    as_owner "$bin/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
    as_owner "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c full_page_writes=off" >&2 \
        || { cat "$DIR/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
    say "server in $DIR, log $DIR/server.log"
    echo "$URL"
}

stop() {
    local bin
    bin="$(pg_bin)" || return 0
    if [ -f "$DIR/data/PG_VERSION" ]; then
        as_owner "$bin/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$DIR"
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    *) say "usage: $0 start|stop"; exit 2 ;;
esac
