// Complaint themes from the Ombudsman's office: PUT a theme and a period's
// count, a whole period as one all-or-nothing batch, exactly once under
// retries (fired concurrently, rows counted in the database), the list's
// totals and trend, months and quarters apart, and the thread.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { assertProblem, call, sql, TOKENS } from './lib.mjs';

const U = () => TOKENS.ombudsman();
const P = () => TOKENS.program_manager();
const RUN = Date.now().toString(36);
let n = 0;
/** A code no other test (or run) uses. */
const fresh = (what = 'thema') => `${what}-${RUN}-${++n}`;
const THEMES = '/api/v1/complaint-themes';
const put = (code, body, opts = {}) => call('PUT', `${THEMES}/${code}`, { token: U(), body, ...opts });
const putPeriod = (code, period, body, opts = {}) => call('PUT', `${THEMES}/${code}/periods/${period}`, { token: U(), body, ...opts });
const batch = (body, opts = {}) => call('POST', `${THEMES}/batch`, { token: U(), body, ...opts });
const count = async (query) => Number((await sql(query))[0][0]);
const auditOf = (code) => count(`SELECT count(*) FROM audit_log WHERE entity = 'complaint_theme' AND entity_id = '${code}'`);

test('PUT a theme: 201 new, 200 changed or the same (then nothing is written), audited with the client as actor', async () => {
  const code = fresh();
  const first = await put(code, { title: 'Wachttijd telefoon', description: 'Lang wachten op 14070' }, { expect: 201 });
  assert.equal(first.headers.get('location'), `${THEMES}/${code}`);
  assert.equal(first.headers.get('etag'), '"1"');
  assert.deepEqual([first.body.code, first.body.title, first.body.description], [code, 'Wachttijd telefoon', 'Lang wachten op 14070']);
  const same = await put(code, { description: 'Lang wachten op 14070', title: 'Wachttijd telefoon' }, { expect: 200 });
  assert.equal(same.headers.get('etag'), '"1"', 'the same data again makes no new version');
  assert.equal(await auditOf(code), 1);
  const changed = await put(code, { title: 'Lange wachttijd bij 14070' }, { expect: 200 });
  assert.equal(changed.headers.get('etag'), '"2"');
  assert.equal(changed.body.description, null, 'PUT replaces: a left-out description is cleared');
  const rows = await sql(`SELECT actor, action FROM audit_log WHERE entity = 'complaint_theme' AND entity_id = '${code}' ORDER BY id`);
  assert.deepEqual(rows, [['client:ombudsman', 'create'], ['client:ombudsman', 'update']]);
  // Program managers may push too; members, analysts and the team may not.
  await put(code, { title: 'Door de programmamanager' }, { token: P(), expect: 200 });
  for (const role of ['member', 'organizer', 'deregulation_team', 'analyst'])
    assertProblem(await put(code, { title: 'x' }, { token: TOKENS[role]() }), 403);
});

test('PUT a theme: bad codes and bodies are 422 and store nothing', async () => {
  for (const code of ['Geen-Slug', 'dubbel--streepje', '-voor', 'a'.repeat(65)]) {
    const r = await put(encodeURIComponent(code), { title: 'x' }, { badInput: true });
    assertProblem(r, 422);
    assert.deepEqual(r.body.errors.map((e) => e.field), ['code'], code);
  }
  const code = fresh();
  for (const [body, field] of [
    [{}, 'title'],
    [{ title: '  ' }, 'title'],
    [{ title: 'x'.repeat(201) }, 'title'],
    [{ title: 'x', kleur: 'rood' }, 'kleur'],
    [{ title: 'x', description: 5 }, 'description'],
  ]) {
    const r = await put(code, body, { badInput: true });
    assertProblem(r, 422);
    assert.deepEqual(r.body.errors.map((e) => e.field), [field], JSON.stringify(body));
  }
  assert.equal(await count(`SELECT count(*) FROM complaint_themes WHERE code = '${code}'`), 0);
});

