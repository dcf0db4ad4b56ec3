// Red-button reports: filing (named, anonymous, idempotent), reading with
// the reporter's visibility rules, who may change what, supports under
// concurrency, comments, the listing's filters (Dutch full text), sorting,
// paging and exports. Reports made here carry this run's tag; the list tests
// use a department of their own, so other files' reports never interfere.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activeMembers, assertProblem, sql, token } from './lib.mjs';
import { api, ETAG, fieldsOf, fileReport, makeDepartment, PSEUDONYM, RUN, T, walk } from './reports_lib.mjs';

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const made = {};

// ---- filing -----------------------------------------------------------------

test('filing answers 201 with Location, ETag and the whole report', async () => {
  const r = await api('POST', '/api/v1/reports', {
    token: T.member,
    body: {
      title: `Parkeervergunning ${RUN}`,
      description: 'Voor een parkeervergunning moet je drie keer je kenteken invullen.',
      procedure: 'Aanvraag parkeervergunning',
      impact: 'Inwoners bellen het KCC',
      department: 'SZW',
      category: 'form',
      anonymous: false,
    },
  });
  assert.equal(r.status, 201, r.text);
  const b = r.body;
  assert.equal(r.headers.get('location'), `/api/v1/reports/${b.id}`);
  assert.equal(r.headers.get('etag'), '"1"');
  assert.equal(b.title, `Parkeervergunning ${RUN}`);
  assert.equal(b.department, 'SZW');
  assert.equal(b.category, 'form');
  assert.equal(b.status, 'new');
  assert.equal(b.anonymous, false);
  assert.equal(b.reporter_id, 1);
  assert.equal(typeof b.reporter_name, 'string');
  for (const k of ['priority', 'triage_week', 'assignee_id', 'theme_code', 'rule_id', 'resolution', 'duplicate_of', 'closed_at'])
    assert.equal(b[k], null, k);
  assert.equal(b.supporters_count, 0);
  assert.equal(b.comments_count, 0);
  assert.equal(b.supported, false);
  assert.equal(b.overdue, false);
  assert.equal(b.escalated, false);
  assert.match(b.created_at, RFC3339);
  assert.match(b.updated_at, RFC3339);
  made.named = b;
  // The filing is in the history (no actor: the reporter is on the report) and the audit log.
  const h = await sql(`SELECT from_status IS NULL, to_status, actor_id IS NULL FROM report_history WHERE report_id = ${b.id}`);
  assert.deepEqual(h, [['t', 'new', 't']]);
  const a = await sql(`SELECT actor, action FROM audit_log WHERE entity = 'report' AND entity_id = '${b.id}'`);
  assert.deepEqual(a, [['member:1', 'create']]);
});

test('filing: impact and anonymous may be left out', async () => {
  const b = await fileReport(T.other, { impact: undefined, anonymous: undefined });
  assert.equal(b.impact, null);
  assert.equal(b.anonymous, false);
  assert.equal(b.reporter_id, 7);
});

test('filing: bad bodies are 4xx problems and write nothing', async () => {
  const before = (await sql(`SELECT count(*) FROM reports`))[0][0];
  const base = { title: 't', description: 'd', procedure: 'p', department: 'SZW', category: 'form' };
  const cases = [
    [{ ...base, title: undefined }, 422, ['title']],
    [{ ...base, title: '   ' }, 422, ['title']],
    [{ ...base, category: 'complaint' }, 422, ['category']],
    [{ ...base, anonymous: 'yes' }, 422, ['anonymous']],
    [{ ...base, titel: 'typo' }, 422, ['titel']],
    [{ ...base, title: 'x'.repeat(201) }, 422, ['title']],
    [{ ...base, department: 'NOSUCH' }, 422, ['department']],
    [{ ...base, department: 42 }, 422, ['department']],
    [{}, 422, ['category', 'department', 'description', 'procedure', 'title']],
  ];
  for (const [body, status, fields] of cases) {
    const r = await api('POST', '/api/v1/reports', { badInput: true, token: T.member, body });
    assertProblem(r, status);
    assert.deepEqual(fieldsOf(r), fields, JSON.stringify(body));
  }
  assertProblem(await api('POST', '/api/v1/reports', { token: T.member, raw: '{"title":', headers: { 'content-type': 'application/json' }, direct: true }), 400);
  assertProblem(await api('POST', '/api/v1/reports', { badInput: true, token: T.member, raw: '[1]', headers: { 'content-type': 'application/json' } }), 400);
  assertProblem(await api('POST', '/api/v1/reports', { badInput: true, token: T.member, raw: 'title=x', headers: { 'content-type': 'text/plain' } }), 415);
  assert.equal((await sql(`SELECT count(*) FROM reports`))[0][0], before);
});

