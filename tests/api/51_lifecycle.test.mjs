// The report lifecycle over HTTP: every from -> to pair (allowed and
// forbidden, with what a 409 lists), the fields each target needs, duplicates
// (not itself, existing, no cycles), triage defaults, reopening, history and
// audit, If-Match, who may transition, and two transitions racing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertProblem, sql } from './lib.mjs';
import { api, ARROWS, bodyFor, fieldsOf, fileReport, pathTo, RUN, STATUSES, T, walk } from './reports_lib.mjs';

const transition = (id, body, opts = {}) =>
  api('POST', `/api/v1/reports/${id}/transitions`, { token: T.team, body, ...opts });

let target; // a report that duplicates may point at

test('setup: a report to be the original of duplicates', async () => {
  target = await fileReport(T.member, { title: `Origineel ${RUN}` });
});

for (const from of STATUSES) {
  test(`every pair from ${from}: allowed ones succeed, the others are 409 listing what is allowed`, async () => {
    for (const to of STATUSES) {
      const r0 = await fileReport(T.member, { title: `Paar ${from}>${to} ${RUN}` });
      await walk(r0.id, pathTo(from, target.id));
      const r = await transition(r0.id, bodyFor(to, target.id));
      if (ARROWS[from].includes(to)) {
        assert.equal(r.status, 200, `${from} -> ${to}: ${r.text.slice(0, 300)}`);
        assert.equal(r.body.status, to);
      } else {
        assertProblem(r, 409);
        assert.deepEqual([...r.body.allowed].sort(), [...ARROWS[from]].sort(), `${from} -> ${to}`);
        assert.equal(r.body.current_status, from);
        const now = await api('GET', `/api/v1/reports/${r0.id}`, { token: T.team, expect: 200 });
        assert.equal(now.body.status, from, 'a refused transition changes nothing');
      }
    }
  });
}

test('required fields: resolution, note, duplicate_of; fields of other targets are refused', async () => {
  const r = await fileReport(T.member, { title: `Velden ${RUN}` });
  let x = await transition(r.id, { to: 'rejected' });
  assertProblem(x, 422);
  assert.deepEqual(fieldsOf(x), ['note']);
  x = await transition(r.id, { to: 'rejected', note: '   ' });
  assertProblem(x, 422);
  assert.deepEqual(fieldsOf(x), ['note']);
  x = await transition(r.id, { to: 'triaged', resolution: 'x' });
  assertProblem(x, 422);
  assert.deepEqual(fieldsOf(x), ['resolution']);
  await walk(r.id, [{ to: 'triaged' }]);
  x = await transition(r.id, { to: 'in_progress', priority: 'high' });
  assertProblem(x, 422);
  assert.deepEqual(fieldsOf(x), ['priority']);
  await walk(r.id, [{ to: 'in_progress' }]);
  x = await transition(r.id, { to: 'resolved' });
  assertProblem(x, 422);
  assert.deepEqual(fieldsOf(x), ['resolution']);
  await walk(r.id, [{ to: 'resolved', resolution: 'Klaar.' }]);
  const fresh = await fileReport(T.member, { title: `Velden dubbel ${RUN}` });
  x = await transition(fresh.id, { to: 'duplicate' });
  assertProblem(x, 422);
  assert.deepEqual(fieldsOf(x), ['duplicate_of']);
  // Malformed bodies.
  for (const body of [{}, { to: 'closed' }, { to: 'triaged', triage_week: '2026-W60' }, { to: 'triaged', priority: 'asap' }, { to: 'triaged', extra: 1 }, { to: 'duplicate', duplicate_of: 'x' }]) {
    assertProblem(await transition(r.id, body, { badInput: true }), 422);
  }
  assertProblem(await transition(999999999, { to: 'triaged' }), 404);
});

