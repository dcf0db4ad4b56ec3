// The conventions every endpoint shares (api.md "Conventions"), shown on the
// members collection: pagination and cursors, exports, problem answers for bad
// input (quality.md "Reliability and security", "Known hazards"), request ids,
// CORS, metrics and the served spec. Members made here are this file's own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertProblem, call, rawHttp, TOKENS } from './lib.mjs';

const RUN = (Date.now().toString(36) + Math.floor(Math.random() * 1296).toString(36)).toLowerCase();
const PM = TOKENS.program_manager();
const ANALYST = TOKENS.analyst();
const MEMBER = TOKENS.member();
const ORIGIN = 'https://intranet.denhaag.example';

let seq = 0;
const newMember = (extra = {}) => ({
  name: `Conventie ${RUN} ${++seq}`,
  email: `t40.${RUN}.${seq}@denhaag.example`,
  department: 'BSD',
  ...extra,
});

/** Every member through limit=500 (one page while the directory is small). */
async function allMembers(tok = PM) {
  const r = await call('GET', '/api/v1/members?limit=500', { token: tok });
  assert.equal(r.status, 200);
  assert.equal(r.body.next_cursor, null, 'the directory fits in one page of 500');
  return r.body.data;
}

/** Follows next_cursor from `first` to the end; returns every item. */
async function walk(first, tok = PM) {
  const items = [];
  let url = first;
  for (let pages = 0; url; pages++) {
    assert.ok(pages < 200, 'pagination ends');
    const r = await call('GET', url, { token: tok });
    assert.equal(r.status, 200, r.text.slice(0, 300));
    items.push(...r.body.data);
    url = r.body.next_cursor ? `${first}&cursor=${encodeURIComponent(r.body.next_cursor)}` : null;
  }
  return items;
}

