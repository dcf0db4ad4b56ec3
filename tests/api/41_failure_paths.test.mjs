// Failure paths that always answer (issue "Foundation, second pass"): client
// text cut inside a UTF-8 character never loses the problem body; sealed
// cursors of the old format are refused; Accept honours q values; every
// answer has one compact JSON style; departments carry real ETags.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertProblem, call, sql, TOKENS } from './lib.mjs';

const manager = () => TOKENS.program_manager();

test('a department code cut inside a UTF-8 character: 404 with a problem body (once 200 and empty)', async () => {
  const path = `/api/v1/departments/${'A'.repeat(31)}%C3%A9`;
  const r = await call('GET', path, { token: manager(), direct: true });
  assertProblem(r, 404);
  assert.match(r.body.detail, /^no department with code A+/);
});

test('field errors survive a cut at a multibyte character: unknown query keys and body fields', async () => {
  const key = `${'k'.repeat(94)}%C3%A9%C3%A9`;
  const q = await call('GET', `/api/v1/rules?${key}=1`, { token: manager(), direct: true });
  assertProblem(q, 400);
  assert.equal(q.body.errors.length, 1);
  assert.ok(q.body.errors[0].field.startsWith('k'.repeat(94)), 'the field names the parameter');
  assert.equal(q.body.errors[0].message, 'unknown query parameter');
  const field = `${'f'.repeat(94)}éé`;
  const b = await call('POST', '/api/v1/rules', {
    token: manager(),
    direct: true,
    body: { title: 'x', source_type: 'law', [field]: 1 },
  });
  assertProblem(b, 422);
  assert.deepEqual(b.body.errors.map((e) => e.message), ['is not a known field']);
  assert.ok(b.body.errors[0].field.startsWith('f'.repeat(94)));
});

test('invalid UTF-8 in a percent-encoded path or query: 400 with a body, never an empty answer', async () => {
  for (const path of ['/api/v1/members/%FF', '/api/v1/rules?q=%C3', `/api/v1/departments/${'B'.repeat(31)}%C3`]) {
    const r = await call('GET', path, { token: manager(), direct: true });
    assertProblem(r, 400);
  }
});

test('a cursor sealed with the old SipHash scheme (and the same secret) is refused with 400', async () => {
  // Made by the code before the second pass for GET /members (sort id, id 5).
  const r = await call('GET', '/api/v1/members?cursor=eby_GlMjoQYud5hQvRq0LQ', { token: manager(), direct: true });
  assertProblem(r, 400);
  assert.deepEqual(r.body.errors.map((e) => e.field), ['cursor']);
  // Today's cursors still page.
  const first = await call('GET', '/api/v1/members?limit=2', { token: manager() });
  assert.equal(first.status, 200);
  const next = await call('GET', `/api/v1/members?limit=2&cursor=${first.body.next_cursor}`, { token: manager() });
  assert.equal(next.status, 200);
  assert.notEqual(next.body.data[0].id, first.body.data[0].id);
});

test('Accept is negotiated with q values', async () => {
  const cases = [
    ['text/csv;q=0, application/json', 'application/json'],
    ['text/csv', 'text/csv'],
    ['application/json;q=0.5, text/csv;q=0.9', 'text/csv'],
    ['application/x-ndjson;q=1, text/csv;q=0.2', 'application/x-ndjson'],
    ['text/csv;q=0', 'application/json'],
    ['*/*', 'application/json'],
    ['text/*;q=0.8, application/json;q=0.1', 'text/csv'],
  ];
  for (const [accept, want] of cases) {
    const r = await call('GET', '/api/v1/departments', { token: manager(), headers: { accept } });
    assert.equal(r.status, 200, accept);
    assert.ok((r.headers.get('content-type') || '').startsWith(want), `${accept}: ${r.headers.get('content-type')}`);
  }
});

test('every JSON answer is compact: members (built by json_build_object) read like reports', async () => {
  // Straight from the server: the validating proxy re-serialises what it forwards.
  for (const path of ['/api/v1/members?limit=3', '/api/v1/members/1', '/api/v1/departments', '/api/v1/rules?limit=2', '/api/v1/triage']) {
    const r = await call('GET', path, { token: manager(), direct: true });
    assert.equal(r.status, 200, path);
    assert.equal(r.text, JSON.stringify(r.body), `${path} is compact JSON`);
  }
});

test('departments carry their version as ETag, on GET as on create', async () => {
  const code = `E${Date.now().toString(36).toUpperCase()}`.slice(0, 16);
  const made = await call('POST', '/api/v1/departments', { token: manager(), body: { code, name: 'Etag Dienst' } });
  assert.equal(made.status, 201);
  assert.equal(made.headers.get('location'), `/api/v1/departments/${code}`);
  assert.equal(made.headers.get('etag'), '"1"');
  await sql(`UPDATE departments SET name = 'Etag Dienst 2' WHERE code = '${code}'`);
  const got = await call('GET', `/api/v1/departments/${code}`, { token: manager() });
  assert.equal(got.status, 200);
  const [[version]] = await sql(`SELECT version FROM departments WHERE code = '${code}'`);
  assert.equal(got.headers.get('etag'), `"${version}"`);
  assert.equal(got.headers.get('etag'), '"2"');
  const dup = await call('POST', '/api/v1/departments', { token: manager(), body: { code, name: 'Nog een' } });
  assertProblem(dup, 409);
  assert.deepEqual(dup.body.errors.map((e) => e.field), ['code']);
});
