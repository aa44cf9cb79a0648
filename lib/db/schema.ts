import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { CHECKOUT_STATUSES } from '@/lib/checkout/contract';
import type { StoredQuote } from '@/lib/checkout/price';
import type { TaxByJurisdiction } from '@/lib/orders/stripe-session';
import type { CheckoutSelections, ShippingAddress } from '@/lib/pricing/types';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** One cart per anonymous shopper (the `sf_shopper` cookie). The row is the lock for cart and checkout changes. */
export const carts = pgTable('carts', {
  shopperId: text('shopper_id').primaryKey(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const cartItems = pgTable(
  'cart_items',
  {
    shopperId: text('shopper_id')
      .notNull()
      .references(() => carts.shopperId, { onDelete: 'cascade' }),
    productId: text('product_id').notNull(),
    quantity: integer('quantity').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.shopperId, t.productId] }),
    check('cart_items_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

/** The server's record of each Checkout Session: what authorises an update without asking Stripe first. */
export const checkouts = pgTable(
  'checkouts',
  {
    stripeSessionId: text('stripe_session_id').primaryKey(),
    shopperId: text('shopper_id').notNull(),
    status: text('status', { enum: CHECKOUT_STATUSES }).notNull().default('open'),
    /** Stripe's payment_status once known; `failed` after checkout.session.async_payment_failed. */
    paymentStatus: text('payment_status'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    selections: jsonb('selections').$type<CheckoutSelections>().notNull(),
    /** Written complete at creation and on every update (see `StoredQuote`). */
    quote: jsonb('quote').$type<StoredQuote>().notNull(),
    version: integer('version').notNull().default(1),
    clientSecret: text('client_secret').notNull(),
    /**
     * Whether Stripe accepted `permissions.update_discounts: 'server_only'` for this session (private preview). False:
     * the session was created without it, and discount codes answer 409 `discounts_unavailable`.
     */
    serverDiscounts: boolean('server_discounts').notNull().default(false),
    /** Created with Stripe Tax (`automatic_tax`): every update sends the market's tax behavior and Stripe adds tax. */
    automaticTax: boolean('automatic_tax').notNull().default(false),
    /** The email the shopper gave with a discount code (normalised), for per-email and first-order rules. */
    email: text('email'),
    /** The signed-in customer who started it (or signed in during it); null for a guest. */
    customerId: text('customer_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('checkouts_shopper_status_idx').on(t.shopperId, t.status),
    index('checkouts_customer_idx').on(t.customerId),
  ],
);

/** One order per paid Checkout Session; amounts are what Stripe charged. */
export const orders = pgTable(
  'orders',
  {
    id: serial('id').primaryKey(),
    stripeSessionId: text('stripe_session_id').notNull().unique(),
    shopperId: text('shopper_id').notNull(),
    /** The customer account the order belongs to (copied from its checkout at fulfilment); null for a guest's. */
    customerId: text('customer_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').notNull(),
    currency: text('currency').notNull(),
    amountSubtotal: integer('amount_subtotal').notNull(),
    amountDiscount: integer('amount_discount').notNull(),
    amountShipping: integer('amount_shipping').notNull(),
    amountTax: integer('amount_tax').notNull(),
    /** How the prices carried the tax: `exclusive` (added on top), `inclusive` (VAT inside the prices), null: no tax. */
    taxBehavior: text('tax_behavior', { enum: ['exclusive', 'inclusive'] }),
    /** Stripe's tax by jurisdiction (`total_details.breakdown.taxes`), for the merchant's tax reports. */
    taxBreakdown: jsonb('tax_breakdown').$type<TaxByJurisdiction[]>().notNull().default([]),
    amountTotal: integer('amount_total').notNull(),
    email: text('email'),
    shippingAddress: jsonb('shipping_address').$type<ShippingAddress>(),
    paymentIntentId: text('payment_intent_id'),
    /** The store's method id of the shipping rate Stripe had selected when the shopper paid (its `metadata.method_id`). */
    shippingMethodId: text('shipping_method_id'),
    /** That rate's `display_name`, as Stripe showed it. */
    shippingMethodName: text('shipping_method_name'),
    /**
     * Stripe's final session differed from our checkout record (total, shipping method or discount): the order was
     * fulfilled at what Stripe charged, and this flags it for the merchant; `mismatchReason` says what differed.
     */
    recordMismatch: boolean('record_mismatch').notNull().default(false),
    mismatchReason: text('mismatch_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('orders_customer_created_idx').on(t.customerId, t.createdAt),
    index('orders_payment_intent_idx').on(t.paymentIntentId),
    index('orders_created_idx').on(t.createdAt),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    unitAmount: integer('unit_amount').notNull(),
    amountTotal: integer('amount_total').notNull(),
    /** Stripe's tax on this line (`line_items[].amount_tax`). */
    amountTax: integer('amount_tax').notNull().default(0),
    productId: text('product_id'),
    /** `add-on:<addOnId>` or `add-on:<addOnId>:<productId>` for add-on lines. */
    addOnKey: text('add_on_key'),
  },
  (t) => [index('order_lines_order_idx').on(t.orderId)],
);

/** Units sold per product; available = catalog stock − sold. */
export const inventorySales = pgTable('inventory_sales', {
  productId: text('product_id').primaryKey(),
  sold: integer('sold').notNull().default(0),
  updatedAt: updatedAt(),
});

/** Stripe events handled, for de-duplication and audit. */
export const webhookEvents = pgTable('webhook_events', {
  eventId: text('event_id').primaryKey(),
  type: text('type').notNull(),
  stripeObjectId: text('stripe_object_id'),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Completed redemptions per discount rule. The row is the lock under which fulfilment checks the rule's limits, so two
 * orders racing for the last use are serialised (`SELECT … FOR UPDATE`).
 */
export const discountUsage = pgTable('discount_usage', {
  ruleId: text('rule_id').primaryKey(),
  redeemed: integer('redeemed').notNull().default(0),
  updatedAt: updatedAt(),
});

/** One row per (order, rule) that discounted it, recorded exactly once at fulfilment. */
export const discountRedemptions = pgTable(
  'discount_redemptions',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    ruleId: text('rule_id').notNull(),
    code: text('code'),
    /** Stripe's `customer_details.email` of the order, normalised. */
    email: text('email'),
    amount: integer('amount').notNull(),
    /**
     * A refund gave this use back (the merchant's choice): it no longer counts against the rule's limits, and
     * `discount_usage.redeemed` was decremented once when it was set.
     */
    releasedAt: timestamp('released_at', { withTimezone: true }),
    /** The order was paid with this discount although the rule's limit was already reached: for the merchant. */
    overRedeemed: boolean('over_redeemed').notNull().default(false),
    /** Why it was flagged (a limit reached, the code's customer condition not met by Stripe's collected email, …). */
    overRedeemedReason: text('over_redeemed_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('discount_redemptions_order_rule_unique').on(t.orderId, t.ruleId),
    index('discount_redemptions_rule_email_idx').on(t.ruleId, t.email),
  ],
);

/** Fixed-window attempt counters (rate limits live in the database: serverless instances share nothing else). */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

export const HOLD_KINDS = ['stock', 'code', 'credit'] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];

/**
 * Scarce things a checkout has taken and not yet paid for: units of a product (`stock`, key = product id) and uses
 * of a limited discount (`code`, key = rule id, or `rule id:email` for a per-email limit), a customer's store credit
 * (`credit`, key = customer id, quantity = minor units). A hold counts against
 * everyone else until its checkout is paid (the hold becomes a sale or a redemption), changes it, or expires.
 */
export const holds = pgTable(
  'holds',
  {
    checkoutSessionId: text('checkout_session_id')
      .notNull()
      .references(() => checkouts.stripeSessionId, { onDelete: 'cascade' }),
    shopperId: text('shopper_id').notNull(),
    kind: text('kind', { enum: HOLD_KINDS }).notNull(),
    key: text('key').notNull(),
    quantity: integer('quantity').notNull(),
    /** The checkout's expiry: past it the hold counts for nothing, and the sweep deletes it. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.checkoutSessionId, t.kind, t.key] }),
    index('holds_kind_key_idx').on(t.kind, t.key),
    check('holds_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

/**
 * Short leases that serialise work across server instances without holding a database connection while it runs
 * (an update waiting for Stripe): `checkout:<session id>`, `start:<shopper id>`. A lease past `expires_at` (its
 * holder crashed) may be taken over.
 */
export const leases = pgTable('leases', {
  key: text('key').primaryKey(),
  token: text('token').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * Customer accounts (better-auth's `user` model; lib/accounts/auth.ts). The id is better-auth's user id, the customer
 * id everywhere else. `shopperId`: the account's own cart (the `sf_shopper` value a signed-in browser carries);
 * `stripeCustomerId`: its Stripe Customer, created on its first checkout.
 */
export const ACCOUNT_ROLES = ['customer', 'merchant'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** `merchant`: may use the merchant console (/admin). Never set by a sign-up: only `npm run admin:create`. */
  role: text('role', { enum: ACCOUNT_ROLES }).notNull().default('customer'),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  shopperId: text('shopper_id').unique(),
  stripeCustomerId: text('stripe_customer_id').unique(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** better-auth's `session` model: one row per signed-in browser; the cookie carries its signed token. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('auth_sessions_user_idx').on(t.userId)],
);

/** better-auth's `account` model: how a user signs in (`credential` holds the scrypt password hash). */
export const authAccounts = pgTable(
  'auth_accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text('scope'),
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('auth_accounts_user_idx').on(t.userId)],
);

/** better-auth's `verification` model: email verification, magic-link and password-reset tokens (single use). */
export const authVerifications = pgTable(
  'auth_verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('auth_verifications_identifier_idx').on(t.identifier)],
);

/** better-auth's rate limiter on database storage (sign-in, sign-up, magic link, password reset). */
export const authRateLimits = pgTable('auth_rate_limits', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  count: integer('count').notNull(),
  lastRequest: bigint('last_request', { mode: 'number' }).notNull(),
});

/** A saved address (from the customer's paid orders) the customer deleted from their account: `addressKey` of it. */
export const removedAddresses = pgTable(
  'removed_addresses',
  {
    customerId: text('customer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addressKey: text('address_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.addressKey] })],
);

/** Mail written locally instead of sent (no SMTP_URL, emulator mode): read at /dev/outbox. */
export const mailOutbox = pgTable('mail_outbox', {
  id: serial('id').primaryKey(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html').notNull(),
  createdAt: createdAt(),
});

export const CREDIT_ENTRY_KINDS = ['grant', 'debit', 'revoke'] as const;

/**
 * Store credit, append-only, one row per change of a customer's balance (integer minor units, always positive; the
 * kind says which way): `grant` (with a reason, optionally expiring), `debit` (spent on a paid order: at most one per
 * order), `revoke` (taken back by the merchant). The balance is derived (lib/customers/credit-ledger.ts), never stored.
 */
export const storeCreditEntries = pgTable(
  'store_credit_entries',
  {
    id: serial('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CREDIT_ENTRY_KINDS }).notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    reason: text('reason').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    orderId: integer('order_id').references(() => orders.id, { onDelete: 'restrict' }),
    /** Who made the change: `cli`, `checkout`, or (later) a merchant account id. */
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('store_credit_entries_customer_idx').on(t.customerId, t.createdAt),
    uniqueIndex('store_credit_entries_one_debit_per_order').on(t.orderId).where(sql`${t.kind} = 'debit'`),
    check('store_credit_entries_amount_positive', sql`${t.amount} > 0`),
  ],
);

/**
 * One row per Stripe refund (its `re_` id, unique), however it was learned of: the console's own call or the
 * `charge.refunded` webhook, whichever comes first; the other finds the row. The merchant's choices travel in the
 * refund's metadata, so either path applies them, once, in the transaction that inserts the row.
 */
export const refunds = pgTable(
  'refunds',
  {
    id: serial('id').primaryKey(),
    stripeRefundId: text('stripe_refund_id').notNull().unique(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    /** Stripe's refund status (`succeeded`, `pending`, `failed`, `canceled`): only succeeded and pending count. */
    status: text('status').notNull(),
    reason: text('reason'),
    /** Store credit given back as a new grant with this refund (0: none). */
    creditRestored: integer('credit_restored').notNull().default(0),
    /** Discount redemptions this refund released (0: none). */
    redemptionsReleased: integer('redemptions_released').notNull().default(0),
    /** The merchant account that asked for it (from the refund's metadata), or `stripe` (made outside the console). */
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('refunds_order_idx').on(t.orderId), check('refunds_amount_positive', sql`${t.amount} > 0`)],
);

/** Every change made in the merchant console: who, when, what, and the state before and after. Append-only. */
export const adminAudit = pgTable(
  'admin_audit',
  {
    id: serial('id').primaryKey(),
    actorId: text('actor_id').notNull(),
    actorEmail: text('actor_email').notNull(),
    action: text('action').notNull(),
    /** What was changed: `order:12`, `customer:<id>`. */
    subject: text('subject').notNull(),
    before: jsonb('before').$type<unknown>(),
    after: jsonb('after').$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [index('admin_audit_subject_idx').on(t.subject, t.createdAt)],
);

// ——— The store's data (lib/store-data): what the merchant edits. JSON columns are validated by the zod schemas of
// lib/catalog and lib/discounts when loaded and when written, never trusted as stored. ———

/** One row (id 1): the counter every change of the store's data bumps, in the transaction that makes the change. */
export const storeDataVersion = pgTable(
  'store_data_version',
  {
    id: integer('id').primaryKey().default(1),
    version: integer('version').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [check('store_data_version_single_row', sql`${t.id} = 1`)],
);

/** One row (id 1): the store's currency and the cart weight its shipping base rates cover. */
export const storeSettings = pgTable(
  'store_settings',
  {
    id: integer('id').primaryKey().default(1),
    currency: text('currency').notNull(),
    shippingIncludedGrams: integer('shipping_included_grams').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [check('store_settings_single_row', sql`${t.id} = 1`)],
);

export const storeCategories = pgTable('store_categories', {
  id: text('id').primaryKey(),
  /** Display order. */
  position: integer('position').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  warrantyEligible: boolean('warranty_eligible').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A product; `active: false` withdraws it (off the store, dropped from open checkouts) without losing its history. */
export const storeProducts = pgTable(
  'store_products',
  {
    id: text('id').primaryKey(),
    position: integer('position').notNull(),
    categoryId: text('category_id')
      .notNull()
      .references(() => storeCategories.id),
    name: text('name').notNull(),
    description: text('description').notNull(),
    unitAmount: integer('unit_amount').notNull(),
    currency: text('currency').notNull(),
    image: text('image').notNull(),
    imageAlt: text('image_alt').notNull(),
    maxPerOrder: integer('max_per_order').notNull(),
    /** Units to sell in all (sold units are counted in inventory_sales). */
    stock: integer('stock').notNull(),
    weightGrams: integer('weight_grams').notNull(),
    taxCode: text('tax_code').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('store_products_category_idx').on(t.categoryId)],
);

/** An add-on and its eligibility (`scope`, `requires`); `price` is the add-on schema's price as JSON. */
export const storeAddOns = pgTable('store_add_ons', {
  id: text('id').primaryKey(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  scope: text('scope').notNull(),
  price: jsonb('price').$type<unknown>().notNull(),
  requires: jsonb('requires').$type<string[]>().notNull(),
  taxCode: text('tax_code').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A shipping method; its rates per region are `store_shipping_rates` (no rate: not offered in that region). */
export const storeShippingMethods = pgTable('store_shipping_methods', {
  id: text('id').primaryKey(),
  position: integer('position').notNull(),
  displayName: text('display_name').notNull(),
  /** `{minimumSubtotal, regions}`, or null when the method is never free. */
  freeAbove: jsonb('free_above').$type<unknown>(),
  deliversToPoBoxes: boolean('delivers_to_po_boxes').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const storeShippingRates = pgTable(
  'store_shipping_rates',
  {
    methodId: text('method_id')
      .notNull()
      .references(() => storeShippingMethods.id, { onDelete: 'cascade' }),
    region: text('region').notNull(),
    /** Up to the store's included weight. */
    baseAmount: integer('base_amount').notNull(),
    /** Per started kilogram above it. */
    perExtraKgAmount: integer('per_extra_kg_amount').notNull(),
    minBusinessDays: integer('min_business_days').notNull(),
    maxBusinessDays: integer('max_business_days').notNull(),
  },
  (t) => [primaryKey({ columns: [t.methodId, t.region] })],
);

/**
 * A discount rule: `rule` is the rule as authored (the input of `discountRuleSchema`, which validates it on every read
 * and write); `kind` and `code` repeat it for queries and uniqueness (one rule per code).
 */
export const storeDiscountRules = pgTable(
  'store_discount_rules',
  {
    id: text('id').primaryKey(),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    code: text('code'),
    active: boolean('active').notNull().default(true),
    rule: jsonb('rule').$type<unknown>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('store_discount_rules_code_unique').on(t.code)],
);