/** RFC 4180 parser: records of fields; quoted fields may hold , " CR LF. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"' && field === '') (quoted = true), i++;
    else if (c === ',') row.push(field), (field = ''), i++;
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else (field += c), i++;
  }
  assert.equal(quoted, false, 'CSV ends inside a quoted field');
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

// ---- pagination --------------------------------------------------------------------

test('pagination: limit=7 pages, following next_cursor and Link, show every member exactly once', async () => {
  const all = await allMembers();
  assert.ok(all.length > 14, 'several pages');
  const seen = [];
  let url = '/api/v1/members?limit=7';
  let pages = 0;
  while (url) {
    const r = await call('GET', url, { token: PM });
    assert.equal(r.status, 200);
    pages++;
    assert.ok(r.body.data.length <= 7);
    seen.push(...r.body.data.map((m) => m.id));
    const link = r.headers.get('link');
    if (r.body.next_cursor === null) {
      assert.equal(link, null, 'no Link on the last page');
      url = null;
    } else {
      assert.equal(r.body.data.length, 7, 'only the last page is short');
      const m = /^<([^>]+)>; rel="next"$/.exec(link || '');
      assert.ok(m, `Link mirrors next_cursor: ${link}`);
      assert.ok(m[1].startsWith('/api/v1/members?'), m[1]);
      assert.ok(m[1].includes('limit=7'), 'Link keeps the query');
      assert.ok(m[1].includes(`cursor=${r.body.next_cursor}`), 'Link carries next_cursor');
      url = m[1];
    }
  }
  assert.equal(pages, Math.ceil(all.length / 7));
  assert.equal(new Set(seen).size, seen.length, 'no member twice');
  assert.deepEqual(seen, all.map((m) => m.id), 'every member, in id order');
});

test('pagination: a cursor stays valid after an insert, with no duplicates or skips', async () => {
  const first = await call('GET', '/api/v1/members?limit=10', { token: PM });
  assert.equal(first.status, 200);
  const created = await call('POST', '/api/v1/members', { token: PM, body: newMember() });
  assert.equal(created.status, 201, created.text);
  const after = [];
  let cursor = first.body.next_cursor;
  while (cursor) {
    const r = await call('GET', `/api/v1/members?limit=10&cursor=${cursor}`, { token: PM });
    assert.equal(r.status, 200, r.text.slice(0, 300));
    after.push(...r.body.data);
    cursor = r.body.next_cursor;
  }
  const ids = [...first.body.data, ...after].map((m) => m.id);
  assert.equal(new Set(ids).size, ids.length, 'no member twice');
  assert.deepEqual(ids, (await allMembers()).map((m) => m.id), 'nobody skipped');
  assert.equal(ids.at(-1), created.body.id, 'the new member shows up on the last page');
  assert.deepEqual((await walk('/api/v1/members?limit=10')).map((m) => m.id), ids);
});

test('pagination: sorting by name pages through unusual names without losing anyone', async () => {
  const tag = `Cursor ${RUN}`;
  const names = [
    `${tag} a\u001fb`,
    `${tag} komma, "quote" %_+&=?#/`,
    `${tag} ${'é'.repeat(90)}`,
    `${tag} 🦆 eend`,
    `${tag} zz`,
    `${tag} zz`,
  ];
  const made = [];
  for (const name of names) {
    const r = await call('POST', '/api/v1/members', { token: PM, body: newMember({ name }) });
    if (r.status === 422) {
      assert.match(name, /[\u0000-\u001f]/, `only a control character may be refused: ${r.text}`);
      continue;
    }
    assert.equal(r.status, 201, r.text);
    made.push(r.body.id);
  }
  assert.ok(made.length >= 5);
  for (const sort of ['name', '-name']) {
    const seen = await walk(`/api/v1/members?q=${encodeURIComponent(tag)}&sort=${sort}&limit=1`);
    assert.deepEqual(seen.map((m) => m.id).sort((a, b) => a - b), made.slice().sort((a, b) => a - b), `sort=${sort}`);
  }
});

test('pagination: a cursor of another sort, or an altered one, is 400', async () => {
  const byId = await call('GET', '/api/v1/members?limit=5', { token: PM, expect: 200 });
  const c = byId.body.next_cursor;
  assert.equal(typeof c, 'string');
  for (const sort of ['name', '-joined_at']) {
    const r = await call('GET', `/api/v1/members?limit=5&sort=${sort}&cursor=${c}`, { token: PM });
    assertProblem(r, 400);
    assert.ok(r.body.errors.some((e) => e.field === 'cursor'));
  }
  const b64 = (s) => Buffer.from(s).toString('base64url');
  for (const [bad, sort] of [
    ['garbage!!', ''],
    ['x', ''],
    [c.slice(0, -3), ''],
    [`${c}A`, ''],
    [b64('c2\x1fid\x1f\x1f3'), ''],
    [b64('c1\x1fid\x1f\x1f99999999999999999999'), ''],
    [b64('c1\x1fid\x1f\x1f-1'), ''],
    // Forged cursors of the right sort with values of the wrong type: 400, not 500.
    [b64('c1\x1fjoined_at\x1fnot-a-date\x1f3'), '&sort=joined_at'],
    [b64('c1\x1f-joined_at\x1f2024-02-30\x1f3'), '&sort=-joined_at'],
  ]) {
    const r = await call('GET', `/api/v1/members?limit=5${sort}&cursor=${encodeURIComponent(bad)}`, { token: PM });
    assertProblem(r, 400);
  }
  // Cursors are sealed: a forged one, even well-formed, is refused.
  const sqlish = b64("c1\x1fname\x1f'; DROP TABLE members; --\x1f1");
  const r = await call('GET', `/api/v1/members?limit=5&sort=name&cursor=${sqlish}`, { token: PM });
  assertProblem(r, 400);
  assert.ok((await allMembers()).length > 0);
});

test('pagination: limit must be 1..500; unknown or repeated parameters are 400', async () => {
  for (const q of ['limit=0', 'limit=501', 'limit=abc', 'limit=-1', 'limit=1.5', 'limit=', 'limit=99999999999999999999']) {
    const r = await call('GET', `/api/v1/members?${q}`, { badInput: true, token: PM });
    assertProblem(r, 400);
    assert.ok(r.body.errors.some((e) => e.field === 'limit'), `${q}: ${r.text}`);
  }
  const one = await call('GET', '/api/v1/members?limit=1', { token: PM });
  assert.equal(one.body.data.length, 1);
  const dflt = await call('GET', '/api/v1/members', { token: PM });
  assert.equal(dflt.body.data.length, 50, 'default page of 50');

  const unknown = await call('GET', '/api/v1/members?departmnet=BSD', { token: PM });
  assertProblem(unknown, 400);
  assert.deepEqual(unknown.body.errors.map((e) => e.field), ['departmnet']);
  assertProblem(await call('GET', '/api/v1/members?limit=5&limit=6', { badInput: true, token: PM }), 400);
  assertProblem(await call('GET', '/api/v1/members/me?limit=5', { token: PM }), 400);
});

test('pagination: updated_since filters; a bad value is 400', async () => {
  const future = await call('GET', '/api/v1/members?updated_since=2999-01-01T00:00:00Z', { token: PM });
  assert.equal(future.status, 200);
  assert.deepEqual(future.body, { data: [], next_cursor: null });

  const since = new Date(Date.now() - 2000).toISOString();
  const made = await call('POST', '/api/v1/members', { token: PM, body: newMember() });
  assert.equal(made.status, 201);
  const recent = await call('GET', `/api/v1/members?limit=500&updated_since=${since}`, { token: PM });
  assert.equal(recent.status, 200);
  assert.ok(recent.body.data.some((m) => m.id === made.body.id), 'the new member is in the sync');
  for (const m of recent.body.data) assert.ok(m.updated_at >= since.slice(0, 19), `${m.updated_at} < ${since}`);
  assert.ok(recent.body.data.length < (await allMembers()).length, 'older members are left out');

  const offset = await call('GET', `/api/v1/members?updated_since=${encodeURIComponent('2000-01-01T01:00:00+01:00')}&limit=1`, { token: PM });
  assert.equal(offset.status, 200);
  assert.equal(offset.body.data.length, 1);

  for (const bad of ['gisteren', '2026-13-01T00:00:00Z', '2026-11-29', '1700000000']) {
    const r = await call('GET', `/api/v1/members?updated_since=${bad}`, { badInput: true, token: PM });
    assertProblem(r, 400);
    assert.ok(r.body.errors.some((e) => e.field === 'updated_since'));
  }
});

// ---- exports -------------------------------------------------------------------------

test('exports: ?format=csv for a program manager is RFC 4180 with a header and one record per member', async () => {
  const tricky = await call('POST', '/api/v1/members', {
    token: PM,
    body: newMember({ job_title: 'Adviseur, "senior"', interests: ['a;b', 'regel\nbreuk'] }),
  });
  assert.equal(tricky.status, 201, tricky.text);
  const json = await allMembers();

  const r = await call('GET', '/api/v1/members?format=csv', { token: PM });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/csv/);
  assert.ok(r.text.endsWith('\r\n'), 'records end in CRLF');
  const rows = parseCsv(r.text);
  const header = rows[0];
  for (const col of ['id', 'name', 'email', 'department', 'job_title', 'roles', 'joined_at']) {
    assert.ok(header.includes(col), `column ${col} in ${header}`);
  }
  assert.ok(!header.includes('pseudonym'), 'no pseudonym next to the names it would hide');
  assert.equal(rows.length - 1, json.length, 'one record per member, no page limit');
  for (const row of rows) assert.equal(row.length, header.length, `ragged record ${row}`);

  assert.ok(r.text.includes('"Adviseur, ""senior"""'), 'a field with a comma and quotes is quoted, quotes doubled');
  const col = (name) => header.indexOf(name);
  const mine = rows.find((row) => row[col('id')] === String(tricky.body.id));
  assert.ok(mine, 'the new member is exported');
  assert.equal(mine[col('job_title')], 'Adviseur, "senior"');
  assert.equal(mine[col('email')], tricky.body.email);
  assert.equal(mine[col('name')], tricky.body.name);
  assert.deepEqual(
    rows.slice(1).map((row) => Number(row[col('id')])),
    json.map((m) => m.id)
  );
  // limit does not cut an export short.
  const limited = await call('GET', '/api/v1/members?format=csv&limit=5', { token: PM });
  assert.equal(parseCsv(limited.text).length - 1, json.length);
});

test('exports: Accept: text/csv as an analyst has no name or email column', async () => {
  const json = await allMembers(ANALYST);
  const r = await call('GET', '/api/v1/members', { token: ANALYST, headers: { accept: 'text/csv' } });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/csv/);
  const rows = parseCsv(r.text);
  const header = rows[0];
  for (const col of ['id', 'name', 'email', 'job_title']) assert.ok(!header.includes(col), `analyst export has ${col}`);
  assert.ok(header.includes('pseudonym'));
  assert.equal(rows.length - 1, json.length);
  assert.ok(!r.text.includes('@denhaag.example'), 'no email anywhere in the export');
  assert.ok(!r.text.includes('Adviseur'), 'no job title anywhere in the export');
  const pcol = header.indexOf('pseudonym');
  assert.deepEqual(
    rows.slice(1).map((row) => row[pcol]).sort(),
    json.map((m) => m.pseudonym).sort()
  );
});

test('exports: ?format=ndjson is one JSON object per line, filters apply', async () => {
  const json = await allMembers();
  const r = await call('GET', '/api/v1/members?format=ndjson', { token: PM });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^application\/x-ndjson/);
  assert.ok(r.text.endsWith('\n'));
  const lines = r.text.split('\n').slice(0, -1);
  assert.equal(lines.length, json.length);
  const items = lines.map((l) => JSON.parse(l));
  for (const it of items) assert.equal(typeof it, 'object');
  assert.deepEqual(items, json);

  const byAccept = await call('GET', '/api/v1/members?department=BSD', {
    token: ANALYST,
    headers: { accept: 'application/x-ndjson' },
  });
  assert.equal(byAccept.status, 200);
  const bsd = byAccept.text.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(bsd.length > 0);
  for (const m of bsd) {
    assert.equal(m.department, 'BSD');
    assert.ok(!('name' in m) && !('email' in m));
  }
  // ?format wins over Accept.
  const json2 = await call('GET', '/api/v1/members?format=json&limit=2', { token: PM, headers: { accept: 'text/csv' } });
  assert.match(json2.headers.get('content-type'), /^application\/json/);
  assert.equal(json2.body.data.length, 2);
});

test('exports: a plain member gets 403; an unknown format is 400', async () => {
  assertProblem(await call('GET', '/api/v1/members?format=csv', { token: MEMBER }), 403);
  assertProblem(await call('GET', '/api/v1/members?format=ndjson', { token: MEMBER }), 403);
  assertProblem(await call('GET', '/api/v1/members', { token: MEMBER, headers: { accept: 'text/csv' } }), 403);
  assertProblem(await call('GET', '/api/v1/departments?format=csv', { token: TOKENS.organizer() }), 403);
  assertProblem(await call('GET', '/api/v1/members?format=xml', { badInput: true, token: PM }), 400);
});

test('exports: an export that matches nothing still has its header row', async () => {
  const r = await call('GET', `/api/v1/members?format=csv&q=niemand${RUN}`, { token: PM });
  assert.equal(r.status, 200);
  assert.match(r.text, /^id,name,email,/);
});

// ---- errors and bad input ------------------------------------------------------------

test('errors: unknown path is 404 and a wrong method is 405 with Allow, both problem+json', async () => {
  for (const p of ['/api/v1/nothing', '/api/v1/members/1/nothing', '/nothing', '/api/v2/members']) {
    assertProblem(await call('GET', p, { badInput: true, token: PM }), 404);
  }
  const put = await call('PUT', '/api/v1/members', { badInput: true, token: PM, body: newMember() });
  assertProblem(put, 405);
  const allow = (put.headers.get('allow') || '').split(/,\s*/).sort();
  assert.deepEqual(allow, ['GET', 'POST']);
  const post = await call('POST', '/api/v1/members/1', { badInput: true, token: PM, body: {} });
  assertProblem(post, 405);
  assert.deepEqual((post.headers.get('allow') || '').split(/,\s*/).sort(), ['DELETE', 'GET', 'PATCH']);
  const del = await call('DELETE', '/api/v1/departments', { badInput: true, token: PM });
  assertProblem(del, 405);
});

