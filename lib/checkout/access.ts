/** Who may update a checkout, and the refusals every checkout route shares. */
import { CHECKOUT_CLOSED, type CheckoutStatus } from '@/lib/checkout/contract';
import type { CheckoutRow } from '@/lib/checkout/repository';
import { AppError } from '@/lib/http/app-error';

export function checkoutNotFound(): AppError {
  return new AppError(404, 'checkout_not_found', 'This checkout does not exist or belongs to someone else.');
}

export function checkoutClosed(message = 'This checkout has already been completed or has expired.'): AppError {
  return new AppError(409, CHECKOUT_CLOSED, message);
}

export function cartEmpty(): AppError {
  return new AppError(409, 'cart_empty', 'Your cart is empty. Add something before checking out.');
}

export function discountsUnavailable(): AppError {
  return new AppError(
    409,
    'discounts_unavailable',
    "Discount codes can't be used for this checkout right now. You can still complete your order at the full price.",
  );
}

/** The row's status, counting an open checkout past its expiry as expired. */
export function effectiveStatus(row: Pick<CheckoutRow, 'status' | 'expiresAt'>, now: Date): CheckoutStatus {
  return row.status === 'open' && row.expiresAt.getTime() <= now.getTime() ? 'expired' : row.status;
}

/** The shopper's own checkout (else 404, so a stranger learns nothing), or throws. */
export function assertOwned(row: CheckoutRow | null, shopperId: string | null): asserts row is CheckoutRow {
  if (!row || !shopperId || row.shopperId !== shopperId) throw checkoutNotFound();
}

/** The shopper's own, open and unexpired checkout, or throws (404 / 409 `checkout_closed`). */
export function assertUpdatable(
  row: CheckoutRow | null,
  shopperId: string | null,
  now: Date,
): asserts row is CheckoutRow {
  assertOwned(row, shopperId);
  if (effectiveStatus(row, now) !== 'open') throw checkoutClosed();
}

/**
 * Store credit is the signed-in customer's own: a guest is asked to sign in (401), anyone but the checkout's customer
 * learns nothing (404).
 */
export function assertCreditOwner(row: Pick<CheckoutRow, 'customerId'>, signedInCustomerId: string | null): void {
  if (!signedInCustomerId)
    throw new AppError(401, 'sign_in_required', 'Sign in to your account to use your store credit.');
  if (row.customerId !== signedInCustomerId) throw checkoutNotFound();
}
