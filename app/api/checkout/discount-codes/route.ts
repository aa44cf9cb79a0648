import { countCodeAttempt } from '@/lib/checkout/code-attempts';
import { applyCodeRequestSchema, removeCodeRequestSchema } from '@/lib/checkout/contract';
import { checkoutUpdateRoute } from '@/lib/checkout/update';

/** Applies a code (replacing the one before) → `CheckoutStateView`; attempts are rate limited (429). */
export const POST = checkoutUpdateRoute(applyCodeRequestSchema, ({ code }) => ({ type: 'apply-code', code }), {
  guard: countCodeAttempt,
});

/** Removes an applied code → `CheckoutStateView` (removing a code that is not applied changes nothing). */
export const DELETE = checkoutUpdateRoute(removeCodeRequestSchema, ({ code }) => ({ type: 'remove-code', code }));
