// Faults: PostgreSQL stops under the server: 503 with Retry-After, never a
// crash; when it returns, the service recovers by itself within 2 s, and no
// acknowledged write is lost. Runs last: it restarts the test database.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, run, TOKENS } from './lib.mjs';

// Asynchronous: a blocked event loop reuses keep-alive sockets Prism closed meanwhile.
const pg = async (...args) => {
  const r = await run('./scripts/pg.sh', args);
  assert.equal(r.status, 0, `pg.sh ${args[0]}: ${r.stderr}`);
};
const dir = `${process.env.TEST_TMP}/pg`;

test('database down: 503 problems; back up: recovery within 2 s, writes kept', async () => {
  const manager = TOKENS.program_manager();
  const email = `fault.${Date.now()}@denhaag.example`;
  const created = await call('POST', '/api/v1/members', {
    token: manager,
    body: { name: 'Fouttolerant Lid', email, department: 'DPZ' },
  });
  assert.equal(created.status, 201);

  await pg('stop', dir);
  try {
    const ready = await call('GET', '/readyz');
    assert.equal(ready.status, 503);
    const list = await call('GET', '/api/v1/members', { token: manager });
    assert.equal(list.status, 503);
    assert.equal(list.body.status, 503);
    assert.ok(list.headers.get('retry-after'));
    const write = await call('POST', '/api/v1/members', {
      token: manager,
      body: { name: 'Niet Opgeslagen', email: `lost.${email}`, department: 'DPZ' },
    });
    assert.equal(write.status, 503);
    // Every kind of resource answers 503 with Retry-After, reads and writes alike.
    const team = TOKENS.deregulation_team();
    const member = TOKENS.member();
    for (const [method, path, tok, body] of [
      ['GET', '/api/v1/members/1', manager],
      ['GET', '/api/v1/departments', manager],
      ['GET', '/api/v1/departments/DPZ', manager],
      ['GET', '/api/v1/reports', member],
      ['GET', '/api/v1/reports/1', member],
      ['GET', '/api/v1/reports/1/history', member],
      ['GET', '/api/v1/rules', member],
      ['GET', '/api/v1/triage', team],
      ['GET', '/api/v1/audit', manager],
      ['GET', '/api/v1/reports?format=csv', manager],
      ['POST', '/api/v1/reports', member, { title: 't', description: 'd', procedure: 'p', department: 'DPZ', category: 'form' }],
      ['PUT', '/api/v1/reports/1/support', member],
      ['POST', '/api/v1/rules', team, { title: 'Regel', source_type: 'law' }],
      ['PATCH', '/api/v1/rules/1', team, { title: 'Regel' }],
    ]) {
      const r = await call(method, path, { token: tok, body, direct: true });
      assert.equal(r.status, 503, `${method} ${path}: ${r.status} ${r.text.slice(0, 200)}`);
      assert.match(r.headers.get('content-type') || '', /problem\+json/);
      assert.ok(r.headers.get('retry-after'), `${method} ${path} has Retry-After`);
    }
    const health = await call('GET', '/healthz');
    assert.equal(health.status, 200, 'liveness does not depend on the database');
  } finally {
    await pg('start', dir, process.env.PG_PORT);
  }
  const back = Date.now();
  let ok = false;
  while (Date.now() - back < 2000) {
    const r = await call('GET', '/readyz');
    if (r.status === 200) {
      ok = true;
      break;
    }
    await new Promise((res) => setTimeout(res, 100));
  }
  assert.ok(ok, 'ready again within 2 s of the database coming back');
  const again = await call('GET', `/api/v1/members/${created.body.id}`, { token: manager });
  assert.equal(again.status, 200);
  assert.equal(again.body.email, email);
  // Every pooled connection was broken by the restart; all are replaced.
  for (let i = 0; i < 20; i++) {
    const r = await call('GET', '/api/v1/members?limit=1', { token: manager });
    assert.equal(r.status, 200);
  }
});
