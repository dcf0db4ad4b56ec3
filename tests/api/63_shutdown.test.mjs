// A deploy loses no answer: SIGTERM stops accepting, lets every request in
// flight finish and its answer reach the client, answers requests on open
// connections 503 with Retry-After and Connection: close, then exits 0. And
// a second server on a port in use refuses to start, saying why.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { test } from 'node:test';
import { BIN, call, rawHttp, sql, TOKENS } from './lib.mjs';
import { startServer, stopServer } from './server_lib.mjs';

/** Holds a row lock in a psql session of its own for `ms`. */
function holdLock(table, id, ms) {
  const sqlText = `BEGIN; SELECT 1 FROM ${table} WHERE id = ${id} FOR UPDATE; SELECT pg_sleep(${ms / 1000}); COMMIT;`;
  const p = spawn('psql', ['-h', process.env.PG_SOCKET, '-p', process.env.PG_PORT, '-U', 'postgres', '-d', 'dna', '-qc', sqlText], {
    stdio: 'ignore',
  });
  return new Promise((resolve) => p.once('exit', resolve));
}

/** Waits (up to 5 s) until a count query answers 1 or more. */
async function until(countQuery) {
  for (let i = 0; i < 250; i++) {
    const [[n]] = await sql(countQuery);
    if (Number(n) > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`never: ${countQuery}`);
}

/** A keep-alive connection that sends raw requests and reads one answer each. */
function keepAlive(port) {
  const sock = connect({ host: '127.0.0.1', port });
  let buffer = '';
  sock.on('data', (d) => (buffer += d.toString('latin1')));
  return {
    ready: new Promise((resolve) => sock.once('connect', resolve)),
    async ask(request) {
      buffer = '';
      sock.write(request);
      // Up to 10 s: this connection may share a server thread with the PATCH
      // that waits on the row, and is then answered once that one is.
      for (let i = 0; i < 500 && !/\r\n\r\n/.test(buffer); i++) await new Promise((r) => setTimeout(r, 20));
      const [head, body] = buffer.split('\r\n\r\n');
      return { head, body, status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] || 0) };
    },
    close: () => sock.destroy(),
  };
}

test('SIGTERM drains: a PATCH waiting on a row lock gets its 200, later requests 503 + close, exit 0', async () => {
  const manager = TOKENS.program_manager();
  const made = await call('POST', '/api/v1/rules', { token: manager, body: { title: 'Slot', source_type: 'law' }, expect: 201 });
  const server = await startServer({ DNA_SHUTDOWN_GRACE: '15', DNA_LOG_LEVEL: 'info' });
  const open = keepAlive(server.port);
  await open.ready;
  const first = await open.ask('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
  assert.equal(first.status, 200);

  // Each step waits for the one before to have happened (not for a time that
  // a busy machine may overrun): the row held, the PATCH waiting on it inside
  // the server, the server draining.
  const lock = holdLock('rules', made.body.id, 4000);
  await until(`SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND query LIKE '%FROM rules WHERE id = ${made.body.id} FOR UPDATE%'`);
  const started = Date.now();
  const patch = fetch(`${server.base}/api/v1/rules/${made.body.id}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Ontgrendeld' }),
  });
  await until(`SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'SELECT version%FROM rules WHERE id = $1%FOR UPDATE'`);
  server.child.kill('SIGTERM');
  for (let i = 0; i < 200 && !/draining/.test(server.log()); i++) await new Promise((r) => setTimeout(r, 25));
  assert.match(server.log(), /draining/, 'the server says it drains');

  // An open connection gets 503, told to close; a new one is refused.
  const late = await open.ask('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
  assert.equal(late.status, 503);
  assert.match(late.head, /\r\nConnection: close\r\n/i);
  assert.match(late.head, /\r\nRetry-After: \d+\r\n/i);
  assert.match(late.head, /application\/problem\+json/);
  open.close();
  // A new connection (fetch would reuse its pooled one): refused.
  await assert.rejects(rawHttp('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 2000, server.base));

  const answer = await patch;
  assert.equal(answer.status, 200, 'the answer reached the client');
  assert.equal((await answer.json()).title, 'Ontgrendeld');
  assert.ok(Date.now() - started >= 1500, 'it waited for the lock');
  await lock;
  assert.equal(await server.exited, 0);
  const after = await call('GET', `/api/v1/rules/${made.body.id}`, { token: manager });
  assert.equal(after.body.title, 'Ontgrendeld');
});

test('a second server on a port in use refuses to start, saying why (no silent SO_REUSEPORT)', async () => {
  const server = await startServer();
  try {
    const second = spawn(BIN, ['serve'], { env: { ...process.env, DNA_PORT: String(server.port) }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    second.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => second.once('exit', resolve));
    assert.equal(code, 1);
    assert.match(stderr, /in use by another process/);
    assert.match(stderr, /DNA_REUSE_PORT=1/);
    const still = await fetch(`${server.base}/healthz`);
    assert.equal(still.status, 200, 'the first server keeps its port');
  } finally {
    assert.equal(await stopServer(server), 0);
  }
});
