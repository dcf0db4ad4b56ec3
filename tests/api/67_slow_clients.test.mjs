// Slow clients cannot take the service down: 5,000 connections that trickle
// a header byte every 2 s, from 20 addresses, while ordinary requests keep a
// p99 under 200 ms; a trickler is closed once its headers miss their
// deadline (10 s after the request line) however often it sends a byte; and
// one address cannot hold more than DNA_CONNECTIONS_PER_ADDRESS.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import { TOKENS } from './lib.mjs';
import { startServer, stopServer } from './server_lib.mjs';

const TRICKLERS = 5000;
const ADDRESSES = 20; // 127.0.0.10 .. 127.0.0.29, 250 each (under the 256 per address)

function trickler(port, from) {
  return new Promise((resolve) => {
    const state = { closed: false, at: 0, sock: null, timer: null };
    const sock = connect({ host: '127.0.0.1', port, localAddress: from }, () => {
      sock.write('GET /api/v1/auth/me HTTP/1.1\r\nHost: x\r\nX-Slow: ');
      state.timer = setInterval(() => sock.write('a'), 2000);
      resolve(state);
    });
    sock.on('error', () => {});
    sock.on('close', () => {
      state.closed = true;
      state.at = Date.now();
      clearInterval(state.timer);
      resolve(state);
    });
    state.sock = sock;
  });
}

test('5,000 trickling connections: ordinary requests keep p99 < 200 ms; tricklers meet their deadline', { timeout: 60000 }, async () => {
  const server = await startServer({ DNA_CONNECTIONS_PER_ADDRESS: '256' });
  const tricklers = [];
  try {
    const opening = [];
    for (let i = 0; i < TRICKLERS; i++) opening.push(trickler(server.port, `127.0.0.${10 + (i % ADDRESSES)}`));
    for (let i = 0; i < opening.length; i += 500) tricklers.push(...(await Promise.all(opening.slice(i, i + 500))));
    const opened = Date.now();
    const open = tricklers.filter((t) => !t.closed).length;
    assert.ok(open >= TRICKLERS * 0.98, `${open} tricklers are open`);

    // Ordinary requests, one after the other, while the tricklers hold on.
    const token = TOKENS.member();
    const times = [];
    while (Date.now() - opened < 6000) {
      const t0 = performance.now();
      const r = await fetch(`${server.base}/api/v1/members/1`, { headers: { authorization: `Bearer ${token}` } });
      await r.arrayBuffer();
      assert.equal(r.status, 200);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const p99 = times[Math.floor(times.length * 0.99) - 1];
    console.log(`# slow clients: ${open} tricklers open, ${times.length} requests, p50 ${times[Math.floor(times.length / 2)].toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
    assert.ok(times.length >= 100, `${times.length} requests`);
    assert.ok(p99 < 200, `p99 ${p99.toFixed(1)} ms`);

    // The headers' deadline: 10 s after the request line, whatever trickles.
    while (tricklers.some((t) => !t.closed) && Date.now() - opened < 16000) await new Promise((r) => setTimeout(r, 250));
    const left = tricklers.filter((t) => !t.closed).length;
    assert.equal(left, 0, `${left} tricklers still open after 16 s`);
  } finally {
    for (const t of tricklers) t.sock.destroy();
    assert.equal(await stopServer(server), 0);
  }
});

test('one address holds at most DNA_CONNECTIONS_PER_ADDRESS connections; others still connect', async () => {
  const server = await startServer({ DNA_CONNECTIONS_PER_ADDRESS: '20' });
  const socks = [];
  try {
    const states = await Promise.all(Array.from({ length: 30 }, () => trickler(server.port, '127.0.0.40')));
    socks.push(...states);
    await new Promise((r) => setTimeout(r, 500));
    const open = states.filter((s) => !s.closed).length;
    assert.equal(open, 20, `${open} of 30 from one address stay open`);
    const r = await fetch(`${server.base}/healthz`);
    assert.equal(r.status, 200, 'another address is served');
  } finally {
    for (const s of socks) s.sock.destroy();
    assert.equal(await stopServer(server), 0);
  }
});
