import type { NextConfig } from 'next';

// `next build` and `next start` run with NODE_ENV=production, `next dev` with development.
const production = process.env.NODE_ENV === 'production';

/**
 * Security headers that do not change per request. The pages' Content-Security-Policy carries a per-request nonce, so
 * it is set in proxy.ts; route handlers answer JSON and get a policy that allows nothing.
 */
const securityHeaders = [
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Legacy companion of CSP `frame-ancestors 'none'`.
  { key: 'X-Frame-Options', value: 'DENY' },
  {
    key: 'Permissions-Policy',
    // Payment Request (wallets) stays available to Stripe's frames; sensors and tracking APIs are off.
    value:
      'payment=(self "https://js.stripe.com" "https://*.js.stripe.com"), camera=(), microphone=(), geolocation=(), usb=()',
  },
  ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  cacheComponents: true,
  partialPrefetching: true,
  // A separate build folder lets two builds (say, a benchmark and the e2e suite) run side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // `next dev` serves its dev resources only to known origins; the e2e and docs use 127.0.0.1 as well as localhost.
  allowedDevOrigins: ['127.0.0.1'],
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  // Categories had query-string URLs (`/?category=gifts`) before their pages were prerendered.
  async redirects() {
    return [
      {
        source: '/',
        has: [{ type: 'query', key: 'category', value: '(?<category>[a-z0-9-]+)' }],
        destination: '/categories/:category',
        permanent: true,
      },
    ];
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      {
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