test('duplicates: an existing other report, never itself, never a cycle', async () => {
  // Straight from new: the team's most common move after triage.
  const a = await fileReport(T.member, { title: `Dubbel A ${RUN}` });
  const b = await fileReport(T.member, { title: `Dubbel B ${RUN}` });
  const c = await fileReport(T.member, { title: `Dubbel C ${RUN}` });
  let x = await transition(a.id, { to: 'duplicate', duplicate_of: a.id });
  assertProblem(x, 422);
  assert.deepEqual(fieldsOf(x), ['duplicate_of']);
  x = await transition(a.id, { to: 'duplicate', duplicate_of: 999999999 });
  assertProblem(x, 422);
  assert.deepEqual(fieldsOf(x), ['duplicate_of']);
  // a -> b, b -> c; then c -> a would close the circle.
  x = await transition(a.id, { to: 'duplicate', duplicate_of: b.id });
  assert.equal(x.status, 200, x.text);
  assert.equal(x.body.duplicate_of, b.id);
  x = await transition(b.id, { to: 'duplicate', duplicate_of: c.id });
  assert.equal(x.status, 200, x.text);
  x = await transition(c.id, { to: 'duplicate', duplicate_of: a.id });
  assertProblem(x, 422);
  assert.deepEqual(fieldsOf(x), ['duplicate_of']);
  x = await transition(c.id, { to: 'duplicate', duplicate_of: b.id });
  assertProblem(x, 422);
  // Reopening b breaks the chain; then c may point at a.
  x = await transition(b.id, { to: 'triaged' });
  assert.equal(x.status, 200);
  assert.equal(x.body.duplicate_of, null);
  x = await transition(c.id, { to: 'duplicate', duplicate_of: a.id });
  assert.equal(x.status, 200, x.text);
});

test('duplicates: two reports marked duplicates of each other at once: one wins', async () => {
  const a = await fileReport(T.member, { title: `Race A ${RUN}` });
  const b = await fileReport(T.member, { title: `Race B ${RUN}` });
  await walk(a.id, pathTo('triaged'));
  await walk(b.id, pathTo('triaged'));
  const [x, y] = await Promise.all([
    transition(a.id, { to: 'duplicate', duplicate_of: b.id }),
    transition(b.id, { to: 'duplicate', duplicate_of: a.id }),
  ]);
  assert.deepEqual([x.status, y.status].sort(), [200, 422]);
  assert.deepEqual(await sql(`SELECT count(*) FROM reports WHERE id IN (${a.id}, ${b.id}) AND status = 'duplicate'`), [['1']]);
});

test('triage sets the week (default: the current one) and the priority (default: normal)', async () => {
  const week = (await sql(`SELECT iso_week(now())`))[0][0];
  const a = await fileReport(T.member, { title: `Week ${RUN}` });
  let x = await transition(a.id, { to: 'triaged' }, { expect: 200 });
  assert.deepEqual([x.body.triage_week, x.body.priority], [week, 'normal']);
  const b = await fileReport(T.member, { title: `Week gegeven ${RUN}` });
  x = await transition(b.id, { to: 'triaged', triage_week: '2026-W05', priority: 'urgent', note: 'Spoed' }, { expect: 200 });
  assert.deepEqual([x.body.triage_week, x.body.priority], ['2026-W05', 'urgent']);
  // Reopen: the resolution goes, a week and priority come again.
  await walk(b.id, [{ to: 'in_progress' }, { to: 'resolved', resolution: 'Gedaan.' }]);
  x = await api('GET', `/api/v1/reports/${b.id}`, { token: T.member });
  assert.equal(x.body.resolution, 'Gedaan.');
  assert.match(x.body.closed_at, /Z$/);
  x = await transition(b.id, { to: 'triaged', priority: 'low' });
  assert.equal(x.status, 200);
  assert.deepEqual([x.body.status, x.body.resolution, x.body.closed_at, x.body.triage_week, x.body.priority], ['triaged', null, null, week, 'low']);
});

