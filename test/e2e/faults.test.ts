// End-to-end: faults injected into the real app (Chromium) with standard means only, no hook in the app — the page
// terminates a worker (through a handle an init script keeps when the app makes it), a worker closes itself or throws
// (Playwright's evaluate in that worker), the WebGL context is lost (WEBGL_lose_context) — and the
// Content-Security-Policy. The app must recover with the scenario, the selected satellite and the playback time
// kept, and say so in its notice; no CSP violation may be reported while a run, the Explore view and the orbit view
// play (the harness collects the Report-Only twin's reports, page and workers alike).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker as PageWorker } from 'playwright-core';
import { contentSecurityPolicy } from '../../src/app/content-security-policy.ts';
import { ORBIT_WORKER_RESTARTED_NOTICE, WORKER_GAVE_UP_MESSAGE, WORKER_RESTARTED_NOTICE } from '../../src/app/sim-client.ts';
import { CONTEXT_LOST_NOTICE, CONTEXT_RESTORED_NOTICE } from '../../src/app/view3d/context-loss.ts';
import { ARTEFACTS, openApp, pixelStats, startE2e, type E2e } from './harness.ts';

let e: E2e;
let page: Page;

/** SCS-01 D (NORAD 63985) selected at 03:14 UTC on the three-body preset, paused. */
const RUN_QUERY = '?preset=three-body&t=2026-04-02T03:14:00Z&sat=63985';

/** Init script: every Worker the app makes is also kept in globalThis.e2eWorkers (url, worker) for the test. */
function keepWorkerHandles(): void {
  const made: { url: string; worker: Worker }[] = [];
  (globalThis as { e2eWorkers?: typeof made }).e2eWorkers = made;
  const Native = globalThis.Worker;
  globalThis.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      made.push({ url: String(url), worker: this });
    }
  };
}

beforeAll(async () => {
  e = await startE2e();
  page = await openApp(e, RUN_QUERY, keepWorkerHandles);
}, 300_000);

afterAll(async () => {
  await e?.close();
});

const text = (id: string, p: Page = page) => p.getByTestId(id).innerText();
const status = (p: Page = page) => p.getByTestId('run-status').getAttribute('data-status');
/** The UTC clock's text ("2026-04-02T03:14:00Z") as ms since the epoch. */
const simTimeMs = async (p: Page = page) => Date.parse(await text('sim-time', p));
const workersOf = (p: Page, kind: 'sim' | 'orbit') => p.workers().filter((w) => w.url().includes(`/${kind}.worker-`));

/** What the user sees of the scenario, selection and time. */
async function kept(p: Page = page): Promise<{ scenario: string; satellite: string; time: string }> {
  return { scenario: await text('scenario-name', p), satellite: await text('inspector-norad', p), time: await text('sim-time', p) };
}

/**
 * Terminates the page's newest simulation worker in the middle of its run: in the page, as soon as the run status
 * shows the worker's progress (so it holds its life lock and runs), `terminate()` through the init script's handle.
 * Terminated from outside, the worker fires no event: only its life lock goes. Its reply can never come.
 */
async function terminateSimWorkerMidRun(p: Page): Promise<void> {
  await p.evaluate(async () => {
    const running = () => /\d+ %/.test(document.querySelector('[data-testid="run-status"][data-status="running"]')?.textContent ?? '');
    for (let i = 0; i < 6000 && !running(); i++) await new Promise((r) => setTimeout(r, 5));
    const made = (globalThis as unknown as { e2eWorkers: { url: string; worker: Worker }[] }).e2eWorkers;
    made
      .filter((w) => w.url.includes('/sim.worker-'))
      .at(-1)!
      .worker.terminate();
  });
  expect(await status(p)).toBe('running'); // mid-run
}

/** In an idle worker: waits until it holds its life lock, then closes it. */
async function closeWhenWatched(w: PageWorker): Promise<void> {
  await w.evaluate(async () => {
    for (;;) {
      const { held = [] } = await navigator.locks.query();
      if (held.some((l) => l.name === self.name)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    self.close();
  });
}

async function noticeSays(expected: string, p: Page = page): Promise<void> {
  await expect.poll(() => text('notice', p), { timeout: 60_000 }).toContain(expected);
}

/** Loses the globe's WebGL context (WEBGL_lose_context), waits for the notice, restores it, waits again. */
async function loseAndRestoreContext(p: Page): Promise<void> {
  await p.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="globe"] canvas')!;
    const ext = canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
    (globalThis as { loseContextExt?: WEBGL_lose_context }).loseContextExt = ext;
    ext.loseContext();
  });
  await noticeSays(CONTEXT_LOST_NOTICE, p);
  await p.evaluate(() => (globalThis as { loseContextExt?: WEBGL_lose_context }).loseContextExt!.restoreContext());
  await noticeSays(CONTEXT_RESTORED_NOTICE, p);
  await p.waitForTimeout(1000); // a few frames: textures and buffers re-uploaded from the layers' CPU copies
}

