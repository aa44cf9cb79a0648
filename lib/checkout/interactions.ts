/** The checkout update every interaction route runs: `updateCheckout`, answered as a `CheckoutStateView`. */

import type { CheckoutStateView } from '@/lib/checkout/contract';
import type { CheckoutIntent } from '@/lib/checkout/intents';
import { stateAfterUpdate } from '@/lib/checkout/state';
import { type CheckoutDeps, checkoutNotFound, updateCheckout } from '@/lib/checkout/update';

export async function updateCheckoutState(
  input: CheckoutDeps & { sessionId: string; shopperId: string | null; intent: CheckoutIntent },
): Promise<CheckoutStateView> {
  const { shopperId } = input;
  if (!shopperId) throw checkoutNotFound();
  return stateAfterUpdate(await updateCheckout({ ...input, shopperId }), input.catalog);
}
