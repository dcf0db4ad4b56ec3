// Sessions: plan, change, cancel; registrations with a waitlist, exact under
// concurrency (enforced by the database); attendance; feedback once per
// attendee; insights; what analysts see; exports; the audit trail.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activeMembers, assertProblem, call, sql, token, TOKENS } from './lib.mjs';

const O = () => TOKENS.organizer();
const P = () => TOKENS.program_manager();
const A = () => TOKENS.analyst();
const M = () => TOKENS.member(); // demo member 1
const RUN = Date.now().toString(36);
const hour = 3600 * 1000;
const at = (ms) => new Date(Date.now() + ms).toISOString().replace(/\.\d+Z$/, 'Z');

async function plan(fields = {}) {
  const body = {
    kind: 'inspiration',
    title: `Inspiratiesessie ${RUN}`,
    starts_at: at(48 * hour),
    ends_at: at(50 * hour),
    location: 'Stadhuis, Atrium',
    capacity: 30,
    host_id: 2,
    ...fields,
  };
  const r = await call('POST', '/api/v1/sessions', { token: O(), body, expect: 201 });
  return r.body;
}

const register = (id, tok, body = {}) => call('POST', `/api/v1/sessions/${id}/registrations`, { token: tok, body });
const positions = async (id) =>
  (await call('GET', `/api/v1/sessions/${id}/registrations?status=waitlisted&limit=500`, { token: P(), expect: 200 })).body.data.map(
    (r) => [r.member_id, r.position]
  );

/** `n` fresh active members (inserted directly: the API tests of members live elsewhere). */
async function freshMembers(n) {
  const rows = await sql(`INSERT INTO members (name, email, department_id)
    SELECT 'Deelnemer ' || g || ' ${RUN}', 'deelnemer.' || g || '.${RUN}@denhaag.example', (SELECT id FROM departments WHERE code = 'DPZ')
    FROM generate_series(1, ${n}) g RETURNING id`);
  // psql also prints the command tag (INSERT 0 n) after the rows.
  return rows.filter(([id]) => /^\d+$/.test(id)).map(([id]) => Number(id));
}

test('plan: 201 with Location, ETag, counts and no registration of the caller; rules of the fields', async () => {
  const s = await plan({ partner: 'Haagse Ombudsman', kind: 'listening' });
  assert.equal(s.status, 'upcoming');
  assert.deepEqual([s.registered_count, s.waitlist_count, s.seats_left, s.my_registration], [0, 0, 30, null]);
  assert.equal(s.partner, 'Haagse Ombudsman');
  assert.equal(s.host_name, 'Demo Organisator');
  assert.equal(s.host_pseudonym, null);
  const g = await call('GET', `/api/v1/sessions/${s.id}`, { token: M(), expect: 200 });
  assert.equal(g.headers.get('etag'), '"1"');
  // In the past is fine (history); the end after the start; capacity 1..10,000.
  await plan({ starts_at: '2025-03-01T13:00:00Z', ends_at: '2025-03-01T15:00:00Z' });
  for (const [fields, field] of [
    [{ ends_at: at(47 * hour) }, 'ends_at'],
    [{ capacity: 0 }, 'capacity'],
    [{ capacity: 10001 }, 'capacity'],
    [{ kind: 'feest' }, 'kind'],
    [{ host_id: 999999999 }, 'host_id'],
    [{ starts_at: 'morgen' }, 'starts_at'],
  ]) {
    const r = await call('POST', '/api/v1/sessions', {
      token: O(),
      body: { kind: 'workshop', title: 'x', starts_at: at(48 * hour), ends_at: at(50 * hour), ...fields },
      badInput: true,
    });
    assertProblem(r, 422);
    assert.deepEqual(r.body.errors.map((e) => e.field), [field]);
  }
  const unlimited = await plan({ capacity: null });
  assert.equal(unlimited.seats_left, null);
  assertProblem(await call('POST', '/api/v1/sessions', { token: M(), body: { kind: 'workshop', title: 'x', starts_at: at(1), ends_at: at(2) } }), 403);
});