describe('Content-Security-Policy', () => {
  it('is sent with every response (page and workers), with COOP/COEP, and as a <meta> in the built page', async () => {
    const res = await fetch(e.url);
    const policy = contentSecurityPolicy();
    expect(res.headers.get('content-security-policy')).toBe(policy);
    expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(policy).toMatch(/(^|; )worker-src 'self'(;|$)/);
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|blob:/);
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    const html = await res.text(); // the built index.html
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ meta: true }).replaceAll("'", '&#39;')}">`);
    const sim = workersOf(page, 'sim')[0]!;
    const worker = await fetch(sim.url());
    expect(worker.headers.get('content-security-policy')).toBe(policy);
  });

  it('reports no violation while the app runs a scenario', () => {
    expect(e.cspReports).toEqual([]);
  });
});

/** The preset, satellite and time RUN_QUERY asks for, as the top bar, inspector and clock show them. */
const ASKED = { scenario: 'three-body', satellite: '63985', time: '2026-04-02T03:14:00Z' };

describe('the simulation worker dies', () => {
  it('is terminated during the first run: a new worker runs the scenario; the scenario, selection and time asked for are kept', async () => {
    const fresh = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await fresh.addInitScript(keepWorkerHandles);
      await fresh.goto(e.url + RUN_QUERY);
      await terminateSimWorkerMidRun(fresh);
      await noticeSays(WORKER_RESTARTED_NOTICE, fresh);
      await expect.poll(() => status(fresh), { timeout: 120_000 }).toBe('ready');
      await fresh.waitForSelector('[data-frame-ready="true"]', { timeout: 60_000 });
      expect(workersOf(fresh, 'sim')).toHaveLength(1);
      expect(await fresh.evaluate(() => (globalThis as unknown as { e2eWorkers: unknown[] }).e2eWorkers.length)).toBe(2);
      expect(await kept(fresh)).toEqual(ASKED);
    } finally {
      await fresh.close();
    }
  });

  it('throws an uncaught error while playing: restarted, the run is restored, playback goes on from where it was', async () => {
    expect(await kept()).toEqual(ASKED);
    await page.getByTestId('speed').selectOption('60');
    await page.getByTestId('play-pause').click();
    const old = workersOf(page, 'sim')[0]!;
    const t0 = await simTimeMs();
    const wall0 = Date.now();
    await old.evaluate(() =>
      setTimeout(() => {
        throw new Error('injected fault');
      }),
    );
    await noticeSays(WORKER_RESTARTED_NOTICE);
    await expect.poll(() => status(), { timeout: 120_000 }).toBe('ready');
    await page.waitForSelector('[data-frame-ready="true"]');
    expect(workersOf(page, 'sim')).toHaveLength(1);
    expect(workersOf(page, 'sim')[0]).not.toBe(old);
    expect(await page.getByTestId('play-pause').getAttribute('aria-pressed')).toBe('true');
    const t1 = await simTimeMs();
    const wallS = (Date.now() - wall0) / 1000;
    // Playing at 60×: the time moved on from t0 (never back to the window's start), by at most 60 × the wall time.
    expect(t1).toBeGreaterThan(t0);
    expect(t1 - t0).toBeLessThanOrEqual((60 * wallS + 2) * 1000);
    await page.getByTestId('play-pause').click();
    const now = await kept();
    expect([now.scenario, now.satellite]).toEqual([ASKED.scenario, ASKED.satellite]);
  });

  it('closes itself while idle, then its successor dies while restoring the run: a clear error, no restart loop, the run shown stays', async () => {
    await page.getByTestId('notice').getByRole('button', { name: 'Dismiss notice' }).click();
    const before = await kept();
    const made: PageWorker[] = [];
    const count = (w: PageWorker) => void (w.url().includes('/sim.worker-') && made.push(w));
    page.on('worker', count);
    try {
      await closeWhenWatched(workersOf(page, 'sim')[0]!); // idle: the run shown is re-submitted to a new worker…
      await terminateSimWorkerMidRun(page); // …which dies while running it
      await expect.poll(() => text('error-banner'), { timeout: 60_000 }).toContain(WORKER_GAVE_UP_MESSAGE);
      expect(await status()).toBe('error');
      await page.waitForTimeout(3000);
      expect(made).toHaveLength(1); // one restart, then none
      expect(await kept()).toEqual(before);
    } finally {
      page.off('worker', count);
    }
  });

  it("mid-run of the user's next run: restarted, the run completes; scenario, selection and time kept", async () => {
    const before = await kept();
    await page.getByTestId('run').click(); // the user's run starts afresh, on a new worker (the last one died)
    await terminateSimWorkerMidRun(page);
    await noticeSays(WORKER_RESTARTED_NOTICE);
    await expect.poll(() => status(), { timeout: 120_000 }).toBe('ready');
    await page.waitForSelector('[data-frame-ready="true"]');
    expect(await page.getByTestId('error-banner').count()).toBe(0);
    // Paused: the time is kept to the second shown (tolerance 0 s).
    expect(await kept()).toEqual(before);
    const stats = await pixelStats(page, await page.getByTestId('globe').screenshot({ path: join(ARTEFACTS, 'fault-sim-worker.png') }));
    expect(stats.brightSmallSpots).toBeGreaterThan(10);
  });
});