test('history: one entry per transition (who, when, from, to, note), plus the filing; audit too', async () => {
  const r = await fileReport(T.member, { title: `Historie ${RUN}` });
  await walk(r.id, [{ to: 'triaged', note: 'Besproken' }, { to: 'in_progress' }, { to: 'resolved', resolution: 'Regel geschrapt.', note: 'Top' }]);
  await api('POST', `/api/v1/reports/${r.id}/transitions`, { token: T.manager, body: { to: 'triaged', note: 'Toch niet opgelost' }, expect: 200 });
  const h = await api('GET', `/api/v1/reports/${r.id}/history`, { token: T.member });
  assert.equal(h.status, 200, h.text);
  assert.deepEqual(
    h.body.data.map((e) => [e.from, e.to, e.note, e.actor_id]),
    [
      [null, 'new', null, null],
      ['new', 'triaged', 'Besproken', 3],
      ['triaged', 'in_progress', null, 3],
      ['in_progress', 'resolved', 'Top', 3],
      ['resolved', 'triaged', 'Toch niet opgelost', 4],
    ]
  );
  assert.equal(h.body.data[3].resolution, 'Regel geschrapt.');
  assert.ok(h.body.data.every((e) => /Z$/.test(e.at)));
  assert.equal(typeof h.body.data[1].actor_name, 'string');
  const desc = await api('GET', `/api/v1/reports/${r.id}/history?sort=-at&limit=2`, { token: T.member });
  assert.deepEqual(desc.body.data.map((e) => e.to), ['triaged', 'resolved']);
  assert.equal(typeof desc.body.next_cursor, 'string');
  const a = await api('GET', `/api/v1/reports/${r.id}/history`, { token: T.analyst });
  assert.ok(a.body.data.slice(1).every((e) => e.actor_id === null && e.actor_name === null && /^m-/.test(e.actor_pseudonym)));
  assertProblem(await api('GET', `/api/v1/reports/${r.id}/history`, { token: T.ombudsman }), 403);
  assertProblem(await api('GET', '/api/v1/reports/999999999/history', { token: T.member }), 404);
  const audit = await sql(`SELECT actor, changes->>'from', changes->>'to' FROM audit_log WHERE entity = 'report' AND entity_id = '${r.id}' AND action = 'transition' ORDER BY id`);
  assert.deepEqual(audit, [
    ['member:3', 'new', 'triaged'],
    ['member:3', 'triaged', 'in_progress'],
    ['member:3', 'in_progress', 'resolved'],
    ['member:4', 'resolved', 'triaged'],
  ]);
});

test('If-Match: a stale ETag is 412 and changes nothing; the current one passes', async () => {
  const r = await fileReport(T.member, { title: `Etag ${RUN}` });
  const x = await transition(r.id, { to: 'triaged' }, { headers: { 'if-match': '"7"' } });
  assertProblem(x, 412);
  assert.equal((await api('GET', `/api/v1/reports/${r.id}`, { token: T.member })).body.status, 'new');
  const ok = await transition(r.id, { to: 'triaged' }, { headers: { 'if-match': '"1"' } });
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get('etag'), '"2"');
});

test('who may: the deregulation team and program managers; nobody else', async () => {
  const r = await fileReport(T.member, { title: `Rechten ${RUN}` });
  for (const tok of [T.member, T.organizer, T.analyst, T.ombudsman, T.other]) assertProblem(await transition(r.id, { to: 'triaged' }, { token: tok }), 403);
  assertProblem(await api('POST', `/api/v1/reports/${r.id}/transitions`, { body: { to: 'triaged' }, badInput: true }), 401);
  assert.equal((await transition(r.id, { to: 'triaged' }, { token: T.manager })).status, 200);
  assert.equal((await transition(r.id, { to: 'in_progress' }, { token: T.team })).status, 200);
});

test('two transitions racing on one report: exactly one happens', async () => {
  const r = await fileReport(T.member, { title: `Race ${RUN}` });
  const answers = await Promise.all(Array.from({ length: 8 }, () => transition(r.id, { to: 'triaged' })));
  assert.deepEqual(answers.map((x) => x.status).sort(), [200, 409, 409, 409, 409, 409, 409, 409]);
  assert.deepEqual(await sql(`SELECT count(*) FROM report_history WHERE report_id = ${r.id} AND to_status = 'triaged'`), [['1']]);
});
