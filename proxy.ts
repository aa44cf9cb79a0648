import { type NextRequest, NextResponse } from 'next/server';
import { isUnknownCatalogPage } from '@/lib/catalog/paths';
import { getPublicStripeConfig } from '@/lib/config';

/**
 * Per-request Content-Security-Policy with a fresh nonce (Next 16's proxy, the renamed middleware). The catalog pages
 * are partially prerendered (Cache Components): their static shell is built once, without a request, so its
 * `<script src="/_next/static/…">` tags carry no nonce and are allowed by `'self'`; everything rendered per request
 * (the streamed holes, Next's inline data and bootstrap, every fully dynamic page) carries this request's nonce, which
 * Next reads from the request's CSP header. No inline script runs without the nonce, except React's one fixed
 * shell-timing script, allowed by its hash. Stripe.js (and the emulator's stand-in) are allowed by origin; only the
 * checkout loads them (`components/checkout/stripe-loader.ts`). The other security headers, which do not change per
 * request, are in next.config.ts. Why not `'strict-dynamic'`: README, "Cached pages and the CSP".
 */

/** Origins Stripe.js needs (Stripe's CSP guidance: docs.stripe.com/security/guide#content-security-policy). */
export const STRIPE_SOURCES = {
  script: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://maps.googleapis.com'],
  frame: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
  connect: ['https://api.stripe.com', 'https://*.stripe.com', 'https://maps.googleapis.com'],
  img: ['https://*.stripe.com'],
} as const;

/**
 * The one inline script React writes into a prerendered shell (react-dom/server's `shellTimeRuntimeScript`), which
 * cannot carry a per-request nonce. Allowed by its SHA-256, so no other inline script can ride on it.
 */
export const REACT_SHELL_SCRIPT = 'requestAnimationFrame(function(){$RT=performance.now()});';
export const REACT_SHELL_SCRIPT_HASH = "'sha256-7mu4H06fwDCjmnxxr/xNHyuQC6pLTHr4M2E4jXw5WZs='";

export type CspOptions = {
  nonce: string;
  /** `next dev` needs `'unsafe-eval'` (React rebuilds server error stacks with eval). */
  development: boolean;
  /** Origin of the local Stripe emulator (its stand-in Stripe.js and browser API); null with real Stripe. */
  emulatorOrigin: string | null;
  /** Served over HTTPS: ask the browser to upgrade any stray http:// sub-resource. */
  https: boolean;
};

/** The policy as one header value. Pure, so it is unit-testable. */
export function contentSecurityPolicy(options: CspOptions): string {
  const emulator = options.emulatorOrigin ? [options.emulatorOrigin] : [];
  const directives: Array<[string, ...string[]]> = [
    ['default-src', "'self'"],
    [
      'script-src',
      "'self'",
      `'nonce-${options.nonce}'`,
      REACT_SHELL_SCRIPT_HASH,
      ...STRIPE_SOURCES.script,
      ...emulator,
      ...(options.development ? ["'unsafe-eval'"] : []),
    ],
    // 'unsafe-inline' for styles only: Stripe.js and the stand-in's srcdoc frames (which inherit this policy) carry
    // inline <style>/style="" that cannot be given a nonce. A nonce here would make browsers ignore 'unsafe-inline'.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:', ...STRIPE_SOURCES.img],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...STRIPE_SOURCES.connect, ...emulator],
    // 'self' covers the stand-in's same-origin srcdoc frames.
    ['frame-src', "'self'", ...STRIPE_SOURCES.frame],
    ['worker-src', "'self'", 'blob:'],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  if (options.https) directives.push(['upgrade-insecure-requests']);
  return directives.map((directive) => directive.join(' ')).join('; ');
}

function emulatorOrigin(): string | null {
  try {
    const { stripeJsUrl } = getPublicStripeConfig();
    return stripeJsUrl ? new URL(stripeJsUrl).origin : null;
  } catch {
    // A misconfigured environment fails at boot (instrumentation.ts); never let it take the policy down with it.
    return null;
  }
}

function servedOverHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  return (forwarded ?? request.nextUrl.protocol.replace(/:$/, '')) === 'https';
}

export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === 'development',
    emulatorOrigin: emulatorOrigin(),
    https: servedOverHttps(request),
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const forward = { request: { headers: requestHeaders } };
  // No such page: an unmatched path renders app/not-found.tsx with a 404.
  const response = isUnknownCatalogPage(request.nextUrl.pathname)
    ? NextResponse.rewrite(new URL('/_unknown-catalog-page', request.url), forward)
    : NextResponse.next(forward);
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: route handlers answer JSON (their strict policy is in next.config.ts) and static files need none.
      source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt|sitemap.xml).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
