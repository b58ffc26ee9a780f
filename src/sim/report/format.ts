// Readable numbers for every report: durations, bytes, fractions, money, tokens and energy, the same text in the
// CLI table and the app. Pure: imports nothing; non-finite input prints "n/a", never NaN or Infinity.

/** Text for a value that is missing or not finite. */
export const NOT_AVAILABLE = 'n/a';

const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** A plain number with `decimals` decimals (the unit is in the label, e.g. "GPU hours"). */
export function formatNumber(x: number | null | undefined, decimals: number): string {
  return finite(x) ? x.toFixed(decimals) : NOT_AVAILABLE;
}

/** A value with at most `digits` significant digits, as JavaScript prints it (6500, 0.001, 36.5). */
export function formatSignificant(x: number | null | undefined, digits = 4): string {
  return finite(x) ? String(Number(x.toPrecision(digits))) : NOT_AVAILABLE;
}

/** Duration in seconds: < 2 min in s, < 2 h in min (one decimal), else h (two decimals). */
export function formatDurationS(s: number | null | undefined): string {
  if (!finite(s)) return NOT_AVAILABLE;
  if (s < 120) return `${s.toFixed(1)} s`;
  if (s < 7200) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(2)} h`;
}

/** Bytes in decimal GB with two decimals (the tables). */
export function formatGB(bytes: number | null | undefined): string {
  return finite(bytes) ? `${(bytes / 1e9).toFixed(2)} GB` : NOT_AVAILABLE;
}

const SI_BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;

/** Bytes with the decimal SI unit that fits (B … PB), three significant digits (whole bytes below 1 kB). */
export function formatBytes(bytes: number | null | undefined): string {
  if (!finite(bytes)) return NOT_AVAILABLE;
  let v = Math.abs(bytes);
  let u = 0;
  while (v >= 1000 && u < SI_BYTE_UNITS.length - 1) {
    v /= 1000;
    u++;
  }
  const sign = bytes < 0 ? '−' : '';
  return `${sign}${u === 0 ? v.toFixed(0) : v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)} ${SI_BYTE_UNITS[u]}`;
}

/** A fraction 0–1 as a percentage with one decimal. */
export function formatPercent(fraction: number | null | undefined): string {
  return finite(fraction) ? `${(fraction * 100).toFixed(1)} %` : NOT_AVAILABLE;
}

/** Dollars: ≥ 100 whole dollars, ≥ 1 two decimals, else three significant digits; a loss as "−$4789". */
export function formatUsd(usd: number | null | undefined): string {
  if (!finite(usd)) return NOT_AVAILABLE;
  if (usd < 0) return `−${formatUsd(-usd)}`;
  if (usd >= 100) return `$${usd.toFixed(0)}`;
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  return `$${usd.toPrecision(3)}`;
}

/** Tokens in millions with one decimal (the tables). */
export function formatMTok(tokens: number | null | undefined): string {
  return finite(tokens) ? `${(tokens / 1e6).toFixed(1)} M` : NOT_AVAILABLE;
}

/** Tokens with k / M / G as fits, e.g. "3.86 G", "512 k". */
export function formatTokens(tokens: number | null | undefined): string {
  if (!finite(tokens)) return NOT_AVAILABLE;
  const a = Math.abs(tokens);
  if (a >= 1e9) return `${(tokens / 1e9).toFixed(2)} G`;
  if (a >= 1e6) return `${(tokens / 1e6).toFixed(1)} M`;
  if (a >= 1e3) return `${(tokens / 1e3).toFixed(0)} k`;
  return tokens.toFixed(0);
}

/** Energy given in J, as kWh with one decimal. */
export function formatKWh(energyJ: number | null | undefined): string {
  return finite(energyJ) ? `${(energyJ / 3.6e6).toFixed(1)} kWh` : NOT_AVAILABLE;
}
