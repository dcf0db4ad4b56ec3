// The intranet example page (build/intranet, from examples/intranet) in Debian's
// headless Chromium, served by `python3 -m http.server` on another origin than the
// API (as the README tells), against the real server and the test database that
// scripts/test.sh started. The server allows the page's origin (DNA_CORS_ORIGINS).
// What a user does: log in, register for a full session (the waitlist position),
// file a report (first one the API refuses, shown in words), look at the figures.
// What must hold: the CORS preflights are answered, the token is never in a URL or
// in storage, the registration and the report are in the database, every chart has
// its bars (pixels of the bars' colour in each canvas's plot area). The screenshot goes to
// $TEST_OUT/intranet.png, which outlives the run.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { call, DIRECT, sql, TOKENS } from '../api/lib.mjs';

const PORT = Number(process.env.INTRANET_PORT);
const PAGE = `http://127.0.0.1:${PORT}`;
const DIR = process.env.INTRANET_DIR;
const OUT = process.env.TEST_OUT;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const USER = { email: 'e2e.intranet@denhaag.example', password: 'Intranet-e2e-2026', name: 'Iris Intranet' };
// The bars' colours (examples/intranet/charts.js COLOURS): the first dataset of each chart.
const BAR_COLOURS = { 'chart-reports': [0xc8, 0x10, 0x2e], 'chart-sessions': [0x1f, 0x5f, 0xa8], 'chart-network': [0x1f, 0x5f, 0xa8] };

let server; // python3 -m http.server
let browser;
let page;
let userId;
let fullSession;
const requests = []; // every request the page sent: {url, method, headers}
let issuedToken = null;

/** Answered preflights (OPTIONS answered 204 before any route) and refused ones, from /metrics. */
async function preflightCounts() {
  const text = (await call('GET', '/metrics', { direct: true, expect: 200 })).text;
  const count = (status) => {
    const m = new RegExp(`^dna_http_requests_total\\{route="unmatched",method="OPTIONS",status="${status}"\\} (\\d+)$`, 'm').exec(text);
    return m ? Number(m[1]) : 0;
  };
  return { answered: count('204'), refused: count('403') };
}

async function waitForHttp(url, ms = 10000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

before(async () => {
  assert.ok(PORT && DIR && OUT, 'INTRANET_PORT, INTRANET_DIR and TEST_OUT come from scripts/test.sh');
  mkdirSync(OUT, { recursive: true });
  // A program manager with a password: may read the figures, files and registers as a member.
  const created = await call('POST', '/api/v1/members', {
    token: TOKENS.program_manager(),
    body: { name: USER.name, email: USER.email, department: 'DPZ', roles: ['member', 'program_manager'], password: USER.password },
    expect: 201,
  });
  userId = created.body.id;
  // A session in a few minutes (first in the list of upcoming ones) with one seat, taken.
  const starts = new Date(Date.now() + 5 * 60000);
  const ends = new Date(starts.getTime() + 60 * 60000);
  const s = await call('POST', '/api/v1/sessions', {
    token: TOKENS.organizer(),
    body: { kind: 'workshop', title: 'Workshop klantreis (e2e, één plaats)', starts_at: starts.toISOString().replace(/\.\d+Z$/, 'Z'),
            ends_at: ends.toISOString().replace(/\.\d+Z$/, 'Z'), location: 'Stadhuis, zaal 1', capacity: 1, host_id: 2 },
    expect: 201,
  });
  fullSession = s.body;
  await call('POST', `/api/v1/sessions/${fullSession.id}/registrations`, { token: TOKENS.member(), body: {}, expect: 201 });

  server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', DIR], { stdio: 'ignore' });
  await waitForHttp(`${PAGE}/index.html`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  page = await context.newPage();
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), headers: r.headers() }));
  page.on('response', async (r) => {
    if (r.url().endsWith('/api/v1/auth/token') && r.status() === 200) issuedToken = (await r.json()).access_token;
  });
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
});

after(async () => {
  await browser?.close();
  server?.kill();
});

test('the page logs in over CORS with the password grant and shows the sessions', async () => {
  const before = await preflightCounts();
  await page.goto(`${PAGE}/`);
  await page.fill('input[name=api]', DIRECT);
  await page.fill('input[name=email]', USER.email);
  await page.fill('input[name=password]', USER.password);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector(`#who:has-text("Ingelogd als ${USER.name}")`, { timeout: 10000 });
  await page.waitForSelector(`#upcoming li[data-session-id="${fullSession.id}"]`, { timeout: 10000 });
  assert.match(await page.textContent(`#upcoming li[data-session-id="${fullSession.id}"]`), /Vol: aanmelden zet je op de wachtlijst/);
  assert.ok(issuedToken, 'the token request answered 200');
  const after = await preflightCounts();
  // /auth/me, two session lists, departments and three figures: each a cross-origin call with
  // Authorization, so each had a preflight of its own (none was refused).
  assert.ok(after.answered - before.answered >= 7, `preflights answered: ${after.answered - before.answered}`);
  assert.equal(after.refused, before.refused, 'no preflight refused');
});

