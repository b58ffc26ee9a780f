// Vite (the browser app, issue 4) and Vitest (the test suite) configuration.
// COOP/COEP make the page cross-origin isolated, so SharedArrayBuffer is available; the app works without too.
import { defineConfig } from 'vitest/config';

const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  server: { headers: isolation },
  preview: { headers: isolation },
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
