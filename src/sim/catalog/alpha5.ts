// Alpha-5 catalogue numbers: the 5-column TLE satellite-number field extended past 99999.
// Pure; imports nothing.
//
// Scheme (Space Force / CelesTrak "Alpha-5", https://celestrak.org/NORAD/documentation/tle-fmt.php):
// the first column holds a letter worth 10..33, skipping I and O (they look like 1 and 0), so
// A0000 = 100000, H9999 = 179999, J0000 = 180000, N9999 = 229999, P0000 = 230000, Z9999 = 339999.

/** Letters in value order: A=10 … H=17, J=18 … N=22, P=23 … Z=33. */
const ALPHA5_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Largest number an Alpha-5 field can hold (Z9999). */
export const ALPHA5_MAX = 339_999;

export type Alpha5Result = { ok: true; value: number } | { ok: false; reason: string };

/**
 * Decodes a 5-column catalogue-number field (TLE columns 3–7). Leading spaces are allowed
 * before plain digits ("   25" = 25); a letter may only stand in the first column.
 */
export function decodeAlpha5(field: string): Alpha5Result {
  if (/^ *[0-9]+$/.test(field)) return { ok: true, value: Number(field) };
  const first = field.charAt(0);
  const rest = field.slice(1);
  if (field.length !== 5 || !/^[0-9]{4}$/.test(rest)) {
    return { ok: false, reason: `"${field}" is not a catalogue number (5 digits, or a letter and 4 digits)` };
  }
  if (first === 'I' || first === 'O') {
    return { ok: false, reason: `"${field}": Alpha-5 does not use the letter ${first} (it reads as ${first === 'I' ? 1 : 0})` };
  }
  const letterIndex = ALPHA5_LETTERS.indexOf(first);
  if (letterIndex < 0) {
    return { ok: false, reason: `"${field}": Alpha-5 first character must be a digit or an upper-case letter A–Z except I and O` };
  }
  return { ok: true, value: (letterIndex + 10) * 10_000 + Number(rest) };
}

/** Encodes 0..339999 as a 5-column field ("00005", "A0000"); returns null when out of range. */
export function encodeAlpha5(norad: number): string | null {
  if (!Number.isInteger(norad) || norad < 0 || norad > ALPHA5_MAX) return null;
  if (norad < 100_000) return String(norad).padStart(5, '0');
  const letter = ALPHA5_LETTERS.charAt(Math.floor(norad / 10_000) - 10);
  return letter + String(norad % 10_000).padStart(4, '0');
}