test('registering for a full session shows the waitlist position; the registration is in the database', async () => {
  const li = `#upcoming li[data-session-id="${fullSession.id}"]`;
  await page.click(`${li} button:has-text("Aanmelden")`);
  await page.waitForSelector('#message.ok', { timeout: 10000 });
  assert.match(await page.textContent('#message'), /je staat op de wachtlijst, plaats 1/);
  await page.waitForSelector(`#mine li[data-session-id="${fullSession.id}"]`, { timeout: 10000 });
  assert.match(await page.textContent(`#mine li[data-session-id="${fullSession.id}"]`), /wachtlijst \(plaats 1\)/);
  const rows = await sql(`SELECT status FROM session_registrations WHERE session_id = ${fullSession.id} AND member_id = ${userId}`);
  assert.deepEqual(rows, [['waitlisted']]);
});

test('a report the API refuses is explained in words, a good one lands in the database, anonymously', async () => {
  await page.fill('#report-form input[name=title]', '   ');
  await page.fill('#report-form textarea[name=description]', 'Bij elke aanvraag vragen we opnieuw om een kopie van het paspoort.');
  await page.fill('#report-form input[name=procedure]', 'Aanvraag gehandicaptenparkeerkaart');
  await page.selectOption('#report-form select[name=department]', 'DPZ');
  await page.selectOption('#report-form select[name=category]', 'form');
  await page.check('#report-form input[name=anonymous]');
  await page.click('#report-form button[type=submit]');
  await page.waitForSelector('#message:not([hidden]):not(.ok)', { timeout: 10000 });
  const shown = await page.textContent('#message');
  assert.match(shown, /Niet alles is goed ingevuld/);
  assert.match(await page.textContent('#message li'), /^Titel: /);
  assert.doesNotMatch(shown, /[{}]|"status"|problem\+json/, `an error in words, not JSON: ${shown}`);

  const title = `Kopie paspoort bij elke aanvraag parkeerkaart (e2e ${Date.now()})`;
  await page.fill('#report-form input[name=title]', title);
  await page.click('#report-form button[type=submit]');
  await page.waitForSelector('#report-result:has-text("is ontvangen")', { timeout: 10000 });
  const id = /Melding (\d+) is ontvangen \(anoniem\)/.exec(await page.textContent('#report-result'))?.[1];
  assert.ok(id, 'the page names the new report');
  const rows = await sql(`SELECT r.title, r.anonymous, r.reporter_id IS NULL, r.category, d.code FROM reports r JOIN departments d ON d.id = r.department_id WHERE r.id = ${id}`);
  assert.deepEqual(rows, [[title, 't', 't', 'form', 'DPZ']]);
  const sent = requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/v1/reports') && r.headers['idempotency-key']);
  assert.ok(sent, 'the report went out with an Idempotency-Key');
});

test('the figures are drawn: every chart has its bars; a screenshot is saved', async () => {
  for (const id of Object.keys(BAR_COLOURS))
    await page.waitForFunction((cid) => document.getElementById(cid)?.getAttribute('style'), id, { timeout: 10000 });
  // Saved before the checks, so that a failing run shows what was on the screen.
  const file = `${OUT}/intranet.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(`screenshot: ${file}`);
  for (const [id, rgb] of Object.entries(BAR_COLOURS)) {
    // Pixels inside the plot area only: the legend's swatch has the bars' colour too.
    const { bars, painted, total } = await page.evaluate(
      ([cid, [r, g, b]]) => {
        const c = document.getElementById(cid);
        const area = globalThis.Chart?.getChart(c)?.chartArea;
        if (!area) return { bars: 0, painted: 0, total: 0 };
        const s = window.devicePixelRatio;
        const [x, y] = [Math.floor(area.left * s), Math.floor(area.top * s)];
        const px = c.getContext('2d').getImageData(x, y, Math.ceil(area.right * s) - x, Math.ceil(area.bottom * s) - y).data;
        let bars = 0;
        let painted = 0;
        for (let i = 0; i < px.length; i += 4) {
          if (px[i + 3] > 0) painted++;
          if (px[i] === r && px[i + 1] === g && px[i + 2] === b && px[i + 3] === 255) bars++;
        }
        return { bars, painted, total: px.length / 4 };
      },
      [id, rgb]
    );
    const note = await page.textContent(`figure:has(#${id}) .chart-error`);
    assert.ok(bars >= 200, `${id}: ${bars} pixels of its bars' colour in the plot area (${painted} of ${total} painted); the page says: ${note}`);
  }
});

test('the token is never in a URL, in localStorage, sessionStorage or a cookie', async () => {
  assert.ok(issuedToken && issuedToken.length > 20);
  const api = requests.filter((r) => r.url.startsWith(DIRECT));
  assert.ok(api.some((r) => r.headers.authorization === `Bearer ${issuedToken}`), 'the token was sent, in the Authorization header');
  for (const r of requests) assert.ok(!r.url.includes(issuedToken), `token in a URL: ${r.method} ${r.url.slice(0, 80)}`);
  const kept = await page.evaluate(() => ({
    href: location.href,
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
    cookie: document.cookie,
  }));
  for (const [where, text] of Object.entries(kept)) assert.ok(!text.includes(issuedToken), `token in ${where}`);
  // What it would take for an extension or script to find it elsewhere: the page keeps none.
  assert.equal(kept.local, '{}');
  assert.equal(kept.session, '{}');
});
