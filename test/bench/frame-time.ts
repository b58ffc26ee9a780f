// Benchmark (not a test): the browser app at scale in headless Chromium (SwiftShader, no GPU), against the
// three-body preset (12 satellites) measured in the same run:
// - load: navigation to the first frame with satellites drawn (walker-100k, walker-1m: orbit workers), median of 3;
// - main-thread time per animation frame while playing (Starlink 10,313 simulated, at 60×; the walker-1m orbit view
//   at 10× and 1×, whose keyframe blocks the orbit workers compute while it plays and whose next keyframe streams to the
//   GPU in bands): time inside requestAnimationFrame callbacks (playback clock, r3f's loop with the view's useFrame
//   work and three.js draw submission), the view's own 'ocsim-frame' measure, and how much of it was spent inside
//   WebGL upload calls (waiting for the software GPU process);
// - GPU picking: main-thread time of one pick (id pass around the pointer + read-back), 'ocsim-pick' measures.
// Run: npm run bench:frame
import type { Page } from 'playwright-core';
import { startE2e } from '../e2e/harness.ts';
import { median, printBench, printCheck } from './bench-util.ts';

const FRAMES = 300;
/** Longest a playing sample lasts, ms of wall time (SwiftShader draws 10⁶ points at < 1 fps). */
const PLAY_MS = 60_000;
const PICKS = 9;

/** Wraps the WebGL2 upload calls to sum the main-thread time spent inside them (window.__uploadMs). */
function wrapUploads(): void {
  const w = window as unknown as { __uploadMs: number };
  w.__uploadMs = 0;
  const proto = WebGL2RenderingContext.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const name of ['texImage2D', 'texSubImage2D']) {
    const orig = proto[name]!;
    proto[name] = function (this: unknown, ...a: unknown[]) {
      const t0 = performance.now();
      try {
        return orig.apply(this, a);
      } finally {
        w.__uploadMs += performance.now() - t0;
      }
    };
  }
}

function wrapRaf(): void {
  const w = window as unknown as { __rafMs: number[] };
  w.__rafMs = [];
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) =>
    raf((t) => {
      const t0 = performance.now();
      try {
        cb(t);
      } finally {
        w.__rafMs.push(performance.now() - t0);
      }
    });
}

const quantile = (a: number[], q: number) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(q * a.length))]!;

interface Session {
  raf: number[];
  view: number[];
  picks: number[];
  fps: number;
  uploadMs: number;
}

async function session(e: Awaited<ReturnType<typeof startE2e>>, preset: string, speed: number | null): Promise<Session> {
  const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript(wrapRaf);
  await page.addInitScript(wrapUploads);
  await page.goto(`${e.url}?preset=${preset}&speed=${speed ?? 60}`);
  await page.waitForSelector('[data-frame-ready="true"]', { timeout: 300_000 });
  let raf: number[] = [];
  let view: number[] = [];
  let fps = NaN;
  let uploadMs = NaN;
  if (speed !== null) {
    await page.getByTestId('play-pause').click();
    await page.waitForTimeout(1000);
    await page.evaluate(() => {
      (window as unknown as { __rafMs: number[] }).__rafMs = [];
      (window as unknown as { __uploadMs: number }).__uploadMs = 0;
      performance.clearMeasures('ocsim-frame');
    });
    const w0 = Date.now();
    // Fewer frames in PLAY_MS: measure those.
    await page.waitForFunction((n) => (window as unknown as { __rafMs: number[] }).__rafMs.length >= n, FRAMES, { timeout: PLAY_MS }).catch(() => undefined);
    raf = await page.evaluate(() => (window as unknown as { __rafMs: number[] }).__rafMs.slice());
    view = await page.evaluate(() => performance.getEntriesByName('ocsim-frame').map((m) => m.duration));
    uploadMs = await page.evaluate(() => (window as unknown as { __uploadMs: number }).__uploadMs);
    fps = view.length / ((Date.now() - w0) / 1000);
    await page.getByTestId('play-pause').click();
  }
  const picks = await pickTimes(page);
  await page.close();
  return { raf, view, picks, fps, uploadMs };
}

/** Clicks a 3 × 3 grid around the globe centre (the picks select satellites or clear the selection). */
async function pickTimes(page: Page): Promise<number[]> {
  await page.evaluate(() => performance.clearMeasures('ocsim-pick'));
  const box = (await page.getByTestId('globe').boundingBox())!;
  for (let k = 0; k < PICKS; k++) {
    await page.mouse.click(box.x + box.width * (0.4 + 0.1 * (k % 3)), box.y + box.height * (0.4 + 0.1 * Math.floor(k / 3)));
    await page.waitForTimeout(50);
  }
  return page.evaluate(() => performance.getEntriesByName('ocsim-pick').map((m) => m.duration));
}

/** Median of `rounds` navigations to the first frame with satellites, ms (fresh page each). */
async function loadMs(e: Awaited<ReturnType<typeof startE2e>>, preset: string, rounds = 3): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const t0 = Date.now();
    await page.goto(`${e.url}?preset=${preset}`);
    await page.waitForSelector('[data-frame-ready="true"]', { timeout: 300_000 });
    times.push(Date.now() - t0);
    await page.close();
  }
  return median(times);
}

const e = await startE2e();
try {
  const loads = { base: await loadMs(e, 'three-body'), k100: await loadMs(e, 'walker-100k'), m1: await loadMs(e, 'walker-1m') };
  const base = await session(e, 'three-body', 60);
  const star = await session(e, 'starlink', 60);
  const k100 = await session(e, 'walker-100k', null);
  const m1 = await session(e, 'walker-1m', 10);
  const m1rt = await session(e, 'walker-1m', 1);
  const baseName = 'three-body-12-sats';
  const ms = (name: string, v: number, b: number) => printBench(name, v, 'ms', baseName, b, false);
  ms('load-walker-100k-orbit-view', loads.k100, loads.base);
  ms('load-walker-1m-orbit-view', loads.m1, loads.base);
  for (const [label, s] of [
    ['starlink-10313-60x', star],
    ['walker-1m-10x', m1],
    ['walker-1m-1x', m1rt],
  ] as const) {
    ms(`raf-callback-median-${label}`, quantile(s.raf, 0.5), quantile(base.raf, 0.5));
    ms(`raf-callback-p95-${label}`, quantile(s.raf, 0.95), quantile(base.raf, 0.95));
    ms(`raf-callback-max-${label}`, Math.max(...s.raf), Math.max(...base.raf));
    ms(`view-useframe-median-${label}`, quantile(s.view, 0.5), quantile(base.view, 0.5));
    printCheck(`frames-per-second-${label}`, s.fps, 'fps', `SwiftShader (CPU) rendering; three-body ${base.fps.toFixed(1)} fps`);
    printCheck(
      `frames-measured-${label}`,
      s.view.length,
      'frames',
      `${s.uploadMs.toFixed(0)} ms inside texImage2D/texSubImage2D in all (three-body ${base.uploadMs.toFixed(0)} ms)`,
    );
  }
  ms('gpu-pick-median-walker-1m', median(m1.picks), median(base.picks));
  ms('gpu-pick-median-walker-100k', median(k100.picks), median(base.picks));
  printCheck('gpu-picks-measured', `${m1.picks.length}/${k100.picks.length}/${base.picks.length}`, 'picks', 'walker-1m / walker-100k / three-body');
} finally {
  await e.close();
}
