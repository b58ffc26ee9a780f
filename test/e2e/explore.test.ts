// End-to-end: the Explore view in the real app (Chromium). A price sweep streams in and its crossover is said in words,
// refined to the CLI's break-even; its CSV is the CLI's sweep byte for byte (the tornado's and the uncertainty's too);
// a price slider moves the curves while dragged; a processing sweep is cancelled; the URL reopens the study. Waits for
// states, never for fixed times.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { ARTEFACTS, openApp, pixelStats, startE2e, type E2e } from './harness.ts';

let e: E2e;
let page: Page;

beforeAll(async () => {
  e = await startE2e();
  page = await openApp(e);
}, 300_000);

afterAll(async () => {
  await e?.close();
});

async function ocsim(...args: string[]): Promise<string> {
  let out = '';
  const code = await main(['node', 'ocsim', ...args], { out: (s) => (out += s.endsWith('\n') ? s : `${s}\n`), err: () => {}, isTty: false });
  expect(code).toBe(0);
  return out;
}

const status = (attrs: string) => page.waitForSelector(`[data-testid="explore-status"]${attrs}`, { timeout: 120_000 });
const crossover = () => page.getByTestId('explore-crossover').first().innerText();
/** The launch price of "Orbit is cheaper below $856588/kg (refined)". */
const dollarsPerKg = (text: string) => Number(/below \$(\d+)\/kg/.exec(text)?.[1]);

