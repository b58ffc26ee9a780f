// End-to-end: the real app in Debian's Chromium (SwiftShader WebGL), clicked through like a user.
// Screenshots are kept in test-results/e2e/ as artefacts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { main } from '../../src/cli/main.ts';
import { ARTEFACTS, consoleWarnings, openApp, pixelStats, startE2e, type E2e } from './harness.ts';

let e: E2e;
let page: Page;

beforeAll(async () => {
  e = await startE2e();
  page = await openApp(e);
}, 300_000);

afterAll(async () => {
  await e?.close();
});

const text = (id: string) => page.getByTestId(id).innerText();

async function cliJson(...args: string[]): Promise<string> {
  let out = '';
  const code = await main(['node', 'ocsim', 'run', '--format', 'json', ...args], {
    out: (s) => (out += s.endsWith('\n') ? s : `${s}\n`),
    err: () => {},
    isTty: false,
  });
  expect(code).toBe(0);
  return out;
}

/**
 * Two same-size screenshots compared in the page: pixels within `tol` (largest channel difference) of `rgb` in
 * each, and pixels that differ by more than 24 in some channel between them.
 */
async function comparePictures(p: Page, a: Buffer, b: Buffer, rgb: readonly number[], tol: number): Promise<{ inA: number; inB: number; changed: number }> {
  return p.evaluate(
    async ([b64s, c, t]) => {
      const [x, y] = await Promise.all(
        b64s.map(async (b64) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const cv = document.createElement('canvas');
          cv.width = img.width;
          cv.height = img.height;
          const ctx = cv.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          return ctx.getImageData(0, 0, cv.width, cv.height).data;
        }),
      );
      const near = (d: Uint8ClampedArray, i: number) => Math.max(Math.abs(d[i]! - c[0]!), Math.abs(d[i + 1]! - c[1]!), Math.abs(d[i + 2]! - c[2]!)) <= t;
      let inA = 0;
      let inB = 0;
      let changed = 0;
      for (let i = 0; i < x!.length; i += 4) {
        if (near(x!, i)) inA++;
        if (near(y!, i)) inB++;
        if (Math.max(Math.abs(x![i]! - y![i]!), Math.abs(x![i + 1]! - y![i + 1]!), Math.abs(x![i + 2]! - y![i + 2]!)) > 24) changed++;
      }
      return { inA, inB, changed };
    },
    [[a.toString('base64'), b.toString('base64')], rgb, tol] as const,
  );
}

