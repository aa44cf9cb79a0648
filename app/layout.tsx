import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { siteUrl } from '@/app/_lib/site-url';
import { ShopperAccountLink } from '@/components/shop/shopper-account-link';
import { ShopperCartLink } from '@/components/shop/shopper-cart-link';
import { SiteFooter } from '@/components/shop/site-footer';
import { SiteHeader } from '@/components/shop/site-header';
import { SkipLink } from '@/components/shop/skip-link';
import { STORE_DESCRIPTION, STORE_NAME, STORE_TAGLINE } from '@/components/shop/store-info';
import { StripeModeBanner } from '@/components/shop/stripe-mode-banner';
import { getCatalog } from '@/lib/catalog';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: siteUrl(),
  title: { default: `${STORE_NAME} — ${STORE_TAGLINE}`, template: `%s · ${STORE_NAME}` },
  description: STORE_DESCRIPTION,
  applicationName: STORE_NAME,
  openGraph: { siteName: STORE_NAME, type: 'website', locale: 'en_US' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#1c4336',
};

/**
 * The same for every shopper, so it is part of each page's prerendered shell (Cache Components); the shopper's cart
 * count and account link are streamed in per request.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" data-scroll-behavior="smooth">
      <body className="flex min-h-screen flex-col">
        <SkipLink />
        <StripeModeBanner />
        <SiteHeader
          categories={getCatalog().categories}
          accountLink={<ShopperAccountLink />}
          cartLink={<ShopperCartLink />}
        />
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
