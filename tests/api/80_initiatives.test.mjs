// Initiatives: starting one, the status moves (idea → active → completed |
// stopped, nothing else: 409 with the allowed ones), object-level rights
// (owner and program managers change it, nobody else), participants and
// links that PUT and DELETE idempotently, progress updates, the listing's
// filters, sorts, pages and exports, what analysts see, the audit trail and
// erasure.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activeMembers, assertProblem, call, createMember, sql, token, TOKENS } from './lib.mjs';

const M = () => TOKENS.member(); // demo member 1
const O = () => TOKENS.organizer(); // 2
const D = () => TOKENS.deregulation_team(); // 3
const P = () => TOKENS.program_manager(); // 4
const A = () => TOKENS.analyst(); // 5
const U = () => TOKENS.ombudsman();
const RUN = Date.now().toString(36);
const BASE = '/api/v1/initiatives';
const PSEUDONYM = /^m-[0-9a-f]{16}$/;

async function start(tok = M(), fields = {}) {
  const body = {
    title: `Terugbelgarantie 14070 ${RUN}`,
    summary: 'Wie 14070 belt en niet direct geholpen kan worden, wordt binnen één werkdag teruggebeld.',
    ...fields,
  };
  return (await call('POST', BASE, { token: tok, body, expect: 201 })).body;
}

const patch = (id, tok, body, headers = {}, opts = {}) =>
  call('PATCH', `${BASE}/${id}`, { token: tok, body, headers: { 'content-type': 'application/merge-patch+json', ...headers }, ...opts });
const put = (path, tok, opts = {}) => call('PUT', `${BASE}${path}`, { token: tok, ...opts });
const del = (path, tok, opts = {}) => call('DELETE', `${BASE}${path}`, { token: tok, ...opts });

/** Two themes of the seed and a report of the seed. */
async function seedTargets() {
  const themes = (await sql('SELECT code FROM complaint_themes ORDER BY code LIMIT 2')).map(([c]) => c);
  const [[report]] = await sql('SELECT id FROM reports ORDER BY id LIMIT 1');
  return { themes, report: Number(report) };
}

test('start: 201 with Location and ETag; the caller owns it, in their department, as an idea', async () => {
  const i = await start(M(), { title: `Eén formulier voor parkeervergunning en bezoekersregeling ${RUN}` });
  const [[dept]] = await sql('SELECT d.code FROM members m JOIN departments d ON d.id = m.department_id WHERE m.id = 1');
  assert.deepEqual(
    [i.status, i.department, i.owner_id, i.owner_name, i.owner_pseudonym, i.started_at, i.closed_at],
    ['idea', dept, 1, 'Demo Lid', null, null, null]
  );
  assert.deepEqual([i.participants, i.reports, i.themes, i.theme_codes], [[], [], [], []]);
  assert.deepEqual([i.participants_count, i.updates_count, i.reports_count], [0, 0, 0]);
  const g = await call('GET', `${BASE}/${i.id}`, { token: O(), expect: 200 });
  assert.equal(g.headers.get('etag'), '"1"');
  assert.deepEqual(g.body, i);
  const r = await call('POST', BASE, { token: M(), body: { title: 'x', summary: 'y' }, expect: 201 });
  assert.equal(r.headers.get('location'), `${BASE}/${r.body.id}`);
  // One that already runs starts active; it cannot start closed.
  const running = await start(O(), { status: 'active', department: 'DPZ' });
  assert.deepEqual([running.status, running.department, running.owner_id], ['active', 'DPZ', 2]);
  assert.ok(running.started_at);
  for (const [fields, field] of [
    [{ status: 'completed' }, 'status'],
    [{ department: 'NOPE' }, 'department'],
    [{ title: '   ' }, 'title'],
    [{ summary: '' }, 'summary'],
    [{ owner_id: 3 }, 'owner_id'],
  ]) {
    const bad = await call('POST', BASE, { token: M(), body: { title: 't', summary: 's', ...fields }, badInput: true });
    assertProblem(bad, 422);
    assert.deepEqual(bad.body.errors.map((e) => e.field), [field], JSON.stringify(fields));
  }
  assertProblem(await call('POST', BASE, { token: A(), body: { title: 't', summary: 's' } }), 403);
  assertProblem(await call('POST', BASE, { token: U(), body: { title: 't', summary: 's' } }), 403);
  assertProblem(await call('GET', `${BASE}/999999999`, { token: M() }), 404);
});

