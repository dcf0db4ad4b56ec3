// The role matrix over every route in the route table (read from the binary:
// `dna-api routes`), so that each new route is covered the day it lands: a
// role the table does not list gets the route-level 403, a role it lists gets
// past it. Path ids name nothing and bodies are empty, so no call can write.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { BIN, call, TOKENS } from './lib.mjs';

const ROUTE_LEVEL = 'your roles do not allow this';
const ROLES = Object.keys(TOKENS);
// The roles each test token carries (staff roles are cumulative: every staff
// token is also a member's), as lib.mjs mints them.
const CARRIES = {
  member: ['member'],
  organizer: ['member', 'organizer'],
  deregulation_team: ['member', 'deregulation_team'],
  program_manager: ['member', 'program_manager'],
  analyst: ['member', 'analyst'],
  ombudsman: ['ombudsman'],
};
const routes = execFileSync(BIN, ['routes'], { env: process.env })
  .toString()
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));

const fill = (path) => path.replace('{code}', 'NOSUCH').replace(/\{[a-z_]+\}/g, '999999999');

test('the route table lists every operation of openapi.yaml that needs a token', () => {
  assert.ok(routes.length >= 30, `${routes.length} routes`);
  assert.ok(routes.filter((r) => !r.public).every((r) => r.roles.length > 0), 'every protected route names its roles');
});

for (const route of routes.filter((r) => !r.public)) {
  test(`${route.method} ${route.path}: allowed for ${route.roles.join(', ')}, 403 for the others`, async () => {
    const tokens = Object.fromEntries(ROLES.map((role) => [role, TOKENS[role]()]));
    for (const role of ROLES) {
      const opts = { token: tokens[role], direct: true };
      if (['POST', 'PUT', 'PATCH'].includes(route.method)) opts.body = {};
      const r = await call(route.method, fill(route.path), opts);
      assert.ok(r.status < 500, `${role}: ${r.status} ${r.text.slice(0, 200)}`);
      if (CARRIES[role].some((x) => route.roles.includes(x))) {
        assert.ok(!(r.status === 403 && r.body.detail === ROUTE_LEVEL), `${role} is allowed but got the route-level 403`);
      } else {
        assert.equal(r.status, 403, `${role} is not in the route's roles: ${r.status} ${r.text.slice(0, 200)}`);
        assert.equal(r.body.detail, ROUTE_LEVEL);
      }
    }
  });
}

test('collections: updated_since on every one (a future time: no rows; a bad one: 400)', async () => {
  const manager = TOKENS.program_manager();
  // A parent of each kind for the sub-collections.
  const session = await call('POST', '/api/v1/sessions', {
    token: manager,
    body: { kind: 'workshop', title: 'Ouder van deelcollecties', starts_at: '2030-01-01T10:00:00Z', ends_at: '2030-01-01T12:00:00Z' },
    expect: 201,
  });
  const parent = (path) => (path.startsWith('/api/v1/sessions/') ? session.body.id : 1);
  for (const route of routes.filter((r) => r.collection)) {
    const path = route.path.replace('{id}', String(parent(route.path)));
    const future = await call('GET', `${path}?updated_since=2999-01-01T00:00:00Z`, { token: manager, direct: true });
    assert.equal(future.status, 200, `${path}: ${future.text.slice(0, 200)}`);
    assert.deepEqual(future.body.data, [], path);
    assert.equal(future.body.next_cursor, null);
    const past = await call('GET', `${path}?updated_since=2000-01-01T00:00:00Z&limit=1`, { token: manager, direct: true });
    assert.equal(past.status, 200, path);
    const bad = await call('GET', `${path}?updated_since=yesterday`, { token: manager, direct: true });
    assert.equal(bad.status, 400, path);
    assert.deepEqual(bad.body.errors.map((e) => e.field), ['updated_since'], path);
  }
});

test('every route that takes a body answers 413 to one over 1 MiB, and changes nothing', async () => {
  const manager = TOKENS.program_manager();
  const big = JSON.stringify({ title: 'x'.repeat(1024 * 1024 + 10) });
  for (const route of routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method))) {
    const r = await call(route.method, fill(route.path), {
      token: manager,
      direct: true,
      raw: big,
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(r.status, 413, `${route.method} ${route.path}: ${r.status}`);
    assert.match(r.headers.get('content-type') || '', /problem\+json/);
  }
});
