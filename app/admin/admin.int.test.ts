/**
 * The merchant console end to end below the browser: its Server Actions and its route with real sessions (better-auth
 * cookies), the Stripe emulator, the webhook route and a real database. `headers()` answers the headers of the
 * browser each test acts as; everything else is the app's own code.
 */
import { and, count, desc, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckoutStateView } from '@/lib/checkout/contract';
import { usAddress } from '@/test/fixtures/addresses';
import { CookieJar, callAuth, latestMailTo, uniqueEmail, userByEmail } from '@/test/support/accounts';
import {
  type Callers,
  deliverEvents,
  headersOf,
  paidOrderWithCodeAndCredit,
  signedInCallers,
  TEST_PASSWORD,
} from '@/test/support/admin';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { type Shopper, shopperWithCheckout, update } from '@/test/support/checkout-api';
import { apiRequest } from '@/test/support/http';
import { stripeAndRecord } from '@/test/support/stripe-vs-record';

let currentHeaders = new Headers();
vi.mock('next/headers', () => ({
  headers: async () => currentHeaders,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
const updatedTags: string[] = [];
vi.mock('next/cache', () => ({
  revalidatePath: () => undefined,
  refresh: () => undefined,
  updateTag: (tag: string) => updatedTags.push(tag),
}));

const { grantCreditAction, refundOrderAction, revokeCreditAction } = await import('@/app/admin/actions');
const { saveAddOnAction, savePromotionAction, saveProductAction, saveShippingRateAction, setPromotionActiveAction } =
  await import('@/app/admin/store-actions');
const { GET: exportOrders } = await import('@/app/admin/orders/export/route');
const { POST: applyCode } = await import('@/app/api/checkout/discount-codes/route');
const { loadStoreData, listStoredRules } = await import('@/lib/store-data/load');
const { promotionsOverview } = await import('@/lib/admin/promotions');
const { IDLE_ADMIN_FORM } = await import('@/lib/admin/forms');
const { creditBalanceOf, revokeCredit } = await import('@/lib/customers/store-credit');
const { purchaseHistoryOf } = await import('@/lib/customers/purchase-history');
const { recordRefund, stripeRefundSchema } = await import('@/lib/orders/refunds');
const { getCatalog } = await import('@/lib/catalog');
const { listOrders } = await import('@/lib/admin/orders');
const { orderFiltersOf } = await import('@/lib/admin/order-filters');
const { salesReport } = await import('@/lib/admin/reports');
const schema = await import('@/lib/db/schema');
const { adminAudit, discountRedemptions, discountUsage, orders, refunds, storeCreditEntries, users } = schema;

let env: AppTestEnvironment;
let callers: Callers;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
  callers = await signedInCallers(env.db);
});
afterAll(() => env.tearDown());
beforeEach(() => {
  currentHeaders = new Headers();
});

function as(jar: CookieJar) {
  currentHeaders = headersOf(jar);
}

function formOf(fields: Record<string, string | number | boolean>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === false) continue;
    form.set(name, value === true ? 'on' : String(value));
  }
  return form;
}

/** What Next makes of `redirect()` and `notFound()` thrown in a Server Action: where it sends the browser. */
async function refusal(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
  } catch (error) {
    const digest = typeof error === 'object' && error !== null && 'digest' in error ? String(error.digest) : '';
    if (digest.startsWith('NEXT_REDIRECT')) return `redirect ${digest.split(';')[2]}`;
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;404') return 'not found';
    throw error;
  }
  return 'done';
}

/** A valid promotion form: a 20% code; `fields` override or add to it. */
function promotionForm(fields: Record<string, string | number | boolean> = {}) {
  return formOf({
    intent: 'create',
    ruleId: 'console-20',
    kind: 'code',
    code: 'console20',
    label: 'Console: 20% off',
    effect: 'percent_off',
    percent: '20',
    combinable: true,
    ...fields,
  });
}

/** The product form as the catalog page renders it for `productId` (seed values), with `fields` changed. */
function productForm(productId: string, fields: Record<string, string | number | boolean> = {}) {
  const product = getCatalog().products.find((p) => p.id === productId);
  if (!product) throw new Error(`no product ${productId}`);
  return formOf({
    productId,
    price: (product.unitAmount / 100).toFixed(2),
    stock: product.stock,
    maxPerOrder: product.maxPerOrder,
    categoryId: product.categoryId,
    taxCode: product.taxCode,
    active: true,
    ...fields,
  });
}

