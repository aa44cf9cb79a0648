/**
 * The browser's zod schema for `CheckoutStateView`, the answer of every checkout update route and of
 * `GET /api/checkout/state`. Amounts here are labels only (what an add-on or method costs): every total the shopper
 * sees comes from Stripe's Checkout Session.
 */
import { z } from '@/lib/zod-browser';

const minorUnits = z.number().int().nonnegative();

export const checkoutStateViewSchema = z.object({
  sessionId: z.string().min(1),
  status: z.enum(['open', 'complete', 'expired']).optional(),
  version: z.number().int().nonnegative(),
  currency: z.string().regex(/^[a-zA-Z]{3}$/),
  total: minorUnits,
  items: z.array(
    z.object({
      productId: z.string().min(1),
      name: z.string(),
      quantity: z.number().int().positive(),
      maxQuantity: z.number().int().nonnegative(),
    }),
  ),
  addOns: z.array(
    z.object({
      addOnId: z.string().min(1),
      productId: z.string().min(1).nullable(),
      name: z.string(),
      amount: minorUnits,
      selected: z.boolean(),
      eligible: z.boolean(),
      reason: z.string().optional(),
    }),
  ),
  giftMessage: z.string().nullable(),
  shippingAddress: z
    .object({
      name: z.string(),
      line1: z.string(),
      line2: z.string().nullable().optional(),
      city: z.string().nullable().optional(),
      state: z.string().nullable().optional(),
      postalCode: z.string().nullable().optional(),
      country: z.string(),
    })
    .nullable(),
  shippingMethods: z.array(
    z.object({
      methodId: z.string().min(1),
      displayName: z.string(),
      shippingRateId: z.string().nullable(),
      selected: z.boolean(),
    }),
  ),
  selectedShippingMethodId: z.string().nullable(),
  // ——— discounts (lib/checkout/state-view.ts `DiscountsView`; fields below this line belong to the discounts feature) ———
  discounts: z
    .object({
      available: z.boolean(),
      codes: z.array(
        z.object({
          code: z.string().min(1),
          label: z.string(),
          amount: minorUnits,
          applied: z.boolean(),
          message: z.string().nullable(),
        }),
      ),
      automatic: z.array(z.object({ label: z.string(), amount: minorUnits })),
      total: minorUnits,
      hints: z.array(z.object({ message: z.string() })),
    })
    .optional(),
});

export type CheckoutStateView = z.infer<typeof checkoutStateViewSchema>;
export type CheckoutItemView = CheckoutStateView['items'][number];
export type AddOnView = CheckoutStateView['addOns'][number];
export type ShippingMethodView = CheckoutStateView['shippingMethods'][number];
export type DiscountsView = NonNullable<CheckoutStateView['discounts']>;

/** Add-on ids the checkout lays out specially (see lib/catalog/add-ons.ts). */
export const GIFT_MESSAGE_ADD_ON_ID = 'gift-message';
export const GIFT_MESSAGE_MAX_LENGTH = 200;
