import { type NextRequest, NextResponse } from 'next/server';
import { getPublicStripeConfig } from '@/lib/config';

/**
 * Per-request Content-Security-Policy with a fresh nonce (Next 16's proxy, the renamed middleware). Next reads the
 * nonce from the request's CSP header and puts it on its own scripts; `'strict-dynamic'` then trusts the scripts those
 * load (Stripe.js via `@stripe/stripe-js`, the emulator's stand-in via the checkout's
 * `components/checkout/stripe-loader.ts`; only the checkout page loads either). The other security headers,
 * which do not change per request, are in next.config.ts.
 */

/** Origins Stripe.js needs (Stripe's CSP guidance: docs.stripe.com/security/guide#content-security-policy). */
export const STRIPE_SOURCES = {
  script: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://maps.googleapis.com'],
  frame: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
  connect: ['https://api.stripe.com', 'https://*.stripe.com', 'https://maps.googleapis.com'],
  img: ['https://*.stripe.com'],
} as const;

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
      "'strict-dynamic'",
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
  const response = NextResponse.next({ request: { headers: requestHeaders } });
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