const nextUpdate = (shopper: Shopper) =>
  update('shipping-address', shopper.shopperId, { sessionId: shopper.sessionId, address: usAddress });

async function expectStripeFollows(shopper: Shopper, view: CheckoutStateView) {
  const { stripe, record } = await stripeAndRecord(env, shopper.sessionId);
  expect(stripe).toEqual(record);
  expect(view.total).toBe(stripe.total);
}

const refundsInStripe = async (paymentIntentId: string) =>
  (await env.stripe.refunds.list({ payment_intent: paymentIntentId })).data;
const auditCount = async () => (await env.db.select({ n: count() }).from(adminAudit))[0]?.n ?? 0;
const orderRow = async (id: number) => (await env.db.select().from(orders).where(eq(orders.id, id)))[0];
const refundRows = (orderId: number) => env.db.select().from(refunds).where(eq(refunds.orderId, orderId));
const usageOf = async (ruleId: string) =>
  (await env.db.select().from(discountUsage).where(eq(discountUsage.ruleId, ruleId)))[0]?.redeemed ?? 0;
const balanceOf = (customerId: string) => creditBalanceOf(env.db, customerId, new Date());

function refundForm(order: { id: number }, fields: Partial<Record<string, string | boolean>> = {}) {
  return formOf({
    orderId: order.id,
    amount: '10.00',
    reason: 'requested_by_customer',
    requestKey: crypto.randomUUID(),
    ...fields,
  } as Record<string, string | number | boolean>);
}

describe('who may use the console', () => {
  it('every Server Action and route refuses a visitor (sign in) and a shopper (404), and changes nothing', async () => {
    const order = await paidOrderWithCodeAndCredit(env, callers.shopperId, { code: 'SAVE15', credit: 500 });
    const intentId = order.paymentIntentId ?? '';
    const balance = await balanceOf(callers.shopperId);
    const audits = await auditCount();
    const store = await loadStoreData(env.db);
    const actions = [
      ['refund', () => refundOrderAction(IDLE_ADMIN_FORM, refundForm(order, { restoreCredit: true }))],
      [
        'grant credit',
        () =>
          grantCreditAction(IDLE_ADMIN_FORM, formOf({ customerId: callers.shopperId, amount: '50', reason: 'mine' })),
      ],
      [
        'revoke credit',
        () =>
          revokeCreditAction(IDLE_ADMIN_FORM, formOf({ customerId: callers.shopperId, amount: '1', reason: 'x y z' })),
      ],
      ['save promotion', () => savePromotionAction(IDLE_ADMIN_FORM, promotionForm({ ruleId: 'mallory-90' }))],
      [
        'disable promotion',
        () => setPromotionActiveAction(IDLE_ADMIN_FORM, formOf({ ruleId: 'save-15-over-75', active: 'false' })),
      ],
      ['save product', () => saveProductAction(IDLE_ADMIN_FORM, productForm('aurora-headphones', { price: '0.50' }))],
      [
        'save add-on',
        () => saveAddOnAction(IDLE_ADMIN_FORM, formOf({ addOnId: 'gift-wrap', price: '0.01', active: true })),
      ],
      [
        'save shipping rate',
        () =>
          saveShippingRateAction(
            IDLE_ADMIN_FORM,
            formOf({
              methodId: 'standard',
              region: 'domestic',
              baseAmount: '0',
              perExtraKgAmount: '0',
              minBusinessDays: 1,
              maxBusinessDays: 1,
            }),
          ),
      ],
    ] as const;
    for (const [name, call] of actions) {
      as(callers.anonymous);
      expect(await refusal(call), `${name}, anonymous`).toBe('redirect /account/sign-in?returnTo=%2Fadmin');
      as(callers.shopper);
      expect(await refusal(call), `${name}, shopper`).toBe('not found');
    }
    const routes = [
      [
        'export',
        (jar: CookieJar) =>
          exportOrders(apiRequest('GET', '/admin/orders/export', { headers: { cookie: jar.header() } })),
      ],
    ] as const;
    for (const [name, call] of routes) {
      const anonymous = await call(callers.anonymous);
      expect([name, anonymous.status, (await anonymous.json()).error.code]).toEqual([name, 401, 'unauthenticated']);
      const shopper = await call(callers.shopper);
      expect([name, shopper.status, (await shopper.json()).error.code]).toEqual([name, 404, 'not_found']);
    }
    expect(await refundsInStripe(intentId)).toHaveLength(0);
    expect(await refundRows(order.id)).toHaveLength(0);
    expect((await orderRow(order.id))?.status).toBe('paid');
    expect(await balanceOf(callers.shopperId)).toBe(balance);
    expect(await auditCount()).toBe(audits);
    expect(await loadStoreData(env.db)).toEqual(store);
    expect((await listStoredRules(env.db)).map((row) => row.id)).not.toContain('mallory-90');
    expect(updatedTags).toEqual([]);
  });

  it('a sign-up that claims the merchant role is a shopper; a merchant demoted is refused at once', async () => {
    const jar = new CookieJar();
    const email = uniqueEmail('claims-merchant');
    await callAuth('POST', '/sign-up/email', {
      jar,
      body: { email, password: TEST_PASSWORD, name: 'Mallory', role: 'merchant' },
    });
    const mail = await latestMailTo(env.db, email);
    await callAuth('GET', mail?.link ?? '', { jar });
    expect((await userByEmail(env.db, email))?.role).toBe('customer');
    const route = (cookieJar: CookieJar) =>
      exportOrders(apiRequest('GET', '/admin/orders/export', { headers: { cookie: cookieJar.header() } }));
    expect((await route(jar)).status).toBe(404);

    const merchant = new CookieJar();
    const merchantEmail = uniqueEmail('demoted');
    const { createOrPromoteMerchant } = await import('@/lib/admin/merchants');
    await createOrPromoteMerchant(env.db, { email: merchantEmail, password: TEST_PASSWORD });
    await callAuth('POST', '/sign-in/email', {
      jar: merchant,
      body: { email: merchantEmail, password: TEST_PASSWORD },
    });
    expect((await route(merchant)).status).toBe(200);
    await env.db.update(users).set({ role: 'customer' }).where(eq(users.email, merchantEmail));
    expect((await route(merchant)).status).toBe(404);
  });
});

