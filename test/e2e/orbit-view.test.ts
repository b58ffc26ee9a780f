// End-to-end, at scale: the walker-100k preset (100,000 satellites, above the browser's simulation limit) loads as
// an orbit view computed by the orbit workers, plays, and a click on the globe picks a satellite by the GPU id pass.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTEFACTS, openApp, pixelStats, startE2e, type E2e } from './harness.ts';

let e: E2e;
let page: Page;

beforeAll(async () => {
  e = await startE2e();
  page = await openApp(e, '?preset=walker-100k');
}, 300_000);

afterAll(async () => {
  await e?.close();
});

const text = (id: string) => page.getByTestId(id).innerText();

describe('orbit view of 100,000 satellites', () => {
  it('shows the constellation as orbits only, drawn by the orbit workers', async () => {
    expect(await text('run-status')).toBe('100,000 satellites · orbits only');
    expect(await text('orbit-view-notice')).toMatch(/orbits only, computed by \d workers\. The browser\s+simulates up to 20,000 satellites/);
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true); // keyframes shared, not copied
    const shot = await page.getByTestId('globe').screenshot({ path: join(ARTEFACTS, 'orbit-view-100k.png') });
    const stats = await pixelStats(page, shot);
    // The shell covers the globe: most of the disc is satellite-white or lit ocean, far from a blank canvas.
    expect(stats.nonDarkFraction).toBeGreaterThan(0.3);
  });

  it('plays: keyframe blocks follow the playhead and the clock advances', async () => {
    const before = await text('sim-time');
    await page.getByTestId('play-pause').click();
    await expect.poll(async () => text('sim-time'), { timeout: 30_000 }).not.toBe(before);
    await page.getByTestId('play-pause').click();
    await page.waitForSelector('[data-frame-ready="true"]');
  });

  it('picks the satellite under the pointer at the globe centre (GPU id pass) and names it', async () => {
    const box = (await page.getByTestId('globe').boundingBox())!;
    // The camera starts above 35° N, 105° E: the satellite drawn at the centre is (nearly) above that point.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(async () => text('inspector-name'), { timeout: 10_000 }).toMatch(/^MEGA \d+-\d+$/);
    const [plane, slot] = (await text('inspector-name')).slice(5).split('-').map(Number);
    // Walker numbering: NORAD = first (1,000,000) + (plane − 1) × 250 + (slot − 1).
    expect(Number(await text('inspector-norad'))).toBe(1_000_000 + (plane! - 1) * 250 + (slot! - 1));
    const where = await page.getByTestId('inspector').innerText();
    const m = /Altitude\s+([\d.]+) km\s+Position\s+([\d.]+)° ([NS]), ([\d.]+)° ([EW])/.exec(where);
    expect(m, where).not.toBeNull();
    const latDeg = Number(m![2]) * (m![3] === 'N' ? 1 : -1);
    const lonDeg = Number(m![4]) * (m![5] === 'E' ? 1 : -1);
    // A 550 km circular shell: SGP4 heights above the ellipsoid within ±25 km (flattening, J2 short-period terms).
    expect(Math.abs(Number(m![1]) - 550)).toBeLessThan(25);
    // ±4.5 px of pick window at ≈ 20 km/px, plus the parallax of a 550 km shell seen from 3 Earth radii: < 2°.
    expect(Math.abs(latDeg - 35)).toBeLessThan(2);
    expect(Math.abs(lonDeg - 105)).toBeLessThan(2);
    await page.screenshot({ path: join(ARTEFACTS, 'orbit-view-100k-picked.png') });
  });

  it('searches the orbit workers by name and NORAD id and selects the hit', async () => {
    await page.keyboard.press('/');
    await page.getByTestId('search').fill('1099999');
    await expect.poll(async () => page.locator('#search-results').innerText()).toMatch(/MEGA 400-250\s+1099999/);
    await page.getByTestId('search').press('Enter');
    await expect.poll(async () => text('inspector-name')).toBe('MEGA 400-250');
    expect(await text('inspector-norad')).toBe('1099999');
  });

  it('loads one million satellites (walker-1m) and draws them', async () => {
    await page.close(); // the 10⁵ page keeps the software GPU busy otherwise
    const big = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      const t0 = Date.now();
      await big.goto(`${e.url}?preset=walker-1m`);
      await big.waitForSelector('[data-frame-ready="true"]', { timeout: 120_000 });
      console.log(`walker-1m: first frame ${Date.now() - t0} ms after navigation`);
      // data-frame-ready: a frame with satellites drawn was rendered (no screenshot: SwiftShader takes ≈ 10 s for one).
      expect(await big.getByTestId('run-status').innerText()).toMatch(/^1,000,000 satellites · orbits only/);
      expect(await big.getByTestId('globe').getAttribute('data-frame-ready')).toBe('true');
    } finally {
      await big.close();
    }
  });
});