describe('the browser app', () => {
  it('draws a non-blank globe with satellites', async () => {
    const png = await page.getByTestId('globe').screenshot({ path: join(ARTEFACTS, '01-globe.png') });
    const stats = await pixelStats(page, png);
    // A blank or single-colour canvas has a handful of colours; the globe with land outlines, terminator and points has hundreds.
    expect(stats.distinctColours).toBeGreaterThan(200);
    expect(stats.nonDarkFraction).toBeGreaterThan(0.05);
    expect(stats.brightSmallSpots).toBeGreaterThan(10);
  });

  it("logs no deprecation warning while loading (r3f's THREE.Clock notice is filtered, view3d/three-console.ts)", () => {
    expect(consoleWarnings(page).filter((w) => /deprecat/i.test(w))).toEqual([]);
  });

  it('plays: the UTC clock advances', async () => {
    const before = await text('sim-time');
    expect(before).toMatch(/2026-04-02/);
    await page.getByTestId('play-pause').click();
    await page.waitForFunction((t) => document.querySelector('[data-testid="sim-time"]')?.textContent !== t, before, { timeout: 20_000 });
    await page.getByTestId('play-pause').click();
    const after = await text('sim-time');
    expect(after).toMatch(/2026-04-02/);
    expect(after).not.toBe(before);
  });

  it('toggles the three modes and the metrics change', async () => {
    const read = async () => [await text('metric-latency-p50'), await text('metric-bandwidth-saved'), await text('metric-cost-per-mtok')].join(' | ');
    const seen = new Map<string, string>();
    for (const mode of ['onboard', 'ground', 'hybrid']) {
      await page.getByTestId(`mode-${mode}`).click();
      await expect.poll(async () => page.getByTestId(`mode-${mode}`).getAttribute('aria-pressed')).toBe('true');
      seen.set(mode, await read());
      await page.screenshot({ path: join(ARTEFACTS, `02-mode-${mode}.png`) });
    }
    expect(new Set(seen.values()).size).toBe(3);
    expect(seen.get('ground')).toMatch(/0(\.0)?\s?%/); // bent pipe saves no bandwidth
  });

  it('exports JSON whose summary equals `ocsim run` on the same scenario and seed', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const path = join(ARTEFACTS, 'export.json');
    await download.saveAs(path);
    const app = readFileSync(path, 'utf8');
    const cli = await cliJson();
    expect(JSON.parse(app).summary).toEqual(JSON.parse(cli).summary);
    expect(JSON.stringify(JSON.parse(app).summary)).toBe(JSON.stringify(JSON.parse(cli).summary));
    // The summary block is byte-identical (10 significant digits, see SUMMARY_SIGNIFICANT_DIGITS); the rest of
    // the file may differ in the last bit of a few numbers (Chromium's and Node's Math.* differ), not in content.
    const block = (t: string) => t.slice(t.indexOf('"summary"'), t.indexOf('"series"'));
    expect(block(app)).toBe(block(cli));
    expect(JSON.parse(app).contacts).toHaveLength(JSON.parse(cli).contacts.length);
    expect(JSON.parse(app).sessions).toHaveLength(JSON.parse(cli).sessions.length);
  });

  it('exports CSV and CZML', async () => {
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    await csv.saveAs(join(ARTEFACTS, 'export.csv'));
    expect(readFileSync(join(ARTEFACTS, 'export.csv'), 'utf8').split('\n')[0]).toMatch(/^time_utc,step,/);
    const [czml] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-czml').click()]);
    await czml.saveAs(join(ARTEFACTS, 'export.czml'));
    const packets = JSON.parse(readFileSync(join(ARTEFACTS, 'export.czml'), 'utf8'));
    expect(packets[0].id).toBe('document');
  });

  it('selects a satellite by search and shows it in the inspector', async () => {
    await page.keyboard.press('/');
    await page.getByTestId('search').fill('SCS-01 D');
    await page.getByTestId('search').press('Enter');
    await expect.poll(async () => text('inspector')).toMatch(/63985/);
    expect(await text('inspector')).toMatch(/SCS-01 D/);
    expect(await text('inspector')).toMatch(/km/);
    // Its downlink over the day (the JSON export's satellites[3].downlink): 14 sessions, 52.6 minutes.
    expect(await text('inspector-downlink')).toMatch(/^14 sessions, 52\.6 min, \d+(\.\d+)? [GM]B sent$/);
    await page.screenshot({ path: join(ARTEFACTS, '03-selected.png') });
  });

  it('draws the ISLs (dashed, toggled by "Show ISLs") and the selected satellite\'s route to the ground', async () => {
    // 03:14 UTC: SCS-01 D (NORAD 63985) is out of contact; SCS-01 M downlinks to Sanya, one laser hop away.
    await page.goto(`${e.url}?preset=three-body&t=2026-04-02T03:14:00Z&sat=63985`);
    await page.waitForSelector('[data-frame-ready="true"]', { timeout: 120_000 });
    await expect.poll(async () => text('inspector-route'), { timeout: 30_000 }).toMatch(/^1 ISL hop → Sanya, \d+\.\d ms$/);
    await page.waitForTimeout(500);
    const withIsls = await page.getByTestId('globe').screenshot({ path: join(ARTEFACTS, '05-isl-route.png') });
    await page.getByTestId('show-isls').uncheck();
    await page.waitForTimeout(500);
    const without = await page.getByTestId('globe').screenshot({ path: join(ARTEFACTS, '06-no-isls.png') });
    const c = await comparePictures(page, withIsls, without, [255, 79, 216], 40); // ROUTE_LINE_COLOR
    expect(c.inA).toBeGreaterThan(100); // a 3 px line over > 30 px
    expect(c.inB).toBeGreaterThan(100); // the route stays without ISLs
    // Paused, same time and camera: only the dashed links differ between the two pictures.
    expect(c.changed).toBeGreaterThan(100);
    await page.getByTestId('show-isls').check();
  });

  it('prices the hub GPUs as a lease: the breakdown names the model and how busy they were; a sale price adds the margin', async () => {
    await page.getByTestId('param-gpuPricing').selectOption('reserved');
    await page.getByTestId('param-saleUsdPerMTok').fill('0.3316');
    await page.getByRole('button', { name: /^run/i }).click();
    await page.getByTestId('mode-ground').click();
    // The default run with reserved GPUs: 80 GPUs leased for 24 h ($4,512), 0.10 % busy (docs/default-run.md).
    await expect.poll(() => text('metric-cost-per-mtok'), { timeout: 60_000 }).toBe('$52.47');
    expect(await text('gpu-pricing')).toMatch(/GPUs reserved, 0\.1 % busy/);
    expect(await text('metric-margin-per-mtok')).toMatch(/^−\$52\.1[34]$/);
    await page.screenshot({ path: join(ARTEFACTS, '05-reserved-gpus.png') });
  });

  it('runs under another antenna scheduler: first come, first served costs the ground more per token', async () => {
    await page.getByTestId('param-gpuPricing').selectOption('on-demand');
    expect(await page.getByTestId('param-scheduler').inputValue()).toBe('lookahead');
    await page.getByTestId('param-scheduler').selectOption('first-come');
    await page.getByRole('button', { name: /^run/i }).click();
    await page.getByTestId('mode-ground').click();
    // docs/default-run.md#scheduler: ground $29.72 per million tokens under first-come, $27.19 under look-ahead; the
    // least-served satellite 1.0 min (Jain 0.65) against 10.3 min (0.78); the same texts as `ocsim run`'s head lines.
    await expect.poll(() => text('metric-cost-per-mtok'), { timeout: 60_000 }).toBe('$29.72');
    expect(await text('contacts-line')).toBe('200 windows (18.4 h), 167 downlink sessions (6.1 h), 33 lost to antenna contention');
    expect(await text('contacts-least-served')).toBe('SCS-01 K (tle/three-body.tle): 14 sessions, 1.0 min');
    expect(await text('contacts-jain')).toMatch(/^Jain index of minutes 0\.65; /);
    await page.getByTestId('param-scheduler').selectOption('lookahead');
    await page.getByRole('button', { name: /^run/i }).click();
    await expect.poll(() => text('metric-cost-per-mtok'), { timeout: 60_000 }).toBe('$27.19');
    expect(await text('contacts-least-served')).toBe('SCS-01 K (tle/three-body.tle): 10 sessions, 10.3 min');
    expect(await text('contacts-jain')).toBe('Jain index of minutes 0.78; 0 never served; 92 hand-overs');
    await page.getByTestId('contacts-summary').screenshot({ path: join(ARTEFACTS, '05-ground-contacts.png') });
  });

  it('lists bad TLE lines while the good satellites are loaded and drawn', async () => {
    const tle = readFileSync('tle/three-body.tle', 'utf8').split('\n');
    const bad = [...tle.slice(0, 9)];
    bad[2] = bad[2]!.slice(0, 68) + String((Number(bad[2]![68]) + 1) % 10); // wrong checksum on line 3 (SCS-01 A)
    bad[4] = '1 63983U 25100B   26092.98145178  .00060184  00000+0  17765-2 0  999'; // short line 5 (SCS-01 B)
    await page.getByTestId('tle-input').fill(bad.join('\n'));
    await page.getByRole('button', { name: /^run/i }).click();
    const errors = page.getByTestId('scenario-errors');
    await expect.poll(async () => errors.innerText(), { timeout: 60_000 }).toMatch(/line 3/);
    expect(await errors.innerText()).toMatch(/line 5/);
    await page.waitForSelector('[data-frame-ready="true"]');
    await page.keyboard.press('/');
    await page.getByTestId('search').fill('SCS-01 C');
    await page.getByTestId('search').press('Enter');
    await expect.poll(async () => text('inspector'), { timeout: 30_000 }).toMatch(/63984/);
    await page.screenshot({ path: join(ARTEFACTS, '04-bad-tle.png') });
  });
});