describe('refunds through the console', () => {
  it('a full refund refunds in Stripe, is recorded once despite duplicate events, gives back the credit and the code’s use', async () => {
    const order = await paidOrderWithCodeAndCredit(env, callers.shopperId, { code: 'SAVE15', credit: 1_000 });
    const intentId = order.paymentIntentId ?? '';
    const usageBefore = await usageOf('save-15-over-75');
    const balanceBefore = await balanceOf(callers.shopperId);
    as(callers.merchant);
    const state = await refundOrderAction(
      IDLE_ADMIN_FORM,
      refundForm(order, {
        amount: (order.amountTotal / 100).toFixed(2),
        restoreCredit: true,
        releaseRedemptions: true,
        note: 'Arrived broken',
      }),
    );
    expect(state).toMatchObject({ status: 'done' });

    const inStripe = await refundsInStripe(intentId);
    expect(inStripe.map((refund) => refund.amount)).toEqual([order.amountTotal]);
    // Stripe sends charge.refunded and refund.created, each twice; the order's records do not move.
    expect(await deliverEvents(env.stripe, env.webhookSecret, 'charge.refunded', 2)).toEqual([200, 200]);
    expect(await deliverEvents(env.stripe, env.webhookSecret, 'refund.created', 2)).toEqual([200, 200]);

    const rows = await refundRows(order.id);
    const redemptions = await env.db
      .select()
      .from(discountRedemptions)
      .where(eq(discountRedemptions.orderId, order.id));
    expect(redemptions.map((row) => row.ruleId).sort()).toEqual(['cart-10-off-100', 'save-15-over-75']);
    expect(redemptions.every((row) => row.releasedAt !== null)).toBe(true);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      stripeRefundId: inStripe[0]?.id,
      amount: order.amountTotal,
      creditRestored: 1_000,
      redemptionsReleased: 2,
      reason: 'Arrived broken',
    });
    expect((await orderRow(order.id))?.status).toBe('refunded');
    expect(await balanceOf(callers.shopperId)).toBe(balanceBefore + 1_000);
    expect(await usageOf('save-15-over-75')).toBe(usageBefore - 1);
    const listed = await listOrders(env.db, orderFiltersOf({ q: `#${order.id}`, code: 'save15', status: 'refunded' }));
    expect(listed.rows.map((row) => [row.id, row.refunded, row.codes])).toEqual([
      [order.id, order.amountTotal, 'cart-10-off-100 SAVE15'],
    ]);
    const audit = await env.db
      .select()
      .from(adminAudit)
      .where(eq(adminAudit.subject, `order:${order.id}`));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'order.refund', before: { status: 'paid', refunded: 0 } });
    expect(audit[0]?.after).toMatchObject({ status: 'refunded', refunded: order.amountTotal });
  });

  it('partial refunds: the status follows, choices apply once, and more than is left is refused with Stripe untouched', async () => {
    const customerId =
      (
        await env.db
          .insert(users)
          .values({ id: `c-${crypto.randomUUID()}`, name: '', email: uniqueEmail('partial'), emailVerified: true })
          .returning()
      )[0]?.id ?? '';
    const order = await paidOrderWithCodeAndCredit(env, customerId, { code: 'SAVE15', credit: 800 });
    const intentId = order.paymentIntentId ?? '';
    const usage = await usageOf('save-15-over-75');
    as(callers.merchant);

    const first = await refundOrderAction(IDLE_ADMIN_FORM, refundForm(order, { amount: '20.00' }));
    expect(first).toEqual({ status: 'done', message: expect.stringMatching(/^Refunded \$20\.00/) });
    expect((await orderRow(order.id))?.status).toBe('partially_refunded');
    expect(await balanceOf(customerId)).toBe(0);
    expect(await usageOf('save-15-over-75')).toBe(usage);
    const spend = (await purchaseHistoryOf(env.db, customerId, getCatalog())).lifetimeSpend;
    // No Stripe Tax in these checkouts: the lifetime spend is what was charged less what was refunded.
    expect(order.amountTax).toBe(0);
    expect(spend).toBe(order.amountTotal - 2_000);

    expect(
      await refundOrderAction(IDLE_ADMIN_FORM, refundForm(order, { amount: '5.00', restoreCredit: true })),
    ).toMatchObject({ status: 'done' });
    expect(
      await refundOrderAction(IDLE_ADMIN_FORM, refundForm(order, { amount: '5.00', restoreCredit: true })),
    ).toMatchObject({ status: 'done' });
    expect(await balanceOf(customerId)).toBe(800);

    const left = order.amountTotal - 3_000;
    const tooMuch = await refundOrderAction(
      IDLE_ADMIN_FORM,
      refundForm(order, { amount: ((left + 1) / 100).toFixed(2) }),
    );
    expect(tooMuch).toMatchObject({ status: 'error', field: 'amount' });
    expect(await refundsInStripe(intentId)).toHaveLength(3);
    expect(
      await refundOrderAction(IDLE_ADMIN_FORM, refundForm(order, { amount: (left / 100).toFixed(2) })),
    ).toMatchObject({
      status: 'done',
    });
    expect((await orderRow(order.id))?.status).toBe('refunded');
    expect((await purchaseHistoryOf(env.db, customerId, getCatalog())).lifetimeSpend).toBe(0);
  });

  it('the same form sent twice (a double click) is one refund, one record and one audit line', async () => {
    const order = await paidOrderWithCodeAndCredit(env, callers.shopperId, { code: 'WELCOME10', credit: 100 });
    as(callers.merchant);
    const requestKey = crypto.randomUUID();
    const send = () => refundOrderAction(IDLE_ADMIN_FORM, refundForm(order, { amount: '12.00', requestKey }));
    const [first, second] = await Promise.all([send(), send()]);
    expect([first.status, second.status].sort()).toEqual(['done', 'done']);
    expect(await refundsInStripe(order.paymentIntentId ?? '')).toHaveLength(1);
    expect(await refundRows(order.id)).toHaveLength(1);
    expect(
      await env.db
        .select()
        .from(adminAudit)
        .where(eq(adminAudit.subject, `order:${order.id}`)),
    ).toHaveLength(1);
  });

  it('the webhook recording a refund before the console’s own write applies the choices once all the same', async () => {
    const order = await paidOrderWithCodeAndCredit(env, callers.shopperId, { code: 'SAVE15', credit: 600 });
    const balance = await balanceOf(callers.shopperId);
    // The console's call reached Stripe; its write has not happened yet when the webhooks arrive.
    const refund: Stripe.Refund = await env.stripe.refunds.create({
      payment_intent: order.paymentIntentId ?? '',
      amount: 3_000,
      metadata: { order_id: String(order.id), restore_credit: 'true', release_redemptions: 'false', requested_by: 'm' },
    });
    await deliverEvents(env.stripe, env.webhookSecret, 'charge.refunded', 2);
    const late = await recordRefund(env.db, stripeRefundSchema.parse(refund), new Date());
    expect(late).toMatchObject({ orderId: order.id, created: false });
    const rows = await refundRows(order.id);
    expect(rows.map((row) => [row.amount, row.creditRestored, row.redemptionsReleased])).toEqual([[3_000, 600, 0]]);
    expect(await balanceOf(callers.shopperId)).toBe(balance + 600);
    expect((await orderRow(order.id))?.status).toBe('partially_refunded');
    const refundedEntries = await env.db
      .select()
      .from(storeCreditEntries)
      .where(
        and(
          eq(storeCreditEntries.customerId, callers.shopperId),
          eq(storeCreditEntries.reason, `Refund of order #${order.id}`),
        ),
      );
    expect(refundedEntries).toHaveLength(1);
  });
});

