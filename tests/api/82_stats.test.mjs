// Statistics against a small hand-made data set whose right answers are
// written here: everything happens in the first quarter of 2001 (the demo
// data starts in 2024), in two departments made for the test. Gaps are zero
// rows; analysts see no count of 1 to 4 people; CSV like every collection.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { assertProblem, call, sql, TOKENS } from './lib.mjs';

const P = () => TOKENS.program_manager();
const A = () => TOKENS.analyst();
const RANGE = 'from=2001-01-01&to=2001-03-31';
const TAG = Date.now().toString(36).toUpperCase().slice(-6);
const DEPT = `ST${TAG}`; // six members, eight reports, two sessions
const SMALL = `SM${TAG}`; // two members: too few to show an analyst
const THEME = `stats-${TAG.toLowerCase()}`;
const stat = (path, token = P()) => call('GET', `/api/v1/stats/${path}`, { token, expect: 200 });
const rowOf = (body, key, value) => body.data.find((r) => r[key] === value);
const ids = (rows) => rows.filter(([v]) => /^\d+$/.test(v)).map(([v]) => Number(v));

let members, reports, rule;

before(async () => {
  await sql(`INSERT INTO departments (code, name, staff_count) VALUES ('${DEPT}', 'Statistiekdienst', 100), ('${SMALL}', 'Kleine dienst', 40)`);
  members = ids(await sql(`INSERT INTO members (name, email, department_id, joined_at, active)
    SELECT 'Statisticus ' || g, 'stat.' || g || '.${TAG.toLowerCase()}@denhaag.example', (SELECT id FROM departments WHERE code = '${DEPT}'),
      CASE WHEN g <= 2 THEN DATE '2001-01-10' ELSE DATE '2001-02-05' END, g <> 6
    FROM generate_series(1, 6) g ORDER BY g RETURNING id`));
  await sql(`INSERT INTO members (name, email, department_id, joined_at)
    SELECT 'Klein ' || g, 'klein.' || g || '.${TAG.toLowerCase()}@denhaag.example', (SELECT id FROM departments WHERE code = '${SMALL}'), DATE '2001-03-01'
    FROM generate_series(1, 2) g`);
  await sql(`INSERT INTO complaint_themes (code, title) VALUES ('${THEME}', 'Statistiekthema')`);
  await sql(`INSERT INTO complaint_theme_periods (theme_code, period, complaint_count) VALUES ('${THEME}', '2001-01', 10), ('${THEME}', '2001-02', 20), ('${THEME}', '2001-Q1', 999)`);
  rule = ids(await sql(`INSERT INTO rules (title, source_type) VALUES ('Statistiekregel ${TAG}', 'policy') RETURNING id`))[0];
  // Reports, all by the first member, about DEPT. Times in UTC (winter: Amsterdam is UTC+1).
  const report = (created, category, status, closed, triaged) => `INSERT INTO reports (title, description, procedure, department_id, category,
      reporter_id, status, priority, triage_week, resolution, closed_at, created_at, theme_code, rule_id)
    VALUES ('Statistiekmelding', 'Hand gemaakt', 'Test', (SELECT id FROM departments WHERE code = '${DEPT}'), '${category}', ${members[0]},
      '${status}', ${triaged ? "'normal'" : 'NULL'}, ${triaged ? "'2001-W01'" : 'NULL'}, ${status === 'resolved' ? "'Opgelost'" : 'NULL'},
      ${closed ? `'${closed}'` : 'NULL'}, '${created}', '${THEME}', ${category === 'other' ? 'NULL' : rule}) RETURNING id`;
  const r1 = ids(await sql(report('2001-01-03 09:00Z', 'form', 'resolved', '2001-01-13 09:00Z', true)))[0];
  const r2 = ids(await sql(report('2001-01-04 09:00Z', 'form', 'resolved', '2001-02-03 09:00Z', true)))[0];
  const r3 = ids(await sql(report('2001-02-12 09:00Z', 'it_system', 'new', null, false)))[0];
  const rest = [];
  for (let i = 0; i < 5; i++) rest.push(ids(await sql(report('2001-02-12 10:00Z', 'other', 'new', null, false)))[0]);
  reports = [r1, r2, r3, ...rest];
  // Their history: r1 left `new` after 2 days, r2 after 4.
  await sql(`INSERT INTO report_history (report_id, at, from_status, to_status) VALUES
    (${r1}, '2001-01-03 09:00Z', NULL, 'new'), (${r1}, '2001-01-05 09:00Z', 'new', 'triaged'), (${r1}, '2001-01-13 09:00Z', 'triaged', 'resolved'),
    (${r2}, '2001-01-04 09:00Z', NULL, 'new'), (${r2}, '2001-01-08 09:00Z', 'new', 'triaged'), (${r2}, '2001-02-03 09:00Z', 'triaged', 'resolved')`);
  // Two sessions: six registered at the first (five attended, ratings 5 4 4 3 5), two at the second (one attended, rating 2).
  const [s1] = ids(await sql(`INSERT INTO sessions (kind, title, starts_at, ends_at) VALUES ('inspiration', 'Stat ${TAG}', '2001-01-20 14:00Z', '2001-01-20 16:00Z') RETURNING id`));
  const [s2] = ids(await sql(`INSERT INTO sessions (kind, title, starts_at, ends_at) VALUES ('listening', 'Stat ${TAG}', '2001-02-15 14:00Z', '2001-02-15 16:00Z') RETURNING id`));
  await sql(`INSERT INTO session_registrations (session_id, member_id, status, attended)
    SELECT ${s1}, m, 'registered', m <> ${members[5]} FROM unnest(ARRAY[${members}]::bigint[]) m`);
  await sql(`INSERT INTO session_feedback (session_id, member_id, rating)
    SELECT ${s1}, m, r FROM unnest(ARRAY[${members.slice(0, 5)}]::bigint[], ARRAY[5, 4, 4, 3, 5]) AS u(m, r)`);
  await sql(`INSERT INTO session_registrations (session_id, member_id, status, attended) VALUES (${s2}, ${members[0]}, 'registered', true), (${s2}, ${members[1]}, 'registered', false)`);
  await sql(`INSERT INTO session_feedback (session_id, member_id, rating) VALUES (${s2}, ${members[0]}, 2)`);
});

