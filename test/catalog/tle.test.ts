// TLE reader on good input: the shipped SCS-01 set, layout variants, Alpha-5, Starlink, and the
// Vallado SGP4 verification set (positions at epoch against Vallado's C++ output, tcppver.out).
import { readFileSync } from 'node:fs';
import { sgp4 } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { parseTle, tleChecksum } from '../../src/sim/catalog/index';

const REF_MS = Date.parse('2026-04-02T00:00:00Z');
const THREE_BODY = readFileSync('tle/three-body.tle', 'utf8');
const opts = { source: 'three-body.tle', referenceMs: REF_MS };

const positionAt = (satrec: Parameters<typeof sgp4>[0], tsinceMin: number): [number, number, number] => {
  const p = sgp4(satrec, tsinceMin);
  if (!p) throw new Error(`sgp4 failed with error ${satrec.error}`);
  return [p.position.x, p.position.y, p.position.z];
};

describe('parseTle on the SCS-01 set', () => {
  const r = parseTle(THREE_BODY, opts);

  it('gives 12 records, no issues, names and NORAD 63982..63993', () => {
    expect(r.issues).toEqual([]);
    expect(r.records.map((x) => x.norad)).toEqual(Array.from({ length: 12 }, (_, i) => 63982 + i));
    expect(r.records.map((x) => x.name)).toEqual('ABCDEFGHJKLM'.split('').map((c) => `SCS-01 ${c}`));
    expect(r.records[0]?.cosparId).toBe('2025-100A');
    expect(r.records[11]?.line).toBe(34); // name line of the 12th item
  });

  it('decodes the epoch: SCS-01 A 26092.72988616 = 2026-04-02T17:31:02.164Z', () => {
    // Day 92 of 2026 is 2 April; 0.72988616 d = 63062.164 s = 17:31:02.164.
    expect(r.records[0]?.epochMs).toBeCloseTo(Date.UTC(2026, 3, 2, 17, 31, 2, 164), -1);
  });

  it('2-line form, CRLF, BOM, blank lines, trailing spaces and "0 NAME" give the same satrecs', () => {
    const lines = THREE_BODY.split('\n').filter((l) => l !== '');
    const twoLine = lines.filter((_, i) => i % 3 !== 0).join('\n');
    const messy = `\uFEFF${lines.map((l, i) => (i % 3 === 0 ? `0 ${l.trim()}` : `${l}   `)).join('\r\n\r\n')}\r\n`;
    for (const text of [twoLine, messy]) {
      const other = parseTle(text, opts);
      expect(other.issues).toEqual([]);
      expect(other.records).toHaveLength(12);
      other.records.forEach((rec, i) => {
        const mine = r.records[i];
        expect(rec.norad).toBe(mine?.norad);
        expect(rec.epochMs).toBe(mine?.epochMs);
        expect(positionAt(rec.satrec, 90)).toEqual(positionAt(mine!.satrec, 90));
      });
    }
    expect(parseTle(twoLine, opts).records[0]?.name).toBe('NORAD 63982');
    expect(parseTle(messy, opts).records[0]?.name).toBe('SCS-01 A');
  });

  it('every record propagates to LEO (400–600 km) at the reference time', () => {
    for (const rec of r.records) {
      const [x, y, z] = positionAt(rec.satrec, (REF_MS - rec.epochMs) / 60_000);
      const altKm = Math.hypot(x, y, z) - 6378.137;
      expect(altKm).toBeGreaterThan(400);
      expect(altKm).toBeLessThan(600);
    }
  });
});

describe('TLE details', () => {
  it('checksum: mod 10 of digits, "-" counts 1 (SCS-01 B line 1 ends in 5)', () => {
    expect(tleChecksum('1 63983U 25100B   26092.98145178  .00060184  00000+0  17765-2 0  9995')).toBe(5);
    expect(tleChecksum(`1 ${'-'.repeat(66)}`)).toBe((1 + 66) % 10);
  });

  it('reads Alpha-5 catalogue numbers (fixture alpha5.tle: A0000, Z9999)', () => {
    const a = parseTle(readFileSync('test/fixtures/catalog/alpha5.tle', 'utf8'), { source: 'alpha5.tle', referenceMs: REF_MS });
    expect(a.issues).toEqual([]);
    expect(a.records.map((x) => [x.norad, x.name])).toEqual([
      [100000, 'SYNTH ALPHA A0000'],
      [339999, 'SYNTH ALPHA Z9999'],
    ]);
  });

  it('loads the 10,313 Starlink element sets of 2026-05-12 without issues', () => {
    const text = readFileSync('tle/starlink-20260512.tle', 'utf8');
    const s = parseTle(text, { source: 'starlink-20260512.tle', referenceMs: Date.parse('2026-05-12T00:00:00Z') });
    expect(s.issues).toEqual([]);
    expect(s.records).toHaveLength(10_313);
    expect(new Set(s.records.map((x) => x.norad)).size).toBe(10_313);
  });
});

describe('Vallado SGP4 verification set (AIAA 2006-6753)', () => {
  const raw = readFileSync('test/fixtures/catalog/SGP4-VER.TLE', 'utf8');
  // The file appends start/stop/step after column 69 of line 2 and has '#' comments: keep the 69 columns.
  const pairs: [string, string][] = [];
  const lines = raw
    .split(/\r?\n/)
    .filter((l) => /^[12] /.test(l))
    .map((l) => l.slice(0, 69));
  for (let i = 0; i + 1 < lines.length; i += 2) pairs.push([lines[i]!, lines[i + 1]!]);
  const expectedAtEpoch = new Map<string, [number, number, number]>();
  for (const l of readFileSync('test/fixtures/catalog/vallado-r-at-epoch.txt', 'utf8').split('\n')) {
    const [id, x, y, z] = l.split(' ');
    if (id && !id.startsWith('#') && z) expectedAtEpoch.set(id, [Number(x), Number(y), Number(z)]);
  }

  it('33 cases; 29 load and match Vallado at epoch within 1 m; the 4 flawed ones are caught', () => {
    expect(pairs).toHaveLength(33);
    const failed: Record<string, string[]> = {};
    let loaded = 0;
    for (const [l1, l2] of pairs) {
      const yy = Number(l1.slice(18, 20));
      const epochMs = Date.UTC(yy < 57 ? 2000 + yy : 1900 + yy, 0, 1) + (Number(l1.slice(20, 32)) - 1) * 86_400_000;
      const r = parseTle(`${l1}\n${l2}\n`, { source: 'SGP4-VER.TLE', referenceMs: epochMs });
      const id = l1.slice(2, 7);
      if (r.records.length === 0) {
        failed[id] = r.issues.map((x) => x.code);
        continue;
      }
      loaded++;
      const want = expectedAtEpoch.get(id);
      expect(want, id).toBeDefined();
      const got = positionAt(r.records[0]!.satrec, 0);
      expect(Math.hypot(got[0] - want![0], got[1] - want![1], got[2] - want![2]), id).toBeLessThan(1e-3);
    }
    expect(loaded).toBe(29);
    // 28872: perigee below the surface ("sub-orbital" case); 33333-33335: deliberately broken, wrong checksums.
    expect(failed).toEqual({
      28872: ['out-of-range'],
      33333: ['checksum', 'checksum', 'out-of-range'],
      33334: ['checksum'],
      33335: ['checksum', 'checksum'],
    });
  });
});