describe('store credit from the console', () => {
  it('grants and revokes with reasons, audited; a revocation never takes more than the balance', async () => {
    const customerId =
      (
        await env.db
          .insert(users)
          .values({ id: `c-${crypto.randomUUID()}`, name: '', email: uniqueEmail('credit'), emailVerified: true })
          .returning()
      )[0]?.id ?? '';
    as(callers.merchant);
    expect(
      await grantCreditAction(
        IDLE_ADMIN_FORM,
        formOf({ customerId, amount: '25.00', reason: 'Late delivery', expires: '2099-12-31' }),
      ),
    ).toMatchObject({ status: 'done' });
    const tooMuch = await revokeCreditAction(
      IDLE_ADMIN_FORM,
      formOf({ customerId, amount: '25.01', reason: 'Mistake' }),
    );
    expect(tooMuch).toEqual({ status: 'error', field: 'amount', message: 'At most $25.00 can be revoked.' });
    expect(await balanceOf(customerId)).toBe(2_500);
    expect(
      await revokeCreditAction(IDLE_ADMIN_FORM, formOf({ customerId, amount: '10', reason: 'Mistake' })),
    ).toMatchObject({
      status: 'done',
    });
    expect(await balanceOf(customerId)).toBe(1_500);
    const audit = await env.db
      .select()
      .from(adminAudit)
      .where(eq(adminAudit.subject, `customer:${customerId}`));
    expect(audit.map((row) => [row.action, row.before, (row.after as { balance: number }).balance])).toEqual([
      ['credit.grant', { balance: 0 }, 2_500],
      ['credit.revoke', { balance: 2_500 }, 1_500],
    ]);

    // Two revocations of the whole balance at once: one of them, never both.
    const revoke = () =>
      revokeCredit(env.db, {
        customerId,
        amount: 1_500,
        currency: 'usd',
        reason: 'race',
        createdBy: 'test',
        at: new Date(),
      });
    const results = await Promise.allSettled([revoke(), revoke()]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await balanceOf(customerId)).toBe(0);
  });

  it('refuses a form with a bad amount, reason or customer without writing anything', async () => {
    as(callers.merchant);
    const audits = await auditCount();
    expect(
      await grantCreditAction(IDLE_ADMIN_FORM, formOf({ customerId: callers.shopperId, amount: '-5', reason: 'Nope' })),
    ).toMatchObject({ status: 'error', field: 'amount' });
    expect(
      await grantCreditAction(IDLE_ADMIN_FORM, formOf({ customerId: callers.shopperId, amount: '5', reason: '' })),
    ).toMatchObject({
      status: 'error',
      field: 'reason',
    });
    expect(
      await grantCreditAction(IDLE_ADMIN_FORM, formOf({ customerId: 'nobody', amount: '5', reason: 'Ghost' })),
    ).toMatchObject({
      status: 'error',
      message: 'There is no such customer.',
    });
    expect(await auditCount()).toBe(audits);
  });
});