test('filing: analysts, the ombudsman and callers without a token may not file', async () => {
  const body = { title: 't', description: 'd', procedure: 'p', department: 'SZW', category: 'form' };
  assertProblem(await api('POST', '/api/v1/reports', { token: T.analyst, body }), 403);
  assertProblem(await api('POST', '/api/v1/reports', { token: T.ombudsman, body }), 403);
  const r = await api('POST', '/api/v1/reports', { body, badInput: true });
  assertProblem(r, 401);
  assert.match(r.headers.get('www-authenticate') || '', /^Bearer/);
});

// ---- anonymity ---------------------------------------------------------------

test('anonymous: no trace of the reporter in the report, history, audit log or idempotency keys', async () => {
  const key = `anon-${RUN}`;
  const b = await fileReport(T.other, { title: `Anoniem ${RUN}`, anonymous: true }, { 'idempotency-key': key });
  assert.equal(b.anonymous, true);
  assert.equal(b.reporter_id, null);
  assert.equal(b.reporter_name, null);
  made.anonymous = b;
  // The database, row by row.
  assert.deepEqual(await sql(`SELECT anonymous, reporter_id IS NULL FROM reports WHERE id = ${b.id}`), [['t', 't']]);
  assert.deepEqual(await sql(`SELECT count(*) FROM report_history WHERE report_id = ${b.id} AND actor_id IS NOT NULL`), [['0']]);
  const audit = await sql(`SELECT actor, changes::text FROM audit_log WHERE entity = 'report' AND entity_id = '${b.id}'`);
  assert.equal(audit.length, 1);
  assert.equal(audit[0][0], 'anonymous');
  assert.doesNotMatch(audit[0][1], /member|"7"|reporter/);
  // The key is the filer's own (hashed with the subject, so nobody else can
  // replay or block it), names no member, and lasts minutes, not a day: the
  // only trace of the filer, and a short-lived one (README).
  const stored = await sql(`SELECT member_id IS NULL, expires_at <= now() + interval '10 minutes',
      expires_at > now() + interval '5 minutes' FROM idempotency_keys WHERE key_hash =
      sha256(convert_to(concat_ws(chr(31), 'POST /api/v1/reports', '7', '${key}'), 'UTF8'))`);
  assert.deepEqual(stored, [['t', 't', 't']]);
  // No row anywhere links member 7 to this report.
  const links = await sql(`SELECT count(*) FROM audit_log WHERE actor = 'member:7' AND entity_id = '${b.id}'`);
  assert.deepEqual(links, [['0']]);
});

test('anonymous: nobody sees a reporter, not even the team; the filer cannot edit it', async () => {
  for (const tok of [T.other, T.team, T.manager, T.analyst]) {
    const r = await api('GET', `/api/v1/reports/${made.anonymous.id}`, { token: tok });
    assert.equal(r.status, 200);
    assert.equal(r.body.reporter_id, null);
    assert.equal(r.body.reporter_name, null);
  }
  assertProblem(await api('PATCH', `/api/v1/reports/${made.anonymous.id}`, { token: T.other, body: { title: 'Mijn titel' } }), 403);
});

// ---- reading ------------------------------------------------------------------

test('GET: the reporter is shown to the reporter, the team and program managers only', async () => {
  const id = made.named.id;
  const seen = {};
  for (const [who, tok] of Object.entries({ member: T.member, other: T.other, organizer: T.organizer, team: T.team, manager: T.manager, analyst: T.analyst })) {
    const r = await api('GET', `/api/v1/reports/${id}`, { token: tok });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.headers.get('etag'), '"1"');
    seen[who] = [r.body.reporter_id, r.body.reporter_name !== null];
  }
  assert.deepEqual(seen, {
    member: [1, true],
    other: [null, false],
    organizer: [null, false],
    team: [1, true],
    manager: [1, true],
    analyst: [null, false],
  });
  assertProblem(await api('GET', `/api/v1/reports/${id}`, { token: T.ombudsman }), 403);
});