test('status moves: idea → active → completed | stopped, each stamped; every other move 409 with the allowed ones', async () => {
  const i = await start();
  let r = await patch(i.id, M(), { status: 'active' }, { 'if-match': '"1"' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.body.status, r.body.closed_at, r.headers.get('etag')], ['active', null, '"2"']);
  assert.ok(r.body.started_at);
  r = await patch(i.id, M(), { status: 'completed' }, { 'if-match': '"2"' });
  assert.deepEqual([r.status, r.body.status, r.body.started_at !== null, r.body.closed_at !== null], [200, 'completed', true, true]);
  const stopped = await start();
  await patch(stopped.id, M(), { status: 'active' });
  r = await patch(stopped.id, P(), { status: 'stopped' });
  assert.deepEqual([r.status, r.body.status], [200, 'stopped']);

  const idea = await start();
  const active = await start(M(), { status: 'active' });
  for (const [id, from, to, allowed] of [
    [idea.id, 'idea', 'completed', ['active']],
    [idea.id, 'idea', 'stopped', ['active']],
    [active.id, 'active', 'idea', ['completed', 'stopped']],
    [i.id, 'completed', 'active', []],
    [i.id, 'completed', 'stopped', []],
    [i.id, 'completed', 'idea', []],
    [stopped.id, 'stopped', 'active', []],
    [stopped.id, 'stopped', 'completed', []],
  ]) {
    const refused = await patch(id, M(), { status: to });
    assertProblem(refused, 409);
    assert.deepEqual([refused.body.current_status, refused.body.allowed], [from, allowed], `${from} -> ${to}`);
  }
  // Nothing changed by a refused move (the title in the same patch neither).
  const before = await call('GET', `${BASE}/${idea.id}`, { token: M(), expect: 200 });
  assertProblem(await patch(idea.id, M(), { status: 'stopped', title: 'Anders' }), 409);
  const after = await call('GET', `${BASE}/${idea.id}`, { token: M(), expect: 200 });
  assert.deepEqual([after.body.title, after.headers.get('etag')], [before.body.title, before.headers.get('etag')]);
  // The current status is no move: 200, nothing changes.
  r = await patch(active.id, M(), { status: 'active' });
  assert.deepEqual([r.status, r.body.started_at, r.headers.get('etag')], [200, active.started_at, '"1"']);
  // A stale If-Match is 412; a malformed one too.
  assertProblem(await patch(active.id, M(), { title: 'x' }, { 'if-match': '"7"' }), 412);
  assertProblem(await patch(active.id, M(), { status: 'bezig' }, {}, { badInput: true }), 422);
  assertProblem(await patch(active.id, M(), { title: null }, {}, { badInput: true }), 422);
});

test('object rights: the owner and program managers change an initiative; other members, the team and analysts may not', async () => {
  const i = await start();
  const [other] = await activeMembers(1);
  const r1 = await patch(i.id, token(other, ['member']), { title: 'Overgenomen' });
  assertProblem(r1, 403);
  // An empty patch changes nothing, but a stranger still may not send one.
  assertProblem(await patch(i.id, token(other, ['member']), {}), 403);
  assert.equal((await patch(i.id, M(), {})).status, 200);
  assertProblem(await patch(i.id, D(), { summary: 'x' }), 403);
  assertProblem(await patch(i.id, A(), { summary: 'x' }), 403);
  assertProblem(await patch(i.id, U(), { summary: 'x' }), 403);
  let r = await patch(i.id, M(), { summary: 'Eigen aanpassing', department: 'DPZ' });
  assert.deepEqual([r.status, r.body.summary, r.body.department], [200, 'Eigen aanpassing', 'DPZ']);
  r = await patch(i.id, P(), { title: `Door de programmamanager ${RUN}` });
  assert.equal(r.status, 200);
  // The owner hands it over: then the new owner may, the old one not.
  assertProblem(await patch(i.id, M(), { owner_id: 999999999 }), 422);
  r = await patch(i.id, M(), { owner_id: other });
  assert.deepEqual([r.status, r.body.owner_id], [200, other]);
  assert.equal((await patch(i.id, token(other, ['member']), { status: 'active' })).status, 200);
  assertProblem(await patch(i.id, M(), { summary: 'niet meer van mij' }), 403);
  assertProblem(await patch(i.id, M(), { department: 'NOPE' }), 403);
  const bad = await patch(i.id, P(), { department: 'NOPE' });
  assertProblem(bad, 422);
  assert.deepEqual(bad.body.errors.map((e) => e.field), ['department']);
  assertProblem(await patch(999999999, P(), { title: 'x' }), 404);
});

