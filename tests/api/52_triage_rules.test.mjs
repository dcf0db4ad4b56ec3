// The weekly triage agenda and the rule register.
//
// Agenda semantics under test (see src/triage.c): `escalated` holds the new
// reports filed more than 14 days ago, `overdue` those filed more than 7 but
// at most 14 days ago, and `new` ALL untriaged reports (the escalated and
// overdue ones included, as api.md says "all untriaged"), most supported
// first, then oldest first. `in_progress` is ordered by priority; `closed`
// holds what was resolved, rejected or marked duplicate in that week.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activeMembers, assertProblem, sql, token } from './lib.mjs';
import { api, ETAG, fieldsOf, fileReport, makeDepartment, RUN, T, walk } from './reports_lib.mjs';

const made = {};
const idsIn = (list, mine) => list.map((r) => r.id).filter((id) => mine.includes(id));

test('triage: escalated, overdue and new, each in agenda order', async () => {
  const escalated = await fileReport(T.member, { title: `Escalatie ${RUN}` });
  const overdue = await fileReport(T.member, { title: `Te laat ${RUN}` });
  const popular = await fileReport(T.member, { title: `Populair ${RUN}` });
  const fresh = await fileReport(T.member, { title: `Vers ${RUN}` });
  const older = await fileReport(T.member, { title: `Ouder vers ${RUN}` });
  await sql(`UPDATE reports SET created_at = now() - interval '20 days' WHERE id = ${escalated.id}`);
  await sql(`UPDATE reports SET created_at = now() - interval '10 days' WHERE id = ${overdue.id}`);
  await sql(`UPDATE reports SET created_at = now() - interval '2 days' WHERE id = ${older.id}`);
  const supporters = await activeMembers(3);
  for (const m of supporters) await api('PUT', `/api/v1/reports/${popular.id}/support`, { token: token(m, ['member']), expect: 200 });
  await api('PUT', `/api/v1/reports/${overdue.id}/support`, { token: token(supporters[0], ['member']), expect: 200 });
  const mine = [escalated.id, overdue.id, popular.id, fresh.id, older.id];
  made.mine = mine;
  const r = await api('GET', '/api/v1/triage', { token: T.team });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.week, (await sql(`SELECT iso_week(now())`))[0][0]);
  assert.match(r.body.starts_on, /^\d{4}-\d\d-\d\d$/);
  assert.match(r.body.ends_on, /^\d{4}-\d\d-\d\d$/);
  assert.deepEqual(idsIn(r.body.escalated, mine), [escalated.id]);
  assert.deepEqual(idsIn(r.body.overdue, mine), [overdue.id]);
  // new: most supported first (3, 1), then oldest first (20 days, 2 days, today).
  assert.deepEqual(idsIn(r.body.new, mine), [popular.id, overdue.id, escalated.id, older.id, fresh.id]);
  assert.ok(r.body.new.every((x) => x.status === 'new'));
  for (let i = 1; i < r.body.new.length; i++) {
    const [p, q] = [r.body.new[i - 1], r.body.new[i]];
    assert.ok(p.supporters_count > q.supporters_count || (p.supporters_count === q.supporters_count && p.created_at <= q.created_at), 'ordered');
  }
  assert.ok(r.body.escalated.every((x) => x.escalated && x.overdue));
  assert.ok(r.body.overdue.every((x) => x.overdue && !x.escalated));
  // Once triaged, a report leaves the three lists.
  await walk(escalated.id, [{ to: 'triaged' }]);
  const after = await api('GET', '/api/v1/triage', { token: T.team });
  assert.deepEqual(idsIn(after.body.escalated, mine), []);
  assert.ok(!idsIn(after.body.new, mine).includes(escalated.id));
});

test('triage: in progress by priority, and what the week closed', async () => {
  const [low, urgent, closing, rejecting] = [
    await fileReport(T.member, { title: `Laag ${RUN}` }),
    await fileReport(T.member, { title: `Urgent ${RUN}` }),
    await fileReport(T.member, { title: `Sluit ${RUN}` }),
    await fileReport(T.member, { title: `Afwijzen ${RUN}` }),
  ];
  await walk(low.id, [{ to: 'triaged', priority: 'low' }, { to: 'in_progress' }]);
  await walk(urgent.id, [{ to: 'triaged', priority: 'urgent' }, { to: 'in_progress' }]);
  await walk(closing.id, [{ to: 'triaged' }, { to: 'in_progress' }, { to: 'resolved', resolution: 'Gedaan.' }]);
  await walk(rejecting.id, [{ to: 'rejected', note: 'Geen regel.' }]);
  const mine = [low.id, urgent.id, closing.id, rejecting.id];
  const r = await api('GET', '/api/v1/triage', { token: T.manager });
  assert.deepEqual(idsIn(r.body.in_progress, mine), [urgent.id, low.id]);
  assert.deepEqual(idsIn(r.body.closed, mine), [closing.id, rejecting.id]);
  assert.ok(r.body.closed.every((x) => ['resolved', 'rejected', 'duplicate'].includes(x.status)));
  // Another week closed none of these.
  const other = await api('GET', '/api/v1/triage?week=2020-W10', { token: T.manager });
  assert.equal(other.status, 200);
  assert.equal(other.body.week, '2020-W10');
  assert.equal(other.body.starts_on, '2020-03-02');
  assert.equal(other.body.ends_on, '2020-03-08');
  assert.deepEqual(idsIn(other.body.closed, mine), []);
  // Closed this week, reopened: not closed any more.
  await walk(rejecting.id, [{ to: 'triaged' }]);
  const again = await api('GET', '/api/v1/triage', { token: T.manager });
  assert.deepEqual(idsIn(again.body.closed, mine), [closing.id]);
});