test('GET: unknown, malformed and absurd ids are 404', async () => {
  for (const id of ['999999999', 'abc', '0', '-1', '1.5', '99999999999999999999999']) {
    assertProblem(await api('GET', `/api/v1/reports/${id}`, { badInput: true, token: T.member }), 404);
  }
  assertProblem(await api('GET', `/api/v1/reports/${made.named.id}?x=1`, { token: T.member }), 400);
});

test('GET: analysts see member references only as pseudonyms', async () => {
  const b = await fileReport(T.member, { title: `Pseudoniem ${RUN}` });
  await api('PATCH', `/api/v1/reports/${b.id}`, { token: T.team, body: { assignee_id: 3 }, expect: 200 });
  const team = await api('GET', `/api/v1/reports/${b.id}`, { token: T.team });
  assert.equal(team.body.assignee_id, 3);
  assert.equal(typeof team.body.assignee_name, 'string');
  const a = await api('GET', `/api/v1/reports/${b.id}`, { token: T.analyst });
  assert.equal(a.body.assignee_id, null);
  assert.equal(a.body.assignee_name, null);
  assert.match(a.body.assignee_pseudonym, PSEUDONYM);
  assert.deepEqual(await sql('SELECT pseudonym FROM members WHERE id = 3'), [[a.body.assignee_pseudonym]]);
  assert.equal(team.body.assignee_pseudonym, null, 'nobody but an analyst receives a pseudonym');
  assert.ok(!a.text.includes(team.body.assignee_name), 'no name in the analyst view');
});

// ---- idempotency ----------------------------------------------------------------

test('Idempotency-Key: the same key and body replay the first answer', async () => {
  const key = `k1-${RUN}`;
  const body = { title: `Idempotent ${RUN}`, description: 'd', procedure: 'p', department: 'SZW', category: 'other' };
  const first = await api('POST', '/api/v1/reports', { token: T.member, body, headers: { 'idempotency-key': key } });
  assert.equal(first.status, 201);
  // The same body with its keys in another order is the same request.
  const reordered = Object.fromEntries(Object.entries(body).reverse());
  const again = await api('POST', '/api/v1/reports', { token: T.member, body: reordered, headers: { 'idempotency-key': key } });
  assert.equal(again.status, 201);
  assert.deepEqual(again.body, first.body);
  assert.equal(again.headers.get('location'), first.headers.get('location'));
  assert.equal(again.headers.get('etag'), first.headers.get('etag'));
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(await sql(`SELECT count(*) FROM reports WHERE title = 'Idempotent ${RUN}'`), [['1']]);
  // Another body under the same key: 422, nothing written.
  const other = await api('POST', '/api/v1/reports', {
    token: T.member,
    body: { ...body, title: `Anders ${RUN}` },
    headers: { 'idempotency-key': key },
  });
  assertProblem(other, 422);
  assert.deepEqual(fieldsOf(other), ['Idempotency-Key']);
  assert.deepEqual(await sql(`SELECT count(*) FROM reports WHERE title = 'Anders ${RUN}'`), [['0']]);
  // The key belongs to its caller: another member files anew.
  const someoneElse = await api('POST', '/api/v1/reports', { token: T.other, body, headers: { 'idempotency-key': key } });
  assert.equal(someoneElse.status, 201);
  assert.notEqual(someoneElse.body.id, first.body.id);
  assert.equal(someoneElse.headers.get('idempotent-replayed'), null);
});

test('Idempotency-Key: 20 simultaneous requests with one key file one report', async () => {
  const key = `k2-${RUN}`;
  const body = { title: `Gelijktijdig ${RUN}`, description: 'd', procedure: 'p', department: 'SZW', category: 'other' };
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => api('POST', '/api/v1/reports', { token: T.member, body, headers: { 'idempotency-key': key } }))
  );
  assert.deepEqual([...new Set(answers.map((r) => r.status))], [201]);
  assert.equal(new Set(answers.map((r) => r.body.id)).size, 1);
  assert.deepEqual(await sql(`SELECT count(*) FROM reports WHERE title = 'Gelijktijdig ${RUN}'`), [['1']]);
});