test('PUT a period: 201 new, 200 otherwise; a month and a quarter are separate; unknown theme 404', async () => {
  const code = fresh();
  await put(code, { title: 'Afval en grofvuil' }, { expect: 201 });
  const m = await putPeriod(code, '2026-10', { complaint_count: 42, summary: 'Vooral grofvuil' }, { expect: 201 });
  assert.equal(m.headers.get('location'), `${THEMES}/${code}/periods/2026-10`);
  assert.deepEqual([m.body.theme_code, m.body.period, m.body.kind, m.body.complaint_count], [code, '2026-10', 'month', 42]);
  assert.equal((await putPeriod(code, '2026-10', { complaint_count: 42, summary: 'Vooral grofvuil' }, { expect: 200 })).headers.get('etag'), '"1"');
  assert.equal((await putPeriod(code, '2026-10', { complaint_count: 40 }, { expect: 200 })).body.summary, null);
  const q = await putPeriod(code, '2026-Q4', { complaint_count: 130 }, { expect: 201 });
  assert.equal(q.body.kind, 'quarter');
  assert.deepEqual(await sql(`SELECT period, kind, complaint_count FROM complaint_theme_periods WHERE theme_code = '${code}' ORDER BY kind, period`), [
    ['2026-10', 'month', '40'],
    ['2026-Q4', 'quarter', '130'],
  ]);
  assertProblem(await putPeriod(fresh('onbekend'), '2026-10', { complaint_count: 1 }), 404);
  for (const period of ['2026-13', '2026-Q5', '1999-12', '2026-1', '26-10', '2026-W44']) {
    const r = await putPeriod(code, period, { complaint_count: 1 }, { badInput: true });
    assertProblem(r, 422);
    assert.deepEqual(r.body.errors.map((e) => e.field), ['period'], period);
  }
  for (const body of [{ complaint_count: -1 }, { complaint_count: 1.5 }, { complaint_count: 1000001 }, {}, { complaint_count: '3' }])
    assertProblem(await putPeriod(code, '2026-09', body, { badInput: true }), 422);
  assert.equal(await count(`SELECT count(*) FROM complaint_theme_periods WHERE theme_code = '${code}'`), 2);
});

test('a batch is all or nothing: one bad theme stores nothing and the 422 names it', async () => {
  const [a, b, c] = [fresh(), fresh(), fresh()];
  const before = await count(`SELECT count(*) FROM audit_log`);
  const cases = [
    [[{ code: a, title: 'A', complaint_count: 1 }, { code: 'Geen Slug', title: 'B', complaint_count: 2 }], 'themes[1].code'],
    [[{ code: a, title: 'A', complaint_count: 1 }, { code: b, title: 'B', complaint_count: -2 }], 'themes[1].complaint_count'],
    [[{ code: a, title: 'A', complaint_count: 1 }, { code: b, complaint_count: 2 }], 'themes[1].title'], // new theme, no title
    [[{ code: a, title: 'A', complaint_count: 1 }, { code: c, title: 'C', complaint_count: 2 }, { code: a, title: 'A', complaint_count: 3 }], 'themes[2].code'],
    [[{ code: a, title: 'A', complaint_count: 1, kleur: 'rood' }], 'themes[0].kleur'],
  ];
  for (const [themes, field] of cases) {
    const r = await batch({ period: '2026-10', themes }, { badInput: true });
    assertProblem(r, 422);
    assert.deepEqual(r.body.errors.map((e) => e.field), [field], JSON.stringify(themes));
  }
  for (const body of [{ period: '2026-13', themes: [{ code: a, title: 'A', complaint_count: 1 }] }, { period: '2026-10', themes: [] }, { period: '2026-10' }])
    assertProblem(await batch(body, { badInput: true }), 422);
  assert.equal(await count(`SELECT count(*) FROM complaint_themes WHERE code IN ('${a}', '${b}', '${c}')`), 0);
  assert.equal(await count(`SELECT count(*) FROM audit_log`), before, 'no audit entry either');
});

test('a batch creates, changes and leaves alone, and says so per theme', async () => {
  const [known, fresh1] = [fresh(), fresh()];
  await put(known, { title: 'Bekend', description: 'Blijft staan' }, { expect: 201 });
  const r = await batch({
    period: '2026-09',
    themes: [
      { code: known, complaint_count: 12, summary: 'September' },
      { code: fresh1, title: 'Nieuw', complaint_count: 3 },
    ],
  }, { expect: 200 });
  assert.deepEqual(r.body.themes, [
    { code: known, theme: 'unchanged', count: 'created' },
    { code: fresh1, theme: 'created', count: 'created' },
  ]);
  assert.deepEqual([r.body.received, r.body.themes_created, r.body.counts_created, r.body.unchanged], [2, 1, 2, 0]);
  const thread = await call('GET', `${THEMES}/${known}`, { token: U(), expect: 200 });
  assert.equal(thread.body.description, 'Blijft staan', 'a left-out description is kept');
  // The same batch again changes nothing: no versions, no audit entries.
  const audit = await count(`SELECT count(*) FROM audit_log WHERE entity = 'complaint_theme'`);
  const again = await batch({ period: '2026-09', themes: [{ code: known, complaint_count: 12, summary: 'September' }, { code: fresh1, title: 'Nieuw', complaint_count: 3 }] }, { expect: 200 });
  assert.equal(again.body.unchanged, 2);
  assert.equal(await count(`SELECT count(*) FROM audit_log WHERE entity = 'complaint_theme'`), audit);
  const changed = await batch({ period: '2026-09', themes: [{ code: known, complaint_count: 13, summary: 'September' }, { code: fresh1, title: 'Nieuw!', description: null, complaint_count: 3 }] }, { expect: 200 });
  assert.deepEqual(changed.body.themes, [
    { code: known, theme: 'unchanged', count: 'changed' },
    { code: fresh1, theme: 'changed', count: 'unchanged' },
  ]);
});

