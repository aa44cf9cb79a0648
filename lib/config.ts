import 'server-only';
import { z } from 'zod';

export type StripeMode = 'emulator' | 'test' | 'live';

export type StripeConfig = {
  mode: StripeMode;
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
  /** Base URL of the local Stripe emulator, e.g. `http://127.0.0.1:12111`; null for real Stripe. */
  emulatorUrl: string | null;
};

export type DatabaseConfig = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

/**
 * Where the client's IP address comes from (for per-address rate limits). Only a value the platform or our own proxy
 * wrote counts: the first hop of `X-Forwarded-For` is whatever the client sent, so it is never trusted.
 * - `vercel`: Vercel's edge sets `x-real-ip` (and `x-vercel-forwarded-for`) itself, overwriting what the client sent.
 * - `header`: TRUSTED_IP_HEADER, a header the proxy in front of the store sets (and overwrites), e.g. `cf-connecting-ip`.
 * - `proxy-hops`: TRUSTED_PROXY_HOPS = N proxies that each append to `X-Forwarded-For`; the client is the Nth address
 *   from the right.
 * - `unknown`: nothing trustworthy (development, tests, a bare `next start`: route handlers never see the socket
 *   address, and Next copies a client-sent `X-Forwarded-For` through unchanged). Per-address limits are then skipped.
 */
export type ClientIpSource =
  | { kind: 'vercel' }
  | { kind: 'header'; header: string }
  | { kind: 'proxy-hops'; hops: number }
  | { kind: 'unknown' };

export type ServerConfig = {
  production: boolean;
  /** STOREFRONT_TEST_BUILD=1: a production build run by the e2e suite, load test or benchmark (emulator allowed). */
  testBuild: boolean;
  stripe: StripeConfig;
  database: DatabaseConfig;
  /** Public base URL of the store (no trailing slash); null → derive from the request origin. */
  appUrl: string | null;
  /** ISO 3166-1 alpha-2 codes the store ships to, upper case. */
  shippingCountries: readonly string[];
  /** Lifetime of a new Checkout Session. Stripe allows 30 min – 24 h. */
  checkoutSessionTtlSeconds: number;
  /**
   * URL answering `{now}` (unix seconds), e.g. the emulator's `/_emulator/clock`, so the app and the emulator share one
   * clock (development and tests only); null → real time.
   */
  appClockUrl: string | null;
  /** Create sessions with server-only discounts (Stripe private preview); false turns the discounts feature off. */
  serverSideDiscounts: boolean;
  /**
   * STRIPE_TAX: create sessions with `automatic_tax` (Stripe Tax computes tax from the shipping address on every update).
   * On by default with the emulator, off by default with real keys until the merchant has registered with Stripe Tax.
   */
  stripeTax: boolean;
  clientIp: ClientIpSource;
  accounts: AccountsConfig;
  mail: MailConfig;
  /** SEED_DEMO_CUSTOMERS=1 (set by `npm run dev` and the e2e server): the demo customers exist. Emulator mode only. */
  demoCustomers: boolean;
};

export type AccountsConfig = {
  /** BETTER_AUTH_SECRET: signs session cookies and tokens. A fixed development value only with the emulator. */
  secret: string;
};

/**
 * Where the store's mail goes: SMTP (SMTP_URL), or the local outbox read at /dev/outbox — only when the store runs
 * against the Stripe emulator (development, tests). With real keys and no SMTP_URL outside production, mail is printed
 * to the server log (`console`); in production that is refused.
 */
export type MailConfig =
  | { transport: 'smtp'; url: string; from: string }
  | { transport: 'outbox'; from: string }
  | { transport: 'console'; from: string };

export type PublicStripeConfig = {
  mode: StripeMode;
  publishableKey: string;
  /** URL of the stand-in Stripe.js to load before `@stripe/stripe-js` (emulator only). */
  stripeJsUrl: string | null;
};

export const EMULATOR_DEFAULTS = {
  secretKey: 'sk_test_emulator',
  publishableKey: 'pk_test_emulator',
  webhookSecret: 'whsec_local_emulator_secret',
} as const;