test('Idempotency-Key: a malformed key is 400', async () => {
  const body = { title: 't', description: 'd', procedure: 'p', department: 'SZW', category: 'other' };
  for (const key of ['', 'x'.repeat(256), 'met spatie'])
    assertProblem(await api('POST', '/api/v1/reports', { badInput: true, token: T.member, body, headers: { 'idempotency-key': key } }), 400);
});

// ---- changes ------------------------------------------------------------------------

test('PATCH: the reporter changes the text while the report is new, honouring If-Match', async () => {
  const b = await fileReport(T.member, { title: `Tekst ${RUN}` });
  const path = `/api/v1/reports/${b.id}`;
  const r = await api('PATCH', path, {
    token: T.member,
    body: { title: `Tekst aangepast ${RUN}`, impact: null },
    headers: { 'content-type': 'application/merge-patch+json', 'if-match': '"1"' },
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.title, `Tekst aangepast ${RUN}`);
  assert.equal(r.body.impact, null);
  assert.equal(r.body.description, b.description);
  assert.equal(r.headers.get('etag'), '"2"');
  const stale = await api('PATCH', path, { token: T.member, body: { title: 'x' }, headers: { 'if-match': '"1"' } });
  assertProblem(stale, 412);
  assertProblem(await api('PATCH', path, { token: T.member, body: { title: 'x' }, headers: { 'if-match': 'nonsense' } }), 412);
  // Not the reporter's: priority; not the others': the text.
  assertProblem(await api('PATCH', path, { token: T.member, body: { priority: 'high' } }), 403);
  assertProblem(await api('PATCH', path, { token: T.other, body: { title: 'x' } }), 403);
  assertProblem(await api('PATCH', path, { token: T.team, body: { description: 'x' } }), 403);
  assertProblem(await api('PATCH', path, { token: T.analyst, body: { title: 'x' } }), 403);
  // After triage the reporter's text is fixed.
  await walk(b.id, [{ to: 'triaged' }]);
  assertProblem(await api('PATCH', path, { token: T.member, body: { title: 'later' } }), 403);
  const audit = await sql(`SELECT count(*) FROM audit_log WHERE entity = 'report' AND entity_id = '${b.id}' AND action = 'update'`);
  assert.deepEqual(audit, [['1']]);
});

/** Complaint themes for the tests to link to (the Ombudsman's office pushes them). */
async function themes(...codes) {
  for (const code of codes) await sql(`INSERT INTO complaint_themes (code, title) VALUES ('${code}', 'Thema ${code}') ON CONFLICT DO NOTHING`);
}

test('PATCH: the team sets priority, assignee, department, category, theme and rule', async () => {
  await themes('wachttijd-telefoon');
  const b = await fileReport(T.member, { title: `Team ${RUN}` });
  const rule = await api('POST', '/api/v1/rules', { token: T.team, body: { title: `Regel ${RUN}`, source_type: 'policy' } });
  assert.equal(rule.status, 201, rule.text);
  const r = await api('PATCH', `/api/v1/reports/${b.id}`, {
    token: T.team,
    body: { priority: 'urgent', assignee_id: 3, department: 'ICT', category: 'it_system', theme_code: 'wachttijd-telefoon', rule_id: rule.body.id },
  });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(
    [r.body.priority, r.body.assignee_id, r.body.department, r.body.category, r.body.theme_code, r.body.rule_id],
    ['urgent', 3, 'ICT', 'it_system', 'wachttijd-telefoon', rule.body.id]
  );
  const cleared = await api('PATCH', `/api/v1/reports/${b.id}`, { token: T.manager, body: { assignee_id: null, theme_code: null, rule_id: null } });
  assert.equal(cleared.status, 200);
  assert.deepEqual([cleared.body.assignee_id, cleared.body.theme_code, cleared.body.rule_id], [null, null, null]);
  // Values that break a rule: 422 with the field named.
  const bad = [
    [{ assignee_id: 999999 }, 'assignee_id'],
    [{ rule_id: 999999 }, 'rule_id'],
    [{ department: 'NOSUCH' }, 'department'],
    [{ theme_code: 'Geen Slug' }, 'theme_code'],
    [{ theme_code: 'geen-bekend-thema' }, 'theme_code'],
    [{ priority: 'asap' }, 'priority'],
    [{ priority: null }, 'priority'],
    [{ status: 'resolved' }, 'status'],
    [{ reporter_id: 3 }, 'reporter_id'],
  ];
  for (const [body, field] of bad) {
    const x = await api('PATCH', `/api/v1/reports/${b.id}`, { badInput: true, token: T.team, body });
    assertProblem(x, 422);
    assert.deepEqual(fieldsOf(x), [field], JSON.stringify(body));
  }
  assertProblem(await api('PATCH', '/api/v1/reports/999999999', { token: T.team, body: { priority: 'low' } }), 404);
});

// ---- supports -----------------------------------------------------------------------

test('supports: PUT and DELETE are idempotent and answer the count', async () => {
  const b = await fileReport(T.member, { title: `Steun ${RUN}` });
  const path = `/api/v1/reports/${b.id}/support`;
  let r = await api('PUT', path, { token: T.other });
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, { supporters_count: 1 });
  r = await api('PUT', path, { token: T.other, expect: 200 });
  assert.deepEqual(r.body, { supporters_count: 1 });
  r = await api('PUT', path, { token: T.team, expect: 200 });
  assert.deepEqual(r.body, { supporters_count: 2 });
  const seen = await api('GET', `/api/v1/reports/${b.id}`, { token: T.other });
  assert.equal(seen.body.supported, true);
  assert.equal(seen.body.supporters_count, 2);
  assert.equal((await api('GET', `/api/v1/reports/${b.id}`, { token: T.manager })).body.supported, false);
  r = await api('DELETE', path, { token: T.other, expect: 200 });
  assert.deepEqual(r.body, { supporters_count: 1 });
  r = await api('DELETE', path, { token: T.other, expect: 200 });
  assert.deepEqual(r.body, { supporters_count: 1 });
  assertProblem(await api('PUT', path, { token: T.analyst }), 403);
  assertProblem(await api('PUT', path, { token: T.ombudsman }), 403);
  assertProblem(await api('PUT', '/api/v1/reports/999999999/support', { token: T.other }), 404);
  // Only changes are audited.
  assert.deepEqual(await sql(`SELECT action FROM audit_log WHERE entity = 'report_support' AND entity_id = '${b.id}' ORDER BY id`), [['link'], ['link'], ['unlink']]);
});

