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

export type ServerConfig = {
  production: boolean;
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
};

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

const DEFAULT_SHIPPING_COUNTRIES = 'US,CA,GB,DE,FR,NL,AU';
/** 24 h minus a margin, so a small clock difference with Stripe never makes `expires_at` exceed its 24 h limit. */
const DEFAULT_CHECKOUT_TTL_SECONDS = 24 * 60 * 60 - 5 * 60;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const httpUrl = z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, ''));

const envSchema = z.object({
  NODE_ENV: optional(z.string()),
  VERCEL_ENV: optional(z.string()),
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

/** Validates an environment object. Pure: pass `process.env` (as a whole) or a test fixture. */
export function parseServerConfig(rawEnv: Record<string, string | undefined>): ServerConfig {
  const parsed = envSchema.safeParse(rawEnv);
  if (!parsed.success) throw new ConfigError(`Invalid environment: ${describeIssues(parsed.error)}`);
  const env = parsed.data;
  const stripe = stripeConfigFrom(env);
  return {
    production: env.NODE_ENV === 'production',
    stripe,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'pglite', dataDir: env.PGLITE_DATA_DIR ?? '.data/pglite' },
    appUrl: env.APP_URL ?? env.NEXT_PUBLIC_APP_URL ?? null,
    shippingCountries: env.SHIPPING_COUNTRIES ?? DEFAULT_SHIPPING_COUNTRIES.split(','),
    checkoutSessionTtlSeconds: env.CHECKOUT_SESSION_TTL_SECONDS ?? DEFAULT_CHECKOUT_TTL_SECONDS,
    appClockUrl: appClockUrlFrom(env, stripe),
    serverSideDiscounts: env.SERVER_SIDE_DISCOUNTS !== 'off',
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