test('the waitlist: beyond capacity in order; a cancellation moves the first up; positions 1..n', async () => {
  const s = await plan({ capacity: 2 });
  const [a, b, c, d] = await activeMembers(4);
  const answers = [];
  // The first with no body at all (curl -X POST …/registrations), the others with {}.
  answers.push((await call('POST', `/api/v1/sessions/${s.id}/registrations`, { token: token(a, ['member']), expect: 201 })).body);
  for (const m of [b, c, d]) answers.push((await register(s.id, token(m, ['member']))).body);
  assert.deepEqual(answers.map((x) => [x.status, x.position]), [['registered', null], ['registered', null], ['waitlisted', 1], ['waitlisted', 2]]);
  const mine = await call('GET', `/api/v1/sessions/${s.id}`, { token: token(d, ['member']), expect: 200 });
  assert.deepEqual(mine.body.my_registration, { status: 'waitlisted', position: 2 });
  assert.deepEqual([mine.body.registered_count, mine.body.waitlist_count, mine.body.seats_left], [2, 2, 0]);
  // Twice is 409.
  assertProblem(await register(s.id, token(a, ['member'])), 409);
  // a cancels: c moves up, d becomes first in line.
  assert.equal((await call('DELETE', `/api/v1/sessions/${s.id}/registrations/${a}`, { token: token(a, ['member']) })).status, 204);
  assert.deepEqual(await positions(s.id), [[d, 1]]);
  const c2 = await call('GET', `/api/v1/sessions/${s.id}`, { token: token(c, ['member']), expect: 200 });
  assert.deepEqual(c2.body.my_registration, { status: 'registered', position: null });
  // A member cannot cancel someone else's; an organizer can.
  assertProblem(await call('DELETE', `/api/v1/sessions/${s.id}/registrations/${b}`, { token: token(c, ['member']) }), 403);
  assertProblem(await call('DELETE', `/api/v1/sessions/${s.id}/registrations/${a}`, { token: O() }), 404);
  // a comes back: at the end of the line.
  const back = await register(s.id, token(a, ['member']));
  assert.deepEqual([back.status, back.body.status, back.body.position], [201, 'waitlisted', 2]);
});

test('capacity: a larger one moves the waitlist up in order; a smaller one unregisters nobody', async () => {
  const s = await plan({ capacity: 1 });
  const ms = await activeMembers(4);
  for (const m of ms) await register(s.id, token(m, ['member']));
  let r = await call('PATCH', `/api/v1/sessions/${s.id}`, { token: O(), body: { capacity: 3 }, headers: { 'if-match': '"1"' }, expect: 200 });
  assert.deepEqual([r.body.registered_count, r.body.waitlist_count, r.body.seats_left], [3, 1, 0]);
  assert.deepEqual(await positions(s.id), [[ms[3], 1]]);
  r = await call('PATCH', `/api/v1/sessions/${s.id}`, { token: O(), body: { capacity: 1 }, expect: 200 });
  assert.deepEqual([r.body.registered_count, r.body.waitlist_count, r.body.seats_left], [3, 1, 0], 'nobody is unregistered');
  r = await call('PATCH', `/api/v1/sessions/${s.id}`, { token: O(), body: { capacity: null }, expect: 200 });
  assert.deepEqual([r.body.registered_count, r.body.waitlist_count, r.body.seats_left], [4, 0, null]);
  const stale = await call('PATCH', `/api/v1/sessions/${s.id}`, { token: O(), body: { title: 'x' }, headers: { 'if-match': '"1"' } });
  assertProblem(stale, 412);
});

