#!/bin/sh
# `make bench`: the performance scenarios of quality.md, as ratios against
# ceilings measured in the same run on the same machine.
#   B0 GET /healthz                       the framework's ceiling
#   B1 GET /api/v1/reports/{id}           vs pgbench running the same SQL
#   B2 GET /api/v1/reports?status=new     vs pgbench running the same SQL
#   B3 POST /api/v1/reports               vs pgbench running the same inserts
#   B4 CSV export of all reports          rows/s and peak RSS growth
#   B5 1,000 keep-alive connections, 60 s no errors, RSS
# Data: `dna-api seed --members $MEMBERS --reports $REPORTS` (500 / 100,000).
# Load only on loopback; every loop is bounded in time.
set -eu
BUILD="${1:-build}"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
MEMBERS="${MEMBERS:-500}"; REPORTS="${REPORTS:-100000}"
DURATION="${DURATION:-10}"; CONC="${CONC:-32}"; B5_SECONDS="${B5_SECONDS:-60}"
./scripts/install-deps.sh wrk postgresql-15 curl
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
DIR="$ROOT/var/bench"
mkdir -p "$DIR"
# pgbench runs as the cluster's owner and writes its per-transaction log here.
PGB_DIR="$DIR/pgbench"
mkdir -p "$PGB_DIR"
[ "$(id -u)" -eq 0 ] && chown postgres "$PGB_DIR"
PGPORT=5498
SOCK="$DIR/pg/run"
export DNA_DATABASE_URL="host=$SOCK port=$PGPORT dbname=dna user=postgres"
export DNA_JWT_SECRET="bench-secret-0123456789-0123456789-abcdef"
export DNA_PORT="${BENCH_PORT:-8099}" DNA_RATE_LIMIT=0 DNA_LOG_LEVEL=warn
URL="http://127.0.0.1:$DNA_PORT"
PG_FSYNC=off ./scripts/pg.sh start "$DIR/pg" $PGPORT
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_q() { as_pg "$PGBIN/psql" -h "$SOCK" -p $PGPORT -U postgres -d dna -tAc "$1"; }

# Data set, made once per size.
have=$(psql_q "SELECT count(*) FROM reports" 2>/dev/null || echo 0)
if [ "$have" -lt "$REPORTS" ]; then
  as_pg "$PGBIN/dropdb" -h "$SOCK" -p $PGPORT -U postgres --if-exists dna
  as_pg "$PGBIN/createdb" -h "$SOCK" -p $PGPORT -U postgres dna
  echo "seeding $MEMBERS members, $REPORTS reports..."
  "$BUILD/dna-api" seed --members "$MEMBERS" --reports "$REPORTS" > "$DIR/seed.log"
  psql_q "VACUUM ANALYZE" >/dev/null
fi
NREPORTS=$(psql_q "SELECT max(id) FROM reports")
# Every scenario on a warm cache: the cluster was just started, and random
# reads from disk made B1 measure the disk (556/s, p99 1.5 s) instead of us.
psql_q "CREATE EXTENSION IF NOT EXISTS pg_prewarm" >/dev/null
psql_q "SELECT sum(pg_prewarm(oid)) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'i')" >/dev/null

GLIBC_TUNABLES=glibc.malloc.trim_threshold=67108864 "$BUILD/dna-api" serve > "$DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; ./scripts/pg.sh stop "$DIR/pg"' EXIT
for i in $(seq 1 50); do curl -sf "$URL/healthz" >/dev/null && break; sleep 0.2; done
TOKEN=$("$BUILD/dna-api" token --sub 3 --roles member,deregulation_team --ttl 3600)
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$SERVER/status"; }

# wrk: prints "rps p99ms errors"
cat > "$DIR/report.lua" <<LUA
math.randomseed(42)
request = function()
  return wrk.format("GET", "/api/v1/reports/" .. math.random(1, $NREPORTS))