describe('the WebGL context is lost', () => {
  it('and restored: the globe draws the same again, scenario, selection and time kept', async () => {
    await page.waitForSelector('[data-frame-ready="true"]');
    const before = await kept();
    const a = await pixelStats(page, await page.getByTestId('globe').screenshot());
    await loseAndRestoreContext(page);
    const png = await page.getByTestId('globe').screenshot({ path: join(ARTEFACTS, 'fault-webgl-restored.png') });
    // As app.test.ts's first picture: a blank or one-colour canvas has a handful of colours and no bright points.
    const b = await pixelStats(page, png);
    expect(b.distinctColours).toBeGreaterThan(200);
    expect(b.nonDarkFraction).toBeGreaterThan(0.05);
    expect(b.brightSmallSpots).toBeGreaterThan(10);
    // Paused, same camera: the satellites and stations (the bright pixels) are back where they were (±20 %).
    expect(Math.abs(b.brightSmallSpots - a.brightSmallSpots)).toBeLessThanOrEqual(0.2 * a.brightSmallSpots);
    expect(await kept()).toEqual(before);
  });
});

describe('the Explore view', () => {
  it('runs its study with no CSP violation reported', async () => {
    await page.getByTestId('explore-toggle').click();
    await page.waitForSelector('[data-testid="explore-status"][data-status="done"]', { timeout: 120_000 });
    await page.getByTestId('explore-toggle').click();
    expect(e.cspReports).toEqual([]);
  });
});

describe('an orbit worker dies while the orbit view plays (walker-100k)', () => {
  let big: Page;

  beforeAll(async () => {
    await page.close(); // SwiftShader draws one page at a time well enough
    big = await openApp(e, '?preset=walker-100k');
  }, 300_000);

  it('is replaced: its slice is loaded again, keyframes keep coming, selection and time kept', async () => {
    await big.keyboard.press('/');
    await big.getByTestId('search').fill('1099999');
    await expect.poll(() => big.locator('#search-results').innerText(), { timeout: 30_000 }).toMatch(/MEGA 400-250/);
    await big.getByTestId('search').press('Enter');
    await expect.poll(() => text('inspector-name', big), { timeout: 30_000 }).toBe('MEGA 400-250');
    const count = workersOf(big, 'orbit').length;
    expect(count).toBeGreaterThanOrEqual(2);
    await big.getByTestId('speed').selectOption('900');
    await big.getByTestId('play-pause').click();
    const t0 = await simTimeMs(big);
    await closeWhenWatched(workersOf(big, 'orbit')[0]!);
    await noticeSays(ORBIT_WORKER_RESTARTED_NOTICE, big);
    expect(workersOf(big, 'orbit')).toHaveLength(count);
    // Keyframes keep coming: the playhead runs past the blocks loaded before the death (27 frames = 26 min each,
    // 4 kept) only if the new worker fills its slice of the next ones.
    await expect.poll(async () => (await simTimeMs(big)) - t0, { timeout: 120_000 }).toBeGreaterThan(3 * 3600_000);
    await big.getByTestId('play-pause').click();
    await big.waitForSelector('[data-testid="orbits-loading"]', { state: 'detached', timeout: 120_000 });
    await big.waitForSelector('[data-frame-ready="true"]');
    expect(await text('inspector-name', big)).toBe('MEGA 400-250');
    expect(await text('inspector-norad', big)).toBe('1099999');
    expect(await text('scenario-name', big)).toMatch(/walker|100/i);
    const shot = await big.getByTestId('globe').screenshot({ path: join(ARTEFACTS, 'fault-orbit-worker.png') });
    expect((await pixelStats(big, shot)).nonDarkFraction).toBeGreaterThan(0.3);
  });

  it('loses and restores its WebGL context: the keyframe textures are uploaded again', async () => {
    const before = await kept(big);
    const a = await pixelStats(big, await big.getByTestId('globe').screenshot());
    await loseAndRestoreContext(big);
    await big.waitForSelector('[data-frame-ready="true"]');
    const b = await pixelStats(big, await big.getByTestId('globe').screenshot({ path: join(ARTEFACTS, 'fault-orbit-webgl.png') }));
    expect(b.nonDarkFraction).toBeGreaterThan(0.3);
    // Paused: the 100,000 satellites (the bright pixels) are drawn from the keyframe textures again (±20 %).
    expect(a.brightSmallSpots).toBeGreaterThan(1000);
    expect(Math.abs(b.brightSmallSpots - a.brightSmallSpots)).toBeLessThanOrEqual(0.2 * a.brightSmallSpots);
    expect(await kept(big)).toEqual(before);
  });

  it('reports no CSP violation in the orbit view either', () => {
    expect(e.cspReports).toEqual([]);
  });
});
