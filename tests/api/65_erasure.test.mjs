// Erasure reaches every place that holds a member's personal data (the
// member row, stored answers, login windows, the audit log, what others
// read), checked over every text column of every table; and one member's
// Idempotency-Key can never replay or block another's, anonymous or not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, createMember, sql, token, TOKENS } from './lib.mjs';

const PM = () => TOKENS.program_manager();
const RUN = Date.now().toString(36);

/** Every text-like column of every table: where personal data could be. */
async function textColumns() {
  return sql(`SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'json', 'jsonb', 'ARRAY', 'character varying', 'bytea')
    ORDER BY 1, 2`);
}

async function placesHolding(needle) {
  const found = [];
  for (const [table, column] of await textColumns()) {
    const [[n]] = await sql(`SELECT count(*) FROM ${table} WHERE "${column}"::text ILIKE '%${needle}%'`);
    if (n !== '0') found.push(`${table}.${column} (${n})`);
  }
  return found;
}

test('erasure leaves the name, email and job title in no table and no answer', async () => {
  const name = `Erika Zwaantje${RUN}`;
  const email = `erika.zwaantje${RUN}@denhaag.example`;
  const m = await createMember({ name, email, job_title: `Wijkregisseur${RUN}`, password: 'een-lang-wachtwoord', interests: [`Klantreis${RUN}`] });
  const t = token(m.id, ['member']);
  // A named filing with a stored answer (it names the reporter), a comment, a support.
  const filed = await call('POST', '/api/v1/reports', {
    token: t,
    headers: { 'idempotency-key': `erika-${RUN}` },
    body: { title: 'Dubbele gegevens', description: 'x', procedure: 'y', department: 'DPZ', category: 'form' },
    expect: 201,
  });
  await call('POST', `/api/v1/reports/${filed.body.id}/comments`, { token: t, body: { text: 'Herkenbaar' }, expect: 201 });
  await call('PUT', '/api/v1/reports/1/support', { token: t, expect: 200 });
  // A failed login keyed by the email.
  await call('POST', '/api/v1/auth/token', {
    raw: `grant_type=password&username=${encodeURIComponent(email)}&password=fout`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    expect: 400,
  });
  for (const needle of [name, email]) assert.ok((await placesHolding(needle)).length > 0, `${needle} is stored before`);

  assert.equal((await call('DELETE', `/api/v1/members/${m.id}`, { token: PM() })).status, 204);

  for (const needle of [name, email, `Wijkregisseur${RUN}`, `Klantreis${RUN}`, `zwaantje${RUN}`]) {
    assert.deepEqual(await placesHolding(needle), [], `${needle} is gone from every table`);
  }
  const report = await call('GET', `/api/v1/reports/${filed.body.id}`, { token: PM(), expect: 200 });
  assert.equal(report.body.reporter_name, 'Verwijderd lid');
  const comments = await call('GET', `/api/v1/reports/${filed.body.id}/comments`, { token: PM(), expect: 200 });
  assert.equal(comments.body.data[0].author_name, 'Verwijderd lid');
});

test('expired stored answers are purged on a schedule, not only when a lookup touches one', async () => {
  await sql(`INSERT INTO idempotency_keys (key_hash, request_hash, status, body, expires_at)
    VALUES (sha256('janitor-${RUN}'), sha256('x'), 201, '{}', now() - interval '1 second')`);
  // The suite's server runs the janitor every minute; a fresh server runs it at start.
  const { startServer, stopServer } = await import('./server_lib.mjs');
  const s = await startServer();
  try {
    let left = '1';
    for (let i = 0; i < 50 && left !== '0'; i++) {
      [[left]] = await sql(`SELECT count(*) FROM idempotency_keys WHERE key_hash = sha256('janitor-${RUN}')`);
      if (left !== '0') await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(left, '0');
  } finally {
    await stopServer(s);
  }
});

test("Idempotency-Keys are each member's own: another member's same key and body files anew, never replays", async () => {
  const [a, b] = [await createMember({}), await createMember({})];
  const ta = token(a.id, ['member']);
  const tb = token(b.id, ['member']);
  for (const anonymous of [true, false]) {
    const key = `gedeeld-${anonymous}-${RUN}`; // a predictable key, as in the README
    const body = { title: `Sleutel ${anonymous}`, description: 'x', procedure: 'y', department: 'DPZ', category: 'form', anonymous };
    const first = await call('POST', '/api/v1/reports', { token: ta, headers: { 'idempotency-key': key }, body, expect: 201 });
    const again = await call('POST', '/api/v1/reports', { token: ta, headers: { 'idempotency-key': key }, body, expect: 201 });
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.body.id, first.body.id);
    const other = await call('POST', '/api/v1/reports', { token: tb, headers: { 'idempotency-key': key }, body, expect: 201 });
    assert.equal(other.headers.get('idempotent-replayed'), null, 'not the first member\'s answer');
    assert.notEqual(other.body.id, first.body.id);
    const different = await call('POST', '/api/v1/reports', {
      token: tb,
      headers: { 'idempotency-key': `${key}-b` },
      body: { ...body, title: 'Iets anders' },
      expect: 201,
    });
    assert.notEqual(different.body.id, first.body.id);
    // The first member's key with another body is still refused for them.
    const clash = await call('POST', '/api/v1/reports', { token: ta, headers: { 'idempotency-key': key }, body: { ...body, title: 'Anders' } });
    assert.equal(clash.status, 422);
  }
});