async function download(testId: string, from: Page = page): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([from.waitForEvent('download'), from.getByTestId(testId).click()]);
  const path = join(ARTEFACTS, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

const LAUNCH_SWEEP = 'study=sweep&x=economics.launchUsdPerKg:30:3000000:41';

describe('the Explore view', () => {
  it('opens on a price sweep that streams in at once: orbit is cheaper over the whole registry range', async () => {
    await page.getByTestId('explore-toggle').click();
    await status('[data-kind="sweep"][data-status="done"]');
    expect(await page.getByTestId('explore-progress').innerText()).toMatch(/^41 points in \d+ ms$/);
    // $30–10,000/kg: onboard ≈ $1.4–1.7, ground ≈ $29.7 per million tokens
    expect(await page.getByTestId('explore-winner').first().innerText()).toBe('Orbit is cheaper over the whole range');
    // The URL is written on the clock's 500 ms tick.
    await expect.poll(() => page.url(), { timeout: 5_000 }).toContain('view=explore&study=sweep&x=economics.launchUsdPerKg:30:10000:41');
  });

  it('widening the range shows the crossover, refined to the CLI break-even, and the URL keeps the study', async () => {
    await page.getByTestId('explore-x-high').fill('3000000');
    await expect.poll(crossover, { timeout: 60_000 }).toMatch(/^Orbit is cheaper below \$\d+\/kg \(refined\)$/);
    const cli = (await ocsim('breakeven', '--vary', 'economics.launchUsdPerKg', '--range', '30:3000000')).split('\t');
    expect(cli[0]).toBe('breakeven');
    // Both run findBreakeven on the same engine (the app inside the sweep's bracket); the label is in whole dollars.
    expect(Math.abs(dollarsPerKg(await crossover()) - Number(cli[2]))).toBeLessThanOrEqual(3);
    await expect.poll(() => page.url(), { timeout: 5_000 }).toContain(LAUNCH_SWEEP);
    await page.screenshot({ path: join(ARTEFACTS, 'explore-sweep.png') });
  });

  it('exports the sweep: CSV byte-identical to `ocsim sweep`, Parquet with the same numbers, a PNG of the charts', async () => {
    const csv = await download('explore-export-csv');
    expect(csv.name).toBe('three-body-seed20250514-sweep-launchUsdPerKg.csv');
    const text = csv.bytes.toString('utf8');
    expect(text.split('\n')[0]).toMatch(/^economics\.launchUsdPerKg,ground\.latencyS\.p50,ground\.latencyS\.p90,/);
    expect(text.split('\n')).toHaveLength(43); // header, 41 points, final newline
    expect(text).toBe(await ocsim('sweep', '--vary', 'economics.launchUsdPerKg=30:3000000:41:log', '--workers', '0', '--quiet'));
    const pq = await download('explore-export-parquet');
    const rows = await parquetReadObjects({ file: new Uint8Array(pq.bytes).buffer });
    expect(rows).toHaveLength(41);
    const header = text.split('\n')[0]!.split(',');
    expect(String(rows[40]!['onboard.costUsdPerMTok'])).toBe(text.split('\n')[41]!.split(',')[header.indexOf('onboard.costUsdPerMTok')]);
    const png = await download('explore-export-png');
    expect(png.name).toBe('three-body-seed20250514-sweep-launchUsdPerKg.png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('dragging the antenna-price slider moves the curves and the crossover while it moves, and the URL keeps it', async () => {
    const canvas = page.getByTestId('explore-cost-chart').locator('canvas');
    const before = await canvas.screenshot();
    const atTenDollars = dollarsPerKg(await crossover());
    const slider = page.getByTestId('slider-groundStations-costUsdPerMin');
    await slider.scrollIntoViewIfNeeded(); // the mouse acts at page coordinates: the slider must be on screen
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.59, y);
    await page.mouse.down();
    const atStart = await crossover();
    for (let f = 0.56; f >= 0.44; f -= 0.04) await page.mouse.move(box.x + box.width * f, y, { steps: 2 });
    // Still held down: the curves (and the crossover) follow before the release.
    await expect.poll(crossover, { timeout: 30_000 }).not.toBe(atStart);
    for (let f = 0.4; f >= 0.2; f -= 0.04) await page.mouse.move(box.x + box.width * f, y, { steps: 2 });
    await page.mouse.up();
    await status('[data-live="true"][data-status="done"]');
    console.log(`slider: ${await page.getByTestId('explore-progress').innerText()} (41 points repriced in the worker, request to last row)`);
    // Cheaper antenna time makes ground cheaper: orbit now wins only below a lower launch price.
    await expect.poll(async () => dollarsPerKg(await crossover()), { timeout: 30_000 }).toBeLessThan(atTenDollars);
    const after = await canvas.screenshot();
    expect(before.equals(after)).toBe(false);
    await expect.poll(() => page.url(), { timeout: 5_000 }).toMatch(/&fix=groundStations%5B\*%5D\.costUsdPerMin:\d/);
  });

  it('cancels a processing sweep between points', async () => {
    await page.getByTestId('explore-x').selectOption('satellite.compute.topsInt8');
    await page.getByTestId('explore-x-n').fill('101');
    await page.getByTestId('explore-run').click();
    await expect.poll(() => page.getByTestId('explore-progress').innerText(), { timeout: 60_000 }).toMatch(/^[1-9]\d* of 101 points$/);
    await page.getByTestId('explore-cancel').click();
    await status('[data-status="cancelled"]');
    const done = Number(/^cancelled after (\d+) of 101 points$/.exec(await page.getByTestId('explore-progress').innerText())?.[1]);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(101);
  });

  it('a shared link reopens the study: the same sweep, the same slider value, the same crossover', async () => {
    await page.getByTestId('explore-x').selectOption('economics.launchUsdPerKg');
    await page.getByTestId('explore-x-high').fill('3000000');
    await page.getByTestId('explore-x-n').fill('41');
    await expect.poll(crossover, { timeout: 60_000 }).toMatch(/\(refined\)$/);
    const label = await crossover();
    await expect.poll(() => page.url(), { timeout: 5_000 }).toContain(LAUNCH_SWEEP); // written every 500 ms
    const url = page.url();
    const other = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await other.goto(url);
      await other.waitForSelector('[data-testid="explore-status"][data-kind="sweep"][data-status="done"]', { timeout: 120_000 });
      await expect.poll(() => other.getByTestId('explore-crossover').first().innerText(), { timeout: 60_000 }).toBe(label);
    } finally {
      await other.close();
    }
  });

  it('a tornado ranks the parameters by swing; an uncertainty study of prices says how often orbit wins; both as the CLI', async () => {
    await page.getByTestId('explore-kind-tornado').click();
    await status('[data-kind="tornado"][data-status="done"]');
    expect(await page.getByTestId('explore-progress').innerText()).toMatch(/^69 points in /); // the base and 34 parameters × 2 (the 2 tariff factors need hubs with a tariff)
    const first = page.getByTestId('explore-tornado-table').locator('tbody tr').first();
    await expect.poll(() => first.locator('th').innerText(), { timeout: 10_000 }).toBe('antenna time price');
    expect(await first.locator('td').nth(2).innerText()).toBe('$5.47 → $81.48'); // ground at $2 and $30 a minute
    await page.screenshot({ path: join(ARTEFACTS, 'explore-tornado.png') });
    const csv = await download('explore-export-csv');
    expect(csv.name).toBe('three-body-seed20250514-tornado-costUsdPerMTok.csv');
    const cli = join(ARTEFACTS, 'cli-sensitivity.csv');
    await ocsim('sensitivity', '--out', cli, '--workers', '0', '--quiet'); // the same 69 points, the same bytes
    expect(csv.bytes.toString('utf8')).toBe(readFileSync(cli, 'utf8'));
    const other = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await other.goto(`${e.url}?view=explore&study=uncertainty&samples=64&scope=pricing`);
      await other.waitForSelector('[data-testid="explore-status"][data-kind="uncertainty"][data-status="done"]', { timeout: 120_000 });
      // Onboard stays below $4.5 per million tokens at any price in the registry ranges, ground above $5.4.
      await expect.poll(() => other.getByTestId('explore-p-cheaper').innerText(), { timeout: 10_000 }).toBe('100.0 %');
      expect(await other.getByTestId('explore-p-faster').innerText()).toBe('100.0 %'); // prices do not move latency
      await other.screenshot({ path: join(ARTEFACTS, 'explore-uncertainty.png') });
      // The same draws as `ocsim uncertainty` of the same parameters (same distributions, seed and design).
      const csv = await download('explore-export-csv', other);
      expect(csv.name).toBe('three-body-seed20250514-uncertainty-lhs64-pricing.csv');
      const text = csv.bytes.toString('utf8');
      const header = text.split('\n')[0]!.split(',');
      const params = header.slice(0, header.indexOf('ground.latencyS.p50'));
      expect(params).toContain('economics.launchUsdPerKg');
      const out = join(ARTEFACTS, 'cli-uncertainty.csv');
      await ocsim('uncertainty', '--params', params.join(','), '--samples', '64', '--out', out, '--workers', '0', '--quiet');
      expect(text).toBe(readFileSync(out, 'utf8'));
    } finally {
      await other.close();
    }
  });

  it('holding the hub GPUs as a lease removes the antenna-price crossover; the CSV is the CLI sweep with the choice by name', async () => {
    const other = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await other.goto(`${e.url}?view=explore&study=sweep&x=groundStations%5B*%5D.costUsdPerMin:0.01:30:41`);
      await other.waitForSelector('[data-testid="explore-status"][data-kind="sweep"][data-status="done"]', { timeout: 120_000 });
      // On-demand GPUs: the ground is cheaper only below ≈ $0.29 a minute of antenna time (docs/studies.md §5).
      await expect.poll(() => other.getByTestId('explore-crossover').first().innerText(), { timeout: 60_000 }).toMatch(/^Orbit is cheaper above \$0\.291\/min/);
      const choice = other.getByTestId('choice-gpu-pricing');
      expect(await choice.inputValue()).toBe('on-demand');
      await choice.selectOption('reserved');
      // 80 GPUs leased for the day: ground ≥ $25 per million tokens even with free antenna time.
      await expect.poll(() => other.getByTestId('explore-winner').first().innerText(), { timeout: 60_000 }).toBe('Orbit is cheaper over the whole range');
      await expect.poll(() => other.url(), { timeout: 5_000 }).toContain('&fix=gpu.pricing:reserved');
      const csv = await download('explore-export-csv', other);
      const text = csv.bytes.toString('utf8');
      expect(text.split('\n')[0]).toMatch(/^groundStations\[\*\]\.costUsdPerMin,gpu\.pricing,/);
      expect(text.split('\n')[1]).toMatch(/^0\.01,reserved,/);
      const cli = await ocsim(
        'sweep',
        '--vary',
        'groundStations[*].costUsdPerMin=0.01:30:41:log',
        '--vary',
        'gpu.pricing=reserved',
        '--workers',
        '0',
        '--quiet',
      );
      expect(text).toBe(cli);
      await other.screenshot({ path: join(ARTEFACTS, 'explore-reserved-gpus.png') });
    } finally {
      await other.close();
    }
  });

  it('E goes back to the globe, which draws again (it draws nothing while hidden)', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('e');
    await page.waitForSelector('[data-testid="explore-view"]', { state: 'detached' });
    await expect.poll(() => page.url(), { timeout: 5_000 }).not.toContain('study=');
    await expect
      .poll(async () => (await pixelStats(page, await page.getByTestId('globe').screenshot())).distinctColours, { timeout: 60_000 })
      .toBeGreaterThan(200); // as app.test.ts: land, terminator and satellites, not a blank canvas
  });
});
