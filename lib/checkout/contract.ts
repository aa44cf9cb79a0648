/**
 * The checkout's HTTP contract, shared by the route handlers and the browser: the ids and limits both sides know, what
 * each update route accepts and what every checkout route answers. zod/mini (`lib/zod-browser.ts`): the browser parses
 * the answers with it on the checkout page, where every kilobyte and millisecond of script counts.
 *
 * Bodies are strict objects: ids and intents only. A client-sent `price`, `amount`, `unit_amount` (or any other unknown
 * field) is a 400 `invalid_request` before anything reaches Stripe. Amounts in the view are labels; every total the
 * shopper sees comes from Stripe's Checkout Session.
 */
import * as z from '@/lib/zod-browser';

// ——— ids and limits ———
export const GIFT_MESSAGE_ADD_ON_ID = 'gift-message';
export const GIFT_MESSAGE_MAX_LENGTH = 200;
/** The most units of one product a request may ask for (the catalog may allow fewer). */
export const MAX_REQUEST_QUANTITY = 99;
export const DISCOUNT_CODE_MAX_LENGTH = 64;

// ——— error codes the browser acts on ———
export const CHECKOUT_CLOSED = 'checkout_closed';
export const LAST_ITEM = 'last_item';
/** Another change to the same checkout was still being saved when the server stopped waiting (retryable). */
export const UPDATE_IN_PROGRESS = 'update_in_progress';

// ——— requests ———
export const checkoutSessionIdSchema = z
  .string()
  .check(z.regex(/^cs_(test|live)_[A-Za-z0-9]{1,250}$/, 'a Checkout Session id'));

const slug = (what: string) => z.string().check(z.maxLength(100), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, what));

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const optionalText = (max: number) =>
  z.pipe(
    z.nullish(z.string().check(z.trim(), z.maxLength(max))),
    z.transform((value) => (value ? value : null)),
  );

/** A shipping address as the browser sends it (from the ShippingAddressElement). */
export const shippingAddressInputSchema = z.strictObject({
  name: text(150),
  line1: text(200),
  line2: optionalText(200),
  city: optionalText(100),
  state: optionalText(100),
  postalCode: optionalText(20),
  country: z.string().check(z.trim(), z.regex(/^[A-Za-z]{2}$/, 'a two-letter ISO country code'), z.toUpperCase()),
});

export type ShippingAddressInput = z.input<typeof shippingAddressInputSchema>;

/**
 * POST /api/checkout/sessions — the cart on the server is what gets checked out. `replacing`: the session this tab saw
 * close, so the server checks it with Stripe instead of resuming it (the fresh checkout's choices come from the
 * server's record, never from the request).
 */
export const startCheckoutSchema = z.strictObject({ replacing: z.optional(checkoutSessionIdSchema) });

/**
 * Its answer. `carriedOver`: a fresh checkout kept the choices of the shopper's last one, which ended unpaid;
 * `notices`: what it could not keep.
 */
export const startedCheckoutSchema = z.object({
  sessionId: checkoutSessionIdSchema,
  clientSecret: z.string().check(z.minLength(1)),
  carriedOver: z.boolean(),
  notices: z.array(z.string()),
});

/** GET /api/checkout/state?sessionId=… */
export const checkoutStateQuerySchema = z.strictObject({ sessionId: checkoutSessionIdSchema });

/** A code as typed: compared trimmed and case-insensitively by the engine; length bounded here. */
const typedCode = z
  .string()
  .check(z.trim(), z.minLength(1, 'Enter a discount code.'), z.maxLength(DISCOUNT_CODE_MAX_LENGTH));

export const shippingAddressRequestSchema = z.strictObject({
  sessionId: checkoutSessionIdSchema,
  address: shippingAddressInputSchema,
});

/** `giftMessage` goes with selecting the gift message card. */
export const addOnRequestSchema = z.strictObject({
  sessionId: checkoutSessionIdSchema,
  addOnId: slug('an add-on id'),
  productId: z.pipe(
    z.nullish(slug('a product id')),
    z.transform((id) => id ?? null),
  ),
  selected: z.boolean(),
  giftMessage: z.optional(z.string().check(z.maxLength(2_000))),
});

