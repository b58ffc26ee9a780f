// The app's Content-Security-Policy string (served by vite.config.ts, checked live by test/e2e/faults.test.ts):
// script and workers from the app's origin only, no eval of any kind, header-only directives left out of the
// <meta> form, and `vite` dev's nonce added to script-src and style-src only.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, CSP_DIRECTIVES } from '../../src/app/content-security-policy.ts';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.slice(0, d.indexOf(' ')), d.slice(d.indexOf(' ') + 1)]));

describe('contentSecurityPolicy', () => {
  it('allows script and workers from the app itself only: no eval, no inline script, no blob: or data: workers', () => {
    const p = directives(contentSecurityPolicy());
    expect(p.get('script-src')).toBe("'self'");
    expect(p.get('worker-src')).toBe("'self'");
    expect(p.get('default-src')).toBe("'self'");
    expect(p.get('object-src')).toBe("'none'");
    expect(p.get('frame-ancestors')).toBe("'none'");
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-inline|blob:|\*/);
    expect(p.size).toBe(CSP_DIRECTIVES.length);
  });

  it('leaves the directives a <meta> cannot carry out of the meta form', () => {
    const meta = directives(contentSecurityPolicy({ meta: true }));
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(meta.size).toBe(CSP_DIRECTIVES.length - 1);
    expect(meta.get('script-src')).toBe("'self'");
  });

  it("adds `vite` dev's nonce to script-src and style-src only", () => {
    const dev = directives(contentSecurityPolicy({ nonce: 'abc+/=' }));
    expect(dev.get('script-src')).toBe("'self' 'nonce-abc+/='");
    expect(dev.get('style-src')).toBe("'self' 'nonce-abc+/='");
    expect(dev.get('worker-src')).toBe("'self'");
    expect(dev.get('connect-src')).toBe("'self'");
  });
});
