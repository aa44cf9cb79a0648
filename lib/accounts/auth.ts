import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { createAuthMiddleware } from 'better-auth/api';
import { magicLink } from 'better-auth/plugins/magic-link';
import { STORE_NAME } from '@/components/shop/store-info';
import { adoptGuest } from '@/lib/accounts/adopt-guest';
import { CLIENT_ADDRESS_HEADER } from '@/lib/accounts/client-address';
import {
  MAGIC_LINK_TTL_SECONDS,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  RESET_LINK_TTL_SECONDS,
} from '@/lib/accounts/limits';
import type { Catalog } from '@/lib/catalog/schema';
import type { ClientIpSource, ServerConfig } from '@/lib/config';
import type { Db } from '@/lib/db/client';
import { authAccounts, authRateLimits, authSessions, authVerifications, users } from '@/lib/db/schema';
import type { Mailer } from '@/lib/mail/mailer';
import { existingAccountMail, magicLinkMail, resetPasswordMail, verifyEmailMail } from '@/lib/mail/templates';
import { newShopperId, SHOPPER_COOKIE, shopperCookie } from '@/lib/shopper';

export type AuthDeps = {
  db: Db;
  config: Pick<ServerConfig, 'appUrl' | 'production' | 'accounts'> & { clientIp: ClientIpSource };
  mailer: Mailer;
  catalog: Catalog;
  now?: () => Date;
};

/** Where better-auth's routes live (app/api/auth/[...all]/route.ts). */
export const AUTH_BASE_PATH = '/api/auth';
/** Cookies are `sf.session_token` (`__Secure-sf.session_token` over HTTPS in production). */
const COOKIE_PREFIX = 'sf';

/** Requests that end with a new session of a customer who has just proved who they are. */
const SIGN_IN_PATHS = new Set(['/sign-in/email', '/magic-link/verify', '/verify-email']);

const DEV_ORIGIN = () => `http://localhost:${process.env.PORT ?? 3000}`;

/** Without APP_URL (development only: config.ts requires it in production with real keys), loopback hosts. */
function baseUrlOf(config: AuthDeps['config']) {
  if (config.appUrl) return config.appUrl;
  return {
    allowedHosts: ['localhost', 'localhost:*', '127.0.0.1', '127.0.0.1:*'],
    protocol: 'http' as const,
    fallback: DEV_ORIGIN(),
  };
}

/** The store's public origin for links in mail that better-auth does not build itself. */
function storeOrigin(config: AuthDeps['config']): string {
  return config.appUrl ?? DEV_ORIGIN();
}

/**
 * The store's better-auth instance: email + password (verified by an emailed link before its first sign-in), emailed
 * magic links, password reset by emailed link, sessions in httpOnly cookies (Secure in production), and its rate
 * limiter on database storage, keyed by the client address the store trusts (`lib/rate-limit/client-address.ts`).
 * Every sign-in brings the browser's guest cart and open checkout into the account (`adoptGuest`).
 */
export function createAuth(deps: AuthDeps) {
  const { db, config, mailer } = deps;
  const secure = config.production;
  const addressKnown = config.clientIp.kind !== 'unknown';
  return betterAuth({
    appName: STORE_NAME,
    secret: config.accounts.secret,
    baseURL: baseUrlOf(config),
    basePath: AUTH_BASE_PATH,
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: users,
        session: authSessions,
        account: authAccounts,
        verification: authVerifications,
        rateLimit: authRateLimits,
      },
    }),
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      resetPasswordTokenExpiresIn: RESET_LINK_TTL_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, url }) => mailer.send(resetPasswordMail(user.email, url)),
      // Signing up with a known email answers as a new sign-up would; the owner is told instead.
      onExistingUserSignUp: ({ user }) =>
        mailer.send(existingAccountMail(user.email, `${storeOrigin(config)}/account/sign-in`)),
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      sendVerificationEmail: ({ user, url }) => mailer.send(verifyEmailMail(user.email, url)),
    },
    verification: { storeIdentifier: 'hashed' },
    plugins: [
      magicLink({
        expiresIn: MAGIC_LINK_TTL_SECONDS,
        storeToken: 'hashed',
        sendMagicLink: ({ email, url }) => mailer.send(magicLinkMail(email, url)),
      }),
    ],
    rateLimit: {
      enabled: true,
      storage: 'database',
      customRules: {
        '/sign-in/email': { window: 60, max: 10 },
        '/sign-up/email': { window: 60, max: 5 },
        '/sign-in/magic-link': { window: 60, max: 5 },
        '/request-password-reset': { window: 60, max: 5 },
        '/send-verification-email': { window: 60, max: 3 },
      },
    },
    advanced: {
      useSecureCookies: secure,
      cookiePrefix: COOKIE_PREFIX,
      // The route handler writes the address it trusts into this header (and drops any a client sent). Unknown (no
      // trusted source configured): no per-address limits rather than one bucket every client shares.
      ipAddress: addressKnown
        ? { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] }
        : { ipAddressHeaders: [CLIENT_ADDRESS_HEADER], disableIpTracking: true },
    },
    hooks: {
      after: createAuthMiddleware(async (ctx) => {
        const session = ctx.context.newSession;
        const cookie = (shopperId: string) => {
          const { name, value, ...options } = shopperCookie(shopperId, { secure });
          ctx.setCookie(name, value, options);
        };
        if (session && SIGN_IN_PATHS.has(ctx.path)) {
          const shopperId = await adoptGuest(db, {
            customerId: session.user.id,
            guestShopperId: ctx.getCookie(SHOPPER_COOKIE),
            catalog: deps.catalog,
            now: deps.now?.() ?? new Date(),
          });
          cookie(shopperId);
        } else if (ctx.path === '/sign-out') {
          cookie(newShopperId());
        }
      }),
    },
  });
}

export type StoreAuth = ReturnType<typeof createAuth>;