let countBefore;
test('bad input: start of the block (count members)', async () => {
  countBefore = (await allMembers()).length;
  assert.ok(countBefore > 0);
});

/** A member body that would be created if the server accepted it. */
const valid = () => JSON.stringify(newMember());
// Prism parses and re-serialises JSON bodies (duplicate keys collapse, big
// numbers round, malformed JSON is answered by Prism itself), so raw JSON
// probes go straight to the server.
const postRaw = (raw, ct = 'application/json') =>
  call('POST', '/api/v1/members', { token: PM, raw, direct: true, headers: { 'content-type': ct } });

test('bad input: a body over 1 MiB is 413', async () => {
  const big = JSON.stringify(newMember({ job_title: 'x'.repeat(1024 * 1024 + 10) }));
  const r = await call('POST', '/api/v1/members', { token: PM, raw: big, direct: true, headers: { 'content-type': 'application/json' } });
  assertProblem(r, 413);
});

test('bad input: a wrong Content-Type is 415', async () => {
  for (const ct of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonx', 'application/merge-patch+json']) {
    const r = await call('POST', '/api/v1/members', { badInput: true, token: PM, raw: valid(), headers: { 'content-type': ct } });
    assertProblem(r, 415);
  }
  const none = await call('POST', '/api/v1/members', { badInput: true, token: PM, raw: valid() });
  assert.ok([400, 415].includes(none.status), `no Content-Type: ${none.status}`);
  const patch = await call('PATCH', '/api/v1/members/1', { badInput: true, token: PM, raw: '{"job_title":"x"}', headers: { 'content-type': 'text/plain' } });
  assertProblem(patch, 415);
});