/** 0 removes the item. */
export const quantityRequestSchema = z.strictObject({
  sessionId: checkoutSessionIdSchema,
  productId: slug('a product id'),
  quantity: z.int('a whole number').check(z.minimum(0), z.maximum(MAX_REQUEST_QUANTITY)),
});

/** The store's method id, never Stripe's `shr_` id. */
export const shippingOptionRequestSchema = z.strictObject({
  sessionId: checkoutSessionIdSchema,
  methodId: slug('a shipping method id'),
});

/**
 * No email: per-email, first-order and customer-specific codes are checked against the email Stripe collected for
 * the checkout, never against one a request claims.
 */
export const applyCodeRequestSchema = z.strictObject({ sessionId: checkoutSessionIdSchema, code: typedCode });

/** The shopper changed their email in Stripe's checkout: the server re-reads it from Stripe and re-prices. */
export const emailChangedRequestSchema = z.strictObject({ sessionId: checkoutSessionIdSchema });

export const removeCodeRequestSchema = z.strictObject({ sessionId: checkoutSessionIdSchema, code: typedCode });

/** A signed-in customer pays with their store credit (`apply: true`) or stops (`false`). */
export const storeCreditRequestSchema = z.strictObject({ sessionId: checkoutSessionIdSchema, apply: z.boolean() });

/** Every dynamic update the browser can send: where it goes and what it carries. */
export const CHECKOUT_UPDATES = {
  shippingAddress: { method: 'POST', path: '/api/checkout/shipping-address', body: shippingAddressRequestSchema },
  shippingOption: { method: 'POST', path: '/api/checkout/shipping-option', body: shippingOptionRequestSchema },
  addOn: { method: 'POST', path: '/api/checkout/add-ons', body: addOnRequestSchema },
  quantity: { method: 'POST', path: '/api/checkout/quantity', body: quantityRequestSchema },
  applyCode: { method: 'POST', path: '/api/checkout/discount-codes', body: applyCodeRequestSchema },
  removeCode: { method: 'DELETE', path: '/api/checkout/discount-codes', body: removeCodeRequestSchema },
  emailChanged: { method: 'POST', path: '/api/checkout/email', body: emailChangedRequestSchema },
  storeCredit: { method: 'POST', path: '/api/checkout/store-credit', body: storeCreditRequestSchema },
} as const;

export type CheckoutUpdateName = keyof typeof CHECKOUT_UPDATES;
/** What a control sends for an update; the runner adds the `sessionId`. */
export type CheckoutUpdateBody<N extends CheckoutUpdateName> = Omit<
  z.input<(typeof CHECKOUT_UPDATES)[N]['body']>,
  'sessionId'
>;

// ——— the answer of every checkout route ———
const minorUnits = z.int().check(z.nonnegative());

export const CHECKOUT_STATUSES = ['open', 'complete', 'expired'] as const;
export const checkoutStatusSchema = z.enum(CHECKOUT_STATUSES);
export type CheckoutStatus = z.infer<typeof checkoutStatusSchema>;

export const shippingAddressSchema = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.nullable(z.string()),
  city: z.nullable(z.string()),
  state: z.nullable(z.string()),
  postalCode: z.nullable(z.string()),
  /** ISO 3166-1 alpha-2, upper case. */
  country: z.string(),
});

export const discountsViewSchema = z.object({
  /** False when this checkout cannot take discount codes (Stripe refused the server-side discounts preview). */
  available: z.boolean(),
  /** Codes the shopper applied; one that no longer qualifies stays listed, `applied: false`, with the reason. */
  codes: z.array(
    z.object({
      code: z.string().check(z.minLength(1)),
      label: z.string(),
      amount: minorUnits,
      applied: z.boolean(),
      message: z.nullable(z.string()),
    }),
  ),
  /** Automatic promotions applied to the order. */
  automatic: z.array(z.object({ label: z.string(), amount: minorUnits })),
  /** The whole discount (Stripe's `total_details.amount_discount`). */
  total: minorUnits,
  /** Promotions within reach, e.g. "$12.00 more for $10 off". */
  hints: z.array(z.object({ message: z.string() })),
});

