// The app is served with a Content-Security-Policy that forbids inline scripts, and with
// long-lived cache headers for the content-hashed assets.
import { describe, expect, test } from 'vitest';
import { baseURL } from './support';

function directives(csp: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) m.set(name.toLowerCase(), values);
  }
  return m;
}

describe('headers', () => {
  for (const route of ['/', '/login', '/tasks?status=overdue', '/tasks/1']) {
    test(`${route} has a CSP without inline or eval scripts`, async () => {
      const res = await fetch(`${baseURL()}${route}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy');
      expect(csp, 'Content-Security-Policy header').toBeTruthy();
      const d = directives(csp!);
      const scripts = d.get('script-src') ?? d.get('default-src');
      expect(scripts).toBeTruthy();
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('frame-ancestors')).toEqual(["'none'"]);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      // The page itself is revalidated so that a new build is picked up.
      expect(res.headers.get('cache-control') ?? '').toMatch(/no-cache|no-store|max-age=0/);
      // No inline script in the document.
      const html = await res.text();
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].filter((m) => m[1].trim());
      expect(inline.map((m) => m[0].slice(0, 80))).toEqual([]);
    });
  }

  test('hashed assets are cached for long and served compressed', async () => {
    const html = await (await fetch(`${baseURL()}/`)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const a of assets) {
      expect(a).toMatch(/-[A-Za-z0-9_-]{6,}\.(js|css)$/);
      const res = await fetch(`${baseURL()}${a}`, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(res.status, a).toBe(200);
      const cc = res.headers.get('cache-control') ?? '';
      const maxAge = Number(/max-age=(\d+)/.exec(cc)?.[1] ?? 0);
      expect(maxAge, `${a}: ${cc}`).toBeGreaterThanOrEqual(30 * 24 * 3600);
      expect(cc, a).toContain('immutable');
      await res.arrayBuffer();
    }
  });
});

describe('CSP in the browser', () => {
  test('an injected inline script is blocked, and the suite notices the violation', async () => {
    const { launchBrowser, newSession, settle } = await import('./support');
    const browser = await launchBrowser();
    try {
      const { context, page, problems } = await newSession(browser);
      await page.goto('/login');
      await settle(page);
      expect(problems.list.filter((p) => !/status of 401/.test(p))).toEqual([]);
      const ran = await page.evaluate(async () => {
        const w = window as unknown as { __inlineRan?: boolean };
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true;';
        document.head.appendChild(s);
        await new Promise((r) => setTimeout(r, 200));
        return !!w.__inlineRan;
      });
      expect(ran, 'inline script executed').toBe(false);
      await expect.poll(() => problems.list.some((p) => /CSP violation: script-src/.test(p))).toBe(true);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
