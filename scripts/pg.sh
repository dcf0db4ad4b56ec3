#!/bin/sh
# A private PostgreSQL cluster in a folder of ours: no system service.
#   scripts/pg.sh start DIR PORT   initialises DIR on first use, starts it
#   scripts/pg.sh stop DIR         stops it (no error when not running)
# initdb and pg_ctl refuse to run as root: as root they run as `postgres`.
set -e
cmd="$1"; dir="$2"; port="${3:-5433}"
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bindir" ] || { echo "PostgreSQL is not installed" >&2; exit 1; }
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
start)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  as_owner mkdir -p "$dir/run"
  if ! as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    # glibc's heap trimming after large frees is slow on these VMs (quality.md).
    GLIBC_TUNABLES=glibc.malloc.trim_threshold=67108864 \
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 30 \
      -o "-p $port -k $dir/run -c listen_addresses='' -c max_connections=200 -c shared_buffers=256MB -c fsync=${PG_FSYNC:-on}" start >/dev/null
  fi
  # The application database.
  as_owner "$bindir/psql" -h "$dir/run" -p "$port" -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'dna'" | grep -q 1 \
    || as_owner "$bindir/createdb" -h "$dir/run" -p "$port" -U postgres dna
  ;;
stop)
  [ -f "$dir/data/PG_VERSION" ] || exit 0
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  ;;
*)
  echo "usage: scripts/pg.sh start DIR [PORT] | stop DIR" >&2; exit 2 ;;
esac
