// The role matrix of api.md for every route in api/routes.c: for each route and
// each of the six roles, allowed (the route's success status) or refused (403
// problem, and nothing written). Writes use bodies that would succeed, on
// throwaway members and departments, so that a wrongly allowed call shows.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { assertProblem, call, createMember, token, TOKENS } from './lib.mjs';

const ROLES = ['member', 'organizer', 'deregulation_team', 'program_manager', 'analyst', 'ombudsman'];
const ROLE_SETS = {
  member: ['member'],
  organizer: ['member', 'organizer'],
  deregulation_team: ['member', 'deregulation_team'],
  program_manager: ['member', 'program_manager'],
  analyst: ['member', 'analyst'],
  ombudsman: ['ombudsman'],
};
const STAFF = ['member', 'organizer', 'deregulation_team', 'program_manager', 'analyst'];
/** A member's own roles must hold what their token claims: the register caps every token. */
const rolesFor = (role) => (role === 'ombudsman' ? ['member'] : ROLE_SETS[role]);

let codeCounter = 0;
/** A department code unique to this run (^[A-Z][A-Z0-9_]{1,15}$). */
const newCode = () => `R${Date.now().toString(36).toUpperCase()}${(codeCounter += 1)}`;

const tokens = {};
const manager = () => tokens.program_manager;

async function memberAsManager(id) {
  const r = await call('GET', `/api/v1/members/${id}`, { token: manager() });
  assert.equal(r.status, 200);
  return r.body;
}

/**
 * Routes: `allow` lists the roles that may call it; `run(role)` makes the call and
 * answers {res, check?} where check() verifies afterwards that a refused call wrote nothing.
 */