describe('reports', () => {
  it('sales less the refunds made, and the discounts given by rule, for today', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const before = await salesReport(env.db, { from: today, to: today });
    const order = await paidOrderWithCodeAndCredit(env, callers.shopperId, { code: 'SAVE15', credit: 100 });
    as(callers.merchant);
    await refundOrderAction(IDLE_ADMIN_FORM, refundForm(order, { amount: '7.00' }));
    const after = await salesReport(env.db, { from: today, to: today });
    expect(after.sales.orders - before.sales.orders).toBe(1);
    expect(after.sales.gross - before.sales.gross).toBe(order.amountTotal);
    expect(after.sales.refunds - before.sales.refunds).toBe(700);
    expect(after.sales.net).toBe(after.sales.gross - after.sales.refunds);
    const uses = (report: typeof after, ruleId: string) =>
      report.discounts.find((row) => row.ruleId === ruleId)?.uses ?? 0;
    expect(uses(after, 'save-15-over-75') - uses(before, 'save-15-over-75')).toBe(1);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await salesReport(env.db, { from: yesterday, to: yesterday })).sales.orders).toBe(0);
  });
});

describe('CSV export', () => {
  it('exports the filtered list with every field quoted and formulas kept as text', async () => {
    const [order] = await env.db
      .insert(orders)
      .values({
        stripeSessionId: `cs_test_hostile${crypto.randomUUID().replaceAll('-', '')}`,
        shopperId: 'hostile',
        status: 'paid',
        currency: 'usd',
        amountSubtotal: 1_000,
        amountDiscount: 0,
        amountShipping: 0,
        amountTax: 0,
        amountTotal: 1_000,
        email: `=cmd|' /C calc'!A0,"x"@example.com`,
      })
      .returning();
    const response = await exportOrders(
      apiRequest('GET', `/admin/orders/export?q=${encodeURIComponent(`#${order?.id}`)}`, {
        headers: { cookie: callers.merchant.header() },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=cmd|' /C calc'!A0,""x""@example.com"`);
    expect(lines[1]?.startsWith(`"${order?.id}",`)).toBe(true);
  });
});

describe('editing the catalog in the console', () => {
  it('a product repriced in the console changes the next update’s Stripe total of an open checkout', async () => {
    const shopper = await shopperWithCheckout([{ productId: 'soy-candle', quantity: 2 }]);
    const first = await nextUpdate(shopper);
    as(callers.merchant);
    const audits = await auditCount();
    expect(await saveProductAction(IDLE_ADMIN_FORM, productForm('soy-candle', { price: '25.00' }))).toEqual({
      status: 'done',
      message: 'Saved Cedar & Fig Soy Candle.',
    });
    const repriced = await nextUpdate(shopper);
    expect(repriced.lines.find((line) => line.key === 'product:soy-candle')).toMatchObject({
      quantity: 2,
      unitAmount: 2_500,
    });
    expect(repriced.total).toBeLessThan(first.total);
    await expectStripeFollows(shopper, repriced);
    const [audit] = await env.db
      .select()
      .from(adminAudit)
      .where(eq(adminAudit.subject, 'product:soy-candle'))
      .orderBy(desc(adminAudit.id))
      .limit(1);
    expect(await auditCount()).toBe(audits + 1);
    expect(audit).toMatchObject({
      action: 'catalog.product',
      before: expect.objectContaining({ unitAmount: 2_800 }),
      after: expect.objectContaining({ unitAmount: 2_500 }),
    });
  });

  it('refuses a price, category or forged product the store rejects, at its field, changing nothing', async () => {
    as(callers.merchant);
    const store = await loadStoreData(env.db);
    const audits = await auditCount();
    expect(await saveProductAction(IDLE_ADMIN_FORM, productForm('tea-sampler', { price: '0.10' }))).toMatchObject({
      status: 'error',
      field: 'price',
    });
    expect(
      await saveProductAction(IDLE_ADMIN_FORM, productForm('tea-sampler', { categoryId: 'no-such-category' })),
    ).toMatchObject({ status: 'error', field: 'categoryId', message: 'unknown category no-such-category' });
    expect(
      await saveProductAction(IDLE_ADMIN_FORM, productForm('tea-sampler', { productId: 'no-such-product' })),
    ).toMatchObject({ status: 'error', message: 'no such product' });
    expect(
      await saveShippingRateAction(
        IDLE_ADMIN_FORM,
        formOf({
          methodId: 'standard',
          region: 'domestic',
          baseAmount: '5',
          perExtraKgAmount: '1',
          minBusinessDays: 9,
          maxBusinessDays: 2,
        }),
      ),
    ).toMatchObject({ status: 'error', field: 'maxBusinessDays' });
    expect(await loadStoreData(env.db)).toEqual(store);
    expect(await auditCount()).toBe(audits);
  });
});

describe('editing promotions in the console', () => {
  it('a promotion created in the console applies in checkout, and stops once disabled', async () => {
    as(callers.merchant);
    expect(await savePromotionAction(IDLE_ADMIN_FORM, promotionForm())).toEqual({
      status: 'done',
      message: 'Created Console: 20% off.',
    });
    const overview = await promotionsOverview(env.db, new Date());
    expect(overview.rules.find((rule) => rule.id === 'console-20')).toMatchObject({ code: 'CONSOLE20', active: true });

    const shopper = await shopperWithCheckout([{ productId: 'tea-sampler', quantity: 1 }]);
    const first = await nextUpdate(shopper);
    const applied = await applyCode(
      apiRequest('POST', '/api/checkout/discount-codes', {
        shopperId: shopper.shopperId,
        body: { sessionId: shopper.sessionId, code: 'console20' },
      }),
    );
    expect(applied.status).toBe(200);
    const view = (await applied.json()) as CheckoutStateView;
    const subtotal = view.lines.reduce((sum, line) => sum + line.amount, 0);
    expect(view.discounts.codes).toEqual([
      expect.objectContaining({ code: 'CONSOLE20', applied: true, amount: Math.round(subtotal / 5) }),
    ]);
    expect(view.total).toBeLessThan(first.total);
    await expectStripeFollows(shopper, view);

    expect(
      await setPromotionActiveAction(IDLE_ADMIN_FORM, formOf({ ruleId: 'console-20', active: 'false' })),
    ).toMatchObject({ status: 'done' });
    const after = await nextUpdate(shopper);
    expect(after.discounts.codes.filter((code) => code.applied)).toEqual([]);
    expect(after.total).toBe(first.total);
    await expectStripeFollows(shopper, after);
    const audits = await env.db.select().from(adminAudit).where(eq(adminAudit.subject, 'rule:console-20'));
    expect(audits.map((row) => row.action)).toEqual(['promotion.create', 'promotion.disable']);
    expect(audits[0]).toMatchObject({ before: null, after: expect.objectContaining({ code: 'CONSOLE20' }) });
  });

  it('saves every condition the engine knows, scheduled and limited, as the rule the engine reads', async () => {
    as(callers.merchant);
    const form = promotionForm({
      ruleId: 'weekend-gold',
      code: 'gold-weekend',
      label: 'Gold weekends',
      effect: 'amount_off',
      amountOff: '12.50',
      maxAmount: '12.50',
      minSubtotal: '60',
      startsAt: '2027-01-01T00:00',
      endsAt: '2027-02-01T00:00',
      weeklyFrom: '09:00',
      weeklyUntil: '18:30',
      countries: 'us, ca',
      regions: 'us-ca',
      productIds: 'tea-sampler, soy-candle',
      firstOrderOnly: true,
      customerEmails: 'A@Example.com b@example.com',
      segments: 'returning, bought:home',
      totalRedemptions: 100,
      perEmail: 1,
      combinable: false,
    });
    for (const [name, value] of [
      ['weeklyDays', 'sat'],
      ['weeklyDays', 'sun'],
      ['tiers', 'gold'],
      ['categoryIds', 'home'],
    ] as const)
      form.append(name, value);
    expect(await savePromotionAction(IDLE_ADMIN_FORM, form)).toMatchObject({ status: 'done' });
    const [stored] = (await listStoredRules(env.db)).filter((row) => row.id === 'weekend-gold');
    expect(stored?.rule).toEqual({
      id: 'weekend-gold',
      kind: 'code',
      code: 'gold-weekend',
      label: 'Gold weekends',
      effect: { type: 'amount_off', amount: 1_250, currency: 'usd' },
      conditions: {
        minSubtotal: { amount: 6_000, currency: 'usd' },
        startsAt: '2027-01-01T00:00:00.000Z',
        endsAt: '2027-02-01T00:00:00.000Z',
        weekly: { days: ['sat', 'sun'], from: '09:00', until: '18:30' },
        countries: ['US', 'CA'],
        regions: ['US-CA'],
        productIds: ['tea-sampler', 'soy-candle'],
        categoryIds: ['home'],
        firstOrderOnly: true,
        customerEmails: ['A@Example.com', 'b@example.com'],
        tiers: ['gold'],
        segments: ['returning', 'bought:home'],
      },
      limits: { totalRedemptions: 100, perEmail: 1 },
      combinable: false,
      maxAmount: { amount: 1_250, currency: 'usd' },
    });
    const rule = (await loadStoreData(env.db)).rules.find((r) => r.id === 'weekend-gold');
    expect(rule?.code).toBe('GOLD-WEEKEND');
    expect(rule?.conditions.customerEmails).toEqual(['a@example.com', 'b@example.com']);

    expect(
      await savePromotionAction(
        IDLE_ADMIN_FORM,
        promotionForm({ intent: 'edit', ruleId: 'weekend-gold', code: 'gold-weekend', label: 'Renamed' }),
      ),
    ).toMatchObject({ status: 'done', message: 'Saved Renamed.' });
    expect((await loadStoreData(env.db)).rules.find((r) => r.id === 'weekend-gold')?.label).toBe('Renamed');
  });

  it('refuses a rule the engine would reject, every issue at its field, writing nothing', async () => {
    as(callers.merchant);
    const store = await loadStoreData(env.db);
    const audits = await auditCount();
    const refused = async (fields: Record<string, string | number | boolean>) => {
      const state = await savePromotionAction(IDLE_ADMIN_FORM, promotionForm({ ruleId: 'refused-one', ...fields }));
      return state.status === 'error' ? state.fields : state;
    };
    expect(await refused({ startsAt: '2027-02-01T00:00', endsAt: '2027-01-01T00:00' })).toEqual({
      endsAt: 'endsAt must be after startsAt',
    });
    expect(await refused({ kind: 'automatic' })).toEqual({ code: 'an automatic rule has no code' });
    expect(await refused({ code: 'welcome10' })).toEqual({ code: "WELCOME10 is welcome-10's" });
    expect(await refused({ effect: 'free_shipping' })).toMatchObject({ effect: expect.any(String) });
    expect(await refused({ percent: '150', weeklyFrom: '18:00', weeklyUntil: '09:00', countries: 'USA' })).toEqual({
      percent: expect.any(String),
      weeklyDays: expect.any(String),
      weeklyUntil: 'until must be after from',
      countries: expect.any(String),
    });
    expect(await refused({ ruleId: 'Not A Slug', label: '', percent: 'ten', totalRedemptions: 0 })).toEqual({
      ruleId: expect.any(String),
      label: 'Give the promotion a label.',
      percent: 'Enter a percentage such as 10 or 12.5.',
      totalRedemptions: 'Enter 1 or more.',
    });
    expect(await refused({ ruleId: 'store-credit' })).toMatchObject({ ruleId: expect.any(String) });
    expect(await refused({ ruleId: 'welcome-10', code: 'welcome10' })).toEqual({
      ruleId: 'another promotion has this id',
    });
    expect(
      await savePromotionAction(
        IDLE_ADMIN_FORM,
        promotionForm({ intent: 'edit', ruleId: 'no-such-rule', code: 'nosuch1' }),
      ),
    ).toMatchObject({ status: 'error', message: 'no such promotion' });
    expect(await loadStoreData(env.db)).toEqual(store);
    expect(await auditCount()).toBe(audits);
  });
});
