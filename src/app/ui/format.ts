// Readable numbers for the app: durations, bytes, fractions, money and tokens, with the same rules as the
// CLI table (src/cli/format.ts), plus the UTC clock text. Pure; imports nothing from DOM, React or Node.

/** Duration in seconds: < 2 min in s, < 2 h in min, else h ("n/a" for null or non-finite). */
export function formatDurationS(s: number | null | undefined): string {
  if (s === null || s === undefined || !Number.isFinite(s)) return 'n/a';
  if (s < 120) return `${s.toFixed(1)} s`;
  if (s < 7200) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(2)} h`;
}

/** Bytes in GB with two decimals (as the CLI). */
export function formatGB(bytes: number): string {
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

/** Bytes with an SI unit that fits (B, kB, MB, GB, TB), for the inspector and charts. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'n/a';
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let v = Math.abs(bytes);
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  const sign = bytes < 0 ? '−' : '';
  return `${sign}${u === 0 ? v.toFixed(0) : v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)} ${units[u]}`;
}

/** A fraction 0–1 as a percentage with one decimal. */
export function formatPercent(f: number | null | undefined): string {
  if (f === null || f === undefined || !Number.isFinite(f)) return 'n/a';
  return `${(f * 100).toFixed(1)} %`;
}

/** Dollars: ≥ 100 whole, ≥ 1 two decimals, else three significant digits (as the CLI). */
export function formatUsd(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return 'n/a';
  if (v >= 100) return `$${v.toFixed(0)}`;
  if (v >= 1) return `$${v.toFixed(2)}`;
  return `$${v.toPrecision(3)}`;
}

/** Tokens in millions with one decimal. */
export function formatMTok(tokens: number): string {
  return `${(tokens / 1e6).toFixed(1)} M`;
}

/** Tokens with k / M / G as fits, e.g. 3.86 G, 512 k. */
export function formatTokens(tokens: number): string {
  if (!Number.isFinite(tokens)) return 'n/a';
  const a = Math.abs(tokens);
  if (a >= 1e9) return `${(tokens / 1e9).toFixed(2)} G`;
  if (a >= 1e6) return `${(tokens / 1e6).toFixed(1)} M`;
  if (a >= 1e3) return `${(tokens / 1e3).toFixed(0)} k`;
  return tokens.toFixed(0);
}

/** Energy in J as kWh with one decimal. */
export function formatKWh(energyJ: number): string {
  return `${(energyJ / 3.6e6).toFixed(1)} kWh`;
}

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
