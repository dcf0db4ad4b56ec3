// Bearer tokens over HTTP, against GET /api/v1/auth/me: what is refused (401 with
// `WWW-Authenticate: Bearer ... error="invalid_token"`, or 403 for no known role),
// what is accepted, identity-provider (RS256) tokens, and that refusing bad tokens
// needs no database connection.
import assert from 'node:assert/strict';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { assertProblem, call, claims, DEMO, now, signHS256, signIdp, sql, TOKENS } from './lib.mjs';

const ME = '/api/v1/auth/me';
const HS = { alg: 'HS256', typ: 'JWT' };
const b64url = (x) => Buffer.from(typeof x === 'string' ? x : JSON.stringify(x)).toString('base64url');

const getMe = (authorization, opts = {}) =>
  call('GET', ME, { headers: authorization === undefined ? {} : { authorization }, ...opts });
const bearer = (tok) => getMe(`Bearer ${tok}`);

function assertInvalidToken(r) {
  assertProblem(r, 401);
  const h = r.headers.get('www-authenticate') || '';
  assert.match(h, /^Bearer /, `WWW-Authenticate: ${h}`);
  assert.match(h, /error="invalid_token"/, `WWW-Authenticate: ${h}`);
}

function assertNoKnownRole(r) {
  assertProblem(r, 403);
  assert.equal(r.headers.get('www-authenticate'), null);
}

/** Standard claims of an identity-provider token (Keycloak-like). */
function idpClaims(extra = {}) {
  return {
    iss: 'https://idp.denhaag.example/realms/staff',
    aud: ['account', 'dna-api-idp'],
    sub: 'f3b1c0de-5a7e-4c2b-9d11-0a1b2c3d4e5f',
    email: DEMO.analyst.email,
    realm_access: { roles: ['member', 'analyst', 'offline_access'] },
    iat: now(),
    exp: now() + 600,
    ...extra,
  };
}

