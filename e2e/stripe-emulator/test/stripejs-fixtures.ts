import type { EmulatorSession } from '../src/stripejs/session-schema';
import { emulatorSessionSchema } from '../src/stripejs/session-schema';

/** A session as the emulator's browser API answers it (expanded line items, discounts and shipping rates). */
export function sessionJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'cs_test_123',
    object: 'checkout.session',
    livemode: false,
    currency: 'usd',
    status: 'open',
    payment_status: 'unpaid',
    customer_email: null,
    customer_details: null,
    amount_subtotal: 5000,
    amount_total: 4995,
    return_url: 'http://shop.test/done?session_id={CHECKOUT_SESSION_ID}',
    permissions: { update_shipping_details: 'server_only', update_discounts: 'server_only' },
    line_items: {
      object: 'list',
      has_more: false,
      data: [
        {
          id: 'li_shirt',
          object: 'item',
          amount_discount: 500,
          amount_subtotal: 4000,
          amount_tax: 0,
          amount_total: 3500,
          currency: 'usd',
          description: 'T-shirt',
          quantity: 2,
          price: {
            id: 'price_shirt',
            unit_amount: 2000,
            product: {
              id: 'prod_shirt',
              name: 'T-shirt',
              description: 'Soft cotton',
              images: ['https://img/shirt.png'],
            },
            recurring: null,
          },
          adjustable_quantity: { enabled: true, minimum: 1, maximum: 5 },
          discounts: [
            { amount: 500, discount: { source: { coupon: { id: 'co_1', name: 'Ten off', percent_off: 10 } } } },
          ],
        },
        {
          id: 'li_wrap',
          object: 'item',
          amount_discount: 0,
          amount_subtotal: 1000,
          amount_tax: 0,
          amount_total: 1000,
          currency: 'usd',
          description: 'Gift wrap',
          quantity: 1,
          price: { id: 'price_wrap', unit_amount: 1000, product: 'prod_wrap' },
        },
      ],
    },
    total_details: {
      amount_discount: 500,
      amount_shipping: 495,
      amount_tax: 0,
      breakdown: {
        discounts: [
          {
            amount: 500,
            discount: {
              source: { coupon: { id: 'co_1', name: 'Ten off', percent_off: 10, duration: 'once' } },
              promotion_code: { id: 'promo_1', code: 'TENOFF' },
            },
          },
        ],
        taxes: [],
      },
    },
    shipping_options: [
      {
        shipping_amount: 495,
        shipping_rate: {
          id: 'shr_standard',
          display_name: 'Standard',
          delivery_estimate: {
            minimum: { unit: 'business_day', value: 3 },
            maximum: { unit: 'business_day', value: 5 },
          },
          fixed_amount: { amount: 495, currency: 'usd' },
        },
      },
      {
        shipping_amount: 1500,
        shipping_rate: { id: 'shr_express', display_name: 'Express', delivery_estimate: null },
      },
    ],
    shipping_cost: { amount_subtotal: 495, amount_tax: 0, amount_total: 495, shipping_rate: 'shr_standard' },
    collected_information: {
      shipping_details: {
        name: 'Ada Lovelace',
        address: {
          line1: '1 Main St',
          line2: null,
          city: 'Springfield',
          state: 'IL',
          postal_code: '62701',
          country: 'US',
        },
      },
    },
    ...overrides,
  };
}

export function parsedSession(overrides: Record<string, unknown> = {}): EmulatorSession {
  return emulatorSessionSchema.parse(sessionJson(overrides));
}