test('participants: join and leave yourself, idempotently; the owner and program managers add and remove anyone', async () => {
  const i = await start();
  const [x, y] = await activeMembers(2);
  const X = token(x, ['member']);
  let r = await put(`/${i.id}/participants/${x}`, X);
  assert.equal(r.status, 201, r.text);
  assert.deepEqual([r.body.member_id, r.body.member_pseudonym], [x, null]);
  assert.ok(r.body.member_name && r.body.joined_at);
  const again = await put(`/${i.id}/participants/${x}`, X);
  assert.deepEqual([again.status, again.body], [200, r.body]);
  assertProblem(await put(`/${i.id}/participants/${y}`, X), 403);
  assertProblem(await put(`/${i.id}/participants/${y}`, D()), 403);
  assertProblem(await put(`/${i.id}/participants/${y}`, A()), 403);
  assert.equal((await put(`/${i.id}/participants/${y}`, M())).status, 201, 'the owner adds anyone');
  assert.equal((await put(`/${i.id}/participants/2`, P())).status, 201, 'a program manager adds anyone');
  assertProblem(await put(`/${i.id}/participants/999999999`, M()), 404);
  assertProblem(await put(`/999999999/participants/${x}`, X), 404);
  assertProblem(await put(`/${i.id}/participants/${x}`, X, { body: {}, badInput: true }), 400);

  const g = await call('GET', `${BASE}/${i.id}`, { token: M(), expect: 200 });
  assert.deepEqual(g.body.participants.map((p) => p.member_id), [x, y, 2]);
  assert.equal(g.body.participants_count, 3);
  assert.equal(g.headers.get('etag'), '"1"', 'joining does not change the ETag');
  const an = await call('GET', `${BASE}/${i.id}`, { token: A(), expect: 200 });
  assert.ok(an.body.participants.every((p) => p.member_id === null && p.member_name === null && PSEUDONYM.test(p.member_pseudonym)));
  assert.deepEqual([an.body.owner_id, an.body.owner_name], [null, null]);
  assert.match(an.body.owner_pseudonym, PSEUDONYM);

  // Leaving: yourself, or the owner and program managers for others; again is 204.
  assertProblem(await del(`/${i.id}/participants/${y}`, X), 403);
  assert.equal((await del(`/${i.id}/participants/${x}`, X)).status, 204);
  assert.equal((await del(`/${i.id}/participants/${x}`, X)).status, 204, 'idempotent');
  assert.equal((await del(`/${i.id}/participants/${y}`, M())).status, 204);
  assert.equal((await del(`/${i.id}/participants/2`, P())).status, 204);
  const [[left]] = await sql(`SELECT count(*) FROM initiative_participants WHERE initiative_id = ${i.id}`);
  assert.equal(left, '0');
});

