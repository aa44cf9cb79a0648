import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BETA_VERSION, type Harness, priceData, RETURN_URL, rateData, startHarness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface Cart {
  name: string;
  currency: string;
  lines: Array<[unitAmount: number, quantity: number]>;
  shipping?: number;
  coupon?: Stripe.CouponCreateParams;
  expected: { subtotal: number; discount: number; shipping: number; total: number; lineDiscounts: number[] };
}

const carts: Cart[] = [
  {
    name: 'one item, no shipping',
    currency: 'usd',
    lines: [[2000, 1]],
    expected: { subtotal: 2000, discount: 0, shipping: 0, total: 2000, lineDiscounts: [0] },
  },
  {
    name: 'several items with shipping',
    currency: 'usd',
    lines: [
      [1999, 3],
      [450, 2],
    ],
    shipping: 799,
    expected: { subtotal: 6897, discount: 0, shipping: 799, total: 7696, lineDiscounts: [0, 0] },
  },
  {
    name: 'percent coupon applies to items, not shipping',
    currency: 'usd',
    lines: [
      [1000, 1],
      [333, 3],
    ],
    shipping: 500,
    coupon: { percent_off: 15 },
    expected: { subtotal: 1999, discount: 300, shipping: 500, total: 2199, lineDiscounts: [150, 150] },
  },
  {
    name: 'amount coupon larger than the subtotal stops at zero items, shipping still due',
    currency: 'eur',
    lines: [[800, 1]],
    shipping: 450,
    coupon: { amount_off: 1000, currency: 'eur' },
    expected: { subtotal: 800, discount: 800, shipping: 450, total: 450, lineDiscounts: [800] },
  },
  {
    name: 'zero-decimal currency (jpy) with a percent coupon',
    currency: 'jpy',
    lines: [
      [1500, 2],
      [980, 1],
    ],
    shipping: 600,
    coupon: { percent_off: 10 },
    expected: { subtotal: 3980, discount: 398, shipping: 600, total: 4182, lineDiscounts: [300, 98] },
  },
  {
    name: 'fractional percent rounds half up',
    currency: 'gbp',
    lines: [[999, 1]],
    coupon: { percent_off: 12.5 },
    expected: { subtotal: 999, discount: 125, shipping: 0, total: 874, lineDiscounts: [125] },
  },
  {
    name: '100% off with free shipping is free',
    currency: 'usd',
    lines: [
      [1200, 1],
      [300, 4],
    ],
    shipping: 0,
    coupon: { percent_off: 100 },
    expected: { subtotal: 2400, discount: 2400, shipping: 0, total: 0, lineDiscounts: [1200, 1200] },
  },
];

describe('session totals match Stripe arithmetic', () => {
  it.each(carts)('$name', async (cart) => {
    const coupon = cart.coupon ? await h.stripe.coupons.create(cart.coupon) : null;
    const created = await h.stripe.checkout.sessions.create({
      ui_mode: 'elements',
      mode: 'payment',
      return_url: RETURN_URL,
      line_items: cart.lines.map(([unitAmount, quantity], index) => ({
        price_data: priceData(`Item ${index}`, unitAmount, cart.currency),
        quantity,
      })),
      shipping_options:
        cart.shipping === undefined
          ? undefined
          : [{ shipping_rate_data: rateData('Ship', cart.shipping, cart.currency) }],
    });
    // Apply the coupon through the preview update path, as the store does.
    const session = await h.stripe.checkout.sessions.update(
      created.id,
      {
        ...(coupon ? { discounts: [{ coupon: coupon.id }] } : {}),
        expand: ['line_items'],
      } as Stripe.Checkout.SessionUpdateParams,
      { apiVersion: BETA_VERSION },
    );
    expect(session.currency).toBe(cart.currency);
    expect({
      subtotal: session.amount_subtotal,
      discount: session.total_details?.amount_discount,
      shipping: session.total_details?.amount_shipping,
      total: session.amount_total,
      lineDiscounts: session.line_items?.data.map((item) => item.amount_discount),
    }).toEqual(cart.expected);
    for (const item of session.line_items?.data ?? []) {
      expect(item.amount_total).toBe(item.amount_subtotal - item.amount_discount);
      expect(item.amount_tax).toBe(0);
    }
    if (cart.shipping !== undefined) {
      expect(session.shipping_cost).toMatchObject({
        amount_subtotal: cart.shipping,
        amount_total: cart.shipping,
        amount_tax: 0,
      });
    }
  });
});
