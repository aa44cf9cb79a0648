import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { initialLocalState, toCheckoutSession } from '../src/stripejs/map-session';
import type { emulatorSessionSchema } from '../src/stripejs/session-schema';
import { parsedSession } from './stripejs-fixtures';

// Drift guard: anything stripe-node calls a Checkout Session must be acceptable input to the stand-in's schema.
type Accepts = Stripe.Checkout.Session extends z.input<typeof emulatorSessionSchema> ? true : false;
const stripeNodeSessionsAreAccepted: Accepts = true;

describe('emulator session JSON → StripeCheckoutSession', () => {
  it('accepts the shape stripe-node types a session as', () => {
    expect(stripeNodeSessionsAreAccepted).toBe(true);
  });

  it('maps line items with amounts as {minorUnitsAmount, amount}', () => {
    const session = toCheckoutSession(parsedSession());
    expect(session.id).toBe('cs_test_123');
    expect(session.currency).toBe('usd');
    expect(session.minorUnitsAmountDivisor).toBe(100);
    expect(session.lineItems).toHaveLength(2);
    const [shirt, wrap] = session.lineItems;
    expect(shirt).toMatchObject({
      id: 'li_shirt',
      name: 'T-shirt',
      description: 'Soft cotton',
      quantity: 2,
      priceId: 'price_shirt',
      images: ['https://img/shirt.png'],
      unitAmount: { minorUnitsAmount: 2000, amount: '$20.00' },
      subtotal: { minorUnitsAmount: 4000, amount: '$40.00' },
      discount: { minorUnitsAmount: 500, amount: '$5.00' },
      total: { minorUnitsAmount: 3500, amount: '$35.00' },
      adjustableQuantity: { minimum: 1, maximum: 5 },
    });
    expect(shirt?.discountAmounts?.[0]).toMatchObject({
      displayName: 'Ten off',
      percentOff: 10,
      minorUnitsAmount: 500,
    });
    expect(wrap).toMatchObject({ name: 'Gift wrap', unitAmount: { minorUnitsAmount: 1000, amount: '$10.00' } });
    expect(wrap?.adjustableQuantity).toBeNull();
  });

  it('builds the total summary from the session totals, not from client arithmetic', () => {
    const { total } = toCheckoutSession(parsedSession());
    expect(total.subtotal).toEqual({ minorUnitsAmount: 5000, amount: '$50.00' });
    expect(total.discount).toEqual({ minorUnitsAmount: 500, amount: '$5.00' });
    expect(total.shippingRate).toEqual({ minorUnitsAmount: 495, amount: '$4.95' });
    expect(total.total).toEqual({ minorUnitsAmount: 4995, amount: '$49.95' });
    expect(total.taxExclusive.minorUnitsAmount).toBe(0);
  });

  it('lists session discounts with the promotion code the shopper used', () => {
    const { discountAmounts } = toCheckoutSession(parsedSession());
    expect(discountAmounts).toEqual([
      {
        displayName: 'Ten off',
        promotionCode: 'TENOFF',
        percentOff: 10,
        recurring: null,
        minorUnitsAmount: 500,
        amount: '$5.00',
      },
    ]);
  });

  it('names a discount whose breakdown only carries ids from the expanded session discounts', () => {
    const { discountAmounts } = toCheckoutSession(
      parsedSession({
        discounts: [
          {
            coupon: { id: 'co_9', name: 'Summer sale', percent_off: 20, duration: 'forever' },
            promotion_code: { id: 'promo_9', code: 'SUMMER' },
          },
        ],
        total_details: {
          amount_discount: 1000,
          amount_shipping: 0,
          amount_tax: 0,
          breakdown: {
            discounts: [{ amount: 1000, discount: { source: { coupon: 'co_9' }, promotion_code: 'promo_9' } }],
            taxes: [],
          },
        },
      }),
    );
    expect(discountAmounts).toEqual([
      {
        displayName: 'Summer sale',
        promotionCode: 'SUMMER',
        percentOff: 20,
        recurring: { type: 'forever' },
        minorUnitsAmount: 1000,
        amount: '$10.00',
      },
    ]);
  });

  it('maps shipping options, the selected one and the shipping address', () => {
    const session = toCheckoutSession(parsedSession());
    expect(session.shippingOptions).toEqual([
      {
        id: 'shr_standard',
        currency: 'usd',
        displayName: 'Standard',
        deliveryEstimate: { minimum: { unit: 'business_day', value: 3 }, maximum: { unit: 'business_day', value: 5 } },
        minorUnitsAmount: 495,
        amount: '$4.95',
      },
      {
        id: 'shr_express',
        currency: 'usd',
        displayName: 'Express',
        deliveryEstimate: null,
        minorUnitsAmount: 1500,
        amount: '$15.00',
      },
    ]);
    expect(session.shipping?.shippingOption.id).toBe('shr_standard');
    expect(session.shippingAddress).toEqual({
      name: 'Ada Lovelace',
      address: {
        line1: '1 Main St',
        line2: null,
        city: 'Springfield',
        state: 'IL',
        postal_code: '62701',
        country: 'US',
      },
    });
  });

  it('maps status and payment status', () => {
    expect(toCheckoutSession(parsedSession()).status).toEqual({ type: 'open' });
    expect(toCheckoutSession(parsedSession({ status: 'expired' })).status).toEqual({ type: 'expired' });
    expect(toCheckoutSession(parsedSession({ status: 'complete', payment_status: 'paid' })).status).toEqual({
      type: 'complete',
      paymentStatus: 'paid',
    });
  });

  it('can confirm only an open session with no update pending and no confirmation running', () => {
    expect(toCheckoutSession(parsedSession()).canConfirm).toBe(true);
    expect(toCheckoutSession(parsedSession(), { ...initialLocalState, pendingUpdates: 1 }).canConfirm).toBe(false);
    expect(toCheckoutSession(parsedSession(), { ...initialLocalState, confirming: true }).canConfirm).toBe(false);
    expect(toCheckoutSession(parsedSession({ status: 'complete', payment_status: 'paid' })).canConfirm).toBe(false);
  });

  it('reads the email from customer details or the prefilled customer email', () => {
    expect(toCheckoutSession(parsedSession({ customer_email: 'a@example.com' })).email).toBe('a@example.com');
    expect(
      toCheckoutSession(
        parsedSession({ customer_email: 'a@example.com', customer_details: { email: 'b@example.com' } }),
      ).email,
    ).toBe('b@example.com');
    expect(toCheckoutSession(parsedSession()).email).toBeNull();
  });

  it('carries the last payment error and formats other currencies', () => {
    const session = toCheckoutSession(
      parsedSession({
        currency: 'jpy',
        amount_total: 3000,
        line_items: null,
        total_details: null,
        shipping_options: [],
      }),
      { ...initialLocalState, lastPaymentError: { message: 'Your card was declined.' } },
    );
    expect(session.lastPaymentError).toEqual({ message: 'Your card was declined.' });
    expect(session.total.total).toEqual({ minorUnitsAmount: 3000, amount: '¥3,000' });
    expect(session.minorUnitsAmountDivisor).toBe(1);
    expect(session.lineItems).toEqual([]);
  });
});