test('200 simultaneous registrations for 30 seats: exactly 30 registered, 170 waitlisted at 1..170', async () => {
  const s = await plan({ capacity: 30 });
  const ids = await freshMembers(200);
  const answers = await Promise.all(ids.map((m) => register(s.id, token(m, ['member']))));
  assert.deepEqual([...new Set(answers.map((r) => r.status))], [201], JSON.stringify(answers.find((r) => r.status !== 201)?.body));
  const [[registered, waitlisted]] = await sql(`SELECT count(*) FILTER (WHERE status = 'registered'),
    count(*) FILTER (WHERE status = 'waitlisted') FROM session_registrations WHERE session_id = ${s.id}`);
  assert.deepEqual([registered, waitlisted], ['30', '170']);
  const pos = (await positions(s.id)).map(([, p]) => p).sort((x, y) => x - y);
  assert.deepEqual(pos, Array.from({ length: 170 }, (_, i) => i + 1));
  // What each was told matches the database.
  assert.equal(answers.filter((r) => r.body.status === 'registered').length, 30);
  assert.deepEqual(answers.filter((r) => r.body.status === 'waitlisted').map((r) => r.body.position).sort((x, y) => x - y),
    Array.from({ length: 170 }, (_, i) => i + 1));
  console.log(`# concurrency: 200 at once for 30 seats -> ${registered} registered, ${waitlisted} waitlisted at 1..${pos.length}`);

  // 50 simultaneous cancellations of registered members: no seat stays free
  // while anyone waits, and the waitlist stays 1..n.
  const registeredIds = (await sql(`SELECT member_id FROM session_registrations WHERE session_id = ${s.id} AND status = 'registered'`)).map(([m]) => Number(m));
  const waitingIds = (await sql(`SELECT member_id FROM session_registrations WHERE session_id = ${s.id} AND status = 'waitlisted' ORDER BY queued LIMIT 20`)).map(([m]) => Number(m));
  const leaving = [...registeredIds.slice(0, 30), ...waitingIds];
  const gone = await Promise.all(leaving.map((m) => call('DELETE', `/api/v1/sessions/${s.id}/registrations/${m}`, { token: token(m, ['member']) })));
  assert.deepEqual([...new Set(gone.map((r) => r.status))], [204]);
  const [[reg2, wait2]] = await sql(`SELECT count(*) FILTER (WHERE status = 'registered'),
    count(*) FILTER (WHERE status = 'waitlisted') FROM session_registrations WHERE session_id = ${s.id}`);
  assert.deepEqual([reg2, wait2], ['30', String(170 - 20 - 30)]);
  const pos2 = (await positions(s.id)).map(([, p]) => p).sort((x, y) => x - y);
  assert.deepEqual(pos2, Array.from({ length: 120 }, (_, i) => i + 1));
  console.log(`# concurrency: 50 cancellations at once -> ${reg2} registered, ${wait2} waitlisted at 1..${pos2.length}`);
});

test('members may not register for a cancelled or started session; organizers register walk-ins', async () => {
  const [m1, m2] = await activeMembers(2);
  const started = await plan({ starts_at: at(-hour), ends_at: at(hour) });
  assertProblem(await register(started.id, token(m1, ['member'])), 409);
  const walkIn = await register(started.id, O(), { member_id: m1 });
  assert.equal(walkIn.status, 201);
  assertProblem(await register(started.id, token(m2, ['member']), { member_id: m1 }), 403);
  const s = await plan();
  const c = await call('POST', `/api/v1/sessions/${s.id}/cancel`, { token: O(), expect: 200 });
  assert.equal(c.body.status, 'cancelled');
  assert.equal((await call('POST', `/api/v1/sessions/${s.id}/cancel`, { token: O() })).status, 200, 'again: no change');
  assertProblem(await register(s.id, token(m2, ['member'])), 409);
  assertProblem(await register(s.id, O(), { member_id: m2 }), 409);
  assertProblem(await register(s.id, A()), 403);
  const cancelled = await call('GET', `/api/v1/sessions?status=cancelled&q=${RUN}&limit=500`, { token: M(), expect: 200 });
  assert.ok(cancelled.body.data.some((x) => x.id === s.id));
});