test('supports: one member supporting 100 times at once counts once', async () => {
  const b = await fileReport(T.member, { title: `Honderd keer ${RUN}` });
  const answers = await Promise.all(Array.from({ length: 100 }, () => api('PUT', `/api/v1/reports/${b.id}/support`, { token: T.other })));
  assert.deepEqual([...new Set(answers.map((r) => r.status))], [200]);
  assert.deepEqual([...new Set(answers.map((r) => r.body.supporters_count))], [1]);
  assert.deepEqual(await sql(`SELECT supporters_count, (SELECT count(*) FROM report_supports WHERE report_id = ${b.id}) FROM reports WHERE id = ${b.id}`), [['1', '1']]);
});

test('supports: 100 members supporting at once count 100', async () => {
  const b = await fileReport(T.member, { title: `Honderd leden ${RUN}` });
  const ids = (
    await sql(`WITH m AS (INSERT INTO members (name, email, department_id)
      SELECT 'Steunlid ' || g, 't50.${RUN.toLowerCase()}.' || g || '@denhaag.example', (SELECT id FROM departments WHERE code = 'SZW')
      FROM generate_series(1, 100) g RETURNING id) SELECT id FROM m`)
  ).map((row) => row[0]);
  assert.equal(ids.length, 100);
  const tokens = ids.map((id) => token(id, ['member']));
  const answers = await Promise.all(tokens.map((tok) => api('PUT', `/api/v1/reports/${b.id}/support`, { token: tok })));
  assert.deepEqual([...new Set(answers.map((r) => r.status))], [200]);
  assert.equal(Math.max(...answers.map((r) => r.body.supporters_count)), 100);
  assert.deepEqual(await sql(`SELECT supporters_count FROM reports WHERE id = ${b.id}`), [['100']]);
  const back = await Promise.all(tokens.slice(0, 40).map((tok) => api('DELETE', `/api/v1/reports/${b.id}/support`, { token: tok })));
  assert.deepEqual([...new Set(back.map((r) => r.status))], [200]);
  assert.deepEqual(await sql(`SELECT supporters_count, (SELECT count(*) FROM report_supports WHERE report_id = ${b.id}) FROM reports WHERE id = ${b.id}`), [['60', '60']]);
});