/** Development only (emulator mode): never used with real Stripe keys. */
export const DEV_AUTH_SECRET = 'storefront-development-secret-not-for-production-use';
const DEV_MAIL_FROM = 'Larkspur <orders@localhost>';

const DEFAULT_SHIPPING_COUNTRIES = 'US,CA,GB,DE,FR,NL,AU';
/** 24 h minus a margin, so a small clock difference with Stripe never makes `expires_at` exceed its 24 h limit. */
const DEFAULT_CHECKOUT_TTL_SECONDS = 24 * 60 * 60 - 5 * 60;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const httpUrl = z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, ''));

const flag = (name: string) => optional(z.enum(['0', '1'], `${name} must be 1 (on) or 0 / empty (off)`));

const envSchema = z.object({
  NODE_ENV: optional(z.string()),
  VERCEL: optional(z.string()),
  VERCEL_ENV: optional(z.string()),
  STOREFRONT_TEST_BUILD: flag('STOREFRONT_TEST_BUILD'),
  ALLOW_EMBEDDED_DATABASE: flag('ALLOW_EMBEDDED_DATABASE'),
  TRUSTED_IP_HEADER: optional(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]+$/, 'must be a header name such as cf-connecting-ip')
      .transform((name) => name.toLowerCase())
      .refine(
        (name) => name !== 'x-forwarded-for',
        'X-Forwarded-For starts with whatever the client sent; set TRUSTED_PROXY_HOPS (proxies that append to it) instead',
      ),
  ),
  TRUSTED_PROXY_HOPS: optional(z.coerce.number().int().min(1).max(10)),
  STRIPE_SECRET_KEY: optional(
    z.string().regex(/^sk_(test|live)_[A-Za-z0-9_]+$/, 'must start with sk_test_ or sk_live_'),
  ),
  NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: optional(
    z.string().regex(/^pk_(test|live)_[A-Za-z0-9_]+$/, 'must start with pk_test_ or pk_live_'),
  ),
  STRIPE_WEBHOOK_SECRET: optional(z.string().regex(/^whsec_\S+$/, 'must start with whsec_')),
  STRIPE_EMULATOR_URL: optional(httpUrl),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')),
  PGLITE_DATA_DIR: optional(z.string()),
  APP_URL: optional(httpUrl),
  NEXT_PUBLIC_APP_URL: optional(httpUrl),
  SHIPPING_COUNTRIES: optional(
    z
      .string()
      .transform((list) =>
        list
          .split(',')
          .map((code) => code.trim().toUpperCase())
          .filter((code) => code !== ''),
      )
      .pipe(z.array(z.string().regex(/^[A-Z]{2}$/, 'two-letter ISO country codes, comma separated')).min(1)),
  ),
  CHECKOUT_SESSION_TTL_SECONDS: optional(z.coerce.number().int().min(1800).max(86_400)),
  APP_CLOCK_URL: optional(httpUrl),
  SERVER_SIDE_DISCOUNTS: optional(z.enum(['on', 'off'], 'on or off')),
  STRIPE_TAX: optional(z.enum(['on', 'off'], 'on or off')),
  BETTER_AUTH_SECRET: optional(z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)')),
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })),
  MAIL_FROM: optional(z.string().trim().min(3)),
  SEED_DEMO_CUSTOMERS: flag('SEED_DEMO_CUSTOMERS'),
});

