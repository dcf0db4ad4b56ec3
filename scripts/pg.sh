#!/bin/sh
# A private PostgreSQL cluster in a folder of ours: no system service.
#   scripts/pg.sh start DIR PORT   initialises DIR on first use, starts it
#   scripts/pg.sh stop DIR         stops it (no error when not running)
#   scripts/pg.sh where DIR        prints the physical folder of DIR's cluster
# initdb and pg_ctl refuse to run as root: as root they run as `postgres`.
# When that user cannot reach DIR (a checkout under /root, mode 700), the
# cluster lives in /var/lib/dna-api/<hash of DIR's path>/pg, which postgres
# owns, and DIR becomes a symbolic link to it: paths through DIR keep working
# for root, and the data survives re-runs.
set -e
cmd="$1"; dir="$2"; port="${3:-5433}"
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bindir" ] || { echo "PostgreSQL is not installed" >&2; exit 1; }
[ -n "$dir" ] || { echo "usage: scripts/pg.sh start DIR [PORT] | stop DIR | where DIR" >&2; exit 2; }
root=false; [ "$(id -u)" -eq 0 ] && root=true
as_owner() { # from /, so that a working directory postgres cannot enter does not matter
  if $root; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}
# DIR as an absolute path, its links resolved when it exists.
physical() { if [ -d "$1" ]; then (cd "$1" && pwd -P); else echo "$1"; fi; }

case "$cmd" in
start)
  mkdir -p "$(dirname "$dir")"
  dir="$(cd "$(dirname "$dir")" && pwd -P)/$(basename "$dir")"
  if $root && ! { [ -L "$dir" ] && [ -d "$dir" ]; } && ! runuser -u postgres -- test -x "$(dirname "$dir")" 2>/dev/null; then
    [ -f "$dir/data/PG_VERSION" ] && {
      echo "pg.sh: the cluster in $dir is out of the postgres user's reach; move it or set DNA_DATABASE_URL" >&2
      exit 1
    }
    home="/var/lib/dna-api/$(printf '%s' "$dir" | sha256sum | cut -c1-12)"
    mkdir -p "$home/pg"
    echo "$dir" >"$home/checkout" # which checkout this folder belongs to
    chown postgres "$home/pg"
    chmod 700 "$home/pg"
    if [ -L "$dir" ]; then # its folder was removed: start afresh
      rm -f "$dir"
    elif [ -d "$dir" ]; then # what an earlier failed start left: its log, empty folders
      rm -f "$dir/initdb.log"
      rmdir "$dir/data" "$dir/run" 2>/dev/null || true
      rmdir "$dir" || { echo "pg.sh: $dir is not empty; move it away to start afresh" >&2; exit 1; }
    fi
    ln -s "$home/pg" "$dir"
  fi
  mkdir -p "$dir"
  dir=$(physical "$dir")
  $root && chown postgres "$dir"
  # A Unix socket path holds at most 107 bytes.
  sock="$dir/run/.s.PGSQL.$port"
  [ ${#sock} -le 107 ] || { echo "pg.sh: socket path too long (${#sock} > 107 bytes): $sock" >&2; exit 1; }
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
  dir=$(physical "$dir")
  [ -f "$dir/data/PG_VERSION" ] || exit 0
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  ;;
where)
  physical "$dir"
  ;;
*)
  echo "usage: scripts/pg.sh start DIR [PORT] | stop DIR | where DIR" >&2; exit 2 ;;
esac
