#!/bin/sh
# The systemd unit example (examples/systemd/dna-api.service), checked as
# systemd reads it: `systemd-analyze verify` (with ExecStart pointed at the
# built binary, which it must find) must be silent, `systemd-analyze
# security --offline` must rate it 2.0 or better, and the settings the
# service relies on must be there. Prints "systemd: N passed, N failed".
#   tests/systemd/check.sh BINARY TMPDIR
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TMPDIR_="$2"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
UNIT="$ROOT/examples/systemd/dna-api.service"
ENVFILE="$ROOT/examples/systemd/dna-api.env"
passed=0; failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }
setting() { sed -n "s/^$1=//p" "$UNIT" | tail -1; }

copy="$TMPDIR_/dna-api.service"
sed "s|^ExecStart=/usr/local/bin/dna-api |ExecStart=$BIN |" "$UNIT" > "$copy"
if out=$(systemd-analyze verify "$copy" 2>&1) && [ -z "$out" ]; then
  ok "systemd-analyze verify: silent"
else
  fail "systemd-analyze verify: $out"
fi
if systemd-analyze security --offline=true --threshold=20 "$copy" > "$TMPDIR_/security.txt" 2>&1; then
  ok "systemd-analyze security: $(tail -1 "$TMPDIR_/security.txt" | sed 's/^→ //')"
else
  fail "systemd-analyze security: exposure above 2.0: $(grep '✗' "$TMPDIR_/security.txt" | head -5)"
fi

for want in "ProtectSystem=strict" "NoNewPrivileges=yes" "Restart=on-failure" "DynamicUser=yes" \
            "EnvironmentFile=/etc/dna-api/dna-api.env" "ExecStart=/usr/local/bin/dna-api serve"; do
  if [ "$(setting "${want%%=*}")" = "${want#*=}" ]; then ok "$want"; else fail "$want (has: $(setting "${want%%=*}"))"; fi
done

# Stopping waits longer than the server drains (DNA_SHUTDOWN_GRACE, 20 s by default).
stop=$(setting TimeoutStopSec | sed -n 's/^\([0-9][0-9]*\)s\{0,1\}$/\1/p')
grace=$(sed -n 's/^DNA_SHUTDOWN_GRACE=\([0-9]*\)$/\1/p' "$ENVFILE"); grace=${grace:-20}
if [ -n "$stop" ] && [ "$stop" -gt "$grace" ]; then
  ok "TimeoutStopSec ${stop}s > DNA_SHUTDOWN_GRACE ${grace}s"
else
  fail "TimeoutStopSec '$(setting TimeoutStopSec)' is not above DNA_SHUTDOWN_GRACE ${grace}s"
fi
echo "systemd: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
