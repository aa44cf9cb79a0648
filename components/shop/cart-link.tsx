import { HeaderLink } from '@/components/shop/header-link';

type Props = { itemCount: number | null };

const PILL = 'min-w-6 rounded-full px-1.5 py-0.5 text-center text-xs font-semibold';

/**
 * Header cart link. The count is the shopper's, read on the server per request (`ShopperCartLink`), so it is right on
 * first paint and after `router.refresh()`; null (not known yet, or not readable) shows the link without a number.
 */
export function CartLink({ itemCount }: Props) {
  const label = itemCount === null ? 'Cart' : itemCount === 1 ? 'Cart, 1 item' : `Cart, ${itemCount} items`;
  return (
    <HeaderLink
      href="/cart"
      aria-label={label}
      className="relative inline-flex items-center gap-2 rounded-full px-3 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      >
        <path d="M3 4h2l2.4 11.2a1.5 1.5 0 0 0 1.5 1.2h8.7a1.5 1.5 0 0 0 1.5-1.1L21 8H6.2" strokeLinejoin="round" />
        <circle cx="9.5" cy="20" r="1.3" />
        <circle cx="17.5" cy="20" r="1.3" />
      </svg>
      <span className="hidden sm:inline">Cart</span>
      {itemCount === null ? (
        <span aria-hidden="true" className={`${PILL} bg-stone-100`}>
          {'\u00a0'}
        </span>
      ) : (
        <span
          data-testid="cart-badge"
          data-value={itemCount}
          className={`${PILL} ${itemCount > 0 ? 'bg-brand-700 text-white' : 'bg-stone-200 text-stone-700'}`}
        >
          {itemCount}
        </span>
      )}
    </HeaderLink>
  );
}
