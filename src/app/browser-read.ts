// Reading the files a scenario names in a browser: the shipped TLE sets bundled by Vite (lazy chunks), other
// files fetched from the site. Light on purpose (no land mask, no engine): the main thread uses it to count a
// scenario's satellites before choosing to simulate or show orbits only. Imports no React or three.
/// <reference types="vite/client" />
/**
 * tle/*.tle as lazily loaded text chunks: the presets name `tle/three-body.tle` and `tle/starlink-20260512.tle`,
 * which then load the same way in `vite` dev and in the production build (no copy to public/ needed).
 */
const bundledTle = import.meta.glob<string>('/tle/*.tle', { query: '?raw', import: 'default' });

/** The bundled text of `path` ("tle/x.tle", "./tle/x.tle" or "/tle/x.tle"), or undefined if not bundled. */
export function bundledFile(path: string): (() => Promise<string>) | undefined {
  return bundledTle[`/${path.replace(/^\.?\/+/, '')}`];
}

/** Reads a file named in a scenario: bundled TLE sets first, else fetched from the site (relative to its base). */
export async function browserReadText(path: string): Promise<string> {
  const bundled = bundledFile(path);
  if (bundled) return bundled();
  const url = new URL(path.replace(/^\/+/, ''), new URL(import.meta.env.BASE_URL, self.location.origin));
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText} for ${url.pathname}`);
  return res.text();
}