type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`).join('; ');
}

function stripeConfigFrom(env: Env): StripeConfig {
  if (env.STRIPE_SECRET_KEY) {
    const missing = (['NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY', 'STRIPE_WEBHOOK_SECRET'] as const).filter(
      (name) => !env[name],
    );
    if (missing.length > 0) {
      throw new ConfigError(`STRIPE_SECRET_KEY is set, so ${missing.join(' and ')} must be set too.`);
    }
    const mode = env.STRIPE_SECRET_KEY.startsWith('sk_live_') ? 'live' : 'test';
    const publishableKey = env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY as string;
    if (!publishableKey.startsWith(mode === 'live' ? 'pk_live_' : 'pk_test_')) {
      throw new ConfigError(`STRIPE_SECRET_KEY is a ${mode} key but NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY is not.`);
    }
    return {
      mode,
      secretKey: env.STRIPE_SECRET_KEY,
      publishableKey,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET as string,
      emulatorUrl: null,
    };
  }
  if (env.STRIPE_EMULATOR_URL) {
    if (env.VERCEL_ENV === 'production') {
      throw new ConfigError(
        'STRIPE_EMULATOR_URL is set in a production deployment; set STRIPE_SECRET_KEY, NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET instead.',
      );
    }
    if (env.NODE_ENV === 'production' && env.STOREFRONT_TEST_BUILD !== '1') {
      throw new ConfigError(
        'STRIPE_EMULATOR_URL is set in a production build (NODE_ENV=production): set STRIPE_SECRET_KEY, NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET, or STOREFRONT_TEST_BUILD=1 if this is a test build (e2e, load test).',
      );
    }
    const publishableKey = env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY ?? EMULATOR_DEFAULTS.publishableKey;
    if (!publishableKey.startsWith('pk_test_')) {
      throw new ConfigError('The Stripe emulator only accepts a pk_test_ NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY.');
    }
    return {
      mode: 'emulator',
      secretKey: EMULATOR_DEFAULTS.secretKey,
      publishableKey,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? EMULATOR_DEFAULTS.webhookSecret,
      emulatorUrl: env.STRIPE_EMULATOR_URL,
    };
  }
  throw new ConfigError(
    'Stripe is not configured: set STRIPE_SECRET_KEY, NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET for Stripe, or STRIPE_EMULATOR_URL for the local emulator.',
  );
}

function appClockUrlFrom(env: Env, stripe: StripeConfig): string | null {
  if (!env.APP_CLOCK_URL) return null;
  if (env.VERCEL_ENV === 'production' || stripe.mode !== 'emulator') {
    throw new ConfigError(
      'APP_CLOCK_URL is for development and tests against the Stripe emulator only; unset it in production and with real Stripe keys.',
    );
  }
  return env.APP_CLOCK_URL;
}

function databaseConfigFrom(env: Env): DatabaseConfig {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  const database: DatabaseConfig = { kind: 'pglite', dataDir: env.PGLITE_DATA_DIR ?? '.data/pglite' };
  if (env.NODE_ENV !== 'production' || env.STOREFRONT_TEST_BUILD === '1') return database;
  if (env.VERCEL || env.VERCEL_ENV) {
    throw new ConfigError(
      'DATABASE_URL is not set on Vercel, where an embedded database would live per instance and vanish; set DATABASE_URL to a PostgreSQL database.',
    );
  }
  if (env.ALLOW_EMBEDDED_DATABASE !== '1') {
    throw new ConfigError(
      'DATABASE_URL is not set in a production server (NODE_ENV=production): set DATABASE_URL, or ALLOW_EMBEDDED_DATABASE=1 to keep data in PGLITE_DATA_DIR on a single self-hosted server with a persistent volume.',
    );
  }
  return database;
}

function clientIpSourceFrom(env: Env): ClientIpSource {
  if (env.TRUSTED_IP_HEADER && env.TRUSTED_PROXY_HOPS) {
    throw new ConfigError('Set TRUSTED_IP_HEADER or TRUSTED_PROXY_HOPS, not both.');
  }
  if (env.TRUSTED_IP_HEADER) return { kind: 'header', header: env.TRUSTED_IP_HEADER };
  if (env.TRUSTED_PROXY_HOPS) return { kind: 'proxy-hops', hops: env.TRUSTED_PROXY_HOPS };
  if (env.VERCEL === '1') return { kind: 'vercel' };
  return { kind: 'unknown' };
}

function accountsConfigFrom(env: Env, stripe: StripeConfig): AccountsConfig {
  if (env.BETTER_AUTH_SECRET) return { secret: env.BETTER_AUTH_SECRET };
  if (stripe.mode === 'emulator') return { secret: DEV_AUTH_SECRET };
  throw new ConfigError(
    'BETTER_AUTH_SECRET is not set: with real Stripe keys customer sessions need a secret of their own (at least 32 characters, e.g. `openssl rand -base64 32`).',
  );
}

function mailConfigFrom(env: Env, stripe: StripeConfig, production: boolean): MailConfig {
  if (env.SMTP_URL) {
    if (!env.MAIL_FROM)
      throw new ConfigError('SMTP_URL is set, so MAIL_FROM (e.g. "Larkspur <orders@example.com>") must be set too.');
    return { transport: 'smtp', url: env.SMTP_URL, from: env.MAIL_FROM };
  }
  const from = env.MAIL_FROM ?? DEV_MAIL_FROM;
  if (stripe.mode === 'emulator') return { transport: 'outbox', from };
  if (production) {
    throw new ConfigError(
      'SMTP_URL is not set: with real Stripe keys a production server must send its mail (sign-in links, password resets) over SMTP; set SMTP_URL and MAIL_FROM.',
    );
  }
  return { transport: 'console', from };
}

function demoCustomersFrom(env: Env, stripe: StripeConfig): boolean {
  if (env.SEED_DEMO_CUSTOMERS !== '1') return false;
  if (stripe.mode !== 'emulator') {
    throw new ConfigError(
      'SEED_DEMO_CUSTOMERS=1 creates accounts with a published password: it is for development against the Stripe emulator only; unset it.',
    );
  }
  return true;
}

function appUrlFrom(env: Env, stripe: StripeConfig, production: boolean): string | null {
  const appUrl = env.APP_URL ?? env.NEXT_PUBLIC_APP_URL ?? null;
  if (!appUrl && production && stripe.mode !== 'emulator') {
    throw new ConfigError(
      "APP_URL is not set: with real Stripe keys a production server builds the links it emails (sign-in, password reset) from APP_URL, never from a request's Host header; set it to the store's public origin, e.g. https://shop.example.",
    );
  }
  return appUrl;
}

/** Validates an environment object. Pure: pass `process.env` (as a whole) or a test fixture. */
export function parseServerConfig(rawEnv: Record<string, string | undefined>): ServerConfig {
  const parsed = envSchema.safeParse(rawEnv);
  if (!parsed.success) throw new ConfigError(`Invalid environment: ${describeIssues(parsed.error)}`);
  const env = parsed.data;
  const stripe = stripeConfigFrom(env);
  const testBuild = env.STOREFRONT_TEST_BUILD === '1';
  if (testBuild && stripe.mode === 'live') {
    throw new ConfigError('STOREFRONT_TEST_BUILD=1 is for test builds; unset it when using live Stripe keys.');
  }
  const production = env.NODE_ENV === 'production';
  const database = databaseConfigFrom(env);
  return {
    production,
    testBuild,
    stripe,
    database,
    appUrl: appUrlFrom(env, stripe, production),
    shippingCountries: env.SHIPPING_COUNTRIES ?? DEFAULT_SHIPPING_COUNTRIES.split(','),
    checkoutSessionTtlSeconds: env.CHECKOUT_SESSION_TTL_SECONDS ?? DEFAULT_CHECKOUT_TTL_SECONDS,
    appClockUrl: appClockUrlFrom(env, stripe),
    serverSideDiscounts: env.SERVER_SIDE_DISCOUNTS !== 'off',
    stripeTax: env.STRIPE_TAX ? env.STRIPE_TAX === 'on' : stripe.mode === 'emulator',
    clientIp: clientIpSourceFrom(env),
    accounts: accountsConfigFrom(env, stripe),
    mail: mailConfigFrom(env, stripe, production),
    demoCustomers: demoCustomersFrom(env, stripe),
  };
}

let memo: ServerConfig | undefined;

/** The validated server configuration, read from `process.env` once per process. Throws naming what is wrong. */
export function getServerConfig(): ServerConfig {
  memo ??= parseServerConfig({ ...process.env });
  return memo;
}

export function toPublicStripeConfig(stripe: StripeConfig): PublicStripeConfig {
  return {
    mode: stripe.mode,
    publishableKey: stripe.publishableKey,
    stripeJsUrl: stripe.emulatorUrl ? `${stripe.emulatorUrl}/stripe.js` : null,
  };
}

/** What the browser needs to load Stripe.js; safe to pass to client components. */
export function getPublicStripeConfig(): PublicStripeConfig {
  return toPublicStripeConfig(getServerConfig().stripe);
}