test('progress updates: by the owner, participants and program managers; everyone reads them, newest first', async () => {
  const i = await start();
  const [x, y] = await activeMembers(2);
  const post = (tok, text) => call('POST', `${BASE}/${i.id}/updates`, { token: tok, body: { text } });
  assertProblem(await post(token(x, ['member']), 'Nog geen deelnemer'), 403);
  await put(`/${i.id}/participants/${x}`, token(x, ['member']), { expect: 201 });
  const first = await post(token(x, ['member']), 'Eerste gesprek met het klantcontactcentrum gevoerd.');
  assert.equal(first.status, 201, first.text);
  assert.deepEqual([first.body.initiative_id, first.body.author_id, first.body.author_pseudonym], [i.id, x, null]);
  assert.equal((await post(M(), 'Plan van aanpak besproken met de afdeling.')).status, 201);
  assert.equal((await post(P(), 'Budget voor de pilot toegekend.')).status, 201);
  assertProblem(await post(token(y, ['member']), 'x'), 403);
  assertProblem(await post(D(), 'x'), 403);
  assertProblem(await post(A(), 'x'), 403);
  assertProblem(await post(M(), '  '), 422);
  assertProblem(await call('POST', `${BASE}/${i.id}/updates`, { token: M(), body: { text: 'x', extra: 1 }, badInput: true }), 422);
  assertProblem(await call('POST', `${BASE}/999999999/updates`, { token: P(), body: { text: 'x' } }), 404);

  const list = await call('GET', `${BASE}/${i.id}/updates`, { token: O(), expect: 200 });
  assert.deepEqual(list.body.data.map((u) => u.author_id), [4, 1, x]);
  const oldest = await call('GET', `${BASE}/${i.id}/updates?sort=created_at&limit=1`, { token: O(), expect: 200 });
  assert.equal(oldest.body.data[0].author_id, x);
  assert.ok(oldest.body.next_cursor);
  const an = await call('GET', `${BASE}/${i.id}/updates`, { token: A(), expect: 200 });
  assert.ok(an.body.data.every((u) => u.author_id === null && u.author_name === null && PSEUDONYM.test(u.author_pseudonym)));
  const g = await call('GET', `${BASE}/${i.id}`, { token: M(), expect: 200 });
  assert.deepEqual([g.body.updates_count, g.headers.get('etag')], [3, '"1"']);
  assertProblem(await call('GET', `${BASE}/999999999/updates`, { token: M() }), 404);
  const csv = await call('GET', `${BASE}/${i.id}/updates?format=csv`, { token: A(), expect: 200 });
  assert.match(csv.text, /^id,initiative_id,text,author_id,author_name,author_pseudonym,created_at,updated_at\r\n/);
  assert.ok(!csv.text.includes('Demo Lid'));
  assertProblem(await call('GET', `${BASE}/${i.id}/updates?format=csv`, { token: M() }), 403);
});

test('links: reports by the owner, the team and program managers; themes by the owner and program managers; idempotent', async () => {
  const i = await start();
  const { themes, report } = await seedTargets();
  const [other] = await activeMembers(1);
  const [[title, status]] = await sql(`SELECT title, status FROM reports WHERE id = ${report}`);
  let r = await put(`/${i.id}/reports/${report}`, M());
  assert.equal(r.status, 201, r.text);
  assert.deepEqual([r.body.id, r.body.title, r.body.status], [report, title, status]);
  const again = await put(`/${i.id}/reports/${report}`, D());
  assert.deepEqual([again.status, again.body], [200, r.body]);
  const [[second]] = await sql(`SELECT id FROM reports WHERE id <> ${report} ORDER BY id LIMIT 1`);
  assert.equal((await put(`/${i.id}/reports/${second}`, D())).status, 201, 'the team links reports');
  assertProblem(await put(`/${i.id}/reports/${second}`, token(other, ['member'])), 403);
  assertProblem(await put(`/${i.id}/reports/${second}`, O()), 403);
  assertProblem(await put(`/${i.id}/reports/999999999`, P()), 404);

  r = await put(`/${i.id}/themes/${themes[0]}`, M());
  assert.equal(r.status, 201, r.text);
  assert.equal(r.body.code, themes[0]);
  assert.ok(r.body.title && r.body.linked_at);
  assert.equal((await put(`/${i.id}/themes/${themes[0]}`, P())).status, 200);
  assert.equal((await put(`/${i.id}/themes/${themes[1]}`, P())).status, 201);
  assertProblem(await put(`/${i.id}/themes/${themes[1]}`, D()), 403); // the team does not link themes
  assertProblem(await put(`/${i.id}/themes/geen-bekend-thema`, M()), 404);
  assertProblem(await put(`/${i.id}/themes/Geen%20Slug`, M(), { direct: true }), 404);

  const g = await call('GET', `${BASE}/${i.id}`, { token: A(), expect: 200 });
  assert.deepEqual(g.body.reports.map((x) => x.id), [report, Number(second)].sort((a, b) => a - b));
  assert.deepEqual(g.body.themes.map((t) => t.code), themes);
  assert.deepEqual(g.body.theme_codes, themes);
  assert.equal(g.body.reports_count, 2);
  const byTheme = await call('GET', `${BASE}?theme_code=${themes[1]}&q=${RUN}&limit=500`, { token: M(), expect: 200 });
  assert.ok(byTheme.body.data.some((x) => x.id === i.id));

  assertProblem(await del(`/${i.id}/themes/${themes[1]}`, D()), 403);
  assert.equal((await del(`/${i.id}/themes/${themes[1]}`, M())).status, 204);
  assert.equal((await del(`/${i.id}/themes/${themes[1]}`, M())).status, 204, 'idempotent');
  assert.equal((await del(`/${i.id}/reports/${second}`, D())).status, 204);
  assert.equal((await del(`/${i.id}/reports/${second}`, P())).status, 204);
  const after = await call('GET', `${BASE}/${i.id}`, { token: M(), expect: 200 });
  assert.deepEqual([after.body.theme_codes, after.body.reports.map((x) => x.id)], [[themes[0]], [report]]);
});

