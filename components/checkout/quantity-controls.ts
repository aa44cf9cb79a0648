/** What a line's quantity stepper offers, from the server's view of the line. Pure. */
import type { CheckoutItemView } from '@/lib/checkout/contract';

export type QuantityControls = {
  quantity: number;
  /** The minus button lowers the quantity, removes the line (at 1), or, on the only line, gives way to "Back to the store". */
  decrease: 'decrease' | 'remove' | 'back-to-store';
  canIncrease: boolean;
  atMaximum: boolean;
};

export function quantityControls(
  item: Pick<CheckoutItemView, 'quantity' | 'maxQuantity'>,
  isLastLine: boolean,
  pendingQuantity: number | null = null,
): QuantityControls {
  const quantity = pendingQuantity ?? item.quantity;
  const decrease = quantity > 1 ? 'decrease' : isLastLine ? 'back-to-store' : 'remove';
  const atMaximum = quantity >= item.maxQuantity;
  return { quantity, decrease, canIncrease: !atMaximum, atMaximum: atMaximum && item.maxQuantity > 0 };
}
