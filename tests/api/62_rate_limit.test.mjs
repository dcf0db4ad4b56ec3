// The general rate limit (DNA_RATE_LIMIT requests per minute per token
// subject), on a second server of its own: the suite's server runs without
// it. Over the limit: 429 problem with Retry-After; other subjects go on.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { BIN, token } from './lib.mjs';

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function startServer(env) {
  const port = await freePort();
  const child = spawn(BIN, ['serve'], { env: { ...process.env, ...env, DNA_PORT: String(port) }, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { child, base };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the second server did not start');
}

test('DNA_RATE_LIMIT=5: the sixth request of a subject within a minute is 429 with Retry-After', async () => {
  const { child, base } = await startServer({ DNA_RATE_LIMIT: '5' });
  try {
    const a = token(1, ['member']);
    const statuses = [];
    let limited;
    for (let i = 0; i < 8; i++) {
      const r = await fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${a}` } });
      statuses.push(r.status);
      if (r.status === 429) limited = { headers: r.headers, body: await r.json() };
      else await r.arrayBuffer();
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429, 429]);
    assert.match(limited.headers.get('content-type'), /problem\+json/);
    assert.equal(limited.body.status, 429);
    const wait = Number(limited.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
    const other = await fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token(2, ['member'])}` } });
    assert.equal(other.status, 200, 'another subject is not limited');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
});
