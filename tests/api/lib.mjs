// Shared helpers for the API tests. Requests go through the Prism proxy
// (API_URL), which checks every response against openapi.yaml and reports
// breaches in the `sl-violations` header; `call` fails the test on any
// violation of the request or of the response (see assertNoViolation).
// DIRECT_URL reaches the server without Prism, for requests Prism cannot
// forward (raw bytes, huge bodies).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHmac, createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { promisify } from 'node:util';

export const API = process.env.API_URL;
export const DIRECT = process.env.DIRECT_URL;
export const BIN = process.env.DNA_BIN;
export const SECRET = process.env.DNA_JWT_SECRET;

/** Role names in the order `dna-api token` writes them (src/principal.c ROLES, by bit). */
export const ROLE_NAMES = ['member', 'organizer', 'deregulation_team', 'program_manager', 'analyst', 'ombudsman'];

/**
 * Mints, in this process, the HS256 token `dna-api token --sub SUB --roles ROLES --ttl TTL`
 * prints (src/auth.c auth_issue): the same header, claims, key order and role order, so the
 * same bytes for the same `iat` (a test in 60_ops checks that against the CLI). Minting with
 * the CLI blocked the event loop for seconds per token while Prism closed idle keep-alive
 * sockets, and the next requests went out on dead sockets ("other side closed").
 */
export function token(sub, roles, ttl = 600, iat = now()) {
  const unknown = roles.filter((r) => !ROLE_NAMES.includes(r));
  if (unknown.length || !roles.length) throw new Error(`token: unknown or no roles: ${roles}`);
  const iss = process.env.DNA_JWT_ISSUER || 'dna-api';
  const aud = process.env.DNA_JWT_AUDIENCE || 'dna-api';
  const listed = ROLE_NAMES.filter((r) => roles.includes(r));
  return signHS256({ alg: 'HS256', typ: 'JWT' }, { aud, exp: iat + ttl, iat, iss, roles: listed, sub: String(sub) });
}

const b64url = (x) => Buffer.from(typeof x === 'string' ? x : JSON.stringify(x)).toString('base64url');

/** Signs arbitrary header/claims with HS256 and a given secret (default: the server's). */
export function signHS256(header, claims, secret = SECRET) {
  const input = `${b64url(header)}.${b64url(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** Signs claims as the identity provider (RS256 with the test key pair). */
export function signIdp(claims, header = { alg: 'RS256', typ: 'JWT' }) {
  const key = readFileSync(`${process.env.TEST_TMP}/idp-private.pem`);
  const input = `${b64url(header)}.${b64url(claims)}`;
  const sig = createSign('RSA-SHA256').update(input).sign(key).toString('base64url');
  return `${input}.${sig}`;
}

export const now = () => Math.floor(Date.now() / 1000);

/** Standard claims of our own tokens. */
export function claims(sub, roles, extra = {}) {
  return { sub: String(sub), roles, iss: 'dna-api', aud: 'dna-api', iat: now(), exp: now() + 600, ...extra };
}

/**
 * Sends a request through Prism. opts: token, body (object -> JSON), raw (string body),
 * headers, direct (skip Prism), badInput (the request breaks openapi.yaml on purpose),
 * expect (the status a setup step needs: anything else fails the test right there, so a
 * broken setup cannot make the real assertion pass for the wrong reason).
 * Returns {status, headers, body (parsed JSON or text), text}.
 * Prism parses and re-serialises JSON request bodies (duplicate keys collapse, huge
 * numbers round, malformed JSON is answered by Prism itself) and re-encodes malformed
 * percent-escapes in the query, so such probes must be sent with direct: true.
 */
export async function call(method, path, opts = {}) {
  const headers = { ...(opts.headers || {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  } else if (opts.raw !== undefined) {
    body = opts.raw;
  }
  const base = opts.direct ? DIRECT : API;
  const res = await fetch(base + path, { method, headers, body, redirect: 'manual' });
  const text = await res.text();
  let parsed = text;
  const ct = res.headers.get('content-type') || '';
  if (ct.includes('json') && !ct.includes('ndjson') && text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  const out = { status: res.status, headers: res.headers, body: parsed, text };
  if (opts.expect !== undefined)
    assert.equal(out.status, opts.expect, `${method} ${path}: expected ${opts.expect}, got ${out.status}: ${text.slice(0, 300)}`);
  if (!opts.direct) assertNoViolation(out, `${method} ${path}`, opts.badInput);
  return out;
}

/**
 * Fails when Prism found the request or the response breaking openapi.yaml: a request the
 * spec refuses means the spec and its clients drifted apart. A test that sends invalid
 * input through Prism on purpose says so with badInput: true; its response is still checked.
 */
export function assertNoViolation(res, what, badInput = false) {
  const v = res.headers.get('sl-violations');
  if (!v) return;
  const list = JSON.parse(v).filter((x) => !(badInput && (x.location || [])[0] === 'request'));
  assert.deepEqual(list, [], `${what}: breaks openapi.yaml: ${JSON.stringify(list)}`);
}

/** Asserts a problem+json answer with the given status. */
export function assertProblem(res, status) {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text.slice(0, 300)}`);
  assert.match(res.headers.get('content-type') || '', /application\/problem\+json/);
  assert.equal(res.body.status, status);
  assert.ok(res.body.title && res.body.type && res.body.detail, 'problem has type, title, detail');
}

