// Test helper: writes OMM mean elements as a three-line TLE (name, line 1, line 2) with checksums, so generated
// shells can be read back as element sets. Angles to 4 decimals, mean motion to 8 (the format's columns). Not a test file.
import type { OMMJsonObject } from 'satellite.js';
import { withChecksum } from './run.ts';

/** TLE epoch field YYDDD.DDDDDDDD of an OMM EPOCH ('2026-04-02T00:00:00.000', UTC). */
function epochField(epoch: string): string {
  const ms = Date.parse(`${epoch}Z`);
  const year = new Date(ms).getUTCFullYear();
  const day = (ms - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  return `${String(year % 100).padStart(2, '0')}${day.toFixed(8).padStart(12, '0')}`;
}

const angle = (deg: number) => deg.toFixed(4).padStart(8);

/** The TLE of one OMM (NORAD_CAT_ID < 100,000), ending with a newline. */
export function ommToTle(o: OMMJsonObject): string {
  const id = String(o.NORAD_CAT_ID).padStart(5, '0');
  const l1 = `1 ${id}U 00000A   ${epochField(o.EPOCH)}  .00000000  00000-0  00000-0 0  999`;
  const e = Number(o.ECCENTRICITY).toFixed(7).slice(2);
  const n = Number(o.MEAN_MOTION).toFixed(8).padStart(11);
  const angles = [o.INCLINATION, o.RA_OF_ASC_NODE].map((x) => angle(Number(x))).join(' ');
  const l2 = `2 ${id} ${angles} ${e} ${angle(Number(o.ARG_OF_PERICENTER))} ${angle(Number(o.MEAN_ANOMALY))} ${n}    1`;
  return `${o.OBJECT_NAME}\n${withChecksum(l1.padEnd(68))}\n${withChecksum(l2.padEnd(68))}\n`;
}
