import { STORE_NAME, STORE_TAGLINE } from '@/components/shop/store-info';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-stone-600 sm:flex-row sm:justify-between sm:px-6">
        <p>
          <span className="font-semibold text-stone-800">{STORE_NAME}</span> — {STORE_TAGLINE}.
        </p>
        <p>Payments are processed securely by Stripe. Prices in US dollars.</p>
      </div>
    </footer>
  );
}
