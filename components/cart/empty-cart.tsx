import { EmptyState } from '@/components/ui/empty-state';

export function EmptyCart() {
  return (
    <EmptyState title="Your cart is empty" actionHref="/" actionLabel="Continue shopping" testId="empty-cart">
      Browse the shop and add something you love — it will wait for you here.
    </EmptyState>
  );
}
