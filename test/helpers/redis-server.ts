// Test and bench helper: a throw-away redis-server on a free port of 127.0.0.1 (no persistence), stopped by its pid;
// and `ocsim worker` child processes. Never touches a system-wide Redis.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The redis-server binary if installed (env REDIS_SERVER, else the PATH), or null. */
export function redisServerPath(): string | null {
  const bin = process.env.REDIS_SERVER ?? 'redis-server';
  return spawnSync(bin, ['--version'], { encoding: 'utf8' }).status === 0 ? bin : null;
}

/** A port nobody listens on right now (the OS's pick). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<unknown>;
}

/** Starts redis-server and resolves once it accepts connections. */
export async function startRedis(bin: string): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on port ${port}:\n${log}`)), 10_000);
    const onData = (d: Buffer) => {
      log += String(d);
      if (!log.includes('Ready to accept connections')) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`redis-server exited (${code}):\n${log}`))));
  });
  return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid!, stop: () => stopChild(child) };
}

/** Sends SIGTERM to the child by its pid and waits for it to exit. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  process.kill(child.pid!, signal);
  return exited;
}

/** A child `node bin/ocsim.js …` with its stderr collected (`err()`), started from the project root. */
export function ocsimChild(args: string[]): { child: ChildProcess; err(): string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['bin/ocsim.js', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += String(d)));
  child.stdout!.resume();
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, err: () => err, exit };
}

/** Polls `ok` every 20 ms until it holds; throws after `ms` with `what`. */
export async function until(ok: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const t0 = Date.now();
  while (!(await ok())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
