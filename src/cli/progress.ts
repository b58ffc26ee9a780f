// Progress bars on stderr, only when stderr is a terminal (cli-progress); no-ops otherwise. One for a run's
// phases (steps), one for a study's points (rate and ETA).
import cliProgress from 'cli-progress';

export interface Progress {
  update(phase: string, done: number, total: number): void;
  stop(): void;
}

function bar(format: string): cliProgress.SingleBar {
  return new cliProgress.SingleBar(
    { format, stream: process.stderr, hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
}

export function createProgress(enabled: boolean): Progress {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const b = bar('{phase} [{bar}] {percentage}% | {value}/{total} steps | ETA {eta}s');
  let phase = '';
  return {
    update(p, done, total) {
      if (p !== phase) {
        if (phase !== '') b.stop();
        phase = p;
        b.start(total, done, { phase: p.padEnd(9) });
      } else b.update(done, { phase: p.padEnd(9) });
    },
    stop() {
      if (phase !== '') b.stop();
    },
  };
}

/** A study's progress: points done of the total, points per second, ETA. */
export function createPointsProgress(enabled: boolean, total: number, done: number, wallMs: () => number): { tick(done: number): void; stop(): void } {
  if (!enabled) return { tick: () => {}, stop: () => {} };
  const b = bar('points [{bar}] {value}/{total} | {rate} points/s | ETA {eta_formatted}');
  const startMs = wallMs();
  const startDone = done;
  b.start(total, done, { rate: '…' });
  return {
    tick(d) {
      const s = (wallMs() - startMs) / 1000;
      b.update(d, { rate: s > 0 ? ((d - startDone) / s).toFixed(d - startDone < 10 * s ? 2 : 0) : '…' });
    },
    stop: () => b.stop(),
  };
}
