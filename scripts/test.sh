#!/bin/sh
# `make test`: unit tests, then API tests over HTTP against the real binary
# and a throwaway PostgreSQL cluster, every response checked against
# openapi.yaml by a Prism validating proxy. Ends with one "N passed, N failed"
# line and a non-zero exit on any failure.
set -u
BUILD="${1:-build}"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
TMP=$(mktemp -d /tmp/dna-test.XXXXXX)
chmod 755 "$TMP"
SERVER_PID=""; PRISM_PID=""
cleanup() {
  [ -n "$PRISM_PID" ] && kill "$PRISM_PID" 2>/dev/null
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  ./scripts/pg.sh stop "$TMP/pg"
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

passed=0; failed=0
add_counts() { # reads "N passed, M failed" from a summary line
  p=$(echo "$1" | sed -n 's/.*[^0-9]\([0-9][0-9]*\) passed.*/\1/p; s/^\([0-9][0-9]*\) passed.*/\1/p' | head -1)
  f=$(echo "$1" | sed -n 's/.* \([0-9][0-9]*\) failed.*/\1/p' | head -1)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-1}))
}

echo "== format"
# The house style is checked like a test: `make format` fixes what this finds.
if command -v clang-format >/dev/null 2>&1; then
  # One process for every file; its complaints name the files ("FILE:LINE:COL: error: ...").
  out=$(clang-format --dry-run --Werror --ferror-limit=1 src/*.c src/*.h api/*.c api/*.h tests/unit/*.c \
          tests/unit/*.h tests/fuzz/*.c bench/*.c 2>&1); rc=$?
  bad=$(echo "$out" | sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' | sort -u)
  if [ $rc -ne 0 ]; then
    echo "not formatted (run make format):"; echo "${bad:-$out}"; failed=$((failed + 1))
  else
    echo "format: 1 passed, 0 failed"; passed=$((passed + 1))
  fi
else
  echo "clang-format not installed: format not checked"
fi

echo "== openapi.yaml: Redocly CLI's recommended rules, warnings as errors (redocly.yaml)"
# No telemetry, no update check (this machine reaches no such service anyway).
out=$(REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
      tests/openapi/node_modules/.bin/redocly lint openapi.yaml --format=stylish 2>&1); rc=$?
# Findings and the verdict, without its banner about Node.js versions.
echo "$out" | grep -vE "^[[:space:]]*$|║|╔|╚"
if [ $rc -eq 0 ]; then
  echo "openapi lint: 1 passed, 0 failed"; passed=$((passed + 1))
else
  echo "openapi lint: 0 passed, 1 failed"; failed=$((failed + 1))
fi

echo "== intranet page: the API's types from openapi.yaml (openapi-typescript), the page checked by tsc --strict"
# Generated into examples/intranet/generated/ (not committed); tsconfig.json there
# checks the page's JavaScript (checkJs, strict, no output) against them.
if out=$(cd examples/intranet && node_modules/.bin/openapi-typescript ../../openapi.yaml -o generated/dna-api.ts 2>&1 &&
         node_modules/.bin/tsc -p . 2>&1); then
  echo "types: 1 passed, 0 failed"; passed=$((passed + 1))
else
  echo "$out" | tail -40; echo "types: 0 passed, 1 failed"; failed=$((failed + 1))
fi

echo "== database and demo data"
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
./scripts/pg.sh start "$TMP/pg" 5499 || { echo "0 passed, 1 failed"; exit 1; }
export DNA_DATABASE_URL="host=$TMP/pg/run port=5499 dbname=dna user=postgres"
# Exports go through the read pool (the same database here): that path is tested too.
export DNA_DATABASE_READ_URL="$DNA_DATABASE_URL"
export DNA_JWT_SECRET="test-secret-0123456789-0123456789-abcdef"
export DNA_PORT=$(free_port)
export DNA_BIND=127.0.0.1
# The intranet example page is served on this port in the browser test: its origin is allowed.
export INTRANET_PORT=$(free_port)
export DNA_CORS_ORIGINS="https://intranet.denhaag.example,http://127.0.0.1:$INTRANET_PORT"
export DNA_IDP_ISSUER="https://idp.denhaag.example/realms/staff"
export DNA_IDP_AUDIENCE="dna-api-idp"
export DNA_IDP_ROLES_CLAIM="realm_access.roles"
export DNA_RATE_LIMIT=0
export DNA_LOG_LEVEL=warn
node tests/api/keys.mjs "$TMP" || exit 1
export DNA_JWT_PUBLIC_KEY_FILE="$TMP/idp-public.pem"
"$ROOT/$BUILD/dna-api" seed --members 60 > "$TMP/seed.log" 2>&1 || { cat "$TMP/seed.log"; echo "0 passed, 1 failed"; exit 1; }
echo "== unit tests (tests/unit/test_db.c and test_seed_db.c use the seeded throwaway database)"
export DNA_TEST_DATABASE_URL="$DNA_DATABASE_URL"
for t in "$BUILD"/tests/test_*; do
  [ -x "$t" ] || continue
  # Files a test leaves for a later step (test_ical's sample calendar) go to $TMP.
  out=$(TMPDIR="$TMP" "$t" 2>&1); rc=$?
  echo "$out" | grep -E "FAIL|not ok|ERROR|runtime error" || true
  line=$(echo "$out" | grep -E "[0-9]+ passed, [0-9]+ failed" | tail -1)
  echo "$line"
  [ -z "$line" ] && { echo "$t: crashed (exit $rc)"; echo "$out" | tail -20; failed=$((failed + 1)); continue; }
  add_counts "$line"
  [ $rc -ne 0 ] && [ "$(echo "$line" | sed -n 's/.* \([0-9]*\) failed/\1/p')" = "0" ] && failed=$((failed + 1))
done

echo "== calendar: test_ical's sample read back by python3-icalendar"
# Debian's python3 on purpose: python3-icalendar is installed for it, not for
# another python3 that may come first on PATH.
if out=$(/usr/bin/python3 tests/api/ical_check.py --expect "$TMP/dna-ical-sample.json" "$TMP/dna-ical-sample.ics" 2>&1); then
  echo "ical: 1 passed, 0 failed"; passed=$((passed + 1))
else
  echo "$out"; echo "ical: 0 passed, 1 failed"; failed=$((failed + 1))
fi

echo "== containers: docker-compose.yml by docker-compose config, the Dockerfile against the Makefile and the binary"
# No Docker engine here: Debian's docker-compose validates and resolves the
# compose file without one; the Dockerfile is read (tests/containers/check.py).
out=$(/usr/bin/python3 tests/containers/check.py "$BUILD/dna-api" 2>&1)
echo "$out" | grep -v "^ok " || true
add_counts "$(echo "$out" | grep -E "^containers: [0-9]+ passed" | tail -1)"

echo "== systemd unit: systemd-analyze verify and security on examples/systemd/dna-api.service"
out=$(tests/systemd/check.sh "$BUILD/dna-api" "$TMP" 2>&1)
echo "$out" | grep -v "^ok " || true
add_counts "$(echo "$out" | grep -E "^systemd: [0-9]+ passed" | tail -1)"

echo "== API tests (server and validating proxy)"
"$ROOT/$BUILD/dna-api" serve > "$TMP/server.log" 2>&1 &
SERVER_PID=$!
PRISM_PORT=$(free_port)
tests/api/node_modules/.bin/prism proxy openapi.yaml "http://127.0.0.1:$DNA_PORT" -p "$PRISM_PORT" -h 127.0.0.1 > "$TMP/prism.log" 2>&1 &
PRISM_PID=$!
# Up to 30 s each (ASan builds start slowly); a component that never answers, or
# exits, fails the run with its log.
wait_for() { # NAME PID LOG URL [CURL-OPTION...]
  name=$1 pid=$2 log=$3 url=$4; shift 4
  i=0
  until curl -s -o /dev/null "$@" "$url" 2>/dev/null; do
    i=$((i + 1))
    if ! kill -0 "$pid" 2>/dev/null || [ $i -ge 150 ]; then
      kill -0 "$pid" 2>/dev/null && why="no answer within 30 s" || why="it exited"
      echo "$name never answered on $url ($why)"
      echo "-- $name log (last 30 lines)"; tail -30 "$log"
      echo "total: $passed passed, $((failed + 1)) failed"
      exit 1
    fi
    sleep 0.2
  done
}
wait_for server "$SERVER_PID" "$TMP/server.log" "http://127.0.0.1:$DNA_PORT/healthz" -f
wait_for Prism "$PRISM_PID" "$TMP/prism.log" "http://127.0.0.1:$PRISM_PORT/healthz"
export API_URL="http://127.0.0.1:$PRISM_PORT" DIRECT_URL="http://127.0.0.1:$DNA_PORT"
export DNA_BIN="$ROOT/$BUILD/dna-api" TEST_TMP="$TMP" PG_SOCKET="$TMP/pg/run" PG_PORT=5499
# API_TESTS=tests/api/69_bad_input.test.mjs runs one file while working on it.
node --test --test-concurrency=1 --test-reporter=spec ${API_TESTS:-tests/api/} > "$TMP/api.out" 2>&1
cat "$TMP/api.out" | grep -vE "^\s*$" | grep -E "✖|✔|ℹ|#|Error|assert|expected|actual" | tail -400
p=$(grep -E "^ℹ pass [0-9]+" "$TMP/api.out" | awk '{print $3}')
f=$(grep -E "^ℹ fail [0-9]+" "$TMP/api.out" | awk '{print $3}')
echo "api: ${p:-0} passed, ${f:-1} failed"
passed=$((passed + ${p:-0})); failed=$((failed + ${f:-1}))
if [ "${f:-1}" != "0" ]; then
  echo "-- server log (last 30 lines)"; tail -30 "$TMP/server.log"
fi
echo "== intranet page in headless Chromium (tests/browser): CORS, token, registration, report, charts"
export INTRANET_DIR="$ROOT/$BUILD/intranet" TEST_OUT="$ROOT/$BUILD/test-output"
node --test --test-concurrency=1 --test-reporter=spec tests/browser/ > "$TMP/browser.out" 2>&1
grep -vE "^\s*$" "$TMP/browser.out" | grep -E "✖|✔|ℹ|#|Error|assert|expected|actual|screenshot|page error" | tail -80
p=$(grep -E "^ℹ pass [0-9]+" "$TMP/browser.out" | awk '{print $3}')
f=$(grep -E "^ℹ fail [0-9]+" "$TMP/browser.out" | awk '{print $3}')
echo "browser: ${p:-0} passed, ${f:-1} failed"
passed=$((passed + ${p:-0})); failed=$((failed + ${f:-1}))
[ "${f:-1}" != "0" ] && tail -40 "$TMP/browser.out"

kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID"; rc=$?
SERVER_PID=""
if [ $rc -ne 0 ]; then echo "server did not exit 0 on SIGTERM (exit $rc)"; failed=$((failed + 1)); fi
# Under `make asan` the server's sanitizer reports land in its log.
if grep -qE "ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:" "$TMP/server.log"; then
  echo "sanitizer report from the server:"; grep -A30 -E "ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:" "$TMP/server.log" | head -80
  failed=$((failed + 1))
fi

echo "total: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