const execFileAsync = promisify(execFile);

/**
 * Runs SQL in the test database with psql and resolves the rows as arrays of text.
 * Asynchronous on purpose: a synchronous child process stalls the event loop, and
 * keep-alive sockets that Prism closes meanwhile are then reused dead.
 */
export async function sql(query) {
  const { stdout } = await execFileAsync(
    'psql',
    ['-h', process.env.PG_SOCKET, '-p', process.env.PG_PORT, '-U', 'postgres', '-d', 'dna', '-tAF', '\t', '-c', query],
    { env: process.env }
  );
  return stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => l.split('\t'));
}

/** Runs a program without blocking the event loop; resolves {status, stdout, stderr}. */
export async function run(file, args, env = process.env) {
  try {
    const { stdout, stderr } = await execFileAsync(file, args, { env, encoding: 'utf8' });
    return { status: 0, stdout, stderr };
  } catch (e) {
    if (typeof e.code !== 'number') throw e;
    return { status: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The demo logins made by `dna-api seed` (ids 1-5 in a fresh database). */
export const DEMO = {
  member: { id: 1, email: 'demo.member@denhaag.example' },
  organizer: { id: 2, email: 'demo.organizer@denhaag.example' },
  team: { id: 3, email: 'demo.team@denhaag.example' },
  manager: { id: 4, email: 'demo.manager@denhaag.example' },
  analyst: { id: 5, email: 'demo.analyst@denhaag.example' },
};
export const DEMO_PASSWORD = 'dna-demo-2026';

/** Tokens per role for the role matrix (subjects are the demo members). */
export const TOKENS = {
  member: () => token(1, ['member']),
  organizer: () => token(2, ['member', 'organizer']),
  deregulation_team: () => token(3, ['member', 'deregulation_team']),
  program_manager: () => token(4, ['member', 'program_manager']),
  analyst: () => token(5, ['member', 'analyst']),
  ombudsman: () => token('ombudsman', ['ombudsman']),
};

/**
 * Sends raw bytes straight to the server (no Prism, no URL normalisation by
 * fetch), e.g. a request line with `..` or bytes fetch would reject. `request`
 * is the whole request (string or Buffer); "Connection: close" is the caller's
 * to send. Resolves {status, headers (lower-case names), text}; status 0 when
 * the server closed without an answer.
 */
export function rawHttp(request, timeoutMs = 5000, base = DIRECT) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const chunks = [];
    const sock = netConnect({ host: hostname, port: Number(port) }, () => sock.write(request));
    sock.setTimeout(timeoutMs, () => {
      sock.destroy();
      reject(new Error(`rawHttp: no answer within ${timeoutMs} ms`));
    });
    sock.on('data', (c) => chunks.push(c));
    sock.on('error', reject);
    sock.on('close', () => {
      const all = Buffer.concat(chunks).toString('latin1');
      const split = all.indexOf('\r\n\r\n');
      const head = split >= 0 ? all.slice(0, split) : all;
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      const headers = {};
      for (const line of head.split('\r\n').slice(1)) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: m ? Number(m[1]) : 0, headers, text: split >= 0 ? all.slice(split + 4) : '' });
    });
  });
}

let uniqueCounter = 0;
/** A string unique to this test run (letters and digits), for names, emails and codes. */
export function unique(prefix = 't') {
  uniqueCounter += 1;
  return `${prefix}${process.pid.toString(36)}${Date.now().toString(36)}${uniqueCounter}`;
}

/**
 * Creates a throwaway member with a program manager's token (department DPZ unless
 * given) and returns its record; fields override the defaults (e.g. password, roles).
 */
export async function createMember(fields = {}) {
  const tag = unique('m');
  const body = { name: `Test ${tag}`, email: `${tag}@test.denhaag.example`, department: 'DPZ', ...fields };
  const r = await call('POST', '/api/v1/members', { token: token(4, ['member', 'program_manager']), body });
  assert.equal(r.status, 201, `creating a member: ${r.status} ${r.text.slice(0, 300)}`);
  return r.body;
}

/**
 * Ids of `n` active, not erased members of the seed beyond the demo logins
 * (tokens of inactive or erased members are refused).
 */
export async function activeMembers(n) {
  const rows = await sql(`SELECT id FROM members WHERE active AND erased_at IS NULL AND id > 7 ORDER BY id LIMIT ${n}`);
  assert.equal(rows.length, n, `the seed has ${n} active members beyond the demo logins`);
  return rows.map(([id]) => Number(id));
}
