// Smoke: the operational endpoints and one authenticated read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, TOKENS } from './lib.mjs';

test('healthz answers ok with a request id', async () => {
  const r = await call('GET', '/healthz');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, { status: 'ok' });
  assert.ok(r.headers.get('x-request-id'));
});

test('readyz: database ok, migrations current', async () => {
  const r = await call('GET', '/readyz');
  assert.equal(r.status, 200);
  assert.equal(r.body.migrations, 'current');
});

test('members list answers a page and a cursor', async () => {
  const r = await call('GET', '/api/v1/members?limit=5', { token: TOKENS.program_manager() });
  assert.equal(r.status, 200);
  assert.equal(r.body.data.length, 5);
  assert.equal(typeof r.body.next_cursor, 'string');
  assert.match(r.headers.get('link'), /rel="next"/);
});
