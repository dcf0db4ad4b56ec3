#!/bin/sh
# `make run`: the embedded PostgreSQL under var/pg, migrations, demo data
# once, then the server on http://localhost:${DNA_PORT:-8080}.
set -e
cd "$(dirname "$0")/.."
mkdir -p var
if [ -z "$DNA_DATABASE_URL" ]; then
  ./scripts/pg.sh start var/pg 5433
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
echo "Serving on http://localhost:${DNA_PORT:-8080} (Ctrl-C stops the server; 'make stop' stops the database)"
exec ./build/dna-api serve
