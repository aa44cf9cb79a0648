import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // A separate build folder lets two builds (say, a benchmark and the e2e suite) run side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // `next dev` serves its dev resources only to known origins; the e2e and docs use 127.0.0.1 as well as localhost.
  allowedDevOrigins: ['127.0.0.1'],
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
};

export default nextConfig;