test('reports per month: filed, resolved and the medians, a zero row for a month without any', async () => {
  const r = await stat(`reports?group_by=month&${RANGE}`);
  assert.deepEqual([r.body.from, r.body.to, r.body.group_by], ['2001-01-01', '2001-03-31', 'month']);
  const pick = (row) => [row.month, row.reports_filed, row.reports_resolved, row.median_days_to_resolve, row.median_days_to_triage, row.suppressed];
  assert.deepEqual(r.body.data.map(pick), [
    ['2001-01', 2, 1, 10, 3, []], // r1 and r2 filed; r1 resolved after 10 days; triage after 2 and 4 days
    ['2001-02', 6, 1, 30, null, []], // r2 resolved after 30 days; nothing left `new`
    ['2001-03', 0, 0, null, null, []],
  ]);
});

test('reports per ISO week, category, status and department', async () => {
  const weeks = (await stat(`reports?group_by=week&${RANGE}`)).body.data;
  assert.equal(weeks.length, 13);
  assert.deepEqual(weeks.slice(0, 2).map((w) => w.week), ['2001-W01', '2001-W02']);
  assert.deepEqual([rowOf({ data: weeks }, 'week', '2001-W01').reports_filed, rowOf({ data: weeks }, 'week', '2001-W02').reports_resolved, rowOf({ data: weeks }, 'week', '2001-W07').reports_filed], [2, 1, 6]);
  const cats = (await stat(`reports?group_by=category&${RANGE}`)).body;
  assert.deepEqual(cats.data.map((c) => c.category), ['procedure', 'regulation', 'it_system', 'form', 'communication', 'other']);
  assert.deepEqual(['form', 'it_system', 'other', 'procedure'].map((c) => [rowOf(cats, 'category', c).reports_filed, rowOf(cats, 'category', c).reports_resolved]), [[2, 2], [1, 0], [5, 0], [0, 0]]);
  assert.equal(rowOf(cats, 'category', 'form').median_days_to_resolve, 20);
  const statuses = (await stat(`reports?group_by=status&${RANGE}`)).body;
  assert.deepEqual([rowOf(statuses, 'status', 'new').reports_filed, rowOf(statuses, 'status', 'resolved').reports_filed, rowOf(statuses, 'status', 'rejected').reports_filed], [6, 2, 0]);
  const depts = (await stat(`reports?group_by=department&${RANGE}`)).body;
  assert.deepEqual([rowOf(depts, 'department', DEPT).reports_filed, rowOf(depts, 'department', SMALL).reports_filed, rowOf(depts, 'department', 'DPZ').reports_filed], [8, 0, 0]);
});

