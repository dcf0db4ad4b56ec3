// Departments, members, erasure, the analysts' pseudonymised view and the
// audit trail of member changes. Every record here is this file's own (unique
// department code, names and emails per run); the demo logins 1..5 are only
// read, never changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertProblem, call, sql, token, TOKENS } from './lib.mjs';

const RUN = (Date.now().toString(36) + Math.floor(Math.random() * 1296).toString(36)).toUpperCase();
const run = RUN.toLowerCase();
const PM = TOKENS.program_manager();
const ANALYST = TOKENS.analyst();
const MEMBER = TOKENS.member();
const DEPT = `T3${RUN}`.slice(0, 16);
const ETAG = /^(W\/)?"[^"]+"$/;
const PSEUDONYM = /^m-[0-9a-f]{16}$/;
const PERSONAL = ['id', 'name', 'email', 'job_title'];

const email = (tag) => `t30.${run}.${tag}@denhaag.example`;
const fieldsOf = (res) => (res.body.errors || []).map((e) => e.field).sort();

async function createMember(fields) {
  const r = await call('POST', '/api/v1/members', { token: PM, body: { department: DEPT, ...fields } });
  assert.equal(r.status, 201, `create ${fields.name}: ${r.text.slice(0, 300)}`);
  return r;
}

/** Every member of this file's department, through all pages. */
async function listDept(query = '', tok = PM) {
  const r = await call('GET', `/api/v1/members?department=${DEPT}&limit=500${query}`, { token: tok });
  assert.equal(r.status, 200, r.text.slice(0, 300));
  assert.equal(r.body.next_cursor, null);
  return r.body.data;
}

// Made by the tests below, in order.
const made = {};

// ---- departments -----------------------------------------------------------

