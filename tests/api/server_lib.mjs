// A second server of the test's own, on the suite's database, for what the
// suite's server cannot show: shutdown, other settings, several instances.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { BIN } from './lib.mjs';

export const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/**
 * Starts `dna-api serve` with extra environment; resolves {child, base, port,
 * log (the stderr so far, as a function), exited (a promise of the exit code)}.
 */
export async function startServer(env = {}, port = null) {
  port ??= await freePort();
  const child = spawn(BIN, ['serve'], {
    env: { ...process.env, ...env, DNA_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d.toString()));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { child, base, port, log: () => stderr, exited };
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the second server did not start: ${stderr.slice(-500)}`);
}

/** Stops a server started here and resolves its exit code. */
export async function stopServer(s, signal = 'SIGTERM') {
  if (s.child.exitCode === null) s.child.kill(signal);
  return s.exited;
}