test('analysts: a count of 1 to 4 people is null and named in suppressed; program managers see it', async () => {
  const r = await stat(`reports?group_by=month&${RANGE}`, A());
  assert.deepEqual(r.body.data[0], {
    month: '2001-01', reports_filed: null, reports_resolved: null, median_days_to_resolve: null, median_days_to_triage: null,
    suppressed: ['reports_filed', 'reports_resolved', 'median_days_to_resolve', 'median_days_to_triage'],
  });
  assert.deepEqual([r.body.data[1].reports_filed, r.body.data[1].reports_resolved, r.body.data[1].suppressed], [6, null, ['reports_resolved', 'median_days_to_resolve']]);
  assert.deepEqual(r.body.data[2].suppressed, [], 'zero is not a small group');
  const net = await stat(`network?${RANGE}`, A());
  const small = rowOf(net.body, 'department', SMALL);
  assert.deepEqual([small.members, small.active_members, small.share_of_staff_reached_percent, small.staff_count], [null, null, null, 40]);
  assert.ok(small.suppressed.includes('members'));
  const seen = rowOf((await stat(`network?${RANGE}`, P())).body, 'department', SMALL);
  assert.deepEqual([seen.members, seen.share_of_staff_reached_percent, seen.suppressed], [2, 5, []]);
});

test('sessions per month and kind: attendance rate and average rating from the people who were there', async () => {
  const m = (await stat(`sessions?${RANGE}`)).body.data;
  const pick = (r) => [r.month, r.sessions, r.sessions_held, r.registrations, r.attended, r.attendance_rate_percent, r.feedback_count, r.average_rating];
  assert.deepEqual(m.map(pick), [
    ['2001-01', 1, 1, 6, 5, 83.3, 5, 4.2],
    ['2001-02', 1, 1, 2, 1, 50, 1, 2],
    ['2001-03', 0, 0, 0, 0, null, 0, null],
  ]);
  const k = (await stat(`sessions?group_by=kind&${RANGE}`, A())).body;
  assert.deepEqual([rowOf(k, 'kind', 'inspiration').registrations, rowOf(k, 'kind', 'inspiration').average_rating], [6, 4.2]);
  const l = rowOf(k, 'kind', 'listening');
  assert.deepEqual([l.sessions, l.registrations, l.attended, l.attendance_rate_percent, l.average_rating], [1, null, null, null, null]);
  assert.deepEqual(rowOf(k, 'kind', 'workshop').sessions, 0);
});

test('members per month and department, and the network per department', async () => {
  const m = (await stat(`members?${RANGE}`)).body.data;
  assert.deepEqual(m.map((r) => [r.month, r.joined, r.members_total, r.active_total]), [
    ['2001-01', 2, 2, 2],
    ['2001-02', 4, 6, 5],
    ['2001-03', 2, 8, 7],
  ]);
  const d = rowOf((await stat(`members?group_by=department&${RANGE}`)).body, 'department', DEPT);
  assert.deepEqual([d.joined, d.members_total, d.active_total], [6, 6, 5]);
  const n = rowOf((await stat(`network?${RANGE}`)).body, 'department', DEPT);
  assert.deepEqual(
    [n.department_name, n.staff_count, n.members, n.active_members, n.share_of_staff_reached_percent, n.sessions_attended, n.members_attending, n.reports_filed_by_members, n.reports_about_department, n.initiatives_owned],
    ['Statistiekdienst', 100, 6, 5, 6, 6, 5, 8, 8, 0]
  );
  const all = (await stat(`network?${RANGE}`)).body.data.map((r) => r.department);
  assert.ok(all.includes('JUR') && all.includes(SMALL), 'every department is a row, those with nothing too');
});

