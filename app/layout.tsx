import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { readCartItemCount } from '@/app/_lib/shopper-cart';
import { resolveSiteUrl } from '@/app/_lib/site-url';
import { SiteFooter } from '@/components/shop/site-footer';
import { SiteHeader } from '@/components/shop/site-header';
import { SkipLink } from '@/components/shop/skip-link';
import { STORE_DESCRIPTION, STORE_NAME, STORE_TAGLINE } from '@/components/shop/store-info';
import { TestModeBanner } from '@/components/shop/test-mode-banner';
import { getCatalog } from '@/lib/catalog';
import { getPublicStripeConfig } from '@/lib/config';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: await resolveSiteUrl(),
    title: { default: `${STORE_NAME} — ${STORE_TAGLINE}`, template: `%s · ${STORE_NAME}` },
    description: STORE_DESCRIPTION,
    applicationName: STORE_NAME,
    openGraph: { siteName: STORE_NAME, type: 'website', locale: 'en_US' },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#1c4336',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page shows the shopper's cart count and reads runtime configuration: render per request, never at build.
  await connection();
  const stripe = getPublicStripeConfig();
  const cartItemCount = await readCartItemCount();

  return (
    <html lang="en" data-scroll-behavior="smooth">
      <body className="flex min-h-screen flex-col">
        <SkipLink />
        <TestModeBanner mode={stripe.mode} />
        <SiteHeader categories={getCatalog().categories} cartItemCount={cartItemCount} />
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none sm:px-6 sm:py-10"
        >
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
