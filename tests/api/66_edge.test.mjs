// The HTTP edge, tried with raw bytes: ambiguous framing and a NUL in the
// target are refused at once with problem+json (never a hang); big headers
// get an answer; any RFC 3339 offset reads; every request leaves exactly one
// JSON log line, also one whose path or method is not UTF-8; the library's
// own messages are JSON too; a wrong database password says libpq's reason.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { BIN, call, rawHttp, TOKENS } from './lib.mjs';
import { startServer, stopServer } from './server_lib.mjs';

const T = () => TOKENS.program_manager();

test('ambiguous framing and NUL bytes: 4xx problem+json at once, the connection closed', async () => {
  const auth = `Authorization: Bearer ${T()}\r\n`;
  const cases = [
    ['two Content-Length', `POST /api/v1/rules HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}`, 400],
    ['Content-Length with chunked', `POST /api/v1/rules HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 7\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`, 400],
    ['Transfer-Encoding: gzip', `POST /api/v1/rules HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: gzip\r\n\r\n{}`, 400],
    ['chunked, chunked', `POST /api/v1/rules HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`, 400],
    ['two Transfer-Encoding', `POST /api/v1/rules HTTP/1.1\r\nHost: x\r\n${auth}Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, 400],
    ['NUL in the path', `GET /api/v1/members/1\0abc HTTP/1.1\r\nHost: x\r\n${auth}\r\n`, 400],
    ['NUL in the query', `GET /api/v1/members?q=a\0b HTTP/1.1\r\nHost: x\r\n${auth}\r\n`, 400],
    ['2 MiB announced, waiting for 100 Continue', `POST /api/v1/rules HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 2097152\r\nExpect: 100-continue\r\n\r\n`, 413],
  ];
  for (const [name, request, status] of cases) {
    const started = Date.now();
    const r = await rawHttp(Buffer.from(request, 'latin1'), 3000);
    assert.equal(r.status, status, `${name}: ${r.status} ${r.text.slice(0, 120)}`);
    assert.ok(Date.now() - started < 1000, `${name} is answered at once`);
    assert.match(r.headers['content-type'] || '', /application\/problem\+json/, name);
    assert.equal(JSON.parse(r.text).status, status);
    assert.equal((r.headers.connection || '').toLowerCase(), 'close', name);
  }
});

test('headers of ~32 KB get an answer; beyond the memory limit the library answers 431 (README)', async () => {
  const big = `GET /api/v1/members/1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${T()}\r\nX-Padding: ${'a'.repeat(32 * 1024)}\r\nConnection: close\r\n\r\n`;
  const r = await rawHttp(big);
  assert.equal(r.status, 200);
  const huge = `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(200 * 1024)}\r\nConnection: close\r\n\r\n`;
  assert.equal((await rawHttp(huge)).status, 431);
});

test('updated_since with any offset RFC 3339 allows: read, never a bare 400', async () => {
  for (const t of ['1900-01-01T00:00:00+23:59', '2026-11-29T09:30:00.5-23:59', '2026-11-29T09:30:00+00:00']) {
    const r = await call('GET', `/api/v1/reports?limit=1&updated_since=${encodeURIComponent(t)}`, { token: T() });
    assert.equal(r.status, 200, `${t}: ${r.text.slice(0, 200)}`);
    const a = await call('GET', `/api/v1/audit?limit=1&from=${encodeURIComponent(t)}`, { token: T() });
    assert.equal(a.status, 200, `${t}: ${a.text.slice(0, 200)}`);
  }
  const bad = await call('GET', `/api/v1/reports?updated_since=${encodeURIComponent('2026-11-29T09:30:00+24:00')}`, { token: T(), badInput: true });
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body.errors.map((e) => e.field), ['updated_since']);
});

test('every request leaves exactly one JSON log line, escaped when the path or method is not UTF-8', async () => {
  const s = await startServer({ DNA_LOG_LEVEL: 'info' });
  const port = s.port;
  const send = (raw) => rawHttp(Buffer.from(raw, 'latin1'), 3000, `http://127.0.0.1:${port}`);
  const ids = [];
  try {
    for (const [i, line] of [
      'GET /healthz HTTP/1.1',
      'GET /api/v1/caf\xe9 HTTP/1.1',
      'GET /api/v1/%FF%FE HTTP/1.1',
      'G\xffT /healthz HTTP/1.1',
      'POST /api/v1/rules HTTP/1.1\r\nTransfer-Encoding: gzip',
      'GET /nowhere HTTP/1.1',
    ].entries()) {
      const id = `logline-${Date.now()}-${i}`;
      ids.push(id);
      await send(`${line}\r\nHost: x\r\nX-Request-Id: ${id}\r\nConnection: close\r\n\r\n`);
    }
  } finally {
    assert.equal(await stopServer(s), 0);
  }
  const lines = s.log().split('\n').filter(Boolean);
  for (const l of lines) assert.doesNotThrow(() => JSON.parse(l), `a log line that is not JSON: ${l}`);
  const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
  for (const id of ids) assert.equal(requests.filter((l) => l.request_id === id).length, 1, `one line for ${id}`);
  const cafe = requests.find((l) => l.request_id === ids[1]);
  assert.equal(cafe.path, '/api/v1/caf\\xe9');
  const method = requests.find((l) => l.request_id === ids[3]);
  assert.equal(method.method, 'G\\xffT');
});

test('the library\'s own messages are JSON log lines, not raw stderr', async () => {
  const s = await startServer({ DNA_LOG_LEVEL: 'info' });
  try {
    await rawHttp(Buffer.from('GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n', 'latin1'), 3000, s.base);
  } finally {
    await stopServer(s);
  }
  const lines = s.log().split('\n').filter(Boolean);
  for (const l of lines) assert.doesNotThrow(() => JSON.parse(l), `not JSON: ${l}`);
  assert.ok(lines.some((l) => JSON.parse(l).source === 'libmicrohttpd'));
});

test('a wrong database password at start prints libpq\'s reason', async () => {
  const url = `host=${process.env.PG_SOCKET} port=${process.env.PG_PORT} dbname=dna user=nobody_here`;
  const p = spawn(BIN, ['migrate'], { env: { ...process.env, DNA_DATABASE_URL: url }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  p.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise((r) => p.once('exit', r));
  assert.equal(code, 1);
  assert.match(stderr, /cannot connect to the database \(DNA_DATABASE_URL\): .*nobody_here/);
});
