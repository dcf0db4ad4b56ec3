#!/bin/sh
# `make export-check`: exports of EXPORT_CHECK_REPORTS (200,000) reports from
# a throwaway PostgreSQL, against the real binary: each export's time, rows
# per second next to the same SQL alone (psql's COPY of the statement the
# export runs), and the server's memory from /proc/PID/status: VmRSS and
# VmHWM before, the highest VmRSS sampled during (every 50 ms), VmHWM after.
# Passes when every export has every row and the server's peak grew less
# than EXPORT_CHECK_RSS_MB (32) over its idle RSS, also with as many exports
# at once as it allows. Takes about a minute, most of it seeding.
set -u
BUILD="${1:-build}"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
REPORTS="${EXPORT_CHECK_REPORTS:-200000}"
RSS_LIMIT="${EXPORT_CHECK_RSS_MB:-32}"
TMP=$(mktemp -d /tmp/dna-export-check.XXXXXX)
chmod 755 "$TMP"
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  ./scripts/pg.sh stop "$TMP/pg"
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM
PGPORT=5495
./scripts/pg.sh start "$TMP/pg" $PGPORT || exit 1
SOCK="$TMP/pg/run"
export DNA_DATABASE_URL="host=$SOCK port=$PGPORT dbname=dna user=postgres"
export DNA_JWT_SECRET="export-check-secret-0123456789-0123456789"
export DNA_PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export DNA_RATE_LIMIT=0 DNA_LOG_LEVEL=warn
echo "export-check: seeding $REPORTS reports (a throwaway cluster in $TMP)"
"$BUILD/dna-api" seed --members 500 --reports "$REPORTS" > "$TMP/seed.log" 2>&1 || { cat "$TMP/seed.log"; exit 1; }
# Statistics, as autovacuum gathers them within a minute of a bulk load: the
# plans measured are the ones a running database gets.
psql -h "$TMP/pg/run" -p $PGPORT -U postgres -d dna -q -c "ANALYZE" || exit 1
"$BUILD/dna-api" serve > "$TMP/server.log" 2>&1 &
SERVER=$!
URL="http://127.0.0.1:$DNA_PORT"
for i in $(seq 1 100); do curl -sf "$URL/healthz" >/dev/null && break; sleep 0.1; done
TOKEN=$("$BUILD/dna-api" token --sub 4 --roles member,program_manager --ttl 3600)
LIMIT=$(curl -s "$URL/metrics" | awk '/^dna_exports_limit/ {print $2}')
LIMIT=${LIMIT:-4} # a server without an export limit: as many as the default would allow
kb() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$SERVER/status"; }
mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }

# The same rows as the CSV export, as PostgreSQL alone produces them: the
# export's statement (bench/sql_of) run by psql's COPY to /dev/null.
sql_alone() {
  sql=$("$BUILD/bench/sql_of" export | sed -e 's/:p11\b/4/g; s/:p12\b/true/g; s/:p13\b/false/g' -e 's/:p[0-9][0-9]*\b/NULL/g')
  start=$(date +%s.%N)
  psql -h "$SOCK" -p $PGPORT -U postgres -d dna -q -c "SET jit = off" \
    -c "COPY ($sql) TO STDOUT WITH (FORMAT csv, HEADER)" > /dev/null || return 1
  awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.2f", e - s}'
}

# Runs N exports of FORMAT at once; prints "seconds rows peak_kb" (seconds of
# the slowest, rows of the first) and checks each has every row.
run_exports() {
  format=$1 n=$2 peak=0 i=1 pids=""
  while [ $i -le "$n" ]; do
    curl -s -o "$TMP/out.$i" -w "%{http_code} %{time_total}\n" -H "Authorization: Bearer $TOKEN" \
      "$URL/api/v1/reports?format=$format" > "$TMP/time.$i" &
    pids="$pids $!"
    i=$((i + 1))
  done
  for p in $pids; do
    while kill -0 "$p" 2>/dev/null; do r=$(kb VmRSS); [ "$r" -gt "$peak" ] && peak=$r; sleep 0.05; done
  done
  secs=0 i=1
  while [ $i -le "$n" ]; do
    set -- $(cat "$TMP/time.$i")
    [ "$1" = 200 ] || { echo "export $i of $n answered $1" >&2; return 1; }
    secs=$(awk -v a="$secs" -v b="$2" 'BEGIN {print (b > a) ? b : a}')
    lines=$(wc -l < "$TMP/out.$i")
    [ "$format" = csv ] && lines=$((lines - 1))
    [ "$lines" -eq "$REPORTS" ] || { echo "export $i of $n has $lines rows of $REPORTS" >&2; return 1; }
    i=$((i + 1))
  done
  echo "$secs $REPORTS $peak"
}

idle_rss=$(kb VmRSS); idle_hwm=$(kb VmHWM)
echo "server $SERVER idle: VmRSS $(mb "$idle_rss") MB, VmHWM $(mb "$idle_hwm") MB; at most $LIMIT exports at once"
printf "\n%-26s %8s %9s %10s %14s %6s %12s %10s\n" export rows seconds rows/s "SQL alone/s" ratio "peak RSS" growth
failed=0
row() { # NAME SECONDS ROWS PEAK_KB [SQL_SECONDS]
  rate=$(awk -v r="$3" -v s="$2" 'BEGIN {printf "%d", r / s}')
  if [ -n "${5:-}" ]; then
    sqlrate=$(awk -v r="$3" -v s="$5" 'BEGIN {printf "%d", r / s}')
    ratio=$(awk -v a="$rate" -v b="$sqlrate" 'BEGIN {printf "%.2f", a / b}')
  else
    sqlrate=- ratio=-
  fi
  growth=$(awk -v p="$4" -v i="$idle_rss" 'BEGIN {printf "%.1f", (p - i) / 1024}')
  printf "%-26s %8s %9s %10s %14s %6s %9s MB %7s MB\n" "$1" "$3" "$2" "$rate" "$sqlrate" "$ratio" "$(mb "$4")" "$growth"
  awk -v g="$growth" -v l="$RSS_LIMIT" 'BEGIN {exit !(g < l)}' || failed=1
}
run_exports csv 1 > /dev/null || exit 1 # warm: the first export reads the table from disk
sql_secs=$(sql_alone) || { echo "the export's SQL failed in psql" >&2; exit 1; }
out=$(run_exports csv 1) || exit 1; set -- $out; row "CSV" "$1" "$2" "$3" "$sql_secs"
for i in 3 4 5 6; do run_exports csv 1 > /dev/null || exit 1; done
# The 7th on the same connection: past the five runs after which PostgreSQL may
# switch a prepared statement to a generic plan.
out=$(run_exports csv 1) || exit 1; set -- $out; row "CSV, 7th run" "$1" "$2" "$3" "$sql_secs"
out=$(run_exports ndjson 1) || exit 1; set -- $out; row "NDJSON" "$1" "$2" "$3"
out=$(run_exports csv "$LIMIT") || exit 1; set -- $out; row "CSV x $LIMIT at once" "$1" "$(($2 * LIMIT))" "$3"
echo
echo "VmHWM after: $(mb "$(kb VmHWM)") MB (idle $(mb "$idle_hwm") MB); VmRSS now $(mb "$(kb VmRSS)") MB"
echo "pass when each export has all $REPORTS rows and the peak RSS grows < $RSS_LIMIT MB over idle"
[ "$failed" -eq 0 ] && echo "export-check: passed" || { echo "export-check: FAILED (memory)"; exit 1; }