test('bad input: malformed JSON, arrays, scalars and duplicate keys are 400', async () => {
  const body = newMember();
  const dup = `{"name":"A","name":"B","email":"${body.email}","department":"BSD"}`;
  for (const raw of ['{', '{"name": }', "{'name':'x'}", '', 'null', '[]', `[${valid()}]`, '"x"', '42', 'true', dup, `${valid()} x`, `${valid()}${valid()}`]) {
    const r = await postRaw(raw);
    assertProblem(r, 400);
  }
});

test('bad input: nesting 100 deep is 400', async () => {
  const deep = '['.repeat(100) + ']'.repeat(100);
  const raw = valid().replace(/}$/, `,"interests":${deep}}`);
  assertProblem(await postRaw(raw), 400);
  const deepObj = '{"a":'.repeat(100) + '1' + '}'.repeat(100);
  assertProblem(await postRaw(deepObj), 400);
  const veryDeep = '['.repeat(100000) + ']'.repeat(100000);
  assertProblem(await postRaw(`{"interests":${veryDeep}}`), 400);
});

test('bad input: huge numbers and wrong types are 422', async () => {
  const e = newMember().email;
  for (const raw of [
    `{"name":123456789012345678901234567890,"email":"${e}","department":"BSD"}`,
    `{"name":"Groot","email":"${e}","department":"BSD","joined_at":1e999}`,
    `{"name":"Groot","email":"${e}","department":"BSD","roles":[-99999999999999999999999]}`,
  ]) {
    const r = await postRaw(raw);
    assertProblem(r, 422);
  }
  const r = await call('POST', '/api/v1/members', {
    badInput: true,
    token: PM,
    body: { name: 42, email: e, department: ['BSD'], roles: 'member', interests: [1, 2], job_title: {}, joined_at: 20240101 },
  });
  assertProblem(r, 422);
  assert.deepEqual(r.body.errors.map((x) => x.field).sort(), ['department', 'interests', 'job_title', 'joined_at', 'name', 'roles']);
  const p = await call('PATCH', '/api/v1/members/1', { badInput: true, token: PM, body: { active: 'ja' } });
  assertProblem(p, 422);
  assert.deepEqual(p.body.errors.map((x) => x.field), ['active']);
});

