#!/bin/sh
# `make run`: the embedded PostgreSQL under var/pg, migrations, demo data
# once, then the server on http://localhost:${DNA_PORT:-8080}.
set -e
cd "$(dirname "$0")/.."
mkdir -p var
if [ -z "$DNA_DATABASE_URL" ]; then
  # A new cluster (first run, or its folder was removed) gets the demo data again.
  [ -f var/pg/data/PG_VERSION ] || rm -f var/demo-credentials.txt
  ./scripts/pg.sh start var/pg 5433
  # The server's default DNA_DATABASE_URL is host=<cwd>/var/pg/run: a socket
  # path holds at most 107 bytes, so a deep checkout names the short one.
  run=$(./scripts/pg.sh where var/pg)/run
  if [ $(printf '%s' "$(pwd -P)/var/pg/run/.s.PGSQL.5433" | wc -c) -gt 107 ]; then
    DNA_DATABASE_URL="host=$run port=5433 dbname=dna user=postgres"
    export DNA_DATABASE_URL
  fi
  echo "PostgreSQL data: $(dirname "$run")/data"
  [ -L var/pg ] && echo "  (var/pg links there: the postgres user cannot enter this checkout)"
fi
# A stable signing secret for this checkout, so tokens survive restarts.
if [ -z "$DNA_JWT_SECRET" ]; then
  [ -s var/jwt-secret ] || head -c 48 /dev/urandom | od -An -tx1 | tr -d ' \n' > var/jwt-secret
  DNA_JWT_SECRET=$(cat var/jwt-secret)
  export DNA_JWT_SECRET
fi
if [ ! -s var/demo-credentials.txt ]; then
  # History up to today, so the backlog has overdue and escalated reports now.
  ./build/dna-api seed --as-of "$(date -u +%Y-%m-%d)" > var/demo-credentials.tmp
  mv var/demo-credentials.tmp var/demo-credentials.txt
fi
echo
cat var/demo-credentials.txt
echo
echo "A token for curl without a password: DNA_JWT_SECRET=\$(cat var/jwt-secret) ./build/dna-api token --sub 4 --roles program_manager"
echo "The API reference: http://localhost:${DNA_PORT:-8080}/docs (Authorize with a token above)"
echo "Serving on http://localhost:${DNA_PORT:-8080} (Ctrl-C stops the server; 'make stop' stops the database)"
exec ./build/dna-api serve
