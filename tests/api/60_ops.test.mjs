// Operations: migrations guarded by checksums, readiness, metrics, the CLI.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import yaml from 'js-yaml';
import { BIN, call, run as runFile, sql, token, TOKENS } from './lib.mjs';

const run = (...args) => runFile(BIN, args);
const ROOT = new URL('../../', import.meta.url).pathname;

test('migrate: a second run applies nothing and succeeds', async () => {
  const r = await run('migrate');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /0 migration\(s\) applied/);
});

test('migrate: an applied migration whose file changed is refused', async () => {
  const [[saved]] = await sql("SELECT checksum FROM schema_migrations WHERE name = '0001_foundation.sql'");
  try {
    await sql("UPDATE schema_migrations SET checksum = 'tampered' WHERE name = '0001_foundation.sql'");
    const r = await run('migrate');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /0001_foundation\.sql was changed after it was applied/);
  } finally {
    await sql(`UPDATE schema_migrations SET checksum = '${saved}' WHERE name = '0001_foundation.sql'`);
  }
});

test('readyz answers 503 while a migration is pending, 200 again after', async () => {
  const [[name, checksum]] = await sql("SELECT name, checksum FROM schema_migrations ORDER BY name DESC LIMIT 1");
  try {
    await sql(`DELETE FROM schema_migrations WHERE name = '${name}'`);
    const r = await call('GET', '/readyz');
    assert.equal(r.status, 503);
    assert.equal(r.body.migrations, 'pending');
    assert.ok(r.headers.get('retry-after'));
  } finally {
    await sql(`INSERT INTO schema_migrations (name, checksum) VALUES ('${name}', '${checksum}')`);
  }
  const again = await call('GET', '/readyz');
  assert.equal(again.status, 200);
});

test('metrics count requests by route and status and show the pool', async () => {
  await call('GET', '/api/v1/members/me', { token: TOKENS.member(), expect: 200 });
  const r = await call('GET', '/metrics');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /text\/plain/);
  assert.match(r.text, /dna_http_requests_total\{route="\/api\/v1\/members\/me",method="GET",status="200"\} \d+/);
  assert.match(r.text, /dna_http_request_duration_seconds_bucket\{le="\+Inf"\} \d+/);
  assert.match(r.text, /dna_db_pool_connections\{state="idle"\} \d+/);
  assert.match(r.text, /dna_db_pool_waiting \d+/);
});

test("CLI: --version names the contract's version and the commit the binary was built from", async () => {
  const r = await run('--version');
  assert.equal(r.status, 0, r.stderr);
  const m = /^dna-api (\S+) \(commit (\S+)\)\n$/.exec(r.stdout);
  assert.ok(m, `unexpected output: ${JSON.stringify(r.stdout)}`);
  const spec = yaml.load(readFileSync(`${ROOT}openapi.yaml`, 'utf8'));
  assert.equal(m[1], spec.info.version);
  // make test rebuilds the version file, so the binary names the checkout's HEAD.
  const head = await runFile('git', ['-C', ROOT, 'rev-parse', '--short=12', 'HEAD']).catch(() => ({ status: -1 }));
  if (head.status === 0) assert.match(m[2], new RegExp(`^${head.stdout.trim()}(-dirty)?$`));
  else assert.equal(m[2], 'unknown');
  const word = await run('version');
  assert.equal(word.status, 0);
  assert.equal(word.stdout, r.stdout);
  assert.equal((await run('--version', 'extra')).status, 2);
  // Prometheus sees the same build.
  const metrics = await call('GET', '/metrics');
  assert.ok(metrics.text.includes(`dna_build_info{version="${m[1]}",commit="${m[2]}"} 1\n`), 'dna_build_info');
});

