#!/bin/sh
# `make soak`: SOAK_SECONDS (60) of high load on loopback against the real
# binary and a throwaway PostgreSQL: reads, listings, filings and supports
# mixed, 64 connections. Passes when no answer was a 5xx (nor a socket
# error) and the server's memory stayed flat (RSS growth after the warm-up
# under SOAK_RSS_MB, 16). Prints the figures.
set -u
BUILD="${1:-build}"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SECONDS_TOTAL="${SOAK_SECONDS:-60}"
RSS_LIMIT="${SOAK_RSS_MB:-16}"
./scripts/install-deps.sh wrk curl >/dev/null
TMP=$(mktemp -d /tmp/dna-soak.XXXXXX)
chmod 755 "$TMP"
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  ./scripts/pg.sh stop "$TMP/pg"
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM
./scripts/pg.sh start "$TMP/pg" 5497 || exit 1
export DNA_DATABASE_URL="host=$TMP/pg/run port=5497 dbname=dna user=postgres"
export DNA_JWT_SECRET="soak-secret-0123456789-0123456789-abcdef"
export DNA_PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export DNA_RATE_LIMIT=0 DNA_LOG_LEVEL=warn
"$BUILD/dna-api" seed --members 200 --reports 5000 > "$TMP/seed.log" 2>&1 || { cat "$TMP/seed.log"; exit 1; }
"$BUILD/dna-api" serve > "$TMP/server.log" 2>&1 &
SERVER=$!
URL="http://127.0.0.1:$DNA_PORT"
for i in $(seq 1 100); do curl -sf "$URL/healthz" >/dev/null && break; sleep 0.1; done
TOKEN=$("$BUILD/dna-api" token --sub 1 --roles member --ttl 3600)
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$SERVER/status"; }

cat > "$TMP/mix.lua" <<'LUA'
-- Reads of single reports, pages of the listing, filings and supports.
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  fivexx = 0
  n = 0
  math.randomseed(os.time() + math.random(1000))
end
request = function()
  n = n + 1
  local r = n % 10
  if r < 5 then
    return wrk.format("GET", "/api/v1/reports/" .. math.random(1, 5000))
  elseif r < 7 then
    return wrk.format("GET", "/api/v1/reports?status=new&limit=50")
  elseif r < 8 then
    return wrk.format("PUT", "/api/v1/reports/" .. math.random(1, 5000) .. "/support")
  elseif r < 9 then
    return wrk.format("POST", "/api/v1/reports", {["Content-Type"] = "application/json"},
      '{"title":"Soak","description":"Onder belasting","procedure":"Soak","department":"DPZ","category":"form"}')
  else
    return wrk.format("GET", "/api/v1/members?limit=20")
  end
end
response = function(status, headers, body)
  if status >= 500 then fivexx = fivexx + 1 end
end
done = function(summary, latency, requests)
  local total5 = 0
  for _, t in ipairs(threads) do total5 = total5 + t:get("fivexx") end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("SOAK %d %.1f %.2f %d %d\n", summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(99) / 1000, total5, socket))
end
LUA
echo "soak: ${SECONDS_TOTAL}s, 64 connections, against $URL"
wrk -t2 -c64 -d"${SECONDS_TOTAL}s" -s "$TMP/mix.lua" -H "Authorization: Bearer $TOKEN" "$URL/" > "$TMP/wrk.out" 2>&1 &
WRK=$!
sleep 10
warm=$(rss); peak=$warm
while kill -0 $WRK 2>/dev/null; do r=$(rss); [ "$r" -gt "$peak" ] && peak=$r; sleep 1; done
end=$(rss)
set -- $(awk '/^SOAK/ {print $2, $3, $4, $5, $6}' "$TMP/wrk.out")
requests=${1:-0}; rps=${2:-0}; p99=${3:-0}; fivexx=${4:-1}; sockerr=${5:-1}
growth=$((end - warm))
echo "soak: $requests requests ($rps/s), p99 $p99 ms, 5xx $fivexx, socket errors $sockerr; RSS after warm-up $warm MB, peak $peak MB, end $end MB (growth $growth MB, limit $RSS_LIMIT)"
ok=0
[ "$fivexx" -eq 0 ] || { echo "soak: FAILED: $fivexx answers were 5xx"; tail -20 "$TMP/server.log"; ok=1; }
[ "$sockerr" -eq 0 ] || { echo "soak: FAILED: $sockerr socket errors"; ok=1; }
[ "$growth" -lt "$RSS_LIMIT" ] || { echo "soak: FAILED: memory grew $growth MB"; ok=1; }
[ "$requests" -gt 0 ] || { echo "soak: FAILED: no requests"; cat "$TMP/wrk.out"; ok=1; }
[ $ok -eq 0 ] && echo "soak: passed"
exit $ok