test('departments: create answers 201 with Location, ETag and the department', async () => {
  const r = await call('POST', '/api/v1/departments', {
    token: PM,
    body: { code: DEPT, name: `Testdienst ${RUN}` },
  });
  assert.equal(r.status, 201, r.text);
  assert.ok(Number.isInteger(r.body.id) && r.body.id > 0);
  assert.equal(r.body.code, DEPT);
  assert.equal(r.body.name, `Testdienst ${RUN}`);
  assert.equal(r.body.members_count, 0);
  assert.match(r.body.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.equal(r.headers.get('location'), `/api/v1/departments/${DEPT}`);
  assert.match(r.headers.get('etag') || '', ETAG);
  made.deptId = r.body.id;
});

test('departments: the Location of a new department answers it; an unknown code is 404', async () => {
  const r = await call('GET', `/api/v1/departments/${DEPT}`, { token: PM });
  assert.equal(r.status, 200);
  assert.equal(r.body.code, DEPT);
  assert.equal(r.body.id, made.deptId);
  assertProblem(await call('GET', '/api/v1/departments/NOPE_NOPE', { token: PM }), 404);
});

test('departments: a second department with the same code is 409, nothing changed', async () => {
  const r = await call('POST', '/api/v1/departments', { token: PM, body: { code: DEPT, name: 'Dubbel' } });
  assertProblem(r, 409);
  const list = await call('GET', '/api/v1/departments?limit=500', { token: PM });
  const mine = list.body.data.filter((d) => d.code === DEPT);
  assert.equal(mine.length, 1);
  assert.equal(mine[0].name, `Testdienst ${RUN}`);
});

test('departments: a malformed code is 422 naming the field code', async () => {
  for (const code of ['ab', 'X', '1ABC', 'ABCDEFGHIJKLMNOPQ', 'A-B', 'ÄBC']) {
    const r = await call('POST', '/api/v1/departments', { badInput: true, token: PM, body: { code, name: 'Fout' } });
    assertProblem(r, 422);
    assert.deepEqual(fieldsOf(r), ['code'], `code ${code}`);
  }
});

test('departments: only program managers create them', async () => {
  const r = await call('POST', '/api/v1/departments', { token: MEMBER, body: { code: `X${RUN}`.slice(0, 16), name: 'Nee' } });
  assertProblem(r, 403);
});

// ---- members: create and read -------------------------------------------------

test('members: create answers 201 with Location, ETag and every field', async () => {
  const body = {
    name: `Anna Zq${RUN} de Vries`,
    email: email('anna'),
    job_title: 'beleidsadviseur',
    roles: ['member', 'organizer'],
    joined_at: '2024-01-15',
    interests: ['ont-regelen', 'klantreis'],
    password: 'een-lang-wachtwoord',
  };
  const r = await createMember(body);
  const m = r.body;
  assert.ok(Number.isInteger(m.id) && m.id > 5);
  assert.equal(r.headers.get('location'), `/api/v1/members/${m.id}`);
  assert.match(r.headers.get('etag') || '', ETAG);
  assert.ok(!('pseudonym' in m), 'nobody but an analyst receives a pseudonym');
  assert.equal(m.name, body.name);
  assert.equal(m.email, body.email);
  assert.equal(m.department, DEPT);
  assert.equal(m.job_title, body.job_title);
  assert.deepEqual(m.roles, body.roles);
  assert.equal(m.joined_at, body.joined_at);
  assert.deepEqual(m.interests, body.interests);
  assert.equal(m.active, true);
  assert.equal(m.erased, false);
  assert.ok(!('password' in m) && !('password_hash' in m), 'no password in the answer');
  made.anna = m;

  // The Location answers the same member with the same ETag.
  const g = await call('GET', r.headers.get('location'), { token: PM });
  assert.equal(g.status, 200);
  assert.deepEqual(g.body, m);
  assert.equal(g.headers.get('etag'), r.headers.get('etag'));
});

test('members: defaults are roles [member], today, no interests, job_title null', async () => {
  const r = await createMember({ name: `Bram Zq${RUN} Bakker`, email: email('bram'), joined_at: '2024-06-01' });
  assert.deepEqual(r.body.roles, ['member']);
  assert.deepEqual(r.body.interests, []);
  assert.equal(r.body.job_title, null);
  made.bram = r.body;
  const today = await createMember({ name: `Cor Zq${RUN} Claassen`, email: email('cor'), roles: ['member', 'analyst'] });
  // "today" in the database's time zone: within a day of UTC's today.
  const days = Math.abs(Date.parse(today.body.joined_at) - Date.parse(new Date().toISOString().slice(0, 10))) / 864e5;
  assert.ok(days <= 1, `joined_at ${today.body.joined_at} is today`);
  made.cor = today.body;
});

test('members: a duplicate email is 409, also in other letter case', async () => {
  for (const e of [email('anna'), email('anna').toUpperCase()]) {
    const r = await call('POST', '/api/v1/members', {
      token: PM,
      body: { name: 'Dubbel', email: e, department: DEPT },
    });
    assertProblem(r, 409);
  }
  assert.equal((await listDept()).length, 3);
});

test('members: an unknown department is 422 naming department', async () => {
  const r = await call('POST', '/api/v1/members', {
    token: PM,
    body: { name: 'Nergens', email: email('nergens'), department: 'ZZNOPE' },
  });
  assertProblem(r, 422);
  assert.deepEqual(fieldsOf(r), ['department']);
});

test('members: an unknown field is 422 naming it, nothing created', async () => {
  const r = await call('POST', '/api/v1/members', {
    badInput: true,
    token: PM,
    body: { name: 'Typo', email: email('typo'), department: DEPT, nickname: 'Ty' },
  });
  assertProblem(r, 422);
  assert.deepEqual(fieldsOf(r), ['nickname']);
  assert.equal((await listDept()).length, 3);
});

test('members: missing required fields are 422 listing each one', async () => {
  const r = await call('POST', '/api/v1/members', { badInput: true, token: PM, body: {} });
  assertProblem(r, 422);
  assert.deepEqual(fieldsOf(r), ['department', 'email', 'name']);
  for (const e of r.body.errors) assert.equal(typeof e.message, 'string');
  const r2 = await call('POST', '/api/v1/members', { badInput: true, token: PM, body: { name: 'Alleen naam' } });
  assertProblem(r2, 422);
  assert.deepEqual(fieldsOf(r2), ['department', 'email']);
});

test('members: invalid values are 422 per field', async () => {
  const r = await call('POST', '/api/v1/members', {
    badInput: true,
    token: PM,
    body: { name: '  ', email: 'geen-email', department: DEPT, roles: ['baas'], joined_at: '2024-02-30' },
  });
  assertProblem(r, 422);
  for (const f of ['joined_at', 'name', 'roles']) assert.ok(fieldsOf(r).includes(f), `${f} in ${r.text}`);
  const r2 = await call('POST', '/api/v1/members', {
    badInput: true,
    token: PM,
    body: { name: 'Geen Email', email: 'geen-email', department: DEPT },
  });
  assertProblem(r2, 422);
  assert.deepEqual(fieldsOf(r2), ['email']);
});

test('members: only program managers create members', async () => {
  const r = await call('POST', '/api/v1/members', {
    token: MEMBER,
    body: { name: 'Nee', email: email('nee'), department: DEPT },
  });
  assertProblem(r, 403);
});

test('members: GET /members/{id} and /members/me carry an ETag', async () => {
  const r = await call('GET', `/api/v1/members/${made.bram.id}`, { token: MEMBER });
  assert.equal(r.status, 200);
  assert.equal(r.body.id, made.bram.id);
  assert.equal(r.body.name, made.bram.name);
  assert.match(r.headers.get('etag') || '', ETAG);

  const me = await call('GET', '/api/v1/members/me', { token: MEMBER });
  assert.equal(me.status, 200);
  assert.equal(me.body.id, 1);
  assert.equal(me.body.email, 'demo.member@denhaag.example');
  assert.match(me.headers.get('etag') || '', ETAG);

  const mine = token(made.bram.id, ['member']);
  const me2 = await call('GET', '/api/v1/members/me', { token: mine });
  assert.equal(me2.status, 200);
  assert.equal(me2.body.email, made.bram.email);
});

test('members: an unknown id is 404', async () => {
  assertProblem(await call('GET', '/api/v1/members/987654321', { token: PM }), 404);
});

// ---- members: changes ----------------------------------------------------------

test('members: a program manager patches with application/merge-patch+json', async () => {
  const before = await call('GET', `/api/v1/members/${made.anna.id}`, { token: PM, expect: 200 });
  const r = await call('PATCH', `/api/v1/members/${made.anna.id}`, {
    token: PM,
    headers: { 'content-type': 'application/merge-patch+json' },
    body: { job_title: 'senior beleidsadviseur', interests: ['toegankelijkheid'], roles: ['member'] },
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.job_title, 'senior beleidsadviseur');
  assert.deepEqual(r.body.interests, ['toegankelijkheid']);
  assert.deepEqual(r.body.roles, ['member']);
  // Fields left out stay as they were.
  assert.equal(r.body.name, made.anna.name);
  assert.equal(r.body.email, made.anna.email);
  assert.equal(r.body.joined_at, made.anna.joined_at);
  assert.match(r.headers.get('etag') || '', ETAG);
  assert.notEqual(r.headers.get('etag'), before.headers.get('etag'));
  const g = await call('GET', `/api/v1/members/${made.anna.id}`, { token: PM });
  assert.deepEqual(g.body, r.body);
  assert.equal(g.headers.get('etag'), r.headers.get('etag'));
});

test('members: application/json patch with job_title null clears it', async () => {
  const r = await call('PATCH', `/api/v1/members/${made.anna.id}`, { token: PM, body: { job_title: null } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.job_title, null);
  assert.deepEqual(r.body.interests, ['toegankelijkheid'], 'other fields untouched');
  const g = await call('GET', `/api/v1/members/${made.anna.id}`, { token: PM });
  assert.equal(g.body.job_title, null);
});

test('members: PATCH with the current If-Match is 200 with a new ETag; a stale one is 412', async () => {
  const url = `/api/v1/members/${made.bram.id}`;
  const g = await call('GET', url, { token: PM, expect: 200 });
  const etag = g.headers.get('etag');
  const r = await call('PATCH', url, {
    token: PM,
    headers: { 'if-match': etag },
    body: { job_title: 'projectleider' },
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.job_title, 'projectleider');
  const etag2 = r.headers.get('etag');
  assert.match(etag2 || '', ETAG);
  assert.notEqual(etag2, etag);

  const stale = await call('PATCH', url, {
    token: PM,
    headers: { 'if-match': etag },
    body: { job_title: 'verloren update' },
  });
  assertProblem(stale, 412);
  const after = await call('GET', url, { token: PM });
  assert.equal(after.body.job_title, 'projectleider', 'a 412 changes nothing');
  assert.equal(after.headers.get('etag'), etag2);

  // The new ETag works in turn.
  const again = await call('PATCH', url, {
    token: PM,
    headers: { 'if-match': etag2 },
    body: { active: false },
  });
  assert.equal(again.status, 200, again.text);
  assert.equal(again.body.active, false);
});

test('members: a member patches their own job_title and interests, nothing else', async () => {
  const own = token(made.cor.id, ['member']);
  const url = `/api/v1/members/${made.cor.id}`;
  const r = await call('PATCH', url, {
    token: own,
    headers: { 'content-type': 'application/merge-patch+json' },
    body: { job_title: 'data-analist', interests: ['open data'] },
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.job_title, 'data-analist');
  assert.deepEqual(r.body.interests, ['open data']);

  for (const body of [{ name: 'Andere Naam' }, { roles: ['member', 'program_manager'] }, { active: false }]) {
    assertProblem(await call('PATCH', url, { token: own, body }), 403);
  }
  // Someone else's record: 403 even for the allowed fields.
  assertProblem(await call('PATCH', `/api/v1/members/${made.anna.id}`, { token: own, body: { job_title: 'x' } }), 403);
  const g = await call('GET', url, { token: PM });
  assert.equal(g.body.name, made.cor.name);
  assert.deepEqual(g.body.roles, made.cor.roles);
  assert.equal(g.body.active, true);
});

test('members: a patch with an unknown field or a bad value is 422 and changes nothing', async () => {
  const url = `/api/v1/members/${made.anna.id}`;
  const before = await call('GET', url, { token: PM, expect: 200 });
  const r = await call('PATCH', url, { badInput: true, token: PM, body: { job_title: 'x', jobtitle: 'y' } });
  assertProblem(r, 422);
  assert.deepEqual(fieldsOf(r), ['jobtitle']);
  const r2 = await call('PATCH', url, { badInput: true, token: PM, body: { name: null } });
  assertProblem(r2, 422);
  assert.deepEqual(fieldsOf(r2), ['name']);
  const r3 = await call('PATCH', url, { token: PM, body: { department: 'ZZNOPE' } });
  assertProblem(r3, 422);
  const after = await call('GET', url, { token: PM });
  assert.deepEqual(after.body, before.body);
  assert.equal(after.headers.get('etag'), before.headers.get('etag'));
});

test('members: changing the email to another member\'s is 409', async () => {
  const r = await call('PATCH', `/api/v1/members/${made.bram.id}`, { token: PM, body: { email: made.anna.email } });
  assertProblem(r, 409);
});

// ---- members: listing ----------------------------------------------------------

test('members: list filters department, active, role, q and joined_from/joined_to', async () => {
  // anna: joined 2024-01-15, roles [member]; bram: 2024-06-01, inactive;
  // cor: today, [member, analyst].
  const ids = (list) => list.map((m) => m.id).sort((a, b) => a - b);
  const { anna, bram, cor } = made;
  const all = await listDept();
  assert.deepEqual(ids(all), [anna.id, bram.id, cor.id].sort((a, b) => a - b));
  for (const m of all) assert.equal(m.department, DEPT);

  assert.deepEqual(ids(await listDept('&active=false')), [bram.id]);
  assert.deepEqual(ids(await listDept('&active=true')), [anna.id, cor.id].sort((a, b) => a - b));
  assert.deepEqual(ids(await listDept('&role=analyst')), [cor.id]);
  assert.deepEqual(ids(await listDept('&joined_from=2024-01-16&joined_to=2024-06-01')), [bram.id]);
  assert.deepEqual(ids(await listDept('&joined_from=2024-01-15&joined_to=2024-01-15')), [anna.id]);
  assert.deepEqual(ids(await listDept('&joined_to=2024-01-14')), []);

  // q: a case-insensitive substring of the name, across all departments.
  const q = await call('GET', `/api/v1/members?q=${encodeURIComponent(`zq${run} de v`)}&limit=500`, { token: PM });
  assert.equal(q.status, 200);
  assert.deepEqual(ids(q.body.data), [anna.id]);
  const q2 = await call('GET', `/api/v1/members?q=ZQ${RUN}&limit=500`, { token: PM });
  assert.deepEqual(ids(q2.body.data), ids(all));
  // LIKE wildcards are literal.
  const q3 = await call('GET', `/api/v1/members?q=${encodeURIComponent(`zq${run}%`)}&limit=500`, { token: PM });
  assert.deepEqual(q3.body.data, []);
});

test('members: bad filter values are 400 naming the parameter', async () => {
  for (const [query, field] of [
    ['active=yes', 'active'],
    ['role=boss', 'role'],
    ['joined_from=2024-13-01', 'joined_from'],
    ['joined_to=gisteren', 'joined_to'],
    ['sort=email', 'sort'],
  ]) {
    const r = await call('GET', `/api/v1/members?${query}`, { badInput: true, token: PM });
    assertProblem(r, 400);
    assert.ok(fieldsOf(r).includes(field), `${query}: ${r.text}`);
  }
});

test('members: sort by name, -name, joined_at and -joined_at', async () => {
  const names = (list) => list.map((m) => m.name);
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const byName = await listDept('&sort=name');
  assert.equal(byName.length, 3);
  assert.deepEqual(names(byName), names(byName).slice().sort(cmp));
  assert.deepEqual(names(byName), [made.anna.name, made.bram.name, made.cor.name]);
  assert.deepEqual(names(await listDept('&sort=-name')), [made.cor.name, made.bram.name, made.anna.name]);
  const joined = (list) => list.map((m) => m.joined_at);
  assert.deepEqual(joined(await listDept('&sort=joined_at')), [made.anna.joined_at, made.bram.joined_at, made.cor.joined_at]);
  assert.deepEqual(joined(await listDept('&sort=-joined_at')), [made.cor.joined_at, made.bram.joined_at, made.anna.joined_at]);

  // Over the whole directory too, across pages.
  const seen = [];
  let next = '/api/v1/members?sort=-joined_at&limit=13';
  while (next) {
    const r = await call('GET', next, { token: PM });
    assert.equal(r.status, 200);
    seen.push(...r.body.data);
    next = r.body.next_cursor ? `/api/v1/members?sort=-joined_at&limit=13&cursor=${r.body.next_cursor}` : null;
  }
  const dates = joined(seen);
  assert.deepEqual(dates, dates.slice().sort().reverse());
  assert.equal(new Set(seen.map((m) => m.id)).size, seen.length, 'no member twice');
});

test('departments: the list counts members per department', async () => {
  const r = await call('GET', '/api/v1/departments?limit=500', { token: MEMBER });
  assert.equal(r.status, 200);
  const mine = r.body.data.find((d) => d.code === DEPT);
  assert.equal(mine.members_count, 3);
  assert.equal(mine.id, made.deptId);
  const codes = r.body.data.map((d) => d.code);
  assert.deepEqual(codes, codes.slice().sort(), 'sorted by code');
  // Seeded departments are counted from the directory.
  const all = await call('GET', '/api/v1/members?limit=500&department=' + r.body.data[0].code, { token: PM });
  assert.equal(r.body.data[0].members_count, all.body.data.filter((m) => !m.erased).length);
});

test('departments: sort by code, -code, name and -name', async () => {
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  for (const [sort, key, desc] of [
    ['code', 'code', false],
    ['-code', 'code', true],
    ['name', 'name', false],
    ['-name', 'name', true],
  ]) {
    const r = await call('GET', `/api/v1/departments?limit=500&sort=${sort}`, { token: MEMBER });
    assert.equal(r.status, 200, `sort=${sort}: ${r.text.slice(0, 200)}`);
    const got = r.body.data.map((d) => d[key]);
    const want = got.slice().sort(cmp);
    assert.deepEqual(got, desc ? want.reverse() : want, `sort=${sort}`);
    assert.ok(got.length >= 11);
  }
  // Paging backwards by name with a cursor.
  const p1 = await call('GET', '/api/v1/departments?limit=4&sort=-name', { token: MEMBER });
  assert.equal(p1.status, 200);
  const p2 = await call('GET', `/api/v1/departments?limit=4&sort=-name&cursor=${p1.body.next_cursor}`, { token: MEMBER });
  assert.equal(p2.status, 200);
  assert.ok(p2.body.data[0].name <= p1.body.data[3].name);
  assert.ok(!p2.body.data.some((d) => p1.body.data.some((e) => e.id === d.id)));
});

// ---- analysts ------------------------------------------------------------------

/** The stored pseudonym of a member (what analysts see), straight from the database. */
const pseudonymOf = async (id) => (await sql(`SELECT pseudonym FROM members WHERE id = ${id}`))[0][0];

test('analysts: no path by id (it would map a pseudonym to an id); their own record has no id', async () => {
  for (const id of [made.anna.id, made.bram.id, 1]) {
    const r = await call('GET', `/api/v1/members/${id}`, { token: ANALYST });
    assertProblem(r, 403);
    assert.ok(!r.text.includes(made.anna.email) && !r.text.includes(`Zq${RUN}`), 'no personal data in the text');
  }
  const me = await call('GET', '/api/v1/members/me', { token: ANALYST });
  assert.equal(me.status, 200);
  for (const k of PERSONAL) assert.ok(!(k in me.body), `analyst sees own ${k}`);
  assert.equal(me.body.pseudonym, await pseudonymOf(5));
  // Nor through the reports' assignee filter.
  assertProblem(await call('GET', `/api/v1/reports?assignee_id=${made.anna.id}`, { token: ANALYST }), 403);
});

test('analysts: the list shows pseudonyms only', async () => {
  const list = await listDept('', ANALYST);
  assert.equal(list.length, 3);
  for (const m of list) {
    for (const k of PERSONAL) assert.ok(!(k in m), `analyst list shows ${k}`);
    assert.match(m.pseudonym, PSEUDONYM);
  }
  const pmList = await listDept();
  for (const m of pmList) assert.ok(!('pseudonym' in m), 'a program manager receives no pseudonym');
  const stored = await Promise.all(pmList.map((m) => pseudonymOf(m.id)));
  assert.deepEqual(list.map((m) => m.pseudonym).sort(), stored.sort(), 'the stable keyed pseudonyms');
  const again = await listDept('', ANALYST);
  assert.deepEqual(again.map((m) => m.pseudonym), list.map((m) => m.pseudonym), 'stable across reads');
  const page = await call('GET', '/api/v1/members?limit=500', { token: ANALYST });
  assert.equal(page.status, 200);
  assert.ok(!/"(name|email|job_title|id)":/.test(page.text), 'no personal key anywhere in the list');
  assert.ok(!page.text.includes('@denhaag.example'), 'no email anywhere in the list');
});

test('analysts: page cursors do not reveal member ids, and an altered cursor is 400', async () => {
  const ids = (await listDept()).map((m) => m.id);
  let cursor = null;
  for (let i = 0; i < 3; i++) {
    const r = await call('GET', `/api/v1/members?department=${DEPT}&limit=1${cursor ? `&cursor=${cursor}` : ''}`, { token: ANALYST });
    assert.equal(r.status, 200);
    cursor = r.body.next_cursor;
    if (!cursor) break;
    const decoded = Buffer.from(cursor, 'base64url').toString('latin1');
    for (const id of ids) assert.ok(!decoded.split(/[^0-9]+/).includes(String(id)), `the cursor ${cursor} holds member id ${id}`);
  }
  const first = await call('GET', `/api/v1/members?limit=1`, { token: ANALYST, expect: 200 });
  const c = first.body.next_cursor;
  const altered = c.slice(0, 5) + (c[5] === 'A' ? 'B' : 'A') + c.slice(6);
  assertProblem(await call('GET', `/api/v1/members?limit=1&cursor=${altered}`, { token: ANALYST }), 400);
});

test('analysts: searching or sorting by name is 403', async () => {
  for (const q of ['q=anna', 'sort=name', 'sort=-name', `department=${DEPT}&q=Zq`]) {
    assertProblem(await call('GET', `/api/v1/members?${q}`, { token: ANALYST }), 403);
  }
  const ok = await call('GET', `/api/v1/members?department=${DEPT}&sort=-joined_at`, { token: ANALYST });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.data.length, 3);
});

// ---- erasure ---------------------------------------------------------------------

test('erasure: DELETE is 204, the member stays readable as "Verwijderd lid", the pseudonym unchanged', async () => {
  const url = `/api/v1/members/${made.bram.id}`;
  const before = await call('GET', url, { token: PM, expect: 200 });
  const pseudonym = await pseudonymOf(made.bram.id);
  const d = await call('DELETE', url, { token: PM });
  assert.equal(d.status, 204);
  assert.equal(d.text, '');
  const g = await call('GET', url, { token: PM });
  assert.equal(g.status, 200);
  assert.equal(g.body.erased, true);
  assert.equal(g.body.email, null);
  assert.equal(g.body.job_title, null);
  assert.deepEqual(g.body.interests, []);
  assert.equal(await pseudonymOf(made.bram.id), pseudonym, 'the pseudonym survives erasure (for analysts)');
  assert.equal(g.body.name, 'Verwijderd lid', 'the display name carries no pseudonym');
  assert.ok(!g.text.includes(pseudonym));
  assert.equal(g.body.joined_at, before.body.joined_at, 'history stays');
  assert.notEqual(g.headers.get('etag'), before.headers.get('etag'));
  // Nothing personal is findable any more.
  const q = await call('GET', `/api/v1/members?q=${encodeURIComponent('Bram Zq' + RUN)}`, { token: PM });
  assert.deepEqual(q.body.data, []);
  // Erasing again is 204 and changes nothing.
  const again = await call('DELETE', url, { token: PM });
  assert.equal(again.status, 204);
  const g2 = await call('GET', url, { token: PM });
  assert.deepEqual(g2.body, g.body, 'a second erasure changes nothing');
});

test('erasure: an erased member cannot be patched, counts drop, only program managers erase', async () => {
  const r = await call('PATCH', `/api/v1/members/${made.bram.id}`, { token: PM, body: { job_title: 'terug' } });
  assertProblem(r, 404);
  const deps = await call('GET', '/api/v1/departments?limit=500', { token: PM });
  assert.equal(deps.body.data.find((d) => d.code === DEPT).members_count, 2);
  assertProblem(await call('DELETE', '/api/v1/members/987654321', { token: PM }), 404);
  assertProblem(await call('DELETE', `/api/v1/members/${made.anna.id}`, { token: MEMBER }), 403);
});

// ---- audit -----------------------------------------------------------------------

test('audit: member create, update and erase are logged by member:4 with personal data redacted', async () => {
  const r = await call('GET', '/api/v1/audit?entity=member&limit=500', { token: PM });
  assert.equal(r.status, 200, r.text.slice(0, 300));
  const ours = (id) => r.body.data.filter((e) => e.entity_id === String(id));

  const anna = ours(made.anna.id);
  const create = anna.find((e) => e.action === 'create');
  assert.ok(create, 'create of anna is logged');
  assert.equal(create.actor, 'member:4');
  assert.equal(create.entity, 'member');
  assert.equal(create.changes.name, '[redacted]');
  assert.equal(create.changes.email, '[redacted]');
  assert.equal(create.changes.job_title, '[redacted]');
  assert.equal(create.changes.password, '[redacted]');
  assert.deepEqual(create.changes.roles, ['member', 'organizer']);
  assert.match(create.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  const updates = anna.filter((e) => e.action === 'update');
  assert.ok(updates.length >= 2, 'the patches of anna are logged');
  for (const u of updates) assert.equal(u.actor, 'member:4');
  assert.ok(updates.some((u) => u.changes.job_title === '[redacted]' && u.changes.interests === '[redacted]'), 'interests go with the person too (erasure clears them)');

  const erase = ours(made.bram.id).filter((e) => e.action === 'erase');
  assert.equal(erase.length, 1, 'one erase entry, however often DELETE was called');
  assert.equal(erase[0].actor, 'member:4');

  // cor changed their own record: their own actor.
  const cor = ours(made.cor.id).filter((e) => e.action === 'update');
  assert.deepEqual(cor.map((e) => e.actor), [`member:${made.cor.id}`]);

  // No personal data anywhere in the log text.
  for (const m of [made.anna, made.bram, made.cor]) {
    assert.ok(!r.text.includes(m.email), `the email ${m.email} is in the audit log`);
    assert.ok(!r.text.includes(m.name), `the name ${m.name} is in the audit log`);
  }
  assert.ok(!r.text.includes(`Zq${RUN}`) && !r.text.includes('een-lang-wachtwoord'));
});

test('audit: filters actor, from and to', async () => {
  const all = await call('GET', '/api/v1/audit?entity=member&limit=500', { token: PM });
  const mine = all.body.data.filter((e) => e.entity_id === String(made.anna.id));
  const first = mine.map((e) => e.at).sort()[0];

  const byActor = await call('GET', `/api/v1/audit?actor=member:${made.cor.id}&limit=500`, { token: PM });
  assert.equal(byActor.status, 200);
  assert.ok(byActor.body.data.length >= 1);
  for (const e of byActor.body.data) assert.equal(e.actor, `member:${made.cor.id}`);

  const nobody = await call('GET', '/api/v1/audit?actor=member:987654321', { token: PM });
  assert.deepEqual(nobody.body.data, []);

  // from is inclusive, to exclusive; the log is newest first.
  const from = await call('GET', `/api/v1/audit?entity=member&from=${first}&limit=500`, { token: PM });
  assert.equal(from.status, 200);
  for (const e of from.body.data) assert.ok(e.at >= first);
  assert.ok(from.body.data.some((e) => e.entity_id === String(made.anna.id) && e.action === 'create'));
  const ats = from.body.data.map((e) => e.at);
  assert.deepEqual(ats, ats.slice().sort().reverse());

  const to = await call('GET', `/api/v1/audit?entity=member&to=${first}&limit=500`, { token: PM });
  assert.equal(to.status, 200);
  for (const e of to.body.data) assert.ok(e.at <= first);
  assert.ok(!to.body.data.some((e) => e.entity_id === String(made.anna.id)), 'nothing of ours before our first entry');

  const asc = await call('GET', `/api/v1/audit?entity=member&from=${first}&sort=at&limit=500`, { token: PM });
  assert.equal(asc.status, 200);
  assert.deepEqual(asc.body.data.map((e) => e.id), from.body.data.map((e) => e.id).reverse(), 'sort=at is oldest first');

  const window = await call('GET', `/api/v1/audit?entity=member&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z`, { token: PM });
  assert.deepEqual(window.body.data, []);

  assertProblem(await call('GET', '/api/v1/audit?from=gisteren', { badInput: true, token: PM }), 400);
  assertProblem(await call('GET', '/api/v1/audit?entity=member', { token: ANALYST }), 403);
});
