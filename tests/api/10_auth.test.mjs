// POST /api/v1/auth/token (OAuth 2.0 password and client_credentials grants) and
// GET /api/v1/auth/me. Logins cost an Argon2 hash each (~100 ms): only the tests
// about logging in log in; the rest mint tokens with TOKENS.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { assertProblem, call, createMember, DEMO, DEMO_PASSWORD, TOKENS, unique } from './lib.mjs';

const TOKEN_PATH = '/api/v1/auth/token';
const CLIENT = { id: 'ombudsman', secret: 'dna-demo-ombudsman-secret' };

/** A form-encoded token request (opts: more call() options, e.g. badInput). */
function postForm(fields, headers = {}, opts = {}) {
  return call('POST', TOKEN_PATH, {
    raw: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    ...opts,
  });
}

/** A JSON token request (opts: more call() options, e.g. badInput). */
function postJson(fields, headers = {}, opts = {}) {
  return call('POST', TOKEN_PATH, { body: fields, headers, ...opts });
}

/** The claims of a JWT, without checking anything. */
function payloadOf(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
}

/** A successful token answer: RFC 6749 5.1 fields and no caching. Returns the token. */
function assertTokenAnswer(r) {
  assert.equal(r.status, 200, `expected 200, got ${r.status}: ${r.text.slice(0, 300)}`);
  assert.match(r.headers.get('content-type'), /^application\/json/);
  assert.match(r.headers.get('cache-control') || '', /no-store/);
  assert.equal(r.body.token_type, 'Bearer');
  assert.equal(r.body.expires_in, 3600);
  assert.equal(typeof r.body.access_token, 'string');
  assert.equal(r.body.access_token.split('.').length, 3, 'a JWT has three parts');
  return r.body.access_token;
}

/** An OAuth error answer: problem+json with the RFC 6749 `error` code, not cached. */
function assertOAuthError(r, status, error) {
  assertProblem(r, status);
  assert.equal(r.body.error, error);
  assert.match(r.headers.get('cache-control') || '', /no-store/);
  assert.ok(!('access_token' in r.body));
}

async function me(tok) {
  const r = await call('GET', '/api/v1/auth/me', { token: tok });
  assert.equal(r.status, 200, `GET /auth/me: ${r.status} ${r.text.slice(0, 300)}`);
  return r.body;
}

const sorted = (a) => [...a].sort();

describe('password grant', () => {
  test('form-encoded with username: a token for the member, usable on /auth/me', async () => {
    const r = await postForm({ grant_type: 'password', username: DEMO.member.email, password: DEMO_PASSWORD });
    const tok = assertTokenAnswer(r);
    const claims = payloadOf(tok);
    assert.equal(claims.sub, String(DEMO.member.id));
    assert.deepEqual(claims.roles, ['member']);
    assert.equal(claims.iss, 'dna-api');
    assert.equal(claims.aud, 'dna-api');
    assert.equal(claims.exp - claims.iat, 3600);
    const who = await me(tok);
    assert.equal(who.sub, String(DEMO.member.id));
    assert.deepEqual(who.roles, ['member']);
    assert.equal(who.member.id, DEMO.member.id);
    assert.equal(who.member.email, DEMO.member.email);
  });

  test('form-encoded with the `email` alias, the email in another case', async () => {
    const r = await postForm({
      grant_type: 'password',
      email: DEMO.organizer.email.toUpperCase(),
      password: DEMO_PASSWORD,
      scope: 'ignored',
    });
    const who = await me(assertTokenAnswer(r));
    assert.equal(who.sub, String(DEMO.organizer.id));
    assert.deepEqual(sorted(who.roles), ['member', 'organizer']);
    assert.equal(who.member.id, DEMO.organizer.id);
  });

  test('JSON body', async () => {
    const r = await postJson({ grant_type: 'password', username: DEMO.manager.email, password: DEMO_PASSWORD });
    const who = await me(assertTokenAnswer(r));
    assert.equal(who.sub, String(DEMO.manager.id));
    assert.deepEqual(sorted(who.roles), ['member', 'program_manager']);
    assert.equal(who.member.id, DEMO.manager.id);
  });

  test('a member created with a password can log in; the password is never shown', async () => {
    const password = 'Hofvijver-2026!';
    const m = await createMember({ password, roles: ['member', 'organizer'] });
    assert.ok(!('password' in m) && !('password_hash' in m), 'no password in the member record');
    const r = await postForm({ grant_type: 'password', username: m.email, password });
    const who = await me(assertTokenAnswer(r));
    assert.equal(who.sub, String(m.id));
    assert.deepEqual(sorted(who.roles), ['member', 'organizer']);
  });

  test('wrong password: 400 invalid_grant', async () => {
    const m = await createMember({ password: 'right-password-1' });
    const r = await postForm({ grant_type: 'password', username: m.email, password: 'wrong-password-1' });
    assertOAuthError(r, 400, 'invalid_grant');
  });

  test('unknown email and a member without a local password: the same 400 invalid_grant', async () => {
    const r1 = await postJson({ grant_type: 'password', username: `${unique('nobody')}@test.denhaag.example`, password: 'whatever-123' });
    assertOAuthError(r1, 400, 'invalid_grant');
    const m = await createMember({});
    const r2 = await postJson({ grant_type: 'password', username: m.email, password: 'whatever-123' });
    assertOAuthError(r2, 400, 'invalid_grant');
    assert.equal(r1.body.detail, r2.body.detail, 'the answer does not tell which accounts exist');
  });

  test('missing username or password: 400 invalid_request', async () => {
    assertOAuthError(await postForm({ grant_type: 'password', password: 'x-password-1' }, {}, { badInput: true }), 400, 'invalid_request');
    assertOAuthError(await postForm({ grant_type: 'password', username: DEMO.member.email }, {}, { badInput: true }), 400, 'invalid_request');
  });

  test('an erased member can no longer log in', async () => {
    const password = 'erase-me-2026!';
    const m = await createMember({ password });
    const del = await call('DELETE', `/api/v1/members/${m.id}`, { token: TOKENS.program_manager() });
    assert.equal(del.status, 204);
    const r = await postForm({ grant_type: 'password', username: m.email, password });
    assertOAuthError(r, 400, 'invalid_grant');
  });
});

