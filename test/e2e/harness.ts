// Browser-test harness: builds the app once (vite build), serves it with `vite preview` on a free port, and drives
// Debian's Chromium with playwright-core (no browser download). Screenshots go to test-results/e2e/ (artefacts).
// The server also sends the app's Content-Security-Policy as Report-Only with a report-uri, and keeps the reports:
// the browser reports each violation of the page and of the workers there (a worker's own `securitypolicyviolation`
// events never reach the page).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, preview, type Plugin, type PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/cli/node-io.ts';
import { contentSecurityPolicy } from '../../src/app/content-security-policy.ts';

export const ARTEFACTS = resolve(PROJECT_ROOT, 'test-results/e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
];

export interface E2e {
  server: PreviewServer;
  /** CSP violation reports received so far (`csp-report` bodies: violated directive, blocked URI, document, …). */
  cspReports: Record<string, unknown>[];
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

export async function startE2e(): Promise<E2e> {
  mkdirSync(ARTEFACTS, { recursive: true });
  const outDir = resolve(PROJECT_ROOT, 'dist');
  await build({ root: PROJECT_ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const cspReports: Record<string, unknown>[] = [];
  const server = await preview({
    root: PROJECT_ROOT,
    logLevel: 'warn',
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    build: { outDir },
    plugins: [cspReportCollector(cspReports)],
  });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${(server.httpServer.address() as { port: number }).port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  return {
    server,
    cspReports,
    browser,
    url,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Path the Report-Only twin of the policy reports to. */
const CSP_REPORT_PATH = '/__csp-report';

/** Adds the Report-Only twin of the app's policy to every response and collects the reports posted back. */
function cspReportCollector(reports: Record<string, unknown>[]): Plugin {
  return {
    name: 'e2e-csp-report-collector',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url !== CSP_REPORT_PATH) {
          res.setHeader('Content-Security-Policy-Report-Only', `${contentSecurityPolicy()}; report-uri ${CSP_REPORT_PATH}`);
          next();
          return;
        }
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        req.on('end', () => {
          const parsed = JSON.parse(body) as { 'csp-report'?: Record<string, unknown> };
          reports.push(parsed['csp-report'] ?? parsed);
          res.statusCode = 204;
          res.end();
        });
      });
    },
  };
}

const warnings = new WeakMap<Page, string[]>();

/** Console warnings a page opened by openApp has logged so far. */
export function consoleWarnings(page: Page): readonly string[] {
  return warnings.get(page) ?? [];
}

/**
 * Opens the app and waits until the first frame with satellites is drawn. `initScript` runs in the page before the
 * app's own scripts (Playwright's addInitScript), e.g. to keep handles on the workers the app makes.
 */
export async function openApp(e: E2e, query = '', initScript?: () => void): Promise<Page> {
  const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  if (initScript) await page.addInitScript(initScript);
  const logged: string[] = [];
  warnings.set(page, logged);
  page.on('pageerror', (err) => console.error('[page error]', err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') console.error('[console]', msg.text());
    if (msg.type() === 'warning') logged.push(msg.text());
  });
  await page.goto(e.url + query);
  await page.waitForSelector('[data-frame-ready="true"]', { timeout: 120_000 });
  return page;
}

/** Pixel statistics of a screenshot, decoded in the page (no PNG library needed). */
export async function pixelStats(page: Page, png: Buffer): Promise<{ distinctColours: number; nonDarkFraction: number; brightSmallSpots: number }> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set<number>();
    let nonDark = 0;
    let bright = 0;
    for (let i = 0; i < d.length; i += 4) {
      const r = d[i]!,
        g = d[i + 1]!,
        b = d[i + 2]!;
      colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
      if (r + g + b > 60) nonDark++;
      if (Math.max(r, g, b) > 200) bright++;
    }
    return { distinctColours: colours.size, nonDarkFraction: nonDark / (d.length / 4), brightSmallSpots: bright };
  }, png.toString('base64'));
}
