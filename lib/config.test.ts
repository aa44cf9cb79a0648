import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseServerConfig, toPublicStripeConfig } from '@/lib/config';

const emulatorEnv = { STRIPE_EMULATOR_URL: 'http://127.0.0.1:12111' };
const AUTH_SECRET = 'x'.repeat(32);
const testKeys = {
  STRIPE_SECRET_KEY: 'sk_test_abc123',
  NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_test_abc123',
  STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
  BETTER_AUTH_SECRET: AUTH_SECRET,
};
/** What a production server with real keys needs for accounts: where emailed links point, and SMTP. */
const productionMail = {
  APP_URL: 'https://shop.example',
  SMTP_URL: 'smtps://user:pass@smtp.example:465',
  MAIL_FROM: 'Larkspur <orders@shop.example>',
};

describe('parseServerConfig — Stripe modes', () => {
  it('uses the emulator with its default keys when only STRIPE_EMULATOR_URL is set', () => {
    const config = parseServerConfig(emulatorEnv);
    expect(config.stripe).toEqual({
      mode: 'emulator',
      secretKey: 'sk_test_emulator',
      publishableKey: 'pk_test_emulator',
      webhookSecret: 'whsec_local_emulator_secret',
      emulatorUrl: 'http://127.0.0.1:12111',
    });
  });

  it('gives the browser the stand-in Stripe.js URL in emulator mode only', () => {
    expect(toPublicStripeConfig(parseServerConfig({ STRIPE_EMULATOR_URL: 'http://127.0.0.1:9/' }).stripe)).toEqual({
      mode: 'emulator',
      publishableKey: 'pk_test_emulator',
      stripeJsUrl: 'http://127.0.0.1:9/stripe.js',
    });
    expect(toPublicStripeConfig(parseServerConfig(testKeys).stripe)).toEqual({
      mode: 'test',
      publishableKey: 'pk_test_abc123',
      stripeJsUrl: null,
    });
  });

  it('uses real Stripe in test mode for sk_test_ keys, even when an emulator URL is also set', () => {
    const config = parseServerConfig({ ...emulatorEnv, ...testKeys });
    expect(config.stripe.mode).toBe('test');
    expect(config.stripe.emulatorUrl).toBeNull();
    expect(config.stripe.secretKey).toBe('sk_test_abc123');
  });

  it('uses live mode for sk_live_ keys and requires a live publishable key', () => {
    const live = {
      STRIPE_SECRET_KEY: 'sk_live_abc',
      NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_live_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      BETTER_AUTH_SECRET: AUTH_SECRET,
    };
    expect(parseServerConfig(live).stripe.mode).toBe('live');
    expect(() => parseServerConfig({ ...live, NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_test_abc' })).toThrow(
      /live key but NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY/,
    );
  });

  it('names the missing variables when a secret key comes without its companions', () => {
    expect(() => parseServerConfig({ STRIPE_SECRET_KEY: 'sk_test_abc' })).toThrow(
      /NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET/,
    );
    expect(() =>
      parseServerConfig({ STRIPE_SECRET_KEY: 'sk_test_abc', NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_test_abc' }),
    ).toThrow(/STRIPE_WEBHOOK_SECRET must be set/);
  });

  it('names every variable when neither Stripe nor the emulator is configured', () => {
    const attempt = () => parseServerConfig({});
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(
      /STRIPE_SECRET_KEY.*NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY.*STRIPE_WEBHOOK_SECRET.*STRIPE_EMULATOR_URL/,
    );
  });

  it('treats empty strings as unset', () => {
    expect(() => parseServerConfig({ STRIPE_SECRET_KEY: '', STRIPE_EMULATOR_URL: ' ' })).toThrow(/not configured/);
    expect(parseServerConfig({ ...emulatorEnv, STRIPE_SECRET_KEY: '' }).stripe.mode).toBe('emulator');
  });

  it('refuses the emulator in a production Vercel deployment but allows it in previews', () => {
    expect(() => parseServerConfig({ ...emulatorEnv, VERCEL_ENV: 'production' })).toThrow(/production deployment/);
    expect(parseServerConfig({ ...emulatorEnv, VERCEL_ENV: 'preview' }).stripe.mode).toBe('emulator');
  });

  it('rejects malformed keys and URLs, naming the variable', () => {
    expect(() => parseServerConfig({ ...testKeys, STRIPE_SECRET_KEY: 'pk_test_oops' })).toThrow(/STRIPE_SECRET_KEY/);
    expect(() => parseServerConfig({ STRIPE_EMULATOR_URL: 'not a url' })).toThrow(/STRIPE_EMULATOR_URL/);
    expect(() => parseServerConfig({ ...testKeys, STRIPE_WEBHOOK_SECRET: 'secret' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
  });
});

describe('parseServerConfig — production builds', () => {
  const production = { NODE_ENV: 'production' };

  it('refuses the emulator in a production build unless it is marked as a test build', () => {
    const attempt = () => parseServerConfig({ ...production, ...emulatorEnv });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/STRIPE_EMULATOR_URL.*NODE_ENV=production.*STOREFRONT_TEST_BUILD=1/);
    const testBuild = parseServerConfig({ ...production, ...emulatorEnv, STOREFRONT_TEST_BUILD: '1' });
    expect(testBuild.stripe.mode).toBe('emulator');
    expect(testBuild.production).toBe(true);
    expect(() => parseServerConfig({ ...production, ...emulatorEnv, STOREFRONT_TEST_BUILD: '0' })).toThrow(
      /STOREFRONT_TEST_BUILD=1/,
    );
    expect(() => parseServerConfig({ ...production, ...emulatorEnv, STOREFRONT_TEST_BUILD: 'yes' })).toThrow(
      /STOREFRONT_TEST_BUILD/,
    );
  });

  it('refuses the emulator in a production Vercel deployment even in a test build', () => {
    expect(() =>
      parseServerConfig({ ...production, ...emulatorEnv, STOREFRONT_TEST_BUILD: '1', VERCEL_ENV: 'production' }),
    ).toThrow(/production deployment/);
    expect(() => parseServerConfig({ ...production, ...emulatorEnv, VERCEL: '1', VERCEL_ENV: 'preview' })).toThrow(
      /STOREFRONT_TEST_BUILD=1/,
    );
  });

  it('refuses to start a production server without DATABASE_URL unless embedded storage is allowed', () => {
    const attempt = () => parseServerConfig({ ...production, ...testKeys, ...productionMail });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/DATABASE_URL.*ALLOW_EMBEDDED_DATABASE=1/);
    expect(
      parseServerConfig({ ...production, ...testKeys, ...productionMail, DATABASE_URL: 'postgres://u@h/db' }).database
        .kind,
    ).toBe('postgres');
    expect(
      parseServerConfig({ ...production, ...testKeys, ...productionMail, ALLOW_EMBEDDED_DATABASE: '1' }).database,
    ).toEqual({
      kind: 'pglite',
      dataDir: '.data/pglite',
    });
    // Development keeps the embedded default.
    expect(parseServerConfig(testKeys).database.kind).toBe('pglite');
  });

  it('never allows embedded storage on Vercel (per instance and ephemeral), but a test build may use PGlite', () => {
    expect(() =>
      parseServerConfig({
        ...production,
        ...testKeys,
        ALLOW_EMBEDDED_DATABASE: '1',
        VERCEL: '1',
        VERCEL_ENV: 'preview',
      }),
    ).toThrow(/Vercel/);
    const e2e = parseServerConfig({
      ...production,
      ...emulatorEnv,
      STOREFRONT_TEST_BUILD: '1',
      PGLITE_DATA_DIR: '/tmp/x',
    });
    expect(e2e.database).toEqual({ kind: 'pglite', dataDir: '/tmp/x' });
  });

  it('refuses STOREFRONT_TEST_BUILD with real live keys', () => {
    const live = {
      STRIPE_SECRET_KEY: 'sk_live_abc',
      NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_live_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      DATABASE_URL: 'postgres://u@h/db',
    };
    expect(() => parseServerConfig({ ...production, ...live, STOREFRONT_TEST_BUILD: '1' })).toThrow(
      /STOREFRONT_TEST_BUILD/,
    );
  });
});

describe('parseServerConfig — accounts and mail', () => {
  const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u@h/db' };

  it('signs sessions with a fixed development secret only against the emulator', () => {
    expect(parseServerConfig(emulatorEnv).accounts.secret.length).toBeGreaterThanOrEqual(32);
    const { BETTER_AUTH_SECRET: _, ...keysWithoutSecret } = testKeys;
    expect(() => parseServerConfig(keysWithoutSecret)).toThrow(/BETTER_AUTH_SECRET is not set/);
    expect(() => parseServerConfig({ ...production, ...keysWithoutSecret, ...productionMail })).toThrow(ConfigError);
    expect(() => parseServerConfig({ ...testKeys, BETTER_AUTH_SECRET: 'short' })).toThrow(/at least 32/);
    expect(parseServerConfig(testKeys).accounts.secret).toBe(AUTH_SECRET);
  });

  it('writes mail to the local outbox only against the emulator; with real keys production needs SMTP', () => {
    expect(parseServerConfig(emulatorEnv).mail).toMatchObject({ transport: 'outbox' });
    expect(parseServerConfig({ ...production, ...emulatorEnv, STOREFRONT_TEST_BUILD: '1' }).mail.transport).toBe(
      'outbox',
    );
    expect(parseServerConfig(testKeys).mail.transport).toBe('console');
    const { SMTP_URL: _, ...withoutSmtp } = productionMail;
    expect(() => parseServerConfig({ ...production, ...testKeys, ...withoutSmtp })).toThrow(/SMTP_URL is not set/);
    expect(parseServerConfig({ ...production, ...testKeys, ...productionMail }).mail).toEqual({
      transport: 'smtp',
      url: productionMail.SMTP_URL,
      from: productionMail.MAIL_FROM,
    });
    expect(() => parseServerConfig({ ...testKeys, SMTP_URL: productionMail.SMTP_URL })).toThrow(/MAIL_FROM/);
    expect(() => parseServerConfig({ ...emulatorEnv, SMTP_URL: 'http://smtp.example' })).toThrow(/smtp/);
  });

  it('needs APP_URL for the emailed links in production with real keys, never a Host header', () => {
    const { APP_URL: _, ...withoutAppUrl } = productionMail;
    expect(() => parseServerConfig({ ...production, ...testKeys, ...withoutAppUrl })).toThrow(/APP_URL is not set/);
  });

  it('seeds the demo customers only against the emulator', () => {
    expect(parseServerConfig({ ...emulatorEnv, SEED_DEMO_CUSTOMERS: '1' }).demoCustomers).toBe(true);
    expect(parseServerConfig(emulatorEnv).demoCustomers).toBe(false);
    expect(() => parseServerConfig({ ...testKeys, SEED_DEMO_CUSTOMERS: '1' })).toThrow(/SEED_DEMO_CUSTOMERS/);
  });
});

describe('parseServerConfig — client IP source', () => {
  it('knows no client IP by default, and the platform header on Vercel', () => {
    expect(parseServerConfig(emulatorEnv).clientIp).toEqual({ kind: 'unknown' });
    expect(parseServerConfig({ ...emulatorEnv, VERCEL: '1' }).clientIp).toEqual({ kind: 'vercel' });
  });

  it('takes a trusted header or a trusted proxy hop count, never both', () => {
    expect(parseServerConfig({ ...emulatorEnv, TRUSTED_IP_HEADER: 'CF-Connecting-IP' }).clientIp).toEqual({
      kind: 'header',
      header: 'cf-connecting-ip',
    });
    expect(parseServerConfig({ ...emulatorEnv, TRUSTED_PROXY_HOPS: '2' }).clientIp).toEqual({
      kind: 'proxy-hops',
      hops: 2,
    });
    // A configured source wins over the Vercel default (e.g. Cloudflare in front of Vercel).
    expect(parseServerConfig({ ...emulatorEnv, VERCEL: '1', TRUSTED_IP_HEADER: 'cf-connecting-ip' }).clientIp).toEqual({
      kind: 'header',
      header: 'cf-connecting-ip',
    });
    expect(() =>
      parseServerConfig({ ...emulatorEnv, TRUSTED_IP_HEADER: 'x-real-ip', TRUSTED_PROXY_HOPS: '1' }),
    ).toThrow(/TRUSTED_IP_HEADER.*TRUSTED_PROXY_HOPS/);
    expect(() => parseServerConfig({ ...emulatorEnv, TRUSTED_PROXY_HOPS: '0' })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseServerConfig({ ...emulatorEnv, TRUSTED_IP_HEADER: 'bad header' })).toThrow(/TRUSTED_IP_HEADER/);
  });

  it('refuses X-Forwarded-For as the trusted header: its first hop is whatever the client sent', () => {
    expect(() => parseServerConfig({ ...emulatorEnv, TRUSTED_IP_HEADER: 'X-Forwarded-For' })).toThrow(
      /TRUSTED_PROXY_HOPS/,
    );
  });
});

describe('parseServerConfig — database, URLs, shipping', () => {
  it('defaults to PGlite in .data/pglite and switches to Postgres with DATABASE_URL', () => {
    expect(parseServerConfig(emulatorEnv).database).toEqual({ kind: 'pglite', dataDir: '.data/pglite' });
    expect(parseServerConfig({ ...emulatorEnv, PGLITE_DATA_DIR: 'memory://' }).database).toEqual({
      kind: 'pglite',
      dataDir: 'memory://',
    });
    expect(parseServerConfig({ ...emulatorEnv, DATABASE_URL: 'postgres://u@h:5432/db' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h:5432/db',
    });
    expect(() => parseServerConfig({ ...emulatorEnv, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('takes APP_URL, else NEXT_PUBLIC_APP_URL, else null (derive from the request)', () => {
    expect(parseServerConfig(emulatorEnv).appUrl).toBeNull();
    expect(parseServerConfig({ ...emulatorEnv, NEXT_PUBLIC_APP_URL: 'https://shop.example/' }).appUrl).toBe(
      'https://shop.example',
    );
    expect(
      parseServerConfig({ ...emulatorEnv, APP_URL: 'https://a.example', NEXT_PUBLIC_APP_URL: 'https://b.example' })
        .appUrl,
    ).toBe('https://a.example');
  });

  it('parses SHIPPING_COUNTRIES with a sensible default', () => {
    expect(parseServerConfig(emulatorEnv).shippingCountries).toEqual(['US', 'CA', 'GB', 'DE', 'FR', 'NL', 'AU']);
    expect(parseServerConfig({ ...emulatorEnv, SHIPPING_COUNTRIES: ' us, ca ' }).shippingCountries).toEqual([
      'US',
      'CA',
    ]);
    expect(() => parseServerConfig({ ...emulatorEnv, SHIPPING_COUNTRIES: 'USA' })).toThrow(/SHIPPING_COUNTRIES/);
  });

  it('keeps the checkout session lifetime within what Stripe accepts', () => {
    expect(parseServerConfig(emulatorEnv).checkoutSessionTtlSeconds).toBeLessThanOrEqual(86_400);
    expect(parseServerConfig({ ...emulatorEnv, CHECKOUT_SESSION_TTL_SECONDS: '3600' }).checkoutSessionTtlSeconds).toBe(
      3600,
    );
    expect(() => parseServerConfig({ ...emulatorEnv, CHECKOUT_SESSION_TTL_SECONDS: '60' })).toThrow(
      /CHECKOUT_SESSION_TTL_SECONDS/,
    );
  });
});

describe('parseServerConfig — app clock and server-side discounts', () => {
  it('uses real time unless APP_CLOCK_URL is set, and accepts it against the emulator', () => {
    expect(parseServerConfig(emulatorEnv).appClockUrl).toBeNull();
    const clocked = parseServerConfig({ ...emulatorEnv, APP_CLOCK_URL: 'http://127.0.0.1:12111/_emulator/clock' });
    expect(clocked.appClockUrl).toBe('http://127.0.0.1:12111/_emulator/clock');
  });

  it('refuses APP_CLOCK_URL in a production deployment or with real Stripe keys', () => {
    const clock = { APP_CLOCK_URL: 'http://127.0.0.1:12111/_emulator/clock' };
    expect(() => parseServerConfig({ ...emulatorEnv, ...clock, VERCEL_ENV: 'preview' })).not.toThrow();
    expect(() => parseServerConfig({ ...testKeys, ...clock })).toThrow(/APP_CLOCK_URL is for development and tests/);
    expect(() => parseServerConfig({ ...testKeys, ...clock, VERCEL_ENV: 'production' })).toThrow(ConfigError);
    expect(() => parseServerConfig({ ...emulatorEnv, APP_CLOCK_URL: 'ftp://clock' })).toThrow(/APP_CLOCK_URL/);
  });

  it('turns server-side discounts on by default and off with SERVER_SIDE_DISCOUNTS=off', () => {
    expect(parseServerConfig(emulatorEnv).serverSideDiscounts).toBe(true);
    expect(parseServerConfig({ ...emulatorEnv, SERVER_SIDE_DISCOUNTS: 'off' }).serverSideDiscounts).toBe(false);
    expect(() => parseServerConfig({ ...emulatorEnv, SERVER_SIDE_DISCOUNTS: 'maybe' })).toThrow(
      /SERVER_SIDE_DISCOUNTS/,
    );
  });
});

describe('.env.example', () => {
  const example = Object.fromEntries(
    readFileSync(new URL('../.env.example', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

  it('documents every variable the configuration reads', () => {
    const source = readFileSync(new URL('./config.ts', import.meta.url), 'utf8');
    const setByPlatform = new Set(['NODE_ENV', 'VERCEL_ENV', 'VERCEL']);
    const read = [...source.matchAll(/^\s+([A-Z][A-Z0-9_]+): /gm)]
      .map((match) => match[1])
      .filter((name) => name && !setByPlatform.has(name));
    expect(read.length).toBeGreaterThan(8);
    for (const name of read) expect(Object.keys(example), `${name} is missing from .env.example`).toContain(name);
  });

  it('copied as it is, refuses to start and names the Stripe variables to set', () => {
    expect(() => parseServerConfig(example)).toThrow(/STRIPE_SECRET_KEY/);
  });

  it('with an emulator URL filled in, is a valid emulator configuration', () => {
    const config = parseServerConfig({ ...example, STRIPE_EMULATOR_URL: 'http://127.0.0.1:12111' });
    expect(config.stripe.mode).toBe('emulator');
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '.data/pglite' });
  });
});