test('attendance from the start, registered members only; feedback by attendees, once', async () => {
  const [x, y, z] = await activeMembers(3);
  const future = await plan();
  await register(future.id, token(x, ['member']));
  assertProblem(await call('PUT', `/api/v1/sessions/${future.id}/attendance`, { token: O(), body: { attended: [x] } }), 409);
  const s = await plan({ starts_at: at(-3 * hour), ends_at: at(-hour) });
  for (const m of [x, y]) await register(s.id, O(), { member_id: m });
  const bad = await call('PUT', `/api/v1/sessions/${s.id}/attendance`, { token: O(), body: { attended: [x, z] } });
  assertProblem(bad, 422);
  assert.match(bad.body.errors[0].message, new RegExp(String(z)));
  const ok = await call('PUT', `/api/v1/sessions/${s.id}/attendance`, { token: O(), body: { attended: [x] }, expect: 200 });
  assert.deepEqual([ok.body.attended, ok.body.count], [[x], 1]);
  // Feedback: attendee x once; y registered but absent; z not registered.
  const fb = await call('POST', `/api/v1/sessions/${s.id}/feedback`, { token: token(x, ['member']), body: { rating: 4, comment: 'Inspirerend' }, expect: 201 });
  assert.equal(fb.body.rating, 4);
  assertProblem(await call('POST', `/api/v1/sessions/${s.id}/feedback`, { token: token(x, ['member']), body: { rating: 5 } }), 409);
  assertProblem(await call('POST', `/api/v1/sessions/${s.id}/feedback`, { token: token(y, ['member']), body: { rating: 5 } }), 403);
  assertProblem(await call('POST', `/api/v1/sessions/${s.id}/feedback`, { token: token(z, ['member']), body: { rating: 5 } }), 403);
  assertProblem(await call('POST', `/api/v1/sessions/${s.id}/feedback`, { token: token(x, ['member']), body: { rating: 6 }, badInput: true }), 422);
  const summary = await call('GET', `/api/v1/sessions/${s.id}/feedback`, { token: O(), expect: 200 });
  assert.deepEqual([summary.body.average_rating, summary.body.count], [4, 1]);
  assert.equal(summary.body.items[0].member_id, x);
  // Analysts: ratings and comments without who wrote them; exports without comment text.
  const an = await call('GET', `/api/v1/sessions/${s.id}/feedback`, { token: A(), expect: 200 });
  assert.deepEqual([an.body.items[0].member_id, an.body.items[0].member_name, an.body.items[0].comment], [null, null, 'Inspirerend']);
  const csv = await call('GET', `/api/v1/sessions/${s.id}/feedback?format=csv`, { token: A(), expect: 200 });
  assert.ok(!csv.text.includes('Inspirerend'), 'no comment text in an analyst export');
  const pcsv = await call('GET', `/api/v1/sessions/${s.id}/feedback?format=csv`, { token: P(), expect: 200 });
  assert.ok(pcsv.text.includes('Inspirerend'));
  // Unregistering clears attendance; then the feedback... stays as given.
});

test('insights: organizers record them (theme code a slug); everyone reads; analysts see pseudonyms', async () => {
  const s = await plan({ kind: 'listening', partner: 'Klantcontactcentrum 14070' });
  const i = await call('POST', `/api/v1/sessions/${s.id}/insights`, {
    token: O(),
    body: { text: 'Bewoners bellen drie keer voor dezelfde vraag.', theme_code: 'bereikbaarheid-14070' },
    expect: 201,
  });
  assert.equal(i.body.theme_code, 'bereikbaarheid-14070');
  assertProblem(await call('POST', `/api/v1/sessions/${s.id}/insights`, { token: O(), body: { text: 'x', theme_code: 'Niet Goed' }, badInput: true }), 422);
  // A code must name a complaint theme.
  const unknown = await call('POST', `/api/v1/sessions/${s.id}/insights`, { token: O(), body: { text: 'x', theme_code: 'geen-bekend-thema' } });
  assertProblem(unknown, 422);
  assert.deepEqual(unknown.body.errors.map((e) => e.field), ['theme_code']);
  assertProblem(await call('POST', `/api/v1/sessions/${s.id}/insights`, { token: M(), body: { text: 'x' } }), 403);
  assertProblem(await call('POST', '/api/v1/sessions/999999999/insights', { token: O(), body: { text: 'x' } }), 404);
  const list = await call('GET', `/api/v1/sessions/${s.id}/insights`, { token: M(), expect: 200 });
  assert.equal(list.body.data.length, 1);
  assert.equal(list.body.data[0].author_id, 2);
  const an = await call('GET', `/api/v1/sessions/${s.id}/insights`, { token: A(), expect: 200 });
  assert.equal(an.body.data[0].author_id, null);
  assert.match(an.body.data[0].author_pseudonym, /^m-[0-9a-f]{16}$/);
});