const ROUTES = [
  {
    name: 'GET /auth/me',
    allow: ROLES,
    status: 200,
    run: async (role) => ({ res: await call('GET', '/api/v1/auth/me', { token: tokens[role] }) }),
  },
  {
    name: 'GET /departments',
    allow: STAFF,
    status: 200,
    run: async (role) => ({ res: await call('GET', '/api/v1/departments', { token: tokens[role] }) }),
  },
  {
    name: 'GET /departments?format=csv (export)',
    allow: ['program_manager', 'analyst'],
    status: 200,
    csv: true,
    run: async (role) => ({ res: await call('GET', '/api/v1/departments?format=csv', { token: tokens[role] }) }),
  },
  {
    name: 'POST /departments',
    allow: ['program_manager'],
    status: 201,
    run: async (role) => {
      const code = newCode();
      const res = await call('POST', '/api/v1/departments', {
        token: tokens[role],
        body: { code, name: `Dienst ${code}` },
      });
      return {
        res,
        check: async () => {
          const list = await call('GET', '/api/v1/departments?limit=500', { token: manager() });
          assert.equal(list.status, 200);
          assert.ok(!list.body.data.some((d) => d.code === code), 'no department was created');
        },
      };
    },
  },
  {
    name: 'GET /members',
    allow: STAFF,
    status: 200,
    run: async (role) => ({ res: await call('GET', '/api/v1/members?limit=5', { token: tokens[role] }) }),
  },
  {
    name: 'GET /members?format=csv (export)',
    allow: ['program_manager', 'analyst'],
    status: 200,
    csv: true,
    run: async (role) => ({ res: await call('GET', '/api/v1/members?format=csv', { token: tokens[role] }) }),
  },
  {
    name: 'POST /members',
    allow: ['program_manager'],
    status: 201,
    run: async (role) => {
      const tag = `${role.replace(/_/g, '-')}-${Date.now().toString(36)}-${(codeCounter += 1)}`;
      const res = await call('POST', '/api/v1/members', {
        token: tokens[role],
        body: { name: `Rol ${tag}`, email: `${tag}@test.denhaag.example`, department: 'DPZ', roles: ['member'] },
      });
      return {
        res,
        check: async () => {
          const found = await call('GET', `/api/v1/members?q=${encodeURIComponent(tag)}`, { token: manager() });
          assert.equal(found.status, 200);
          assert.deepEqual(found.body.data, [], 'no member was created');
        },
      };
    },
  },
  {
    name: 'GET /members/me',
    allow: STAFF,
    status: 200,
    run: async (role) => ({ res: await call('GET', '/api/v1/members/me', { token: tokens[role] }) }),
  },
  {
    name: 'GET /members/{id}',
    // Analysts read the directory by pseudonym: a path by id would join the two.
    allow: ['member', 'organizer', 'deregulation_team', 'program_manager'],
    status: 200,
    run: async (role) => {
      const m = await createMember({});
      return { res: await call('GET', `/api/v1/members/${m.id}`, { token: tokens[role] }) };
    },
  },
  {
    name: 'PATCH /members/{id} of another member (job_title)',
    allow: ['program_manager'],
    status: 200,
    run: async (role) => {
      const m = await createMember({ job_title: 'before' });
      const res = await call('PATCH', `/api/v1/members/${m.id}`, {
        token: tokens[role],
        body: { job_title: `after ${role}` },
        headers: { 'content-type': 'application/merge-patch+json' },
      });
      return { res, check: async () => assert.equal((await memberAsManager(m.id)).job_title, 'before') };
    },
  },
  {
    name: 'PATCH /members/{id} of another member (name, roles)',
    allow: ['program_manager'],
    status: 200,
    run: async (role) => {
      const m = await createMember({ roles: ['member'] });
      const res = await call('PATCH', `/api/v1/members/${m.id}`, {
        token: tokens[role],
        body: { name: `Renamed by ${role}`, roles: ['member', 'organizer'] },
      });
      return {
        res,
        check: async () => {
          const now = await memberAsManager(m.id);
          assert.equal(now.name, m.name);
          assert.deepEqual(now.roles, ['member']);
        },
      };
    },
  },
  {
    name: 'PATCH /members/{self} job_title and interests',
    allow: ['member', 'organizer', 'deregulation_team', 'program_manager'],
    status: 200,
    run: async (role) => {
      const m = await createMember({ job_title: 'before', interests: ['a'], roles: rolesFor(role) });
      const tok = role === 'ombudsman' ? tokens.ombudsman : token(m.id, ROLE_SETS[role]);
      const res = await call('PATCH', `/api/v1/members/${m.id}`, {
        token: tok,
        body: { job_title: 'after', interests: ['b', 'c'] },
        headers: { 'content-type': 'application/merge-patch+json' },
      });
      if (res.status === 200) {
        assert.equal(res.body.job_title, 'after');
        assert.deepEqual(res.body.interests, ['b', 'c']);
      }
      return { res, check: async () => assert.equal((await memberAsManager(m.id)).job_title, 'before') };
    },
  },
  {
    name: 'PATCH /members/{self} other fields (name, roles, active)',
    allow: ['program_manager'],
    status: 200,
    run: async (role) => {
      const m = await createMember({ roles: rolesFor(role) });
      const tok = role === 'ombudsman' ? tokens.ombudsman : token(m.id, ROLE_SETS[role]);
      const res = await call('PATCH', `/api/v1/members/${m.id}`, {
        token: tok,
        body: { job_title: 'ok', name: 'Self Renamed', roles: ['member', 'organizer'], active: false },
      });
      return {
        res,
        check: async () => {
          const now = await memberAsManager(m.id);
          assert.equal(now.name, m.name);
          assert.deepEqual(now.roles, m.roles);
          assert.equal(now.active, true);
          assert.equal(now.job_title, m.job_title, 'nothing of the patch was applied');
        },
      };
    },
  },
  {
    name: 'DELETE /members/{id}',
    allow: ['program_manager'],
    status: 204,
    run: async (role) => {
      const m = await createMember({});
      const res = await call('DELETE', `/api/v1/members/${m.id}`, { token: tokens[role] });
      return {
        res,
        check: async () => {
          const now = await memberAsManager(m.id);
          assert.equal(now.erased, false);
          assert.equal(now.email, m.email);
        },
      };
    },
  },
  {
    name: 'DELETE /members/{self}',
    allow: ['program_manager'],
    status: 204,
    run: async (role) => {
      const m = await createMember({ roles: rolesFor(role) });
      const tok = role === 'ombudsman' ? tokens.ombudsman : token(m.id, ROLE_SETS[role]);
      const res = await call('DELETE', `/api/v1/members/${m.id}`, { token: tok });
      return { res, check: async () => assert.equal((await memberAsManager(m.id)).erased, false) };
    },
  },
  {
    name: 'GET /audit',
    allow: ['program_manager'],
    status: 200,
    run: async (role) => ({ res: await call('GET', '/api/v1/audit?limit=5', { token: tokens[role] }) }),
  },
  {
    name: 'GET /audit?format=csv (export)',
    allow: ['program_manager'],
    status: 200,
    csv: true,
    run: async (role) => ({ res: await call('GET', '/api/v1/audit?format=csv', { token: tokens[role] }) }),
  },
];

before(() => {
  for (const role of ROLES) tokens[role] = TOKENS[role]();
});

for (const route of ROUTES) {
  describe(route.name, () => {
    for (const role of ROLES) {
      const allowed = route.allow.includes(role);
      test(`${role}: ${allowed ? `allowed (${route.status})` : 'refused (403)'}`, async () => {
        const { res, check } = await route.run(role);
        if (allowed) {
          assert.equal(res.status, route.status, `${res.status}: ${res.text.slice(0, 300)}`);
          if (route.csv) assert.match(res.headers.get('content-type') || '', /^text\/csv/);
          // The write went through, so the check used for refusals must notice it.
          if (check) await assert.rejects(check(), assert.AssertionError);
        } else {
          assertProblem(res, 403);
          if (check) await check();
        }
      });
    }
  });
}