test('CLI: bad options and bad variables exit 2 with a message', async () => {
  let r = await run('token', '--sub', '1', '--roles', 'wizard');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /roles/);
  r = await run('frobnicate');
  assert.equal(r.status, 2);
  r = await runFile(BIN, ['migrate'], { ...process.env, DNA_PORT: 'eighty' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /DNA_PORT/);
  r = await runFile(BIN, ['migrate'], { ...process.env, DNA_JWT_SECRET: 'short' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /32 bytes/);
});

test('CLI: dna-api token mints what the suite mints in-process, and the server accepts it', async () => {
  // The suite signs its tokens itself (lib.mjs token()); this pins that to the CLI, byte for byte.
  const r = await run('token', '--sub', '4', '--roles', 'program_manager,member,member', '--ttl', '900');
  assert.equal(r.status, 0, r.stderr);
  const cli = r.stdout.trim();
  const claims = JSON.parse(Buffer.from(cli.split('.')[1], 'base64url').toString());
  assert.equal(claims.exp - claims.iat, 900);
  assert.equal(cli, token(4, ['program_manager', 'member', 'member'], 900, claims.iat));
  const me = await call('GET', '/api/v1/auth/me', { token: cli });
  assert.equal(me.status, 200);
  assert.equal(me.body.sub, '4');
  assert.deepEqual(me.body.roles, ['member', 'program_manager']);
  // Roles are written in the CLI's order, not the caller's, and are not implied.
  const one = await run('token', '--sub', 'ombudsman', '--roles', 'ombudsman,analyst', '--ttl', '60');
  assert.equal(one.status, 0, one.stderr);
  const iat = JSON.parse(Buffer.from(one.stdout.split('.')[1], 'base64url').toString()).iat;
  assert.equal(one.stdout.trim(), token('ombudsman', ['ombudsman', 'analyst'], 60, iat));
});

test('CLI: client add prints a secret once that works with client_credentials', async () => {
  const id = `sys-${Date.now()}`;
  const r = await run('client', 'add', '--id', id, '--roles', 'ombudsman');
  assert.equal(r.status, 0, r.stderr);
  const secret = /client_secret=(\S+)/.exec(r.stdout)[1];
  const tok = await call('POST', '/api/v1/auth/token', {
    raw: `grant_type=client_credentials&client_id=${id}&client_secret=${secret}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(tok.status, 200);
  const me = await call('GET', '/api/v1/auth/me', { token: tok.body.access_token });
  assert.equal(me.body.sub, id);
  assert.deepEqual(me.body.roles, ['ombudsman']);
  assert.equal(me.body.member, null);
  const [[hash]] = await sql(`SELECT secret_hash FROM api_clients WHERE id = '${id}'`);
  assert.match(hash, /^\$argon2id\$/);
  // Again for the same id: a new secret (the way to rotate one); the old one stops working.
  const again = await run('client', 'add', '--id', id, '--roles', 'ombudsman');
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, /existed: it has a new secret/);
  const fresh = /client_secret=(\S+)/.exec(again.stdout)[1];
  assert.notEqual(fresh, secret);
  const login = (s) => call('POST', '/api/v1/auth/token', {
    raw: `grant_type=client_credentials&client_id=${id}&client_secret=${s}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal((await login(fresh)).status, 200);
  assert.equal((await login(secret)).status, 401);
  assert.equal((await run('client', 'add', '--id', 'Geen Id', '--roles', 'ombudsman')).status, 2);
});

test('a client that disconnects mid-export leaves no database connection behind', async () => {
  const net = await import('node:net');
  const { DIRECT } = await import('./lib.mjs');
  const url = new URL(DIRECT);
  const tok = TOKENS.program_manager();
  const got = await new Promise((resolve, reject) => {
    const s = net.connect(Number(url.port), url.hostname, () => {
      s.write(`GET /api/v1/reports?format=ndjson HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tok}\r\n\r\n`);
    });
    let bytes = 0;
    s.on('data', (d) => {
      bytes += d.length;
      if (bytes > 4096) {
        s.destroy(); // hang up mid-stream
        resolve(bytes);
      }
    });
    s.on('error', reject);
    setTimeout(() => reject(new Error('no data')), 5000);
  });
  assert.ok(got > 4096);
  // Exports stream from a pool of their own: both it and the requests' pool are free again.
  let inUse = -1;
  let exporting = -1;
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const m = await call('GET', '/metrics');
    inUse = Number(/dna_db_pool_connections\{state="in_use"\} (\d+)/.exec(m.text)[1]);
    exporting = Number(/^dna_exports_running (\d+)$/m.exec(m.text)[1]);
    if (inUse === 0 && exporting === 0) break;
  }
  assert.equal(exporting, 0, 'the export released its connection');
  assert.equal(inUse, 0, 'no request holds a connection');
  const r = await call('GET', '/api/v1/reports?limit=1', { token: tok });
  assert.equal(r.status, 200);
});
