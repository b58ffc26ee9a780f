// Progress bar on stderr, only when stderr is a terminal (cli-progress); a no-op otherwise.
import cliProgress from 'cli-progress';

export interface Progress {
  update(phase: string, done: number, total: number): void;
  stop(): void;
}

export function createProgress(enabled: boolean): Progress {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {percentage}% | {value}/{total} steps | ETA {eta}s', stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let phase = '';
  return {
    update(p, done, total) {
      if (p !== phase) {
        if (phase !== '') bar.stop();
        phase = p;
        bar.start(total, done, { phase: p.padEnd(9) });
      } else bar.update(done, { phase: p.padEnd(9) });
    },
    stop() {
      if (phase !== '') bar.stop();
    },
  };
}