test('bad input: invalid UTF-8 in a body is 400', async () => {
  const prefix = Buffer.from('{"name":"Ongeldig ');
  const rest = Buffer.from(`","email":"${newMember().email}","department":"BSD"}`);
  for (const bytes of [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80]]) {
    assertProblem(await postRaw(Buffer.concat([prefix, Buffer.from(bytes), rest])), 400);
  }
  const nul = await postRaw(`{"name":"a\\u0000b","email":"${newMember().email}","department":"BSD"}`);
  assertProblem(nul, 422); // valid JSON, but no text field may hold a NUL
});

test('bad input: odd member ids are 400 or 404, never 5xx', async () => {
  for (const id of ['%FF', '%C0%AF', 'abc', '0', '-1', '1.0', '01', '1e3', '%201', '99999999999999999999', '9223372036854775808', '%00']) {
    const r = await call('GET', `/api/v1/members/${id}`, { badInput: true, token: PM, direct: id.includes('%') });
    assert.ok([400, 404].includes(r.status), `/members/${id}: ${r.status} ${r.text.slice(0, 200)}`);
    assert.match(r.headers.get('content-type') || '', /application\/problem\+json/);
    const d = await call('DELETE', `/api/v1/members/${id}`, { token: PM, direct: true });
    assert.ok([400, 404].includes(d.status), `DELETE /members/${id}: ${d.status}`);
  }
});

