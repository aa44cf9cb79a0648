import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, proxy, REACT_SHELL_SCRIPT, REACT_SHELL_SCRIPT_HASH, STRIPE_SOURCES } from '@/proxy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

const base = { nonce: 'bm9uY2U=', development: false, emulatorOrigin: null, https: false };

describe('contentSecurityPolicy', () => {
  it('allows same-origin scripts, inline ones only with the nonce or as React’s shell script, Stripe.js, and no eval', () => {
    expect(directives(contentSecurityPolicy(base)).get('script-src')).toEqual([
      "'self'",
      "'nonce-bm9uY2U='",
      REACT_SHELL_SCRIPT_HASH,
      ...STRIPE_SOURCES.script,
    ]);
  });

  it('allows React’s shell script by the hash of exactly the script the React that Next renders with writes', () => {
    const digest = createHash('sha256').update(REACT_SHELL_SCRIPT).digest('base64');
    expect(REACT_SHELL_SCRIPT_HASH).toBe(`'sha256-${digest}'`);
    const require = createRequire(import.meta.url);
    for (const build of ['react-dom', 'react-dom-experimental']) {
      const fizz = require.resolve(`next/dist/compiled/${build}/cjs/react-dom-server.node.production.js`);
      expect(readFileSync(fizz, 'utf8')).toContain(JSON.stringify(REACT_SHELL_SCRIPT));
    }
  });

  it("allows Stripe.js's script, frame and API origins, and no one may frame the store", () => {
    const csp = directives(contentSecurityPolicy(base));
    expect(csp.get('script-src')).toEqual(expect.arrayContaining([...STRIPE_SOURCES.script]));
    expect(csp.get('frame-src')).toEqual(expect.arrayContaining(['https://js.stripe.com', 'https://hooks.stripe.com']));
    expect(csp.get('connect-src')).toEqual(expect.arrayContaining(['https://api.stripe.com', 'https://*.stripe.com']));
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });

  it('adds the emulator origin to scripts and connections only in emulator mode', () => {
    const real = contentSecurityPolicy(base);
    const emulated = directives(contentSecurityPolicy({ ...base, emulatorOrigin: 'http://127.0.0.1:12111' }));
    expect(real).not.toContain('127.0.0.1');
    expect(emulated.get('script-src')).toContain('http://127.0.0.1:12111');
    expect(emulated.get('connect-src')).toContain('http://127.0.0.1:12111');
    expect(emulated.get('frame-src')).not.toContain('http://127.0.0.1:12111');
  });

  it("adds 'unsafe-eval' for next dev and upgrade-insecure-requests over HTTPS only", () => {
    expect(directives(contentSecurityPolicy({ ...base, development: true })).get('script-src')).toContain(
      "'unsafe-eval'",
    );
    expect(directives(contentSecurityPolicy(base)).has('upgrade-insecure-requests')).toBe(false);
    expect(directives(contentSecurityPolicy({ ...base, https: true })).has('upgrade-insecure-requests')).toBe(true);
  });
});

describe('proxy', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('gives each request a fresh nonce, on the response policy and on the request Next renders with', () => {
    const first = proxy(new NextRequest('http://shop.test/checkout'));
    const second = proxy(new NextRequest('http://shop.test/checkout'));
    const policy = first.headers.get('content-security-policy') ?? '';
    const nonce = first.headers.get('x-middleware-request-x-nonce');
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
    expect(policy).toContain(`'nonce-${nonce}'`);
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    expect(second.headers.get('x-middleware-request-x-nonce')).not.toBe(nonce);
  });

  it('ignores a nonce the client sent', () => {
    const response = proxy(new NextRequest('http://shop.test/', { headers: { 'x-nonce': 'attacker' } }));
    expect(response.headers.get('x-middleware-request-x-nonce')).not.toBe('attacker');
    expect(response.headers.get('content-security-policy')).not.toContain('attacker');
  });

  it('asks for upgrade-insecure-requests behind an HTTPS proxy', () => {
    const response = proxy(new NextRequest('http://shop.test/', { headers: { 'x-forwarded-proto': 'https' } }));
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });
});

describe('next.config headers', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function headersFor(nodeEnv: string, path: '/:path*' | '/api/:path*'): Promise<Map<string, string>> {
    vi.stubEnv('NODE_ENV', nodeEnv);
    vi.resetModules();
    const { default: config } = await import('@/next.config');
    const rules = (await config.headers?.()) ?? [];
    return new Map(rules.find((rule) => rule.source === path)?.headers.map((h) => [h.key, h.value]) ?? []);
  }

  it('sends referrer, sniffing, framing and permissions policies, and HSTS in production', async () => {
    const production = await headersFor('production', '/:path*');
    expect(production.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(production.get('X-Content-Type-Options')).toBe('nosniff');
    expect(production.get('X-Frame-Options')).toBe('DENY');
    expect(production.get('Permissions-Policy')).toContain('payment=(self "https://js.stripe.com"');
    expect(production.get('Strict-Transport-Security')).toMatch(/^max-age=\d{8}; includeSubDomains$/);
  });

  it('sends no HSTS from next dev, so http://localhost keeps working', async () => {
    expect((await headersFor('development', '/:path*')).has('Strict-Transport-Security')).toBe(false);
  });

  it('gives route handlers a policy that allows nothing', async () => {
    expect((await headersFor('production', '/api/:path*')).get('Content-Security-Policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });
});
