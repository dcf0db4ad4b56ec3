// The general rate limit (DNA_RATE_LIMIT requests per minute per token
// subject), on a second server of its own: the suite's server runs without
// it. Over the limit: 429 problem with Retry-After; other subjects go on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { token } from './lib.mjs';
import { startServer, stopServer } from './server_lib.mjs';

test('DNA_RATE_LIMIT=5: the sixth request of a subject within a minute is 429 with Retry-After', async () => {
  const server = await startServer({ DNA_RATE_LIMIT: '5' });
  const { base } = server;
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
    assert.equal(await stopServer(server), 0);
  }
});
