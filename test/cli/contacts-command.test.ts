// `ocsim contacts` end to end on the shipped files against the Skyfield golden CSVs, its input
// errors, and the ground-station CSV parser it relies on.
import { readFileSync } from 'node:fs';
import { ecfToLookAngles, eciToEcf, gstime, propagate, twoline2satrec, type EciVec3 } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { CONTACTS_CSV_HEADER, runContactsCommand, type ContactsCommandOptions } from '../../src/cli/contacts-command.ts';
import { parseStationCsv, tokenizeCsv } from '../../src/sim/ground/station-csv.ts';

const root = new URL('../../', import.meta.url);
const readText = (p: string) => readFileSync(new URL(p, root), 'utf8');
const BASE: ContactsCommandOptions = {
  tlePath: 'tle/three-body.tle',
  stationsCsvPath: 'public/data/ground-stations.csv',
  stationIds: ['cn-miyun', 'cn-kashgar', 'cn-sanya', 'cn-mohe'],
  maskDeg: 10,
  startIso: '2026-04-02T00:00:00Z',
  hours: 24,
};

async function run(opts: Partial<ContactsCommandOptions>) {
  let out = '';
  let err = '';
  const code = await runContactsCommand(
    { ...BASE, ...opts },
    {
      readText,
      writeOut: (s) => {
        out += s;
      },
      writeErr: (s) => {
        err += s;
      },
    },
  );
  return { code, out, err };
}

describe('runContactsCommand', () => {
  it('prints the windows of four stations matching the Skyfield golden files within 2 s', async () => {
    const { code, out, err } = await run({});
    expect(err).toBe('');
    expect(code).toBe(0);
    const rows = out.trim().split('\n');
    expect(rows[0]).toBe(CONTACTS_CSV_HEADER);
    expect(rows[1]).toMatch(/^\d+,SCS-01 [A-M],cn-[a-z]+,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,\d+\.\d{3},(yes|no)$/);
    let worstS = 0;
    for (const station of BASE.stationIds) {
      const golden = readText(`test/golden/skyfield-three-body-${station}.csv`)
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','));
      const ours = rows
        .slice(1)
        .map((l) => l.split(','))
        .filter((f) => f[2] === station);
      expect(ours).toHaveLength(golden.length);
      ours.forEach((f, i) => {
        const g = golden[i]!;
        expect([f[0], f[1], f[2], f[6]]).toEqual([g[0], g[1], g[2], g[6]]);
        const dAos = Math.abs(Date.parse(f[3]!) - Date.parse(g[3]!)) / 1000;
        const dLos = Math.abs(Date.parse(f[4]!) - Date.parse(g[4]!)) / 1000;
        worstS = Math.max(worstS, dAos, dLos);
        expect(Math.abs(Number(f[5]) - Number(g[5]))).toBeLessThanOrEqual(0.05);
      });
    }
    expect(worstS).toBeLessThanOrEqual(2);
  });

  it('marks windows cut by the run start or end partial, as Skyfield does', async () => {
    const { code, out } = await run({ stationIds: ['cn-miyun'], startIso: '2026-04-02T02:20:00Z', hours: 1.5, stepS: 30 });
    expect(code).toBe(0);
    const golden = readText('test/golden/skyfield-three-body-cn-miyun-cut.csv').trim().split('\n');
    const ours = out.trim().split('\n');
    expect(ours).toHaveLength(golden.length);
    ours.slice(1).forEach((row, i) => {
      const f = row.split(',');
      const g = golden[i + 1]!.split(',');
      expect(f[6]).toBe(g[6]);
      expect(Math.abs(Date.parse(f[3]!) - Date.parse(g[3]!))).toBeLessThanOrEqual(2000);
      expect(Math.abs(Date.parse(f[4]!) - Date.parse(g[4]!))).toBeLessThanOrEqual(2000);
    });
  });

  it("with --max-range-km, keeps the parts of the windows within that slant range (Hypatia's cone at mask 0)", async () => {
    const rangeKm = 1500;
    const opts = { stationIds: ['cn-miyun', 'cn-sanya'], maskDeg: 0 };
    const parse = (out: string) =>
      out
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','))
        .map((f) => ({ norad: f[0]!, station: f[2]!, aosMs: Date.parse(f[3]!), losMs: Date.parse(f[4]!), maxEl: Number(f[5]), partial: f[6] }));
    const maskOnly = parse((await run(opts)).out);
    const limited = await run({ ...opts, maxRangeKm: rangeKm });
    expect(limited.code).toBe(0);
    const cone = parse(limited.out);
    expect(cone.length).toBeGreaterThan(5);
    // Every cone window lies inside a mask-only window of the same satellite and station, and is shorter in total.
    for (const w of cone) {
      expect(maskOnly.some((m) => m.norad === w.norad && m.station === w.station && m.aosMs <= w.aosMs + 1000 && w.losMs <= m.losMs + 1000)).toBe(true);
    }
    const total = (ws: typeof cone) => ws.reduce((s, w) => s + (w.losMs - w.aosMs), 0);
    expect(total(cone)).toBeLessThan(0.8 * total(maskOnly));
    // At AOS and LOS of a whole window the slant range is the limit (satellite.js's own look angles, an independent path).
    const tle = readText('tle/three-body.tle').split('\n');
    const stations = parseStationCsv(readText('public/data/ground-stations.csv')).stations;
    let checked = 0;
    for (const w of cone.filter((x) => x.partial === 'no').slice(0, 6)) {
      const i = tle.findIndex((l) => l.startsWith('1 ' + w.norad));
      const satrec = twoline2satrec(tle[i]!, tle[i + 1]!);
      const st = stations.find((s) => s.id === w.station)!;
      const observer = { latitude: (st.latDeg * Math.PI) / 180, longitude: (st.lonDeg * Math.PI) / 180, height: st.altM / 1000 };
      for (const tMs of [w.aosMs, w.losMs]) {
        const eci = propagate(satrec, new Date(tMs))!.position as EciVec3<number>;
        const look = ecfToLookAngles(observer, eciToEcf(eci, gstime(new Date(tMs))));
        expect(Math.abs(look.rangeSat - rangeKm)).toBeLessThan(10); // AOS/LOS printed to 1 ms, range rate ≤ 7 km/s
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    // A limit beyond the horizon changes nothing.
    expect((await run({ ...opts, maxRangeKm: 100_000 })).out).toBe((await run(opts)).out);
  });

  it.each([
    [{ maxRangeKm: 0.5 }, /--max-range-km: must be in \[1, 100000\] km, got 0\.5/],
    [{ stationIds: ['cn-nowhere'] }, /--station cn-nowhere: not found .*known ids: cn-miyun/],
    [{ maskDeg: 95 }, /--mask-deg: must be in \[0, 90\)/],
    [{ startIso: '2026-04-02 00:00' }, /--start: "2026-04-02 00:00" is not an ISO 8601 UTC time/],
    [{ hours: 0 }, /--hours: must be > 0/],
    [{ tlePath: 'public/data/hubs.csv' }, /--tle: no usable element sets/],
    [{ tlePath: 'no/such/file.tle' }, /ENOENT|no such file/],
  ] as [Partial<ContactsCommandOptions>, RegExp][])('rejects bad input %j with exit code 2', async (opts, message) => {
    const { code, out, err } = await run(opts);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('quarantines a bad element set with its line and column, and lists the others', async () => {
    const bad = readText('tle/three-body.tle').split('\n');
    bad[2] = bad[2]!.slice(0, 68) + String((Number(bad[2]![68]) + 1) % 10); // checksum of SCS-01 A line 2
    let out = '';
    let err = '';
    const code = await runContactsCommand(
      {
        tlePath: 'bad.tle',
        stationsCsvPath: 'public/data/ground-stations.csv',
        stationIds: ['cn-miyun'],
        maskDeg: 10,
        startIso: '2026-04-02T00:00:00Z',
        hours: 24,
      },
      { readText: (p) => (p === 'bad.tle' ? bad.join('\n') : readText(p)), writeOut: (s) => (out += s), writeErr: (s) => (err += s) },
    );
    expect(code).toBe(0);
    expect(err).toMatch(/bad\.tle line 3 col 69/);
    const rows = out.trim().split('\n').slice(1);
    expect(rows.some((r) => r.startsWith('63982,'))).toBe(false);
    expect(rows.some((r) => r.startsWith('63983,'))).toBe(true);
  });
});

