/** `set-shipping-method`: choose one of the shipping methods offered for the order's address. */
import type { Catalog } from '@/lib/catalog/schema';
import { shippingConfig, shippingOptionsFor } from '@/lib/catalog/shipping';
import type { IntentContext } from '@/lib/checkout/intents';
import { AppError } from '@/lib/http/app-error';
import { resolveCartItems } from '@/lib/pricing/cart';
import type { CheckoutSelections, QuoteShippingOption } from '@/lib/pricing/types';

export type SetShippingMethodIntent = { type: 'set-shipping-method'; methodId: string };

/** The shipping options the quote offers for these selections (none until an address is known). */
export function offeredShippingOptions(selections: CheckoutSelections, catalog: Catalog): QuoteShippingOption[] {
  const lines = resolveCartItems(selections.items, catalog).map(({ product, quantity }) => ({
    kind: 'product' as const,
    productId: product.id,
    quantity,
    amount: product.unitAmount * quantity,
  }));
  return shippingOptionsFor(selections.shippingAddress, lines, catalog);
}

export function applySetShippingMethod(
  selections: CheckoutSelections,
  intent: SetShippingMethodIntent,
  { catalog }: Pick<IntentContext, 'catalog'>,
): CheckoutSelections {
  if (!selections.shippingAddress) {
    throw new AppError(409, 'address_required', 'Enter your shipping address first to see how your order can ship.');
  }
  const offered = offeredShippingOptions(selections, catalog);
  if (!offered.some((option) => option.methodId === intent.methodId)) {
    const method = shippingConfig.methods.find((m) => m.id === intent.methodId);
    const choices = offered.map((option) => option.displayName).join(', ');
    throw new AppError(
      409,
      'shipping_method_unavailable',
      `${method?.displayName ?? 'That shipping method'} is not available for this address.${choices ? ` Choose one of: ${choices}.` : ''}`,
    );
  }
  return { ...selections, shippingMethodId: intent.methodId };
}