test('bad input: path traversal and malformed request lines are 4xx', async () => {
  const auth = `Authorization: Bearer ${PM}\r\n`;
  for (const p of [
    '/api/v1/../../etc/passwd',
    '/api/v1/%2e%2e/%2e%2e/etc/passwd',
    '/api/v1/members/..%2f..%2f..%2fetc%2fpasswd',
    '/api/v1/members/%2e%2e',
    '/..',
    '//api/v1/members',
    '/api/v1/members/%',
    '/api/v1/members/%zz',
    'api/v1/members',
    '*',
    `/api/v1/${'a/'.repeat(200)}`,
    `/api/v1/members?${'q=1&'.repeat(100)}`,
  ]) {
    const r = await rawHttp(`GET ${p} HTTP/1.1\r\nHost: localhost\r\n${auth}Connection: close\r\n\r\n`);
    assert.ok(r.status >= 400 && r.status < 500, `${p}: ${r.status} ${r.text.slice(0, 200)}`);
    assert.ok(!r.text.includes('root:'), 'no file content');
  }
  // Request lines the HTTP layer itself refuses: no answer or a 4xx (505 for
  // an HTTP version it does not speak), and no crash.
  for (const line of ['GET /healthz\r\n\r\n', 'GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n', 'GET /he\x00lthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'GET\t/healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', `GET /${'a'.repeat(20000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`]) {
    const r = await rawHttp(line);
    const ok = r.status === 0 || (r.status >= 400 && r.status < 500) || (r.status === 505 && line.includes('HTTP/9.9'));
    assert.ok(ok, `${JSON.stringify(line.slice(0, 30))}: ${r.status}`);
  }
});

test('bad input: malformed percent-encoding in the query is 400', async () => {
  for (const q of ['q=%ZZ', 'q=%', 'q=%F', 'q=%FF', 'q=%C3%28', '%ZZ=1']) {
    const r = await call('GET', `/api/v1/members?${q}`, { token: PM, direct: true });
    assertProblem(r, 400);
  }
  const ok = await call('GET', `/api/v1/members?q=${encodeURIComponent('Conventie ' + RUN)}&limit=500`, { token: PM });
  assert.equal(ok.status, 200);
  assert.ok(ok.body.data.length > 0, 'a well-encoded query with a space finds our members');
});

test('bad input: the server still answers and nothing was written', async () => {
  const h = await call('GET', '/healthz');
  assert.equal(h.status, 200);
  assert.deepEqual(h.body, { status: 'ok' });
  assert.equal((await allMembers()).length, countBefore, 'no member was created by the bad requests');
});

// ---- request ids, CORS ------------------------------------------------------------------

test('X-Request-Id: a sane id is echoed, also in problems; an insane one is replaced', async () => {
  const id = `req-${RUN}.1:a_b`;
  const r = await call('GET', '/healthz', { headers: { 'x-request-id': id } });
  assert.equal(r.headers.get('x-request-id'), id);
  const p = await call('GET', '/api/v1/nothing', { headers: { 'x-request-id': id }, token: PM, badInput: true });
  assert.equal(p.headers.get('x-request-id'), id);
  assert.equal(p.body.request_id, id);

  for (const bad of ['with spaces in it', 'x'.repeat(200), 'a"b', 'é', '<script>']) {
    const q = await call('GET', '/healthz', { headers: { 'x-request-id': bad } });
    const got = q.headers.get('x-request-id');
    assert.ok(got && got !== bad, `replaced: ${JSON.stringify(bad)}`);
    assert.match(got, /^[A-Za-z0-9._:-]{1,64}$/);
  }
  const a = (await call('GET', '/healthz')).headers.get('x-request-id');
  const b = (await call('GET', '/healthz')).headers.get('x-request-id');
  assert.notEqual(a, b, 'generated ids differ');
});

// Prism answers CORS preflights itself and adds its own CORS headers, so
// these requests go straight to the server.
test('CORS: a preflight from the allowed origin is 204 without a token', async () => {
  const r = await call('OPTIONS', '/api/v1/members', {
    direct: true,
    headers: { origin: ORIGIN, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization, content-type, if-match' },
  });
  assert.equal(r.status, 204);
  assert.equal(r.headers.get('access-control-allow-origin'), ORIGIN);
  const methods = (r.headers.get('access-control-allow-methods') || '').split(/,\s*/);
  for (const m of ['GET', 'POST', 'PATCH', 'DELETE']) assert.ok(methods.includes(m), `${m} allowed`);
  const headers = (r.headers.get('access-control-allow-headers') || '').toLowerCase().split(/,\s*/);
  for (const h of ['authorization', 'content-type', 'if-match']) assert.ok(headers.includes(h), `${h} allowed`);
  assert.match(r.headers.get('vary') || '', /Origin/i);
});

test('CORS: a preflight from another origin gets no allow-origin (403)', async () => {
  for (const origin of ['https://evil.example', 'https://intranet.denhaag.example.evil.example', 'http://intranet.denhaag.example', 'null']) {
    const r = await call('OPTIONS', '/api/v1/members', {
      direct: true,
      headers: { origin, 'access-control-request-method': 'GET' },
    });
    assert.equal(r.status, 403, origin);
    assert.equal(r.headers.get('access-control-allow-origin'), null, origin);
  }
});

test('CORS: a normal GET with Origin gets Access-Control-Allow-Origin and Vary: Origin', async () => {
  const r = await call('GET', '/api/v1/members/me', { direct: true, token: PM, headers: { origin: ORIGIN } });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('access-control-allow-origin'), ORIGIN);
  assert.match(r.headers.get('vary') || '', /Origin/i);
  assert.match(r.headers.get('access-control-expose-headers') || '', /ETag/i);
  const other = await call('GET', '/api/v1/members/me', { direct: true, token: PM, headers: { origin: 'https://evil.example' } });
  assert.equal(other.status, 200);
  assert.equal(other.headers.get('access-control-allow-origin'), null);
  // CORS does not replace authentication.
  const anon = await call('GET', '/api/v1/members/me', { direct: true, headers: { origin: ORIGIN } });
  assert.equal(anon.status, 401);
  assert.equal(anon.headers.get('access-control-allow-origin'), ORIGIN, 'errors are readable by the allowed origin');
});

test('CORS: answers refused before routing (413 by length) are readable by the allowed origin too', async () => {
  // A page shows a problem only when the browser lets it read the answer.
  const r = await call('POST', '/api/v1/reports', {
    direct: true,
    token: PM,
    headers: { origin: ORIGIN, 'content-type': 'application/json' },
    raw: 'x'.repeat(1024 * 1024 + 1),
  });
  assertProblem(r, 413);
  assert.equal(r.headers.get('access-control-allow-origin'), ORIGIN);
});

// ---- operations ----------------------------------------------------------------------------

test('/metrics shows dna_http_requests_total and the latency histogram', async () => {
  const count = (text) => {
    const m = /^dna_http_requests_total\{route="\/healthz",method="GET",status="200"\} (\d+)$/m.exec(text);
    return m ? Number(m[1]) : 0;
  };
  const r1 = await call('GET', '/metrics');
  assert.equal(r1.status, 200);
  assert.match(r1.headers.get('content-type'), /^text\/plain/);
  assert.match(r1.text, /^# TYPE dna_http_requests_total counter$/m);
  assert.match(r1.text, /^# TYPE dna_http_request_duration_seconds histogram$/m);
  assert.match(r1.text, /^dna_http_request_duration_seconds_bucket\{le="\+Inf"\} \d+$/m);
  assert.match(r1.text, /^dna_http_request_duration_seconds_sum [0-9.e+-]+$/m);
  assert.match(r1.text, /^dna_http_request_duration_seconds_count \d+$/m);
  const before = count(r1.text);
  await call('GET', '/healthz', { expect: 200 });
  await call('GET', '/healthz', { expect: 200 });
  const r2 = await call('GET', '/metrics');
  assert.equal(count(r2.text), before + 2, 'the counter counts');
  // Buckets are cumulative.
  const buckets = [...r2.text.matchAll(/^dna_http_request_duration_seconds_bucket\{le="[^"]+"\} (\d+)$/gm)].map((m) => Number(m[1]));
  assert.ok(buckets.length >= 5);
  assert.deepEqual(buckets, buckets.slice().sort((a, b) => a - b));
  const total = Number(/^dna_http_request_duration_seconds_count (\d+)$/m.exec(r2.text)[1]);
  assert.equal(buckets.at(-1), total);
});

test('/openapi.yaml serves the contract', async () => {
  const r = await call('GET', '/openapi.yaml');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /yaml/);
  assert.match(r.text, /^openapi: 3\.1\.\d/);
  for (const p of ['/api/v1/members:', '/api/v1/members/{id}:', '/api/v1/departments:', '/api/v1/audit:']) {
    assert.ok(r.text.includes(`\n  ${p}\n`), `documents ${p}`);
  }
});