test('themes, rules and the overview over the range', async () => {
  const t = rowOf((await stat(`themes?${RANGE}`)).body, 'code', THEME);
  assert.deepEqual([t.complaints, t.months_reported, t.reports_linked, t.reports_resolved, t.initiatives_linked], [30, 2, 8, 2, 0], 'months only: the quarter is another series');
  const byRule = rowOf((await stat(`rules?group_by=rule&${RANGE}`)).body, 'rule_id', rule);
  assert.deepEqual([byRule.reports, byRule.reports_resolved, byRule.reports_open], [3, 2, 1]);
  const open = rowOf((await stat(`rules?${RANGE}`)).body, 'outcome', 'open');
  assert.deepEqual([open.reports, open.reports_resolved, open.reports_open], [3, 2, 1]);
  const o = (await stat(`overview?${RANGE}`)).body;
  assert.deepEqual(
    [o.from, o.to, o.sessions_held, o.attendance_rate_percent, o.reports_filed, o.reports_resolved, o.median_days_to_resolve, o.median_days_to_triage],
    ['2001-01-01', '2001-03-31', 2, 75, 8, 2, 20, 3]
  );
  assert.deepEqual(o.reports_by_status, { new: 6, triaged: 0, in_progress: 0, resolved: 2, rejected: 0, duplicate: 0 });
  assert.deepEqual(Object.keys(o.initiatives_by_status), ['idea', 'active', 'completed', 'stopped']);
  const oa = (await stat(`overview?${RANGE}`, A())).body;
  assert.deepEqual([oa.reports_by_status.resolved, oa.reports_resolved, oa.reports_filed], [null, null, 8]);
});

test('CSV like every collection, for whoever may read the figures; bad ranges and groupings are 400', async () => {
  const csv = await call('GET', `/api/v1/stats/reports?group_by=month&${RANGE}&format=csv`, { token: TOKENS.deregulation_team(), expect: 200 });
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  assert.deepEqual(csv.text.trim().split(/\r?\n/), [
    'month,reports_filed,reports_resolved,median_days_to_resolve,median_days_to_triage,suppressed',
    '2001-01,2,1,10.0,3.0,',
    '2001-02,6,1,30.0,,',
    '2001-03,0,0,,,',
  ]);
  const nd = await call('GET', `/api/v1/stats/sessions?${RANGE}&format=ndjson`, { token: A(), expect: 200 });
  assert.deepEqual(nd.text.trim().split('\n').map((l) => JSON.parse(l).month), ['2001-01', '2001-02', '2001-03']);
  for (const [path, field] of [
    ['reports?group_by=year', 'group_by'],
    ['overview?group_by=month', 'group_by'],
    ['reports?from=2001-03-01&to=2001-01-01', 'from'],
    ['reports?from=1990-01-01&to=2001-01-01', 'from'],
    ['reports?from=2001-02-30', 'from'],
    ['members?to=tomorrow', 'to'],
  ]) {
    const r = await call('GET', `/api/v1/stats/${path}`, { token: P(), badInput: true });
    assertProblem(r, 400);
    assert.deepEqual(r.body.errors.map((e) => e.field), [field], path);
  }
  // Who may read what (api.md): the team reads reports, themes and rules; organizers sessions.
  assertProblem(await call('GET', '/api/v1/stats/network', { token: TOKENS.deregulation_team() }), 403);
  assertProblem(await call('GET', '/api/v1/stats/sessions', { token: TOKENS.member() }), 403);
  await call('GET', '/api/v1/stats/sessions', { token: TOKENS.organizer(), expect: 200 });
});
