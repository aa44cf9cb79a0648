import { EmptyState } from '@/components/ui/empty-state';

export function CheckoutEmptyState() {
  return (
    <EmptyState title="Your cart is empty" actionHref="/" actionLabel="Browse the shop" testId="checkout-empty">
      There is nothing to check out yet. Add a product or two and come back here to pay.
    </EmptyState>
  );
}