test('triage: roles and the analysts view', async () => {
  const r = await api('GET', '/api/v1/triage', { token: T.analyst });
  assert.equal(r.status, 200);
  const all = [...r.body.escalated, ...r.body.overdue, ...r.body.new, ...r.body.in_progress, ...r.body.closed];
  assert.ok(all.length > 0);
  assert.ok(all.every((x) => x.reporter_id === null && x.reporter_name === null && x.assignee_name === null));
  const team = await api('GET', '/api/v1/triage', { token: T.team });
  assert.ok([...team.body.new].some((x) => x.reporter_id === 1), 'the team sees reporters');
  for (const tok of [T.member, T.organizer, T.ombudsman]) assertProblem(await api('GET', '/api/v1/triage', { token: tok }), 403);
  for (const q of ['week=2026-48', 'week=2026-W54', 'week=2025-W53', 'week=x', 'day=1', 'week=2026-W01&week=2026-W02'])
    assertProblem(await api('GET', `/api/v1/triage?${q}`, { badInput: true, token: T.team }), 400);
  assert.equal((await api('GET', '/api/v1/triage?week=2026-W53', { token: T.team })).status, 200);
});

// ---- the rule register -------------------------------------------------------

test('rules: create (team, program managers), with Location and ETag', async () => {
  const dept = await makeDepartment('R2');
  made.dept = dept;
  const r = await api('POST', '/api/v1/rules', {
    token: T.team,
    body: { title: `Drie handtekeningen ${RUN}`, source_type: 'work_instruction', reference: 'Werkinstructie WI-12', department: dept, description: 'Elke aanvraag drie keer tekenen.' },
  });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.headers.get('location'), `/api/v1/rules/${r.body.id}`);
  assert.match(r.headers.get('etag'), ETAG);
  assert.deepEqual(
    [r.body.title, r.body.source_type, r.body.reference, r.body.department, r.body.outcome, r.body.outcome_note, r.body.reports_count],
    [`Drie handtekeningen ${RUN}`, 'work_instruction', 'Werkinstructie WI-12', dept, 'open', null, 0]
  );
  assert.deepEqual(r.body.reports, []);
  made.rule = r.body;
  const p = await api('POST', '/api/v1/rules', {
    token: T.manager,
    body: { title: `Legesverordening ${RUN}`, source_type: 'regulation', department: dept, outcome: 'retained', outcome_note: 'Wettelijk verplicht.' },
  });
  assert.equal(p.status, 201, p.text);
  made.rule2 = p.body;
  const law = await api('POST', '/api/v1/rules', { token: T.team, body: { title: `Participatiewet ${RUN}`, source_type: 'law', department: dept }, expect: 201 });
  made.rule3 = law.body;
  assert.deepEqual(await sql(`SELECT actor FROM audit_log WHERE entity = 'rule' AND entity_id = '${r.body.id}'`), [['member:3']]);
});

test('rules: validation and rights', async () => {
  const bad = [
    [{ title: 'x', source_type: 'law', outcome: 'abolished' }, ['outcome_note']],
    [{ title: 'x', source_type: 'law', outcome: 'simplified', outcome_note: ' ' }, ['outcome_note']],
    [{ title: 'x', source_type: 'rumour' }, ['source_type']],
    [{ title: 'x', source_type: 'law', outcome: 'gone' }, ['outcome']],
    [{ title: 'x', source_type: 'law', department: 'NOSUCH' }, ['department']],
    [{ source_type: 'law' }, ['title']],
    [{ title: 'x', source_type: 'law', owner: 'x' }, ['owner']],
  ];
  for (const [body, fields] of bad) {
    const r = await api('POST', '/api/v1/rules', { badInput: true, token: T.team, body });
    assertProblem(r, 422);
    assert.deepEqual(fieldsOf(r), fields, JSON.stringify(body));
  }
  for (const tok of [T.member, T.organizer, T.analyst, T.ombudsman])
    assertProblem(await api('POST', '/api/v1/rules', { token: tok, body: { title: 'x', source_type: 'law' } }), 403);
  assertProblem(await api('PATCH', `/api/v1/rules/${made.rule.id}`, { token: T.member, body: { title: 'x' } }), 403);
  assertProblem(await api('GET', '/api/v1/rules/999999999', { token: T.member }), 404);
  assertProblem(await api('GET', '/api/v1/rules', { token: T.ombudsman }), 403);
});