test('the list: filters, sorts, keyset pages, updated_since; analysts see pseudonyms and may not filter by owner', async () => {
  const [x] = await activeMembers(1);
  const X = token(x, ['member']);
  const tag = `Lijst${RUN}`;
  const made = [];
  for (const [n, status] of [[1, 'idea'], [2, 'active'], [3, 'active'], [4, 'idea'], [5, 'active']])
    made.push(await start(X, { title: `${tag} ${n}`, status, department: n % 2 ? 'DPZ' : 'SZW' }));
  await patch(made[2].id, X, { status: 'completed' }, { 'if-match': '"1"' });
  const q = (query, tok = M()) => call('GET', `${BASE}?q=${tag}&limit=500&${query}`, { token: tok });
  const ids = (r) => r.body.data.map((i) => i.id);
  let r = await q('');
  assert.deepEqual(ids(r), made.map((i) => i.id).reverse(), 'newest first');
  r = await q('status=idea&status=completed');
  assert.deepEqual(ids(r).sort(), [made[0].id, made[2].id, made[3].id].sort());
  r = await q('status=active,completed');
  assert.deepEqual(ids(r).sort(), [made[1].id, made[2].id, made[4].id].sort());
  assertProblem(await call('GET', `${BASE}?status=bezig`, { token: M(), badInput: true }), 400);
  r = await q(`owner_id=${x}&department=DPZ`);
  assert.deepEqual(ids(r).sort(), [made[0].id, made[2].id, made[4].id].sort());
  r = await q('sort=-title');
  assert.deepEqual(r.body.data.map((i) => i.title), [5, 4, 3, 2, 1].map((n) => `${tag} ${n}`));
  // Pages of two cover all five exactly once, following next_cursor.
  const seen = [];
  let cursor = null;
  do {
    const page = await call('GET', `${BASE}?q=${tag}&sort=title&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
      token: M(),
      expect: 200,
    });
    seen.push(...ids(page));
    if (page.body.next_cursor) assert.match(page.headers.get('link'), /rel="next"/);
    cursor = page.body.next_cursor;
  } while (cursor);
  assert.deepEqual(seen, made.map((i) => i.id));
  r = await q('updated_since=2999-01-01T00:00:00Z');
  assert.deepEqual(r.body.data, []);
  // Analysts: pseudonyms, no member ids.
  r = await q('', A());
  assert.ok(r.body.data.every((i) => i.owner_id === null && i.owner_name === null && PSEUDONYM.test(i.owner_pseudonym)));
  assertProblem(await q(`owner_id=${x}`, A()), 403);
  // Exports: analysts and program managers only; analysts' without names.
  const csv = await q('format=csv', A());
  assert.equal(csv.status, 200);
  assert.match(csv.text, /^id,title,summary,status,department,owner_id,owner_name,owner_pseudonym,/);
  assert.equal(csv.text.trim().split('\r\n').length, 6);
  const [[name]] = await sql(`SELECT name FROM members WHERE id = ${x}`);
  assert.ok(!csv.text.includes(name), 'no owner names in an analyst export');
  const nd = await call('GET', `${BASE}?q=${tag}`, { token: P(), headers: { accept: 'application/x-ndjson' }, expect: 200 });
  assert.equal(nd.text.trim().split('\n').length, 5);
  assert.equal(JSON.parse(nd.text.split('\n')[0]).owner_name, name);
  assertProblem(await q('format=csv'), 403);
});

test('every write leaves an audit entry naming the actor', async () => {
  const i = await start();
  const { themes, report } = await seedTargets();
  await put(`/${i.id}/participants/1`, M(), { expect: 201 });
  await put(`/${i.id}/participants/1`, M(), { expect: 200 }); // nothing changed: no entry
  await put(`/${i.id}/reports/${report}`, D(), { expect: 201 });
  await put(`/${i.id}/themes/${themes[0]}`, M(), { expect: 201 });
  await patch(i.id, M(), { status: 'active' });
  const u = await call('POST', `${BASE}/${i.id}/updates`, { token: M(), body: { text: 'Gestart' }, expect: 201 });
  await del(`/${i.id}/themes/${themes[0]}`, P());
  await del(`/${i.id}/participants/1`, M());
  await del(`/${i.id}/participants/1`, M()); // gone already: no entry
  const rows = await sql(`SELECT entity, entity_id, action, actor, changes::text FROM audit_log
    WHERE (entity LIKE 'initiative%' AND entity_id = '${i.id}') OR (entity = 'initiative_update' AND entity_id = '${u.body.id}') ORDER BY id`);
  assert.deepEqual(rows.map(([entity, , action, actor]) => [entity, action, actor]), [
    ['initiative', 'create', 'member:1'],
    ['initiative_participant', 'link', 'member:1'],
    ['initiative_report', 'link', 'member:3'],
    ['initiative_theme', 'link', 'member:1'],
    ['initiative', 'update', 'member:1'],
    ['initiative_update', 'create', 'member:1'],
    ['initiative_theme', 'unlink', 'member:4'],
    ['initiative_participant', 'unlink', 'member:1'],
  ]);
  assert.deepEqual(JSON.parse(rows[2][4]), { report_id: report });
  assert.deepEqual(JSON.parse(rows[3][4]), { theme_code: themes[0] });
});

test('erasure: the member leaves every initiative; what they own or wrote stays under the erased name', async () => {
  const m = await createMember({ name: `Initiatiefnemer ${RUN}` });
  const T = token(m.id, ['member']);
  const own = await start(T, { title: `Eigen initiatief ${RUN}` });
  await call('POST', `${BASE}/${own.id}/updates`, { token: T, body: { text: 'Voortgang van de initiatiefnemer' }, expect: 201 });
  const other = await start();
  await put(`/${other.id}/participants/${m.id}`, T, { expect: 201 });
  assert.equal((await call('DELETE', `/api/v1/members/${m.id}`, { token: P() })).status, 204);
  const [[parts]] = await sql(`SELECT count(*) FROM initiative_participants WHERE member_id = ${m.id}`);
  assert.equal(parts, '0');
  const g = await call('GET', `${BASE}/${own.id}`, { token: P(), expect: 200 });
  assert.deepEqual([g.body.owner_id, g.body.owner_name], [m.id, 'Verwijderd lid']);
  const ups = await call('GET', `${BASE}/${own.id}/updates`, { token: P(), expect: 200 });
  assert.deepEqual(ups.body.data.map((u) => [u.author_name, u.text]), [['Verwijderd lid', 'Voortgang van de initiatiefnemer']]);
  const o = await call('GET', `${BASE}/${other.id}`, { token: P(), expect: 200 });
  assert.deepEqual(o.body.participants, []);
  // An erased member can no longer be added.
  assertProblem(await put(`/${other.id}/participants/${m.id}`, P()), 404);
});

test('the demo data: forty initiatives in all four states, with participants, updates and links', async () => {
  const [[n, states, parts, ups, reports, themes]] = await sql(`SELECT count(*), count(DISTINCT status),
    (SELECT count(*) FROM initiative_participants), (SELECT count(*) FROM initiative_updates),
    (SELECT count(*) FROM initiative_reports), (SELECT count(*) FROM initiative_themes)
    FROM initiatives WHERE id <= 40`);
  assert.equal(n, '40');
  assert.equal(states, '4');
  for (const x of [parts, ups, reports, themes]) assert.ok(Number(x) > 40, x);
  // A theme's initiatives address reports of that theme: the thread reads as a story.
  const [[unrelated]] = await sql(`SELECT count(*) FROM initiative_reports lr JOIN reports r ON r.id = lr.report_id
    WHERE lr.initiative_id <= 40 AND NOT EXISTS (SELECT 1 FROM initiative_themes lt
      WHERE lt.initiative_id = lr.initiative_id AND lt.theme_code = r.theme_code)`);
  assert.equal(unrelated, '0');
});
