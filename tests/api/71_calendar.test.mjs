// Calendars: GET /sessions as RFC 5545 (?format=ics or Accept: text/calendar),
// read back by a maintained parser (Debian's python3-icalendar, through
// tests/api/ical_check.py), and the members' personal, revocable feeds.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { call, createMember, DIRECT, token, TOKENS } from './lib.mjs';

const RUN = Date.now().toString(36);

/** Parses a calendar with the iCalendar parser; resolves its summary. */
function parse(ics) {
  return new Promise((resolve, reject) => {
    const p = spawn('/usr/bin/python3', ['tests/api/ical_check.py'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`ical_check: ${out}${err}`))));
    p.stdin.end(ics);
  });
}

async function plan(title, fields = {}) {
  const body = { kind: 'inspiration', title, starts_at: '2031-03-05T13:00:00Z', ends_at: '2031-03-05T15:30:00Z', location: 'Stadhuis, Spui 70; Atrium', ...fields };
  return (await call('POST', '/api/v1/sessions', { token: TOKENS.organizer(), body, expect: 201 })).body;
}

test('GET /sessions?format=ics: one VEVENT per session, parsed back; cancelled ones say so', async () => {
  const long = `Schrijven op B1-niveau: ${'heldere brieven, korte zinnen, € en ü — '.repeat(3)}${RUN}`;
  const a = await plan(long, { description: 'Regel 1\nRegel 2; met, tekens\\' });
  const b = await plan(`Afgelast ${RUN}`);
  await call('POST', `/api/v1/sessions/${b.id}/cancel`, { token: TOKENS.organizer(), expect: 200 });
  const r = await call('GET', `/api/v1/sessions?format=ics&q=${RUN}`, { token: TOKENS.member() });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/calendar/);
  const cal = await parse(r.text);
  assert.equal(cal.count, 2);
  assert.deepEqual(cal.uids.sort(), [`session-${a.id}@dna-api.denhaag.example`, `session-${b.id}@dna-api.denhaag.example`].sort());
  const ev = Object.fromEntries(cal.events.map((e) => [e.uid.split('@')[0], e]));
  assert.equal(ev[`session-${a.id}`].summary, long);
  assert.equal(ev[`session-${a.id}`].location, 'Stadhuis, Spui 70; Atrium');
  assert.equal(ev[`session-${a.id}`].status, 'CONFIRMED');
  assert.equal(ev[`session-${b.id}`].status, 'CANCELLED');
  assert.match(ev[`session-${a.id}`].dtstart, /2031-03-05.?13:00:00/);
  // The same through Accept; and the same bytes twice (stable DTSTAMP).
  const again = await call('GET', `/api/v1/sessions?q=${RUN}`, { token: TOKENS.member(), headers: { accept: 'text/calendar' } });
  assert.equal(again.text, r.text);
});

test('a personal feed: works without a token, reads only that member\'s sessions, revocable', async () => {
  const m = await createMember({ roles: ['member'] });
  const other = await createMember({ roles: ['member'] });
  const mine = await plan(`Mijn feed ${RUN}`);
  const notMine = await plan(`Niet mijn feed ${RUN}`);
  await call('POST', `/api/v1/sessions/${mine.id}/registrations`, { token: token(m.id, ['member']), body: {}, expect: 201 });
  await call('POST', `/api/v1/sessions/${notMine.id}/registrations`, { token: token(other.id, ['member']), body: {}, expect: 201 });
  const made = await call('POST', '/api/v1/members/me/calendar-feed', { token: token(m.id, ['member']), expect: 201 });
  assert.match(made.body.url, /^http:\/\/.+\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  assert.equal(made.body.webcal_url, made.body.url.replace(/^http/, 'webcal'));
  const path = new URL(made.body.url).pathname;
  const feed = await fetch(DIRECT + path);
  assert.equal(feed.status, 200);
  const cal = await parse(await feed.text());
  assert.deepEqual(cal.uids, [`session-${mine.id}@dna-api.denhaag.example`], 'only the member\'s own sessions');
  // Without .ics too; a wrong key is 404.
  assert.equal((await fetch(DIRECT + path.replace(/\.ics$/, ''))).status, 200);
  assert.equal((await fetch(`${DIRECT}/api/v1/calendar/${'A'.repeat(43)}.ics`)).status, 404);
  // A new feed revokes the old URL; DELETE revokes the new one.
  const renewed = await call('POST', '/api/v1/members/me/calendar-feed', { token: token(m.id, ['member']), expect: 201 });
  assert.equal((await fetch(DIRECT + path)).status, 404);
  const path2 = new URL(renewed.body.url).pathname;
  assert.equal((await fetch(DIRECT + path2)).status, 200);
  assert.equal((await call('DELETE', '/api/v1/members/me/calendar-feed', { token: token(m.id, ['member']) })).status, 204);
  const gone = await fetch(DIRECT + path2);
  assert.equal(gone.status, 404);
  assert.match(gone.headers.get('content-type'), /problem\+json/);
  // Analysts (read-only) make none; the key is stored hashed only.
  assert.equal((await call('POST', '/api/v1/members/me/calendar-feed', { token: TOKENS.analyst() })).status, 403);
});

test('an erased member\'s feed stops answering', async () => {
  const m = await createMember({ roles: ['member'] });
  const made = await call('POST', '/api/v1/members/me/calendar-feed', { token: token(m.id, ['member']), expect: 201 });
  const path = new URL(made.body.url).pathname;
  assert.equal((await fetch(DIRECT + path)).status, 200);
  await call('DELETE', `/api/v1/members/${m.id}`, { token: TOKENS.program_manager(), expect: 204 });
  assert.equal((await fetch(DIRECT + path)).status, 404);
});
