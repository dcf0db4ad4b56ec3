// Login limits that slow guessing down without handing out a lockout, and
// hold across instances: ten wrong passwords from one address stop that
// address for that account, not the member logging in from elsewhere; the
// windows live in the database, so a second instance counts the same.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { createMember, DIRECT } from './lib.mjs';
import { startServer, stopServer } from './server_lib.mjs';

/** A password grant from a chosen loopback address (the limits key on it). */
function login(base, from, username, password) {
  const url = new URL('/api/v1/auth/token', base);
  const body = new URLSearchParams({ grant_type: 'password', username, password }).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: from,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: JSON.parse(text) }));
      }
    );
    req.on('error', reject);
    req.end(body);
  });
}

test('ten wrong passwords from one address: that pair waits; the member elsewhere logs in', async () => {
  const password = 'het-juiste-wachtwoord';
  const m = await createMember({ password });
  for (let i = 0; i < 10; i++) {
    const r = await login(DIRECT, '127.0.0.2', m.email, `fout-${i}`);
    assert.equal(r.status, 400);
    assert.equal(r.body.error, 'invalid_grant');
  }
  const blocked = await login(DIRECT, '127.0.0.2', m.email, password);
  assert.equal(blocked.status, 429, 'the guessing address waits, even with the right password');
  assert.ok(Number(blocked.headers['retry-after']) > 0);
  const elsewhere = await login(DIRECT, '127.0.0.3', m.email, password);
  assert.equal(elsewhere.status, 200, 'the member is not locked out');
  assert.ok(elsewhere.body.access_token);
});

test('the windows are shared by every instance: a second server counts the first one\'s attempts', async () => {
  const password = 'nog-een-goed-wachtwoord';
  const m = await createMember({ password });
  const other = await startServer();
  try {
    for (let i = 0; i < 6; i++) assert.equal((await login(DIRECT, '127.0.0.4', m.email, `fout-${i}`)).status, 400);
    for (let i = 6; i < 10; i++) assert.equal((await login(other.base, '127.0.0.4', m.email, `fout-${i}`)).status, 400);
    assert.equal((await login(other.base, '127.0.0.4', m.email, 'fout-10')).status, 429);
    assert.equal((await login(DIRECT, '127.0.0.4', m.email, 'fout-11')).status, 429);
  } finally {
    assert.equal(await stopServer(other), 0);
  }
});

test('parallel guesses are counted exactly: 30 at once from one address, at most 10 reach the password check', async () => {
  const m = await createMember({ password: 'parallel-wachtwoord' });
  const results = await Promise.all(Array.from({ length: 30 }, (_, i) => login(DIRECT, '127.0.0.5', m.email, `fout-${i}`)));
  const checked = results.filter((r) => r.status === 400).length;
  assert.equal(checked, 10);
  assert.equal(results.filter((r) => r.status === 429).length, 20);
});
