// The app's clock text: the UTC clock, times of day, playback speed and elapsed time. Report numbers (durations,
// bytes, money, tokens) come from src/sim/report/format.ts, shared with the CLI. Pure; no DOM, React or Node.

/** The UTC clock: ISO 8601 to the second, e.g. 2026-04-02T03:00:00Z (floored to the second). */
export function formatUtcSecond(ms: number): string {
  if (!Number.isFinite(ms)) return '-------T--:--:--Z';
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19) + 'Z';
}

/** Short UTC time of day, e.g. 03:04:05Z, for contact tables. */
export function formatUtcTime(ms: number): string {
  return formatUtcSecond(ms).slice(11);
}

/** Simulation speed as "60×". */
export function formatSpeed(speed: number): string {
  return `${speed}×`;
}

/** A time offset from the run start, e.g. "+3 h 05 min" or "+42 min 10 s". */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `+${h} h ${String(m).padStart(2, '0')} min`;
  return `+${m} min ${String(sec).padStart(2, '0')} s`;
}