test('the same PUT with the same Idempotency-Key 10 times at once: one result, the same answer each time', async () => {
  const code = fresh();
  const key = `put-${RUN}`;
  const sends = Array.from({ length: 10 }, () => put(code, { title: 'Tien keer', description: 'tegelijk' }, { headers: { 'idempotency-key': key } }));
  const answers = await Promise.all(sends);
  assert.deepEqual(answers.map((a) => a.status), Array(10).fill(201), 'every retry answers as the first did');
  assert.equal(new Set(answers.map((a) => a.text)).size, 1, 'byte for byte the same body');
  assert.equal(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true').length, 9);
  assert.equal(await count(`SELECT count(*) FROM complaint_themes WHERE code = '${code}'`), 1);
  assert.equal(await auditOf(code), 1);
  console.log(`# idempotency: 10 PUTs at once -> statuses ${[...new Set(answers.map((a) => a.status))]}, ${answers.filter((a) => a.headers.get('idempotent-replayed')).length} replays, 1 row, 1 audit entry`);
  // The same key with another body: 422; kept at least 24 hours.
  const other = await put(code, { title: 'Iets anders' }, { headers: { 'idempotency-key': key } });
  assertProblem(other, 422);
  assert.deepEqual(other.body.errors.map((e) => e.field), ['Idempotency-Key']);
  const hours = await count(`SELECT floor(extract(epoch FROM min(expires_at) - now()) / 3600) FROM idempotency_keys WHERE resource_key = '${code}'`);
  assert.ok(hours >= 23, `kept ${hours} more hours`);
});

test('the same batch with the same Idempotency-Key 10 times at once: stored once, answered the same', async () => {
  const codes = [fresh(), fresh(), fresh()];
  const body = { period: '2026-10', themes: codes.map((code, i) => ({ code, title: `Thema ${i}`, complaint_count: 10 + i })) };
  const key = `batch-${RUN}`;
  const answers = await Promise.all(Array.from({ length: 10 }, () => batch(body, { headers: { 'idempotency-key': key } })));
  assert.deepEqual(answers.map((a) => a.status), Array(10).fill(200));
  assert.equal(new Set(answers.map((a) => a.text)).size, 1);
  assert.equal(answers[0].body.themes_created, 3);
  const list = codes.map((c) => `'${c}'`).join(',');
  assert.equal(await count(`SELECT count(*) FROM complaint_themes WHERE code IN (${list})`), 3);
  assert.equal(await count(`SELECT count(*) FROM complaint_theme_periods WHERE theme_code IN (${list})`), 3);
  assert.equal(await count(`SELECT count(*) FROM audit_log WHERE entity = 'complaint_theme' AND entity_id IN (${list})`), 3);
  console.log(`# idempotency: 10 batches at once -> 3 themes, 3 counts, 3 audit entries, ${new Set(answers.map((a) => a.text)).size} distinct answer`);
  // Keys are per client: the same key from a program manager is a request of its own.
  const mine = await batch(body, { token: P(), headers: { 'idempotency-key': key }, expect: 200 });
  assert.equal(mine.headers.get('idempotent-replayed'), null);
  assert.equal(mine.body.unchanged, 3);
});

test('a key whose first request is still running is 409 with Retry-After; afterwards it replays', async () => {
  const code = fresh();
  await put(code, { title: 'Vast' }, { expect: 201 });
  // Another transaction holds the theme's row for 4 s: the first PUT waits on it.
  const holder = spawn('psql', ['-h', process.env.PG_SOCKET, '-p', process.env.PG_PORT, '-U', 'postgres', '-d', 'dna', '-qc',
    `BEGIN; SELECT 1 FROM complaint_themes WHERE code = '${code}' FOR UPDATE; SELECT pg_sleep(4); COMMIT;`], { stdio: 'ignore' });
  const held = new Promise((resolve) => holder.on('exit', resolve));
  // The lock is held once that transaction sleeps.
  const sleeping = () => count(`SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND query LIKE '%${code}%'`);
  for (let i = 0; i < 100 && (await sleeping()) === 0; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(await sleeping(), 1, 'the row is held');
  const key = `inflight-${RUN}`;
  // Straight to the server (no proxy that might reorder the two), the second
  // only once the first waits on the row inside its transaction.
  const first = put(code, { title: 'Na het wachten' }, { headers: { 'idempotency-key': key }, direct: true });
  const waiting = () => count(`SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO complaint_themes%'`);
  for (let i = 0; i < 100 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(await waiting(), 1, 'the first request waits on the row');
  const second = await put(code, { title: 'Na het wachten' }, { headers: { 'idempotency-key': key }, direct: true });
  assertProblem(second, 409);
  assert.equal(second.headers.get('retry-after'), '1');
  assert.equal((await first).status, 200);
  await held;
  const third = await put(code, { title: 'Na het wachten' }, { headers: { 'idempotency-key': key }, expect: 200 });
  assert.equal(third.headers.get('idempotent-replayed'), 'true');
  assert.equal(third.text, (await first).text);
});

test('the list: totals over the range, the trend against the range before, months and quarters apart', async () => {
  const tag = `lijst-${RUN}`;
  const [up, down] = [`${tag}-stijgt`, `${tag}-daalt`];
  await put(up, { title: 'Stijgt' }, { expect: 201 });
  await put(down, { title: 'Daalt' }, { expect: 201 });
  const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
  const upCounts = [1, 2, 3, 10, 20, 30];
  const downCounts = [40, 40, 40, 5, 5, 0];
  for (let i = 0; i < 6; i++)
    await batch({ period: months[i], themes: [{ code: up, complaint_count: upCounts[i] }, { code: down, complaint_count: downCounts[i] }] }, { expect: 200 });
  // A quarter is the office's own figure: never the sum of its months.
  await batch({ period: '2026-Q2', themes: [{ code: up, complaint_count: 999 }] }, { expect: 200 });
  const r = await call('GET', `${THEMES}?period_from=2026-04&period_to=2026-06&q=${tag}`, { token: U(), expect: 200 });
  const byCode = Object.fromEntries(r.body.data.map((t) => [t.code, t]));
  assert.deepEqual(r.body.data.map((t) => t.code), [up, down], 'most complaints first');
  const u = byCode[up];
  assert.deepEqual(
    [u.kind, u.period_from, u.period_to, u.previous_period_from, u.previous_period_to, u.periods_reported],
    ['month', '2026-04', '2026-06', '2026-01', '2026-03', 3]
  );
  assert.deepEqual([u.total_complaints, u.previous_total_complaints, u.change, u.change_percent, u.trend], [60, 6, 54, 900, 'up']);
  const d = byCode[down];
  assert.deepEqual([d.total_complaints, d.previous_total_complaints, d.change, d.change_percent, d.trend], [10, 120, -110, -91.7, 'down']);
  // Quarters: only the quarterly series; Q1 has none, so no percentage.
  const q = await call('GET', `${THEMES}?period_from=2026-Q2&period_to=2026-Q2&q=${tag}-stijgt`, { token: U(), expect: 200 });
  assert.deepEqual(
    [q.body.data[0].kind, q.body.data[0].total_complaints, q.body.data[0].previous_period_from, q.body.data[0].previous_total_complaints, q.body.data[0].change_percent, q.body.data[0].trend],
    ['quarter', 999, '2026-Q1', 0, null, 'up']
  );
  // One end only: twelve months up to it.
  const one = await call('GET', `${THEMES}?period_to=2026-06&q=${tag}-daalt`, { token: U(), expect: 200 });
  assert.deepEqual([one.body.data[0].period_from, one.body.data[0].total_complaints, one.body.data[0].previous_period_to], ['2025-07', 130, '2025-06']);
  // Sorting, paging and the export.
  const asc = await call('GET', `${THEMES}?period_from=2026-04&period_to=2026-06&q=${tag}&sort=total&limit=1`, { token: U(), expect: 200 });
  assert.equal(asc.body.data[0].code, down);
  const next = await call('GET', `${THEMES}?period_from=2026-04&period_to=2026-06&q=${tag}&sort=total&limit=1&cursor=${asc.body.next_cursor}`, { token: U(), expect: 200 });
  assert.deepEqual(next.body.data.map((t) => t.code), [up]);
  const csv = await call('GET', `${THEMES}?period_from=2026-04&period_to=2026-06&q=${tag}&format=csv`, { token: P(), expect: 200 });
  const lines = csv.text.trim().split(/\r?\n/);
  assert.equal(lines[0], 'code,title,description,created_at,updated_at,kind,period_from,period_to,periods_reported,total_complaints,previous_period_from,previous_period_to,previous_total_complaints,change,change_percent,trend');
  assert.match(lines[1], new RegExp(`^${up},Stijgt,,[0-9TZ:-]+,[0-9TZ:-]+,month,2026-04,2026-06,3,60,2026-01,2026-03,6,54,900.0,up$`));
  assertProblem(await call('GET', `${THEMES}?format=csv`, { token: U() }), 403);
  // Bad ranges: 400 naming the parameter.
  for (const [query, field] of [
    ['period_from=2026-Q1&period_to=2026-06', 'period_to'],
    ['period_from=2026-06&period_to=2026-01', 'period_to'],
    ['period_from=2026-13', 'period_from'],
    ['period_to=2026-Q5', 'period_to'],
  ]) {
    const bad = await call('GET', `${THEMES}?${query}`, { token: U(), badInput: true });
    assertProblem(bad, 400);
    assert.deepEqual(bad.body.errors.map((e) => e.field), [field], query);
  }
});

test('the thread: counts, reports, insights and initiatives of one theme, in one answer', async () => {
  const code = fresh('draad');
  await put(code, { title: 'Onbegrijpelijke brieven', description: 'Brieven die niemand snapt' }, { expect: 201 });
  await batch({ period: '2026-08', themes: [{ code, complaint_count: 20, summary: 'Augustus' }] }, { expect: 200 });
  await batch({ period: '2026-09', themes: [{ code, complaint_count: 14 }] }, { expect: 200 });
  await batch({ period: '2026-Q3', themes: [{ code, complaint_count: 50 }] }, { expect: 200 });
  // What staff reported: a report the team links to the theme.
  const report = await call('POST', '/api/v1/reports', {
    token: TOKENS.member(),
    body: {
      title: `Brief over kwijtschelding ${RUN}`, description: 'Niemand begrijpt de brief.', procedure: 'Kwijtschelding',
      impact: 'Bellers met vragen', department: 'DPZ', category: 'communication', anonymous: false,
    },
    expect: 201,
  });
  await call('PATCH', `/api/v1/reports/${report.body.id}`, { token: TOKENS.deregulation_team(), body: { theme_code: code }, expect: 200 });
  // What was learned: an insight from a listening session.
  const session = await call('POST', '/api/v1/sessions', {
    token: TOKENS.organizer(),
    body: { kind: 'listening', title: `Luistersessie ${RUN}`, starts_at: '2026-09-10T13:00:00Z', ends_at: '2026-09-10T15:00:00Z', partner: 'Haagse Ombudsman' },
    expect: 201,
  });
  const insight = await call('POST', `/api/v1/sessions/${session.body.id}/insights`, { token: TOKENS.organizer(), body: { text: 'Schrijf op B1-niveau.', theme_code: code }, expect: 201 });
  // What is being done: an initiative linked to the theme.
  const initiative = await call('POST', '/api/v1/initiatives', {
    token: TOKENS.member(),
    body: { title: `Brieven op B1 ${RUN}`, summary: 'Alle standaardbrieven herschrijven.', department: 'DPZ' },
    expect: 201,
  });
  await call('PUT', `/api/v1/initiatives/${initiative.body.id}/themes/${code}`, { token: TOKENS.member(), expect: 201 });
  for (const who of [U(), TOKENS.analyst(), TOKENS.member()]) {
    const t = await call('GET', `${THEMES}/${code}`, { token: who, expect: 200 });
    assert.equal(t.headers.get('etag'), '"1"');
    assert.deepEqual(t.body.periods.map((p) => [p.period, p.kind, p.complaint_count]), [['2026-08', 'month', 20], ['2026-09', 'month', 14], ['2026-Q3', 'quarter', 50]]);
    assert.deepEqual(t.body.reports.map((r) => [r.id, r.status, r.department]), [[report.body.id, 'new', 'DPZ']]);
    assert.deepEqual(t.body.insights.map((i) => [i.id, i.text, i.session.id, i.session.partner]), [[insight.body.id, 'Schrijf op B1-niveau.', session.body.id, 'Haagse Ombudsman']]);
    assert.deepEqual(t.body.initiatives.map((i) => [i.id, i.status]), [[initiative.body.id, 'idea']]);
    assert.ok(!JSON.stringify(t.body).includes('reporter'), 'nobody is named');
  }
  assertProblem(await call('GET', `${THEMES}/${fresh('bestaat-niet')}`, { token: U() }), 404);
  assertProblem(await call('GET', `${THEMES}/Geen%20Slug`, { token: U(), badInput: true }), 404);
});