// ---- comments ---------------------------------------------------------------------

test('comments: members post signed comments; analysts read pseudonyms', async () => {
  const b = await fileReport(T.member, { title: `Commentaar ${RUN}` });
  const path = `/api/v1/reports/${b.id}/comments`;
  const c1 = await api('POST', path, { token: T.other, body: { text: 'Herkenbaar, bij ons ook.' } });
  assert.equal(c1.status, 201, c1.text);
  assert.equal(c1.body.text, 'Herkenbaar, bij ons ook.');
  assert.equal(c1.body.author_id, 7);
  assert.equal(typeof c1.body.author_name, 'string');
  assert.equal(c1.body.author_pseudonym, null, 'nobody but an analyst receives a pseudonym');
  assert.equal(c1.body.report_id, b.id);
  const c2 = await api('POST', path, { token: T.team, body: { text: 'Nemen we mee in de triage.' } });
  assert.equal(c2.status, 201);
  const list = await api('GET', path, { token: T.member });
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.data.map((c) => c.id), [c1.body.id, c2.body.id]);
  assert.equal(list.body.next_cursor, null);
  const desc = await api('GET', `${path}?sort=-created_at&limit=1`, { token: T.member });
  assert.deepEqual(desc.body.data.map((c) => c.id), [c2.body.id]);
  assert.equal(typeof desc.body.next_cursor, 'string');
  const a = await api('GET', path, { token: T.analyst });
  assert.ok(a.body.data.every((c) => c.author_id === null && c.author_name === null && PSEUDONYM.test(c.author_pseudonym)));
  assert.equal((await api('GET', `/api/v1/reports/${b.id}`, { token: T.member })).body.comments_count, 2);
  assertProblem(await api('POST', path, { badInput: true, token: T.other, body: { text: '  ' } }), 422);
  assertProblem(await api('POST', path, { badInput: true, token: T.other, body: { text: 'x', extra: 1 } }), 422);
  assertProblem(await api('POST', path, { token: T.analyst, body: { text: 'x' } }), 403);
  assertProblem(await api('POST', '/api/v1/reports/999999999/comments', { token: T.other, body: { text: 'x' } }), 404);
  assertProblem(await api('GET', '/api/v1/reports/999999999/comments', { token: T.other }), 404);
});

// ---- the listing -------------------------------------------------------------------

test('list: filters by status, category, department, week, assignee, theme and dates', async () => {
  const dept = await makeDepartment('R5');
  const a = await fileReport(T.member, { title: `Lijst A ${RUN}`, department: dept, category: 'form' });
  const b = await fileReport(T.member, { title: `Lijst B ${RUN}`, department: dept, category: 'regulation' });
  const c = await fileReport(T.member, { title: `Lijst C ${RUN}`, department: dept, category: 'form' });
  await walk(b.id, [{ to: 'triaged', triage_week: '2026-W02' }]);
  await walk(c.id, [{ to: 'rejected', note: 'Dubbel' }]);
  await themes('lijst-thema');
  await api('PATCH', `/api/v1/reports/${a.id}`, { token: T.team, body: { assignee_id: 3, theme_code: 'lijst-thema' }, expect: 200 });
  made.dept = dept;
  const ids = async (q, tok = T.member) => {
    const r = await api('GET', `/api/v1/reports?department=${dept}&${q}`, { token: tok });
    assert.equal(r.status, 200, `${q}: ${r.text.slice(0, 300)}`);
    return r.body.data.map((x) => x.id).sort((x, y) => x - y);
  };
  assert.deepEqual(await ids(''), [a.id, b.id, c.id]);
  assert.deepEqual(await ids('status=new'), [a.id]);
  assert.deepEqual(await ids('status=new&status=triaged'), [a.id, b.id]);
  assert.deepEqual(await ids('status=new,rejected'), [a.id, c.id]);
  assert.deepEqual(await ids('category=form'), [a.id, c.id]);
  assert.deepEqual(await ids('triage_week=2026-W02'), [b.id]);
  assert.deepEqual(await ids('assignee_id=3'), [a.id]);
  assert.deepEqual(await ids('theme_code=lijst-thema'), [a.id]);
  assert.deepEqual(await ids('created_from=2000-01-01&created_to=2099-12-31'), [a.id, b.id, c.id]);
  assert.deepEqual(await ids('created_to=2000-01-01'), []);
  assert.deepEqual(await ids(`created_from=2099-01-01`), []);
  assert.deepEqual(await ids('status=new', T.analyst), [a.id]);
});