test('rules: PATCH with If-Match; an outcome other than open needs its reasons', async () => {
  const path = `/api/v1/rules/${made.rule.id}`;
  let r = await api('PATCH', path, { token: T.team, body: { outcome: 'simplified' } });
  assertProblem(r, 422);
  assert.deepEqual(fieldsOf(r), ['outcome_note']);
  r = await api('PATCH', path, { token: T.team, body: { outcome: 'simplified', outcome_note: 'Eén handtekening volstaat.' }, headers: { 'if-match': '"1"' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.headers.get('etag'), '"2"');
  assert.deepEqual([r.body.outcome, r.body.outcome_note], ['simplified', 'Eén handtekening volstaat.']);
  assertProblem(await api('PATCH', path, { token: T.team, body: { title: 'x' }, headers: { 'if-match': '"1"' } }), 412);
  // Clearing the note of a decided rule is refused; back to open, it may go.
  assertProblem(await api('PATCH', path, { token: T.manager, body: { outcome_note: null } }), 422);
  r = await api('PATCH', path, { token: T.manager, body: { outcome: 'open', outcome_note: null, reference: null } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.body.outcome, r.body.outcome_note, r.body.reference], ['open', null, null]);
  assertProblem(await api('PATCH', path, { badInput: true, token: T.team, body: { title: null } }), 422);
  assertProblem(await api('PATCH', '/api/v1/rules/999999999', { token: T.team, body: { title: 'x' } }), 404);
});

test('rules: a rule shows its linked reports with their statuses; the list sorts by report count', async () => {
  const a = await fileReport(T.member, { title: `Regelmelding A ${RUN}` });
  const b = await fileReport(T.member, { title: `Regelmelding B ${RUN}` });
  const c = await fileReport(T.member, { title: `Regelmelding C ${RUN}` });
  for (const x of [a, b]) await api('PATCH', `/api/v1/reports/${x.id}`, { token: T.team, body: { rule_id: made.rule2.id }, expect: 200 });
  await api('PATCH', `/api/v1/reports/${c.id}`, { token: T.team, body: { rule_id: made.rule.id }, expect: 200 });
  await walk(b.id, [{ to: 'rejected', note: 'Wettelijk.' }]);
  const g = await api('GET', `/api/v1/rules/${made.rule2.id}`, { token: T.analyst });
  assert.equal(g.status, 200);
  assert.equal(g.body.reports_count, 2);
  assert.deepEqual(g.body.reports, [
    { id: a.id, title: `Regelmelding A ${RUN}`, status: 'new' },
    { id: b.id, title: `Regelmelding B ${RUN}`, status: 'rejected' },
  ]);
  const list = async (q) => {
    const r = await api('GET', `/api/v1/rules?department=${made.dept}&${q}`, { token: T.member });
    assert.equal(r.status, 200, r.text);
    return r.body.data.map((x) => x.id);
  };
  assert.deepEqual(await list(''), [made.rule2.id, made.rule.id, made.rule3.id]);
  assert.deepEqual(await list('sort=-reports_count'), [made.rule2.id, made.rule.id, made.rule3.id]);
  assert.deepEqual(await list('sort=reports_count'), [made.rule3.id, made.rule.id, made.rule2.id]);
  assert.deepEqual(await list('sort=title'), [made.rule.id, made.rule2.id, made.rule3.id]);
  assert.deepEqual(await list('outcome=retained'), [made.rule2.id]);
  assert.deepEqual(await list('source_type=law'), [made.rule3.id]);
  assert.deepEqual(await list(`q=${encodeURIComponent('wi-12')}`), []); // the reference was cleared above
  assert.deepEqual(await list(`q=handtekening`), [made.rule.id]);
  assert.deepEqual(await list(`q=${encodeURIComponent('100%_')}`), []);
  // Pages of one, in report-count order.
  const first = await api('GET', `/api/v1/rules?department=${made.dept}&limit=1`, { token: T.member, expect: 200 });
  const second = await api('GET', `/api/v1/rules?department=${made.dept}&limit=1&cursor=${first.body.next_cursor}`, { token: T.member });
  assert.deepEqual([first.body.data[0].id, second.body.data[0].id], [made.rule2.id, made.rule.id]);
  for (const q of ['outcome=x', 'source_type=x', 'sort=-title2', 'foo=1']) assertProblem(await api('GET', `/api/v1/rules?${q}`, { badInput: true, token: T.member }), 400);
  const csv = await api('GET', `/api/v1/rules?department=${made.dept}&format=csv`, { token: T.manager });
  assert.equal(csv.status, 200);
  assert.equal(csv.text.trim().split('\r\n').length, 4);
});
