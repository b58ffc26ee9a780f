// The app's Content-Security-Policy: script only from the app's own origin, workers included, and nothing evaluated
// from text — imported scenarios, runs and element sets are data, never code. One definition for every server
// (vite.config.ts: `vite` dev, `vite preview`, the <meta> of the built index.html) and the e2e test. Imports nothing.

/**
 * The production policy, directive by directive. What the app needs, checked by test/e2e/faults.test.ts (no
 * violation while a run, the Explore view and the orbit view play):
 * - scripts and workers: the bundles and the module workers Vite emits as files (assets/*.worker-*.js: no blob: or
 *   data: workers). No 'unsafe-eval': zod's compiled parsers are switched off (no-eval.ts). No 'wasm-unsafe-eval'
 *   either: the browser propagates with the packed SGP4 kernel in JavaScript (createOrbitPropagator's default);
 *   satellite.js's WASM bulk propagator is bundled but never instantiated there.
 * - styles: the built stylesheet; React sets inline styles through the CSSOM, which style-src does not govern.
 * - images: `data:` for the empty favicon (`<link rel="icon" href="data:,">`).
 * - connections: files a scenario names are fetched from the site (and `vite` dev's HMR socket is same-origin).
 */
export const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['worker-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'none'"],
];

/** Directives a <meta http-equiv> policy cannot carry (the browser ignores them there, with a console message). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

export interface PolicyOptions {
  /**
   * `vite` dev only: its inline React-refresh preamble and injected <style> elements carry this nonce (Vite's
   * `html.cspNonce`), which script-src and style-src then allow. Never set for a build.
   */
  nonce?: string;
  /** For a <meta http-equiv="Content-Security-Policy">: the header-only directives are left out. */
  meta?: boolean;
}

/** The policy as a header value (`default-src 'self'; script-src 'self'; …`). */
export function contentSecurityPolicy(opts: PolicyOptions = {}): string {
  return CSP_DIRECTIVES.filter(([name]) => !(opts.meta && HEADER_ONLY.has(name)))
    .map(([name, value]) => (opts.nonce && (name === 'script-src' || name === 'style-src') ? `${name} ${value} 'nonce-${opts.nonce}'` : `${name} ${value}`))
    .join('; ');
}