test('list: overdue (new for more than 7 days) is computed and filterable', async () => {
  const old = await fileReport(T.member, { title: `Oud ${RUN}`, department: made.dept });
  await sql(`UPDATE reports SET created_at = now() - interval '10 days' WHERE id = ${old.id}`);
  const older = await fileReport(T.member, { title: `Ouder ${RUN}`, department: made.dept });
  await sql(`UPDATE reports SET created_at = now() - interval '15 days' WHERE id = ${older.id}`);
  const g1 = await api('GET', `/api/v1/reports/${old.id}`, { token: T.member });
  assert.deepEqual([g1.body.overdue, g1.body.escalated], [true, false]);
  const g2 = await api('GET', `/api/v1/reports/${older.id}`, { token: T.member });
  assert.deepEqual([g2.body.overdue, g2.body.escalated], [true, true]);
  const r = await api('GET', `/api/v1/reports?department=${made.dept}&overdue=true`, { token: T.member });
  assert.deepEqual(r.body.data.map((x) => x.id).sort((x, y) => x - y), [old.id, older.id]);
  const not = await api('GET', `/api/v1/reports?department=${made.dept}&overdue=false`, { token: T.member });
  assert.ok(not.body.data.every((x) => x.overdue === false));
  assert.ok(!not.body.data.some((x) => x.id === old.id));
});

test('list: q searches title, description and procedure in Dutch ("aanvragen" finds "aanvraag")', async () => {
  const tag = `zoek${RUN.toLowerCase()}`;
  const a = await fileReport(T.member, { title: `De aanvraag duurt te lang ${tag}`, description: 'Wachten.', procedure: 'Loket' });
  const b = await fileReport(T.member, { title: `Formulier ${tag}`, description: 'Bij het aanvragen van een uitkering.', procedure: 'Loket' });
  const c = await fileReport(T.member, { title: `Loket ${tag}`, description: 'Niets', procedure: 'Vergunningen aanvragen' });
  const d = await fileReport(T.member, { title: `Iets anders ${tag}`, description: 'Geen match', procedure: 'Loket' });
  const search = async (q) => {
    const r = await api('GET', `/api/v1/reports?q=${encodeURIComponent(q)}&limit=500`, { token: T.member });
    assert.equal(r.status, 200, r.text.slice(0, 300));
    return r.body.data.map((x) => x.id).sort((x, y) => x - y);
  };
  assert.deepEqual(await search(`aanvragen ${tag}`), [a.id, b.id, c.id]);
  assert.deepEqual(await search(`aanvraag ${tag}`), [a.id, b.id, c.id]);
  assert.deepEqual(await search(`${tag} -aanvraag`), [d.id]);
  assert.deepEqual(await search(`"duurt te lang" ${tag}`), [a.id]);
  // Operators a user types by accident are not errors.
  assert.deepEqual(await search(`(&!| ${tag}`), [a.id, b.id, c.id, d.id]);
});