describe('refused: 401 invalid_token', () => {
  let idpPublicPem;
  before(() => {
    idpPublicPem = readFileSync(`${process.env.TEST_TMP}/idp-public.pem`, 'utf8');
  });

  const cases = {
    'expired beyond the 60 s leeway': () => signHS256(HS, claims(1, ['member'], { iat: now() - 700, exp: now() - 90 })),
    'nbf in the future (beyond the leeway)': () => signHS256(HS, claims(1, ['member'], { nbf: now() + 300 })),
    'iat in the future (beyond the leeway)': () => signHS256(HS, claims(1, ['member'], { iat: now() + 300 })),
    'wrong issuer': () => signHS256(HS, claims(1, ['member'], { iss: 'someone-else' })),
    'wrong audience': () => signHS256(HS, claims(1, ['member'], { aud: 'other-api' })),
    'no issuer': () => {
      const c = claims(1, ['member']);
      delete c.iss;
      return signHS256(HS, c);
    },
    'bad signature (another secret)': () =>
      signHS256(HS, claims(4, ['program_manager']), 'not-the-secret-0123456789-0123456789'),
    'payload changed after signing': () => {
      const [h, , s] = signHS256(HS, claims(1, ['member'])).split('.');
      return `${h}.${b64url(claims(1, ['member', 'program_manager']))}.${s}`;
    },
    'alg none with an empty signature': () => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims(4, ['program_manager']))}.`,
    'alg "None" with an empty signature': () => `${b64url({ alg: 'None' })}.${b64url(claims(4, ['program_manager']))}.`,
    'HS256 signed with the identity provider public key as secret': () =>
      signHS256(HS, claims(4, ['program_manager']), idpPublicPem),
    'HS256 with the IdP public key, IdP claims': () => signHS256(HS, idpClaims(), idpPublicPem),
    // An HMAC-SHA256 under the right secret, but the header names HS512.
    'header alg HS512': () => signHS256({ alg: 'HS512' }, claims(1, ['member'])),
    'two parts': () => signHS256(HS, claims(1, ['member'])).split('.').slice(0, 2).join('.'),
    'four parts': () => `${signHS256(HS, claims(1, ['member']))}.AAAA`,
    'not base64url': () => 'abc$.def.ghi',
    'header not JSON': () => `${b64url('not json')}.${b64url(claims(1, ['member']))}.AAAA`,
    'over 8 KiB, otherwise valid': () => signHS256(HS, claims(1, ['member'], { padding: 'x'.repeat(9000) })),
    'exp not a number ("9999999999")': () => signHS256(HS, claims(1, ['member'], { exp: '9999999999' })),
    'exp a fraction beyond range': () => signHS256(HS, claims(1, ['member'], { exp: 1e300 })),
    'missing exp': () => {
      const c = claims(1, ['member']);
      delete c.exp;
      return signHS256(HS, c);
    },
    'missing sub': () => {
      const c = claims(1, ['member']);
      delete c.sub;
      return signHS256(HS, c);
    },
    'roles not a list of names': () => signHS256(HS, claims(1, { member: true })),
    'duplicate claim names (roles twice)': () => {
      const c = claims(1, ['member']);
      const text = JSON.stringify(c).replace(/}$/, ',"roles":["program_manager"]}');
      return signHS256(HS, text);
    },
    'critical header extension': () => signHS256({ ...HS, crit: ['exp'], exp: 1 }, claims(1, ['member'])),
    'RS256 token (IdP-signed) whose header says HS256': () => {
      const [, p, s] = signIdp(idpClaims()).split('.');
      return `${b64url(HS)}.${p}.${s}`;
    },
    'HS256 token whose header says RS256': () => {
      const [, p, s] = signHS256(HS, claims(1, ['member'])).split('.');
      return `${b64url({ alg: 'RS256', typ: 'JWT' })}.${p}.${s}`;
    },
    'IdP token with alg ES256 (the key is pinned to RS256)': () => {
      const [, p, s] = signIdp(idpClaims()).split('.');
      return `${b64url({ alg: 'ES256', typ: 'JWT' })}.${p}.${s}`;
    },
    'RS256 token signed by another key': () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const input = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(idpClaims())}`;
      return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
    },
    'IdP token with the wrong issuer': () => signIdp(idpClaims({ iss: 'https://evil.example/realms/staff' })),
    'IdP token with our own issuer and audience': () => signIdp(idpClaims({ iss: 'dna-api', aud: 'dna-api' })),
    'IdP token with the wrong audience': () => signIdp(idpClaims({ aud: ['account'] })),
    'IdP token expired': () => signIdp(idpClaims({ iat: now() - 700, exp: now() - 90 })),
  };

  for (const [name, make] of Object.entries(cases)) {
    test(name, async () => {
      assertInvalidToken(await bearer(make()));
    });
  }

  test('empty bearer', async () => {
    assertInvalidToken(await getMe('Bearer ', { badInput: true }));
    assertInvalidToken(await getMe('Bearer', { badInput: true }));
  });

  test('Basic scheme instead of Bearer', async () => {
    assertInvalidToken(await getMe(`Basic ${Buffer.from('ombudsman:dna-demo-ombudsman-secret').toString('base64')}`, { badInput: true }));
  });

  test('no Authorization header: 401 with a plain Bearer challenge', async () => {
    const r = await getMe(undefined, { badInput: true });
    assertProblem(r, 401);
    const h = r.headers.get('www-authenticate') || '';
    assert.match(h, /^Bearer/);
    assert.doesNotMatch(h, /error=/, 'no error code when no credentials were sent (RFC 6750 3.1)');
  });
});

describe('refused: 403 for no known role', () => {
  test('roles claim missing', async () => {
    const c = claims(1, []);
    delete c.roles;
    assertNoKnownRole(await bearer(signHS256(HS, c)));
  });
  test('roles empty', async () => {
    assertNoKnownRole(await bearer(signHS256(HS, claims(1, []))));
  });
  test('only unknown roles', async () => {
    assertNoKnownRole(await bearer(signHS256(HS, claims(1, ['admin', 'root', 'Member']))));
  });
  test('IdP token with only unknown roles', async () => {
    const tok = signIdp(idpClaims({ realm_access: { roles: ['offline_access', 'uma_authorization'] } }));
    assertNoKnownRole(await bearer(tok));
  });
  test('IdP token with its roles outside the configured claim', async () => {
    const c = idpClaims({ roles: ['member', 'program_manager'] });
    delete c.realm_access;
    assertNoKnownRole(await bearer(signIdp(c)));
  });
});