end
LUA
cat > "$DIR/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"title":"Formulier vraagt gegevens die we al hebben","description":"Bewoners vullen drie keer hetzelfde adres in.","procedure":"Aanvraag parkeervergunning","impact":"Extra werk en fouten","department":"DPZ","category":"form","anonymous":false}'
LUA
cat > "$DIR/summary.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format("RESULT %.1f %.2f %d\n", summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000, errors))
end
LUA
wrk_run() { # path [script]
  script="$DIR/summary.lua"
  if [ $# -ge 2 ]; then cat "$2" "$DIR/summary.lua" > "$DIR/combined.lua"; script="$DIR/combined.lua"; fi
  wrk -t2 -c"$CONC" -d"${DURATION}s" --latency -s "$script" -H "Authorization: Bearer $TOKEN" "$URL$1" 2>&1 | awk '/^RESULT/ {print $2, $3, $4}'
}
# pgbench: prints "tps p99ms" (p99 from the per-transaction log)
pgb_run() { # sqlfile [pgbench options]
  f=$1; shift
  rm -f "$PGB_DIR"/pgbench_log.*
  (cd "$PGB_DIR" && as_pg "$PGBIN/pgbench" -n -M prepared -c "$CONC" -j 2 -T "$DURATION" -l "$@" -f "$f" \
      -h "$SOCK" -p $PGPORT -U postgres dna > "$DIR/pgbench.out" 2>&1) || { cat "$DIR/pgbench.out" >&2; echo "0 0"; return; }
  tps=$(awk '/^tps/ {print $3; exit}' "$DIR/pgbench.out")
  p99=$(cat "$PGB_DIR"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {print a[int(NR*0.99)]/1000}')
  echo "$tps $p99"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# pgbench runs the server's own statements (printed by sql_of), with the
# parameters the server binds; parameters the server leaves NULL are NULL.
nulls() { f=$1; shift; for n in "$@"; do sed -i -E "s/:p$n([^0-9]|$)/NULL\1/g" "$f"; done; }
{ printf '\\set p1 random(1, %s)\n' "$NREPORTS"; "$BUILD/bench/sql_of" get; } > "$DIR/b1_get_report.sql"
"$BUILD/bench/sql_of" list > "$DIR/b2_list_new.sql"
nulls "$DIR/b2_list_new.sql" 2 3 4 5 6 7 8 9 10 14 15 16
"$BUILD/bench/sql_of" file > "$DIR/b3_file_report.sql"
nulls "$DIR/b3_file_report.sql" 11 12
chmod 644 "$DIR"/*.sql; chmod 755 "$DIR"
PGB_B1="-D p2=3 -D p3=true -D p4=false"
PGB_B2="-D p1={new} -D p11=3 -D p12=true -D p13=false -D p17=51"
PGB_B3="-D p1=Formulier_vraagt_gegevens_die_we_al_hebben -D p2=Bewoners_vullen_drie_keer_hetzelfde_adres_in -D p3=Aanvraag_parkeervergunning -D p4=Extra_werk -D p5=DPZ -D p6=form -D p7=false -D p8=3 -D p9=member:3 -D p10={} -D p13={} -D p14=false"

printf "\n%-4s %-36s %12s %12s %8s %s\n" id scenario "api" "ceiling" ratio target
set -- $(wrk_run /healthz); B0=$1
printf "%-4s %-36s %10s/s %12s %8s %s\n" B0 "GET /healthz" "$1" "-" "-" "reference (p99 $2 ms, errors $3)"

set -- $(wrk_run /api/v1/reports/1 "$DIR/report.lua"); api_rps=$1; api_p99=$2; api_err=$3
set -- $(pgb_run "$DIR/b1_get_report.sql" $PGB_B1); pg_tps=$1; pg_p99=$2
printf "%-4s %-36s %10s/s %10s/s %8s %s\n" B1 "GET /reports/{id}, random ids" "$api_rps" "$pg_tps" "$(ratio "$api_rps" "$pg_tps")" \
  ">= 0.6; p99 $api_p99 vs $pg_p99 ms = $(ratio "$api_p99" "$pg_p99") (<= 1.5); errors $api_err"

set -- $(wrk_run "/api/v1/reports?status=new&limit=50"); api_rps=$1; api_err=$3
set -- $(pgb_run "$DIR/b2_list_new.sql" $PGB_B2); pg_tps=$1
printf "%-4s %-36s %10s/s %10s/s %8s %s\n" B2 "GET /reports?status=new&limit=50" "$api_rps" "$pg_tps" "$(ratio "$api_rps" "$pg_tps")" ">= 0.5; errors $api_err"

set -- $(wrk_run /api/v1/reports "$DIR/post.lua"); api_rps=$1; api_err=$3
set -- $(pgb_run "$DIR/b3_file_report.sql" $PGB_B3); pg_tps=$1
printf "%-4s %-36s %10s/s %10s/s %8s %s\n" B3 "POST /reports" "$api_rps" "$pg_tps" "$(ratio "$api_rps" "$pg_tps")" ">= 0.5; errors $api_err"

# B4: the whole table as CSV, timed, with the server's peak RSS sampled.
MTOKEN=$("$BUILD/dna-api" token --sub 4 --roles member,program_manager --ttl 3600)
idle=$(rss); peak=$idle
curl -s -o "$DIR/export.csv" -w "%{time_total}\n" -H "Authorization: Bearer $MTOKEN" "$URL/api/v1/reports?format=csv" > "$DIR/b4.time" &
CURL=$!
while kill -0 $CURL 2>/dev/null; do r=$(rss); [ "$r" -gt "$peak" ] && peak=$r; sleep 0.05; done
rows=$(($(wc -l < "$DIR/export.csv") - 1))
secs=$(cat "$DIR/b4.time")
printf "%-4s %-36s %10s/s %12s %8s %s\n" B4 "CSV export, $rows rows" "$(awk -v r=$rows -v s=$secs 'BEGIN{printf "%d", r/s}')" "-" "-" \
  ">= 150000 rows/s; RSS idle $idle MB, peak $peak MB, growth $((peak - idle)) MB (< 32)"

# B5: 1,000 keep-alive connections for B5_SECONDS.
out=$(wrk -t2 -c1000 -d"${B5_SECONDS}s" -s "$DIR/summary.lua" -H "Authorization: Bearer $TOKEN" "$URL/api/v1/auth/me" 2>&1 | awk '/^RESULT/ {print $2, $3, $4}')
set -- $out
printf "%-4s %-36s %10s/s %12s %8s %s\n" B5 "1000 keep-alive conns, ${B5_SECONDS}s" "$1" "-" "-" "errors $3 (0), RSS $(rss) MB (< 150), p99 $2 ms"