describe('parseStationCsv', () => {
  it('reads the shipped file: quoted commas, empty alt_m as 0 m', () => {
    const { stations, issues } = parseStationCsv(readText('public/data/ground-stations.csv'));
    expect(issues).toEqual([]);
    const miyun = stations.find((s) => s.id === 'cn-miyun')!;
    expect(miyun).toMatchObject({ latDeg: 40.374444, lonDeg: 116.839444, altM: 0, line: 2, operator: 'AIRCAS, Chinese Academy of Sciences' });
    expect(stations.find((s) => s.id === 'cn-kashgar')).toMatchObject({ altM: 1270, line: 3 });
    expect(new Set(stations.map((s) => s.id)).size).toBe(stations.length);
  });

  it('tokenizes RFC 4180 fields with doubled quotes, CRLF and quoted newlines', () => {
    const cells = tokenizeCsv('a,"b ""q"", c"\r\n"x\ny",2\n');
    expect(cells.map((r) => r.map((c) => c.text))).toEqual([
      ['a', 'b "q", c'],
      ['x\ny', '2'],
    ]);
    expect(cells[1]![1]).toMatchObject({ line: 3, column: 4 });
  });

  it('reports bad rows naming the line, the column and the field, and keeps the good ones', () => {
    const text = ['id,name,lat,lon,alt_m', 'ok,Fine,10,20,', 'bad-lat,"Bad, lat",91,20,5', 'bad-lon,X,10,east,5', 'short,X,10', 'ok,Duplicate,1,2,3'].join(
      '\n',
    );
    const { stations, issues } = parseStationCsv(text, 'test.csv');
    expect(stations.map((s) => s.id)).toEqual(['ok']);
    expect(issues.map((i) => i.message)).toEqual([
      'test.csv line 3 col 20 (lat): "91" is not a number in [-90, 90]',
      'test.csv line 4 col 14 (lon): "east" is not a number in [-180, 180]',
      'test.csv line 5 col 1 (row): has 3 fields, the header has 5',
      'test.csv line 6 col 1 (id): duplicate id "ok"',
    ]);
    expect(parseStationCsv('id,name,lat\nx,y,1').issues[0]!.message).toMatch(/line 1 col 1 \(header\): missing column\(s\) lon, alt_m/);
  });
});