describe('accepted', () => {
  test('expired, but within the 60 s leeway', async () => {
    const r = await bearer(signHS256(HS, claims(1, ['member'], { iat: now() - 700, exp: now() - 20 })));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.sub, '1');
  });

  test('nbf and iat slightly in the future, within the leeway', async () => {
    const r = await bearer(signHS256(HS, claims(1, ['member'], { nbf: now() + 20, iat: now() + 20 })));
    assert.equal(r.status, 200, r.text);
  });

  test('a kid with ../ in it is ignored', async () => {
    const r = await bearer(signHS256({ ...HS, kid: '../../etc/passwd' }, claims(2, ['member', 'organizer'])));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.sub, '2');
    assert.deepEqual([...r.body.roles].sort(), ['member', 'organizer']);
  });

  test('unknown roles next to known ones are ignored; implied member added', async () => {
    const r = await bearer(signHS256(HS, claims(3, ['deregulation_team', 'superuser'])));
    assert.equal(r.status, 200, r.text);
    assert.deepEqual([...r.body.roles].sort(), ['deregulation_team', 'member']);
  });

  test('scheme name in another case ("bearer")', async () => {
    // RFC 7235: scheme names are case-insensitive, but Prism compares them exactly.
    const r = await getMe(`bearer ${TOKENS.member()}`, { badInput: true });
    assert.equal(r.status, 200, r.text);
  });

  test('IdP token (RS256, Keycloak-style roles): the analyst by email, offline_access ignored', async () => {
    const r = await bearer(signIdp(idpClaims()));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.sub, 'f3b1c0de-5a7e-4c2b-9d11-0a1b2c3d4e5f');
    assert.deepEqual([...r.body.roles].sort(), ['analyst', 'member']);
    // An analyst sees itself pseudonymised: member 5's stored pseudonym.
    const [[five]] = await sql(`SELECT pseudonym FROM members WHERE id = ${DEMO.analyst.id}`);
    assert.equal(r.body.member.pseudonym, five);
    assert.ok(!('email' in r.body.member));
  });

  test('IdP token for a plain member: /auth/me and /members/me name that member', async () => {
    const tok = signIdp(idpClaims({ email: DEMO.member.email, aud: 'dna-api-idp', realm_access: { roles: ['member'] } }));
    const r = await bearer(tok);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.roles, ['member']);
    assert.equal(r.body.member.id, DEMO.member.id);
    const mine = await call('GET', '/api/v1/members/me', { token: tok });
    assert.equal(mine.status, 200);
    assert.equal(mine.body.id, DEMO.member.id);
  });
});

describe('refusing bad tokens uses no database connection', () => {
  test('200 bad tokens at once: pool idle throughout, server still ready', async () => {
    const pem = readFileSync(`${process.env.TEST_TMP}/idp-public.pem`, 'utf8');
    const bad = [
      signHS256(HS, claims(1, ['member'], { exp: now() - 3600 })),
      signHS256(HS, claims(1, ['member']), 'wrong-secret-0123456789-0123456789-x'),
      `${b64url({ alg: 'none' })}.${b64url(claims(1, ['member']))}.`,
      signHS256(HS, claims(1, ['member']), pem),
      signIdp(idpClaims({ iss: 'https://evil.example/' })),
      signHS256(HS, claims(1, ['nobody'])),
      'a.b',
      signHS256(HS, claims(1, ['member'], { padding: 'y'.repeat(9000) })),
    ];
    const poolInUse = async () => {
      const m = await call('GET', '/metrics', { direct: true });
      assert.equal(m.status, 200);
      const line = m.text.match(/^dna_db_pool_connections\{state="in_use"\} (\d+)$/m);
      assert.ok(line, 'the metric dna_db_pool_connections{state="in_use"} exists');
      const waiting = m.text.match(/^dna_db_pool_waiting (\d+)$/m);
      return Number(line[1]) + (waiting ? Number(waiting[1]) : 0);
    };
    assert.equal(await poolInUse(), 0, 'the pool is idle before');
    const requests = [];
    for (let i = 0; i < 200; i++) {
      const tok = bad[i % bad.length];
      requests.push(call('GET', ME, { direct: true, headers: { authorization: `Bearer ${tok}` } }));
    }
    const samples = [];
    for (let i = 0; i < 5; i++) samples.push(poolInUse());
    const answers = await Promise.all(requests);
    for (const r of answers) assert.ok(r.status === 401 || r.status === 403, `refused: ${r.status}`);
    assert.equal(answers.filter((r) => r.status === 403).length, 25, 'the no-role tokens are 403');
    assert.deepEqual(await Promise.all(samples), [0, 0, 0, 0, 0], 'no connection in use while refusing');
    assert.equal(await poolInUse(), 0, 'the pool is idle after');
    const ready = await call('GET', '/readyz');
    assert.equal(ready.status, 200);
  });
});
