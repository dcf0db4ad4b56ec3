// The API reference in the browser: GET /docs is Swagger UI's page over
// /openapi.yaml, its files are served with the right types, caching and CSP,
// and no request reaches anything but those files.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import yaml from 'js-yaml';
import { BIN, call, rawHttp, run } from './lib.mjs';
import { startServer, stopServer } from './server_lib.mjs';

/** The local files a page loads: src= and href= values that are not links elsewhere. */
const assetsOf = (html) =>
  [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => !/^[a-z]+:/.test(u));

test('GET /docs answers the page that loads Swagger UI, with a CSP that allows this server only', async () => {
  const r = await call('GET', '/docs');
  assert.equal(r.status, 200, r.text.slice(0, 200));
  assert.match(r.headers.get('content-type'), /^text\/html; charset=utf-8$/);
  assert.match(r.text, /<div id="swagger-ui">/);
  const assets = assetsOf(r.text);
  assert.deepEqual(assets.sort(), ['docs/dna-docs.js', 'docs/favicon-32x32.png', 'docs/swagger-ui-bundle.js', 'docs/swagger-ui.css']);
  assert.doesNotMatch(r.text, /<script>|<script [^>]*>[^<\s]|<style|\sstyle=|\son[a-z]+=/i, 'no inline script or style');
  const csp = r.headers.get('content-security-policy') || '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.match(csp, /style-src 'self'(;|$)/);
  assert.match(csp, /connect-src 'self'(;|$)/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(r.headers.get('cache-control'), 'no-cache');
  assert.match(r.headers.get('etag'), /^"[0-9a-f]{16}"$/);
});

test('the files the page loads are served with their types; Swagger UI\'s cached for a day', async () => {
  const page = await call('GET', '/docs');
  const types = { js: /^text\/javascript; charset=utf-8$/, css: /^text\/css; charset=utf-8$/, png: /^image\/png$/ };
  for (const asset of assetsOf(page.text)) {
    const r = await call('GET', `/${asset}`); // relative to /docs
    assert.equal(r.status, 200, asset);
    assert.match(r.headers.get('content-type'), types[asset.split('.').pop()], asset);
    assert.ok(r.text.length > 100, `${asset}: ${r.text.length} bytes`);
    const ours = asset === 'docs/dna-docs.js';
    assert.equal(r.headers.get('cache-control'), ours ? 'no-cache' : 'public, max-age=86400', asset);
  }
  const bundle = await call('GET', '/docs/swagger-ui-bundle.js');
  assert.match(bundle.text, /SwaggerUIBundle/);
  const css = await call('GET', '/docs/swagger-ui.css');
  assert.match(css.text, /\.swagger-ui/);
  // Our script points Swagger UI at this server's contract and keeps no token.
  const init = await call('GET', '/docs/dna-docs.js');
  assert.match(init.text, /url: new URL\('openapi\.yaml', base\)/);
  assert.match(init.text, /persistAuthorization: false/);
  assert.match(init.text, /SwaggerUIBundle\.presets\.apis/);
  const spec = await call('GET', '/openapi.yaml');
  assert.match(spec.text, /bearerAuth:\n\s+type: http\n\s+scheme: bearer/);
  const licence = await call('GET', '/docs/LICENSE');
  assert.match(licence.text, /Apache License/);
});

test('every file name openapi.yaml lists for /docs/{file} is served', async () => {
  const spec = yaml.load(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8'));
  const names = spec.paths['/docs/{file}'].get.parameters.find((p) => p.name === 'file').schema.enum;
  assert.ok(names.length >= 4, names);
  for (const name of names) {
    const r = await call('GET', `/docs/${name}`);
    assert.equal(r.status, 200, name);
  }
});

test('an ETag sent back in If-None-Match is 304 without a body', async () => {
  for (const path of ['/docs', '/docs/swagger-ui-bundle.js']) {
    const first = await call('GET', path);
    const etag = first.headers.get('etag');
    const again = await call('GET', path, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304, path);
    assert.equal(again.text, '');
    assert.equal(again.headers.get('etag'), etag);
    const other = await call('GET', path, { headers: { 'if-none-match': '"0000000000000000"' } });
    assert.equal(other.status, 200, path);
  }
});

test('no path reaches a file outside the reference: traversal and unknown names are 404', async () => {
  const probes = [
    '/docs/../Makefile',
    '/docs/%2e%2e/Makefile',
    '/docs/%2e%2e%2fMakefile',
    '/docs/..%2F..%2Fetc%2Fpasswd',
    '/docs/%2e%2e%2f%2e%2e%2fopenapi.yaml',
    '/docs/./swagger-ui.css/..',
    '/docs/.',
    '/docs/',
    '/docs/index.html',
    '/docs/package.json',
    '/docs/swagger-ui.css.map',
    '/docs/SWAGGER-UI.CSS',
    '/docs/swagger-ui.css/',
    '/docs//etc/passwd',
    '/docs/%2Fetc%2Fpasswd',
  ];
  for (const path of probes) {
    const r = await rawHttp(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    assert.equal(r.status, 404, `${path}: ${r.status}`);
    assert.match(r.headers['content-type'] || '', /application\/problem\+json/, path);
    assert.doesNotMatch(r.text, /swagger|root:|\$\(BUILD\)|openapi: 3/i, path);
  }
  // A NUL byte is no name at all: a malformed path.
  const nul = await rawHttp('GET /docs/swagger-ui.css%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.equal(nul.status, 400);
});

test("a server whose reference is incomplete still serves, /docs is 404, the log says why", async () => {
  const partial = mkdtempSync(join(tmpdir(), 'dna-docs-'));
  writeFileSync(join(partial, 'index.html'), '<!doctype html>');
  const s = await startServer({ DNA_DOCS_DIR: partial });
  try {
    const page = await fetch(`${s.base}/docs`);
    assert.equal(page.status, 404);
    assert.match(page.headers.get('content-type'), /application\/problem\+json/);
    assert.match((await page.json()).detail, /not installed/);
    assert.equal((await fetch(`${s.base}/healthz`)).status, 200);
    const line = s.log().split('\n').find((l) => l.includes('API reference not served'));
    assert.ok(line, s.log().slice(-500));
    assert.match(JSON.parse(line).reason, /dna-docs\.js: No such file/);
  } finally {
    await stopServer(s);
    rmSync(partial, { recursive: true });
  }
  // A folder named on purpose that lacks the page is a configuration error (exit 2).
  const empty = mkdtempSync(join(tmpdir(), 'dna-docs-'));
  try {
    const bad = await run(BIN, ['migrate'], { ...process.env, DNA_DOCS_DIR: empty });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /DNA_DOCS_DIR/);
  } finally {
    rmSync(empty, { recursive: true });
  }
});