describe('client_credentials grant', () => {
  const expectOmbudsman = async (r) => {
    const tok = assertTokenAnswer(r);
    assert.equal(payloadOf(tok).sub, CLIENT.id);
    const who = await me(tok);
    assert.deepEqual(who, { sub: CLIENT.id, roles: ['ombudsman'], member: null });
  };

  test('form-encoded', async () => {
    await expectOmbudsman(
      await postForm({ grant_type: 'client_credentials', client_id: CLIENT.id, client_secret: CLIENT.secret })
    );
  });

  test('JSON body', async () => {
    await expectOmbudsman(
      await postJson({ grant_type: 'client_credentials', client_id: CLIENT.id, client_secret: CLIENT.secret })
    );
  });

  test('HTTP Basic client authentication', async () => {
    const basic = Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64');
    await expectOmbudsman(await postForm({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` }));
  });

  test('unknown client: 401 invalid_client', async () => {
    const r = await postForm({ grant_type: 'client_credentials', client_id: unique('nosuch'), client_secret: CLIENT.secret });
    assertOAuthError(r, 401, 'invalid_client');
  });

  test('wrong secret, in the body or with Basic: 401 invalid_client with a challenge', async () => {
    const r1 = await postJson({ grant_type: 'client_credentials', client_id: CLIENT.id, client_secret: 'not-the-secret' });
    assertOAuthError(r1, 401, 'invalid_client');
    const basic = Buffer.from(`${CLIENT.id}:not-the-secret`).toString('base64');
    const r2 = await postForm({ grant_type: 'client_credentials' }, { authorization: `Basic ${basic}` });
    assertOAuthError(r2, 401, 'invalid_client');
    assert.match(r2.headers.get('www-authenticate') || '', /^Basic /, 'RFC 6749 5.2: a challenge for Basic');
  });

  test('missing client_secret: 400 invalid_request', async () => {
    assertOAuthError(await postForm({ grant_type: 'client_credentials', client_id: CLIENT.id }), 400, 'invalid_request');
  });
});

describe('malformed token requests', () => {
  test('missing grant_type: 400 invalid_request', async () => {
    assertOAuthError(await postForm({ username: DEMO.member.email, password: DEMO_PASSWORD }, {}, { badInput: true }), 400, 'invalid_request');
    assertOAuthError(await postJson({ username: DEMO.member.email, password: DEMO_PASSWORD }, {}, { badInput: true }), 400, 'invalid_request');
  });

  test('unknown grant type: 400 unsupported_grant_type', async () => {
    const r = await postForm({ grant_type: 'authorization_code', code: 'abc', redirect_uri: 'https://x.example/' }, {}, { badInput: true });
    assertOAuthError(r, 400, 'unsupported_grant_type');
    const r2 = await postJson({ grant_type: 'implicit' }, {}, { badInput: true });
    assertOAuthError(r2, 400, 'unsupported_grant_type');
  });

  test('malformed JSON: 400 invalid_request', async () => {
    // Straight to the server: Prism answers malformed JSON itself.
    const r = await call('POST', TOKEN_PATH, {
      raw: '{"grant_type": "password", ',
      headers: { 'content-type': 'application/json' },
      direct: true,
    });
    assertOAuthError(r, 400, 'invalid_request');
  });

  test('parameters in the query string: 400 invalid_request (credentials never in URLs)', async () => {
    const q = new URLSearchParams({ username: DEMO.member.email, password: DEMO_PASSWORD }).toString();
    const r = await call('POST', `${TOKEN_PATH}?${q}`, {
      raw: 'grant_type=password',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      badInput: true,
    });
    assertOAuthError(r, 400, 'invalid_request');
    // Also with a full body: the token endpoint takes nothing in the URL.
    const r2 = await call('POST', `${TOKEN_PATH}?scope=x`, {
      raw: new URLSearchParams({ grant_type: 'password', username: DEMO.member.email, password: DEMO_PASSWORD }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assertOAuthError(r2, 400, 'invalid_request');
    // A malformed query string (straight to the server: Prism would re-encode it).
    const r3 = await call('POST', `${TOKEN_PATH}?a=%ZZ`, {
      raw: 'grant_type=password',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      direct: true,
    });
    assertOAuthError(r3, 400, 'invalid_request');
  });

  test('GET: 405 with Allow: POST', async () => {
    const r = await call('GET', TOKEN_PATH, { direct: true });
    assertProblem(r, 405);
    assert.equal(r.headers.get('allow'), 'POST');
  });

  test('wrong content type or none: 415', async () => {
    const r = await call('POST', TOKEN_PATH, {
      raw: `grant_type=password&username=${DEMO.member.email}&password=${DEMO_PASSWORD}`,
      headers: { 'content-type': 'text/plain' },
      badInput: true,
    });
    assertProblem(r, 415);
    const r2 = await call('POST', TOKEN_PATH, { direct: true });
    assertProblem(r2, 415);
  });
});

describe('failed logins are rate limited per account', () => {
  test('10 wrong passwords, then even the right one is 429 with Retry-After; others unaffected', async () => {
    const password = 'the-right-one-2026';
    const victim = await createMember({ password });
    for (let i = 1; i <= 10; i++) {
      const r = await postForm({ grant_type: 'password', username: victim.email, password: `wrong-${i}-password` });
      assertOAuthError(r, 400, 'invalid_grant');
    }
    const r = await postForm({ grant_type: 'password', username: victim.email, password });
    assertProblem(r, 429);
    assert.ok(!('access_token' in r.body));
    const retry = r.headers.get('retry-after');
    assert.match(retry || '', /^[1-9][0-9]*$/, `Retry-After is a number of seconds: ${retry}`);
    assert.ok(Number(retry) <= 15 * 60, `Retry-After within the window: ${retry}`);
    // The same account in another case is the same account.
    const r2 = await postJson({ grant_type: 'password', email: victim.email.toUpperCase(), password });
    assertProblem(r2, 429);
    // Another account from the same address still logs in.
    assertTokenAnswer(await postForm({ grant_type: 'password', username: DEMO.team.email, password: DEMO_PASSWORD }));
  });

  test('30 wrong passwords at once: only 10 are tried, the rest 429', async () => {
    const victim = await createMember({ password: 'the-right-one-2026' });
    const attempts = [];
    for (let i = 0; i < 30; i++)
      attempts.push(postForm({ grant_type: 'password', username: victim.email, password: `parallel-${i}-wrong` }));
    const answers = await Promise.all(attempts);
    const byStatus = {};
    for (const r of answers) byStatus[r.status] = (byStatus[r.status] || 0) + 1;
    assert.deepEqual(byStatus, { 400: 10, 429: 20 }, 'parallel guesses do not get past the limit');
    const r = await postForm({ grant_type: 'password', username: victim.email, password: 'the-right-one-2026' });
    assertProblem(r, 429);
  });
});

describe('GET /auth/me for every role', () => {
  const expected = {
    member: { sub: '1', roles: ['member'] },
    organizer: { sub: '2', roles: ['member', 'organizer'] },
    deregulation_team: { sub: '3', roles: ['deregulation_team', 'member'] },
    program_manager: { sub: '4', roles: ['member', 'program_manager'] },
    analyst: { sub: '5', roles: ['analyst', 'member'] },
    ombudsman: { sub: 'ombudsman', roles: ['ombudsman'] },
  };
  const tokens = {};
  before(() => {
    for (const role of Object.keys(TOKENS)) tokens[role] = TOKENS[role]();
  });

  for (const [role, want] of Object.entries(expected)) {
    test(role, async () => {
      const r = await call('GET', '/api/v1/auth/me', { token: tokens[role] });
      assert.equal(r.status, 200);
      assert.match(r.headers.get('cache-control') || '', /no-store/);
      assert.equal(r.body.sub, want.sub);
      assert.deepEqual(sorted(r.body.roles), want.roles);
      if (role === 'ombudsman') {
        assert.equal(r.body.member, null);
      } else if (role === 'analyst') {
        // Analysts see pseudonyms, also of themselves.
        assert.match(r.body.member.pseudonym, /^m-[0-9a-f]{16}$/);
        for (const f of ['id', 'name', 'email', 'job_title']) assert.ok(!(f in r.body.member), `no ${f}`);
      } else {
        assert.equal(r.body.member.id, Number(want.sub));
        assert.match(r.body.member.email, /@denhaag\.example$/);
      }
    });
  }
});
