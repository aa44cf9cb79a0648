import { EmptyState } from '@/components/ui/empty-state';

export function CheckoutEndedState() {
  return (
    <EmptyState
      title="This checkout has ended"
      actionHref="/cart"
      actionLabel="Return to your cart"
      testId="checkout-ended"
    >
      The payment session closed before it was completed. Your cart is saved — start checkout again from your cart.
    </EmptyState>
  );
}
