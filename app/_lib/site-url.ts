const FALLBACK = 'http://localhost:3000';

function configuredOrigin(env: Record<string, string | undefined>): string | undefined {
  const configured = env.APP_URL || env.NEXT_PUBLIC_APP_URL;
  if (configured) return configured;
  // Vercel sets this on every deployment (a host name, no scheme).
  return env.VERCEL_PROJECT_PRODUCTION_URL ? `https://${env.VERCEL_PROJECT_PRODUCTION_URL}` : undefined;
}

/**
 * The store's public origin for absolute Open Graph URLs (`metadataBase`): `APP_URL`, else Vercel's production host,
 * else localhost. Read from the environment without a request, because the pages' metadata is prerendered at build.
 */
export function siteUrl(env: Record<string, string | undefined> = process.env): URL {
  try {
    const url = new URL(configuredOrigin(env) ?? FALLBACK);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : new URL(FALLBACK);
  } catch {
    return new URL(FALLBACK);
  }
}
