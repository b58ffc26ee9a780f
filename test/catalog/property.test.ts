// Property: any single-character corruption of a TLE element line is either caught by an error issue
// or leaves a valid record; the parser never throws and never yields a NaN record.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { sgp4 } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { parseTle } from '../../src/sim/catalog/index';

const REF_MS = Date.parse('2026-04-02T00:00:00Z');
/** SCS-01 A, B, C (lines 1–9); element lines are 2, 3, 5, 6, 8, 9. */
const GOOD = readFileSync('tle/three-body.tle', 'utf8').split('\n').slice(0, 9);
const ELEMENT_LINES = [2, 3, 5, 6, 8, 9];
const positionAtRef = (satrec: Parameters<typeof sgp4>[0], epochMs: number) => sgp4(satrec, (REF_MS - epochMs) / 60_000)?.position;
const ORIGINAL = new Map(
  parseTle(GOOD.join('\n'), { source: 'good.tle', referenceMs: REF_MS }).records.map((r) => [r.norad, positionAtRef(r.satrec, r.epochMs)]),
);

/** Printable ASCII plus a few troublemakers: tab, NBSP, é, a CJK character, an emoji half. */
const anyChar = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\t', '\u00a0', 'é', '星', '\ud83d'),
);

describe('single-character corruption of an element line', () => {
  it('is caught or harmless; never throws, never NaN', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ELEMENT_LINES), fc.integer({ min: 1, max: 69 }), anyChar, (lineNo, column, ch) => {
        const lines = [...GOOD];
        const old = lines[lineNo - 1]!;
        lines[lineNo - 1] = old.slice(0, column - 1) + ch + old.slice(column);
        const r = parseTle(lines.join('\n'), { source: 'p.tle', referenceMs: REF_MS });
        const errors = r.issues.filter((i) => i.severity === 'error');
        // Caught: an error names the damaged line or the item; otherwise all three records load.
        if (r.records.length < 3) {
          expect(errors.length).toBeGreaterThan(0);
          expect(errors.some((e) => e.line !== undefined && e.line >= lineNo - 2 && e.line <= lineNo + 1)).toBe(true);
        } else {
          expect(errors).toEqual([]);
        }
        expect(r.records.length + new Set(errors.map((e) => e.item)).size).toBeGreaterThanOrEqual(3);
        for (const rec of r.records) {
          expect(Number.isInteger(rec.norad)).toBe(true);
          expect(Number.isFinite(rec.epochMs)).toBe(true);
          const p = positionAtRef(rec.satrec, rec.epochMs);
          expect(p).toBeDefined();
          expect(Number.isFinite(p!.x) && Number.isFinite(p!.y) && Number.isFinite(p!.z)).toBe(true);
          // A surviving record is the original one: the corruption only touched text SGP4 ignores
          // (designator letters, classification, padding), so its position is unchanged.
          const o = ORIGINAL.get(rec.norad)!;
          expect(Math.hypot(p!.x - o.x, p!.y - o.y, p!.z - o.z)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 1500, seed: 20260402 },
    );
  });

  it('catches every digit change in the numeric columns (checksum or field check)', () => {
    // Exhaustive over the 6 element lines × 69 columns × 10 digits: a changed digit always changes the
    // checksum, so a record survives only when the new text equals the old.
    let changed = 0;
    for (const lineNo of ELEMENT_LINES) {
      for (let column = 1; column <= 69; column++) {
        for (const d of '0123456789') {
          const lines = [...GOOD];
          const old = lines[lineNo - 1]!;
          if (!/\d/.test(old.charAt(column - 1)) || old.charAt(column - 1) === d) continue;
          lines[lineNo - 1] = old.slice(0, column - 1) + d + old.slice(column);
          const r = parseTle(lines.join('\n'), { source: 'p.tle', referenceMs: REF_MS });
          expect(r.records.length, `line ${lineNo} col ${column} → ${d}`).toBe(2);
          changed++;
        }
      }
    }
    expect(changed).toBeGreaterThan(2000);
  });
});