test('list: sort by supporters and created_at, keyset pages without gaps or repeats', async () => {
  const dept = await makeDepartment('S5');
  const made5 = [];
  for (let i = 0; i < 5; i++) made5.push(await fileReport(T.member, { title: `Sort ${i} ${RUN}`, department: dept }));
  const supporters = await activeMembers(4);
  for (let i = 0; i < 5; i++)
    for (let k = 0; k < i; k++) await api('PUT', `/api/v1/reports/${made5[i].id}/support`, { token: token(supporters[k], ['member']), expect: 200 });
  const page = (q, opts = {}) => api('GET', `/api/v1/reports?department=${dept}&${q}`, { token: T.member, ...opts });
  const bySupport = await page('sort=-supporters_count');
  assert.deepEqual(bySupport.body.data.map((x) => x.supporters_count), [4, 3, 2, 1, 0]);
  const asc = await page('sort=supporters_count');
  assert.deepEqual(asc.body.data.map((x) => x.supporters_count), [0, 1, 2, 3, 4]);
  const newest = await page('');
  assert.deepEqual(newest.body.data.map((x) => x.id), made5.map((x) => x.id).reverse());
  const oldest = await page('sort=created_at');
  assert.deepEqual(oldest.body.data.map((x) => x.id), made5.map((x) => x.id));
  // Two per page, following next_cursor.
  const seen = [];
  let q = 'sort=-supporters_count&limit=2';
  for (let i = 0; i < 5; i++) {
    const r = await page(q);
    assert.equal(r.status, 200, r.text);
    seen.push(...r.body.data.map((x) => x.id));
    if (!r.body.next_cursor) break;
    assert.match(r.headers.get('link') || '', /rel="next"/);
    q = `sort=-supporters_count&limit=2&cursor=${r.body.next_cursor}`;
  }
  assert.deepEqual(seen, made5.map((x) => x.id).reverse());
  assertProblem(await page('sort=title', { badInput: true }), 400);
});

test('list: bad query parameters are 400', async () => {
  for (const q of ['status=closed', 'category=x', 'overdue=maybe', 'created_from=2026-13-01', 'triage_week=2026-48', 'assignee_id=abc', 'limit=0', 'nonsense=1', 'department=' + 'X'.repeat(17), 'cursor=abc', 'q=' + 'x'.repeat(201)])
    assertProblem(await api('GET', `/api/v1/reports?${q}`, { badInput: true, token: T.member }), 400);
  assertProblem(await api('GET', '/api/v1/reports', { token: T.ombudsman }), 403);
});

test('list: exports stream CSV and NDJSON for program managers and analysts only', async () => {
  const csv = await api('GET', `/api/v1/reports?department=${made.dept}&format=csv`, { token: T.analyst });
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  const lines = csv.text.trim().split('\r\n');
  assert.ok(lines[0].startsWith('id,title,'), lines[0]);
  assert.ok(lines[0].includes('assignee_pseudonym'));
  assert.equal(lines.length, 1 + 5);
  assert.ok(!csv.text.includes('Demo'), 'no names in an analyst export');
  const nd = await api('GET', `/api/v1/reports?department=${made.dept}`, { token: T.manager, headers: { accept: 'application/x-ndjson' } });
  assert.equal(nd.status, 200);
  const rows = nd.text.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(rows.length, 5);
  assertProblem(await api('GET', `/api/v1/reports?format=csv`, { token: T.member }), 403);
  assertProblem(await api('GET', `/api/v1/reports?format=csv`, { token: T.team }), 403);
});

test('ETag of a report follows its version', async () => {
  const r = await api('GET', `/api/v1/reports/${made.named.id}`, { token: T.member });
  assert.match(r.headers.get('etag'), ETAG);
});

test('supports and comments leave the ETag alone: the team triages with the If-Match it read', async () => {
  const b = await fileReport(T.member, { title: `Etag vast ${RUN}` });
  const read = await api('GET', `/api/v1/reports/${b.id}`, { token: T.team, expect: 200 });
  const etag = read.headers.get('etag');
  const [other] = await activeMembers(1);
  await api('PUT', `/api/v1/reports/${b.id}/support`, { token: token(other, ['member']), expect: 200 });
  await api('POST', `/api/v1/reports/${b.id}/comments`, { token: T.other, body: { text: 'Ook gezien.' }, expect: 201 });
  const now = await api('GET', `/api/v1/reports/${b.id}`, { token: T.team, expect: 200 });
  assert.equal(now.headers.get('etag'), etag, 'a +1 and a comment are not changes of the report');
  assert.equal(now.body.supporters_count, 1);
  assert.equal(now.body.comments_count, 1);
  assert.ok(now.body.updated_at >= read.body.updated_at, 'updated_at still moves, for incremental sync');
  const t = await api('POST', `/api/v1/reports/${b.id}/transitions`, {
    token: T.team,
    body: { to: 'triaged' },
    headers: { 'if-match': etag },
  });
  assert.equal(t.status, 200, 'no false 412');
});