test('lists: my sessions, filters, analysts see pseudonyms and may not filter by host id; exports', async () => {
  const s = await plan({ title: `Mijn sessie ${RUN}` });
  await register(s.id, M());
  const mine = await call('GET', `/api/v1/sessions?registered=true&limit=500`, { token: M(), expect: 200 });
  const found = mine.body.data.find((x) => x.id === s.id);
  assert.deepEqual(found.my_registration, { status: 'registered', position: null });
  assert.ok(mine.body.data.every((x) => x.my_registration !== null));
  const byKind = await call('GET', `/api/v1/sessions?kind=inspiration&status=upcoming&q=${encodeURIComponent(`Mijn sessie ${RUN}`)}`, { token: M(), expect: 200 });
  assert.deepEqual(byKind.body.data.map((x) => x.id), [s.id]);
  const win = await call('GET', `/api/v1/sessions?from=${encodeURIComponent(at(47 * hour))}&to=${encodeURIComponent(at(49 * hour))}&limit=500`, { token: M(), expect: 200 });
  assert.ok(win.body.data.some((x) => x.id === s.id));
  const an = await call('GET', `/api/v1/sessions/${s.id}`, { token: A(), expect: 200 });
  assert.deepEqual([an.body.host_id, an.body.host_name], [null, null]);
  assert.match(an.body.host_pseudonym, /^m-[0-9a-f]{16}$/);
  assertProblem(await call('GET', '/api/v1/sessions?host_id=2', { token: A() }), 403);
  const regs = await call('GET', `/api/v1/sessions/${s.id}/registrations?format=csv`, { token: A(), expect: 200 });
  assert.ok(!regs.text.includes('Demo Lid'), 'analysts export pseudonyms');
  assert.match(regs.text, /m-[0-9a-f]{16}/);
  const csv = await call('GET', `/api/v1/sessions?format=csv&q=${RUN}`, { token: P(), expect: 200 });
  assert.match(csv.text, /^id,kind,title,/);
  assertProblem(await call('GET', '/api/v1/sessions?format=csv', { token: M() }), 403);
  assertProblem(await call('GET', `/api/v1/sessions/${s.id}/registrations`, { token: M() }), 403);
});

test('every write leaves an audit entry naming the actor', async () => {
  const s = await plan();
  const [m] = await activeMembers(1);
  await register(s.id, token(m, ['member']));
  await call('DELETE', `/api/v1/sessions/${s.id}/registrations/${m}`, { token: token(m, ['member']), expect: 204 });
  await call('PATCH', `/api/v1/sessions/${s.id}`, { token: O(), body: { capacity: 10 }, expect: 200 });
  await call('POST', `/api/v1/sessions/${s.id}/cancel`, { token: O(), expect: 200 });
  const rows = await sql(`SELECT entity, action, actor FROM audit_log WHERE entity_id = '${s.id}' AND entity LIKE 'session%' ORDER BY id`);
  assert.deepEqual(rows, [
    ['session', 'create', 'member:2'],
    ['session_registration', 'create', `member:${m}`],
    ['session_registration', 'delete', `member:${m}`],
    ['session', 'update', 'member:2'],
    ['session', 'cancel', 'member:2'],
  ]);
});