/** Things an update changed that the shopper did not ask for, each with why; the browser says them once. */
export const UPDATE_NOTICE_CODES = [
  'shipping_method_changed',
  'discount_code_kept',
  'discount_code_replaced',
  /** The merchant withdrew an item, or it sold out: it left the order. */
  'item_removed',
  /** Fewer units of an item can be ordered now than the order held. */
  'item_quantity_reduced',
] as const;
export const updateNoticeSchema = z.object({
  code: z.enum(UPDATE_NOTICE_CODES),
  message: z.string().check(z.minLength(1)),
});
export type UpdateNotice = z.infer<typeof updateNoticeSchema>;

export const checkoutStateViewSchema = z.object({
  sessionId: checkoutSessionIdSchema,
  status: checkoutStatusSchema,
  /** When Stripe expires the session (ISO 8601). */
  expiresAt: z.string().check(z.minLength(1)),
  /**
   * Seconds left until then by the server's clock when it answered (0 once past): the browser counts down from when it
   * received the answer, so a device clock that is off does not close the checkout early or late.
   */
  expiresInSeconds: z.int().check(z.nonnegative()),
  /** Increases with every saved update. */
  version: z.int().check(z.nonnegative()),
  currency: z.string().check(z.regex(/^[a-zA-Z]{3}$/)),
  /** Stripe's amount_total after the last update: the server's quote, plus the tax Stripe added on top. */
  total: minorUnits,
  /**
   * Stripe Tax's figures after the last update (null: the store does not use Stripe Tax): `amount` is Stripe's
   * `amount_tax`, added to the total (`exclusive`) or the VAT inside the prices (`inclusive`); `pending` until Stripe
   * knows where the order ships ("calculated at the address step").
   */
  tax: z.nullable(z.object({ amount: minorUnits, behavior: z.enum(['exclusive', 'inclusive']), pending: z.boolean() })),
  items: z.array(
    z.object({
      productId: z.string().check(z.minLength(1)),
      name: z.string(),
      quantity: z.int().check(z.positive()),
      maxQuantity: z.int().check(z.nonnegative()),
      /** quantity × unit price, before discounts (a label: totals come from Stripe). */
      amount: minorUnits,
    }),
  ),
  /** The order's lines as the server priced them (and sent them to Stripe), before discounts: they add up to the subtotal. */
  lines: z.array(
    z.object({
      key: z.string().check(z.minLength(1)),
      name: z.string(),
      quantity: z.int().check(z.positive()),
      unitAmount: minorUnits,
      amount: minorUnits,
    }),
  ),
  addOns: z.array(
    z.object({
      addOnId: z.string().check(z.minLength(1)),
      /** The item a per-item add-on covers; null for per-order add-ons. */
      productId: z.nullable(z.string().check(z.minLength(1))),
      name: z.string(),
      /** What selecting it adds to the order (a label: totals come from Stripe). */
      amount: minorUnits,
      selected: z.boolean(),
      eligible: z.boolean(),
      /** Why it cannot be selected now, when not eligible. */
      reason: z.optional(z.string()),
    }),
  ),
  giftMessage: z.nullable(z.string()),
  shippingAddress: z.nullable(shippingAddressSchema),
  /** Methods offered for the address, in the store's method order. */
  shippingMethods: z.array(
    z.object({
      methodId: z.string().check(z.minLength(1)),
      displayName: z.string(),
      amount: minorUnits,
      /** Stripe's current `shr_` id for this option, to pair it with Stripe.js `checkout.shippingOptions`. */
      shippingRateId: z.nullable(z.string()),
      selected: z.boolean(),
    }),
  ),
  selectedShippingMethodId: z.nullable(z.string()),
  /** Discounts as sent to (and confirmed by) Stripe with the last update. */
  discounts: discountsViewSchema,
  /**
   * A signed-in customer's store credit (null for a guest, or a customer with none): what they may use now, whether
   * they chose to, and what this order takes of it — part of `discounts.total`, shown as its own line.
   */
  storeCredit: z.nullable(z.object({ available: minorUnits, using: z.boolean(), applied: minorUnits })),
  /** What the update this view answers changed on its own (a shipping method, a code); empty on `GET /state`. */
  notices: z.array(updateNoticeSchema),
});

export type CheckoutStateView = z.infer<typeof checkoutStateViewSchema>;
export type CheckoutItemView = CheckoutStateView['items'][number];
export type AddOnView = CheckoutStateView['addOns'][number];
export type ShippingMethodView = CheckoutStateView['shippingMethods'][number];
export type DiscountsView = CheckoutStateView['discounts'];
