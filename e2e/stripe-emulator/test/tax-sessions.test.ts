import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmulatorControl } from '../../../test/emulator-control';
import { toCheckoutSession } from '../src/stripejs/map-session';
import { emulatorSessionSchema } from '../src/stripejs/session-schema';
import { BETA_VERSION, browserCall, type Harness, RETURN_URL, startHarness, stripeError } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.control('POST', '/reset'));

type Behavior = 'exclusive' | 'inclusive';
const GOODS = 'txcd_99999999';
const SERVICES = 'txcd_20030000';

function taxedLine(name: string, unitAmount: number, quantity = 1, taxCode = GOODS, behavior: Behavior = 'exclusive') {
  return {
    price_data: {
      currency: 'usd',
      unit_amount: unitAmount,
      tax_behavior: behavior,
      product_data: { name, tax_code: taxCode },
    },
    quantity,
  };
}

function taxedRate(name: string, amount: number, behavior: Behavior = 'exclusive') {
  return {
    shipping_rate_data: {
      display_name: name,
      type: 'fixed_amount' as const,
      fixed_amount: { amount, currency: 'usd' },
      tax_behavior: behavior,
      tax_code: 'txcd_92010001',
    },
  };
}

const address = {
  california: { country: 'US', line1: '1 Market St', city: 'San Francisco', state: 'CA', postal_code: '94105' },
  oregon: { country: 'US', line1: '1 Pine St', city: 'Portland', state: 'OR', postal_code: '97204' },
  newYork: { country: 'US', line1: '350 5th Ave', city: 'New York', state: 'NY', postal_code: '10118' },
  britishColumbia: { country: 'CA', line1: '1 Robson St', city: 'Vancouver', state: 'BC', postal_code: 'V6B 1A1' },
  london: { country: 'GB', line1: '10 Downing St', city: 'London', postal_code: 'SW1A 2AA' },
};
type Place = keyof typeof address;

const shipTo = (place: Place) => ({ shipping_details: { name: 'Ada Lovelace', address: address[place] } });
const EXPAND = ['line_items', 'line_items.data.taxes', 'total_details.breakdown'];

function create(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}, apiVersion?: string) {
  return h.stripe.checkout.sessions.create(
    {
      ui_mode: 'elements',
      mode: 'payment',
      return_url: RETURN_URL,
      automatic_tax: { enabled: true },
      shipping_address_collection: { allowed_countries: ['US', 'CA', 'GB', 'DE'] },
      line_items: [taxedLine('Studio headphones', 19999), taxedLine('Express handling', 1500, 1, SERVICES)],
      shipping_options: [taxedRate('Standard', 799)],
      expand: EXPAND,
      ...overrides,
    },
    apiVersion ? { apiVersion } : undefined,
  );
}

function shipSessionTo(session: Stripe.Checkout.Session, place: Place) {
  return h.stripe.checkout.sessions.update(session.id, { collected_information: shipTo(place), expand: EXPAND });
}

/** `amount_total` as Stripe composes it, from the session's own figures (exclusive tax). */
function exclusiveTotal(session: Stripe.Checkout.Session): number {
  const details = session.total_details;
  return (
    (session.amount_subtotal ?? 0) -
    (details?.amount_discount ?? 0) +
    (details?.amount_shipping ?? 0) +
    (details?.amount_tax ?? 0)
  );
}

const breakdown = (session: Stripe.Checkout.Session) =>
  (session.total_details?.breakdown?.taxes ?? []).map((tax) => ({
    name: tax.rate.display_name,
    percentage: tax.rate.percentage,
    amount: tax.amount,
    reason: tax.taxability_reason,
  }));

describe('automatic tax on Checkout Sessions', () => {
  it('waits for an address, then taxes California goods (not the service, not shipping) in the same update', async () => {
    const created = await create();
    expect(created.automatic_tax).toEqual({
      enabled: true,
      liability: { type: 'self' },
      provider: 'stripe',
      status: 'requires_location_inputs',
    });
    expect(created.total_details?.amount_tax).toBe(0);
    expect(created.amount_total).toBe(19999 + 1500 + 799);

    const taxed = await shipSessionTo(created, 'california');
    expect(taxed.automatic_tax.status).toBe('complete');
    expect(taxed.total_details?.amount_tax).toBe(1450); // 19999 × 7.25 % = 1449.93
    expect(taxed.amount_total).toBe(exclusiveTotal(taxed));
    expect(taxed.amount_total).toBe(19999 + 1500 + 799 + 1450);
    expect(taxed.line_items?.data.map((item) => [item.amount_tax, item.amount_total])).toEqual([
      [1450, 19999 + 1450],
      [0, 1500],
    ]);
    expect(taxed.line_items?.data[1]?.taxes?.[0]).toMatchObject({ amount: 0, taxability_reason: 'product_exempt' });
    expect(taxed.shipping_cost).toMatchObject({ amount_subtotal: 799, amount_tax: 0, amount_total: 799 });
    expect(breakdown(taxed)).toEqual([
      { name: 'Sales Tax', percentage: 7.25, amount: 1450, reason: 'standard_rated' },
      { name: 'Sales Tax', percentage: 7.25, amount: 0, reason: 'product_exempt' },
    ]);
    expect(taxed.total_details?.breakdown?.taxes[0]).toMatchObject({
      taxable_amount: 19999,
      rate: { object: 'tax_rate', country: 'US', state: 'CA', tax_type: 'sales_tax', inclusive: false },
    });
  });

  it('charges no tax to an Oregon address', async () => {
    const session = await shipSessionTo(await create(), 'oregon');
    expect(session.automatic_tax.status).toBe('complete');
    expect(session.total_details?.amount_tax).toBe(0);
    expect(session.amount_total).toBe(19999 + 1500 + 799);
    expect(breakdown(session).map((tax) => tax.reason)).toEqual(['not_subject_to_tax']);
  });

  it('taxes shipping to New York', async () => {
    const session = await shipSessionTo(await create(), 'newYork');
    expect(session.shipping_cost).toMatchObject({ amount_subtotal: 799, amount_tax: 71, amount_total: 870 });
    expect(session.shipping_cost?.taxes?.[0]).toMatchObject({ amount: 71, taxable_amount: 799 });
    expect(session.total_details?.amount_tax).toBe(1775 + 71); // 19999 × 8.875 % = 1774.91
    expect(session.amount_total).toBe(exclusiveTotal(session));
  });

  it('charges GST and PST in British Columbia, as two tax lines', async () => {
    const session = await shipSessionTo(await create(), 'britishColumbia');
    const [headphones] = session.line_items?.data ?? [];
    expect(headphones?.taxes?.map((tax) => [tax.rate.display_name, tax.amount])).toEqual([
      ['GST', 1000],
      ['PST', 1400],
    ]);
    expect(breakdown(session)).toEqual([
      { name: 'GST', percentage: 5, amount: 1000 + 75 + 40, reason: 'standard_rated' },
      { name: 'PST', percentage: 7, amount: 1400, reason: 'standard_rated' },
      { name: 'PST', percentage: 7, amount: 0, reason: 'product_exempt' },
    ]);
    expect(session.total_details?.amount_tax).toBe(1000 + 75 + 40 + 1400);
    expect(session.amount_total).toBe(exclusiveTotal(session));
  });

  it('keeps VAT-inclusive UK prices as displayed and reports the VAT inside them', async () => {
    const session = await shipSessionTo(
      await create({
        line_items: [taxedLine('Linen throw', 2400, 2, GOODS, 'inclusive')],
        shipping_options: [taxedRate('Standard', 600, 'inclusive')],
      }),
      'london',
    );
    expect(session.amount_subtotal).toBe(4800);
    expect(session.amount_total).toBe(4800 + 600);
    expect(session.line_items?.data[0]).toMatchObject({ amount_subtotal: 4800, amount_tax: 800, amount_total: 4800 });
    expect(session.shipping_cost).toMatchObject({ amount_tax: 100, amount_total: 600 });
    expect(session.total_details?.amount_tax).toBe(900);
    expect(session.total_details?.breakdown?.taxes[0]).toMatchObject({
      amount: 900,
      taxable_amount: 4500,
      rate: { display_name: 'VAT', percentage: 20, inclusive: true, country: 'GB' },
    });
  });

  it('taxes the amount left after a discount', async () => {
    const coupon = await h.stripe.coupons.create({ percent_off: 10, duration: 'once' });
    const session = await shipSessionTo(await create({ discounts: [{ coupon: coupon.id }] }), 'california');
    const [headphones, handling] = session.line_items?.data ?? [];
    expect(headphones).toMatchObject({ amount_discount: 2000, amount_tax: 1305 }); // 17999 × 7.25 % = 1304.93
    expect(handling?.amount_discount).toBe(150);
    expect(session.total_details).toMatchObject({ amount_discount: 2150, amount_tax: 1305 });
    expect(session.amount_total).toBe(exclusiveTotal(session));
  });

  it('recomputes the tax in the answer to every kind of update', async () => {
    const session = await create({}, BETA_VERSION);
    const update = (params: Stripe.Checkout.SessionUpdateParams) =>
      h.stripe.checkout.sessions.update(session.id, { ...params, expand: EXPAND }, { apiVersion: BETA_VERSION });
    const taxOf = (s: Stripe.Checkout.Session) => s.total_details?.amount_tax;

    const inCalifornia = await update({ collected_information: shipTo('california') });
    expect(taxOf(inCalifornia)).toBe(1450);
    const [headphones, handling] = inCalifornia.line_items?.data ?? [];
    const keep = [{ id: headphones?.id ?? '' }, { id: handling?.id ?? '' }];

    const withGiftWrap = await update({ line_items: [...keep, taxedLine('Gift wrap', 499)] });
    expect(taxOf(withGiftWrap)).toBe(1450 + 36); // 499 × 7.25 % = 36.18

    const twoHeadphones = await update({ line_items: [{ ...keep[0], quantity: 2 }, ...keep.slice(1)] });
    expect(taxOf(twoHeadphones)).toBe(2900); // 39998 × 7.25 % = 2899.86; the gift wrap is gone again

    const handlingOnly = await update({ line_items: keep.slice(1) });
    expect(taxOf(handlingOnly)).toBe(0);

    const restored = await update({ line_items: [taxedLine('Studio headphones', 19999), ...keep.slice(1)] });
    expect(taxOf(restored)).toBe(1450);

    const inNewYork = await update({ collected_information: shipTo('newYork') });
    expect(taxOf(inNewYork)).toBe(1775 + 71);

    const express = await update({ shipping_options: [taxedRate('Express', 1999), taxedRate('Standard', 799)] });
    expect(express.shipping_cost).toMatchObject({ amount_subtotal: 1999, amount_tax: 177 }); // 177.41
    expect(taxOf(express)).toBe(1775 + 177);

    const discounted = await update({
      discounts: [{ coupon_data: { amount_off: 2000, currency: 'usd', duration: 'once' } }],
    } as Stripe.Checkout.SessionUpdateParams);
    // 2000 off spread over 19999 and 1500: the headphones carry 1860, leaving 18139 × 8.875 % = 1609.84.
    expect(discounted.line_items?.data[0]).toMatchObject({ amount_discount: 1860, amount_tax: 1610 });
    expect(taxOf(discounted)).toBe(1610 + 177);

    for (const answer of [withGiftWrap, twoHeadphones, handlingOnly, restored, inNewYork, express, discounted]) {
      expect(answer.amount_total).toBe(exclusiveTotal(answer));
    }
  });

  it("answers a full-state update (the app's: every line as price_data, the shipping options, the address) with its tax", async () => {
    const session = await shipSessionTo(await create(), 'california');
    const updated = await h.stripe.checkout.sessions.update(session.id, {
      line_items: [
        taxedLine('Studio headphones', 19999, 2),
        taxedLine('Express handling', 1500, 1, SERVICES),
        taxedLine('Gift wrap', 499),
      ],
      shipping_options: [taxedRate('Express', 1999), taxedRate('Standard', 799)],
      collected_information: shipTo('newYork'),
      expand: EXPAND,
    });
    // 39998 × 8.875 % = 3549.82; 499 × 8.875 % = 44.29; shipping 1999 × 8.875 % = 177.41; the service is exempt.
    expect(updated.line_items?.data.map((item) => item.amount_tax)).toEqual([3550, 0, 44]);
    expect(updated.shipping_cost?.amount_tax).toBe(177);
    expect(updated.total_details?.amount_tax).toBe(3550 + 44 + 177);
    expect(updated.amount_total).toBe(39998 + 1500 + 499 + 1999 + 3771);
  });

  it('recomputes the tax when the shopper enters the address in the Shipping Address Element', async () => {
    const session = await create();
    const changed = await browserCall(h.emu.url, 'POST', `/v1/elements/sessions/${session.id}`, {
      client_secret: session.client_secret,
      shipping_address: { name: 'Ada Lovelace', address: address.newYork },
    });
    expect(changed.status).toBe(200);
    const answer = changed.json as unknown as Stripe.Checkout.Session;
    expect(answer.automatic_tax.status).toBe('complete');
    expect(answer.total_details?.amount_tax).toBe(1775 + 71);
    expect(answer.line_items?.data[0]?.taxes?.[0]?.amount).toBe(1775);
    expect(answer.shipping_cost?.taxes?.[0]?.amount).toBe(71);
  });

  it('charges the total with tax, and the completed session keeps its tax figures', async () => {
    const session = await shipSessionTo(await create(), 'california');
    const paid = await browserCall(h.emu.url, 'POST', `/v1/elements/sessions/${session.id}/confirm`, {
      client_secret: session.client_secret,
      email: 'ada@example.test',
      card: { number: '4242424242424242', exp_month: 12, exp_year: 2099, cvc: '123' },
    });
    expect(paid.status).toBe(200);
    const intent = paid.json.payment_intent as Stripe.PaymentIntent;
    expect(intent.amount).toBe(19999 + 1500 + 799 + 1450);
    const completed = await h.stripe.checkout.sessions.retrieve(session.id, { expand: EXPAND });
    expect(completed.status).toBe('complete');
    expect(completed.total_details?.amount_tax).toBe(1450);
    expect(completed.amount_total).toBe(intent.amount);
    const lines = await h.stripe.checkout.sessions.listLineItems(session.id, { expand: ['data.taxes'] });
    expect(lines.data.map((item) => item.amount_tax)).toEqual([1450, 0]);
    expect(lines.data[0]?.taxes?.[0]?.rate.display_name).toBe('Sales Tax');
  });

  it("gives the app's tests the tax figures through the typed control client", async () => {
    const control = new EmulatorControl(h.emu.url);
    const session = await create();
    expect(await control.tax(session.id)).toMatchObject({ status: 'requires_location_inputs', amountTax: 0 });
    await shipSessionTo(session, 'newYork');
    expect(await control.tax(session.id)).toEqual({
      status: 'complete',
      amountTax: 1846,
      amountTotal: 19999 + 1500 + 799 + 1846,
      shippingTax: 71,
      lines: [
        { description: 'Studio headphones', amountTax: 1775, amountTotal: 19999 + 1775 },
        { description: 'Express handling', amountTax: 0, amountTotal: 1500 },
      ],
    });
    expect((await control.session(session.id)).total_details.amount_tax).toBe(1846);
  });

  it('shows line taxes only when expanded, as Stripe does', async () => {
    const session = await shipSessionTo(await create(), 'california');
    const plain = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items'] });
    expect(plain.line_items?.data[0]?.amount_tax).toBe(1450);
    expect(plain.line_items?.data[0]).not.toHaveProperty('taxes');
    expect(plain.total_details).not.toHaveProperty('breakdown');
  });

  it('needs a tax location to confirm; a billing address given at confirmation is one', async () => {
    const session = await create({ shipping_address_collection: undefined, shipping_options: undefined });
    const confirm = (billing?: object) =>
      browserCall(h.emu.url, 'POST', `/v1/elements/sessions/${session.id}/confirm`, {
        client_secret: session.client_secret,
        email: 'ada@example.test',
        card: { number: '4242424242424242', exp_month: 12, exp_year: 2099, cvc: '123' },
        ...(billing ? { billing_details: { name: 'Ada', address: billing } } : {}),
      });
    const refused = await confirm();
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: 'customer_tax_location_invalid' });
    const paid = await confirm(address.california);
    expect(paid.status).toBe(200);
    expect((paid.json.payment_intent as Stripe.PaymentIntent).amount).toBe(19999 + 1500 + 1450);
  });
});

describe('the stand-in Stripe.js session', () => {
  async function seenByStripeJs(session: Stripe.Checkout.Session) {
    const read = await browserCall(
      h.emu.url,
      'GET',
      `/v1/elements/sessions/${session.id}?client_secret=${session.client_secret}`,
    );
    return toCheckoutSession(emulatorSessionSchema.parse(read.json));
  }

  it('asks for the shipping address, then shows exclusive tax per line, on shipping and in the total', async () => {
    const session = await create();
    expect((await seenByStripeJs(session)).tax).toEqual({ status: 'requires_shipping_address' });
    const taxed = await seenByStripeJs(await shipSessionTo(session, 'newYork'));
    expect(taxed.tax).toEqual({ status: 'ready' });
    expect(taxed.total.taxExclusive).toEqual({ minorUnitsAmount: 1846, amount: '$18.46' });
    expect(taxed.total.taxInclusive.minorUnitsAmount).toBe(0);
    expect(taxed.total.total.minorUnitsAmount).toBe(19999 + 1500 + 799 + 1846);
    expect(taxed.lineItems[0]?.taxExclusive.minorUnitsAmount).toBe(1775);
    expect(taxed.lineItems[0]?.taxAmounts).toEqual([
      { minorUnitsAmount: 1775, amount: '$17.75', inclusive: false, displayName: 'Sales Tax', percentage: 8.875 },
    ]);
    expect(taxed.shipping?.taxAmounts?.map((tax) => tax.minorUnitsAmount)).toEqual([71]);
    expect(taxed.taxAmounts?.map((tax) => [tax.displayName, tax.minorUnitsAmount])).toEqual([
      ['Sales Tax', 1846],
      ['Sales Tax', 0],
    ]);
  });

  it('shows VAT-inclusive prices with the VAT inside them', async () => {
    const session = await create({
      line_items: [taxedLine('Linen throw', 2400, 1, GOODS, 'inclusive')],
      shipping_options: [taxedRate('Standard', 600, 'inclusive')],
    });
    const taxed = await seenByStripeJs(await shipSessionTo(session, 'london'));
    expect(taxed.total.taxInclusive.minorUnitsAmount).toBe(500);
    expect(taxed.total.taxExclusive.minorUnitsAmount).toBe(0);
    expect(taxed.total.total.minorUnitsAmount).toBe(3000);
    expect(taxed.lineItems[0]).toMatchObject({
      total: { minorUnitsAmount: 2400 },
      taxInclusive: { minorUnitsAmount: 400 },
      taxExclusive: { minorUnitsAmount: 0 },
    });
  });

  it('is ready at once, with no tax amounts, without automatic tax', async () => {
    const session = await create({ automatic_tax: { enabled: false } });
    const seen = await seenByStripeJs(session);
    expect(seen.tax).toEqual({ status: 'ready' });
    expect(seen.taxAmounts).toBeNull();
    expect(seen.shipping?.taxAmounts).toBeNull();
  });
});

describe('what Stripe Tax refuses', () => {
  it('a price without a tax behavior (the account has no default), on create and on update', async () => {
    const untaxed = { price_data: { currency: 'usd', unit_amount: 500, product_data: { name: 'Mug' } }, quantity: 1 };
    const onCreate = await stripeError(create({ line_items: [untaxed] }));
    expect(onCreate).toMatchObject({ statusCode: 400, param: 'line_items[0][price_data][tax_behavior]' });

    const session = await shipSessionTo(await create(), 'california');
    const [headphones] = session.line_items?.data ?? [];
    const onUpdate = await stripeError(
      h.stripe.checkout.sessions.update(session.id, { line_items: [{ id: headphones?.id ?? '' }, untaxed] }),
    );
    expect(onUpdate).toMatchObject({ statusCode: 400, param: 'line_items[1][price_data][tax_behavior]' });
    const unchanged = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items'] });
    expect(unchanged.line_items?.data).toHaveLength(2);
    expect(unchanged.total_details?.amount_tax).toBe(1450);
  });

  it('a shipping rate without a tax behavior', async () => {
    const rate = {
      display_name: 'Standard',
      type: 'fixed_amount' as const,
      fixed_amount: { amount: 500, currency: 'usd' },
    };
    const refused = await stripeError(create({ shipping_options: [{ shipping_rate_data: rate }] }));
    expect(refused).toMatchObject({ statusCode: 400, param: 'shipping_options[0][shipping_rate_data][tax_behavior]' });
  });

  it('a tax code the emulator does not know, and a Connect liability', async () => {
    const unknown = await stripeError(create({ line_items: [taxedLine('Book', 1200, 1, 'txcd_35010000')] }));
    expect(unknown).toMatchObject({
      code: 'emulator_unsupported',
      param: 'line_items[0][price_data][product_data][tax_code]',
    });
    const connect = await stripeError(
      create({ automatic_tax: { enabled: true, liability: { type: 'account', account: 'acct_123' } } }),
    );
    expect(connect).toMatchObject({ code: 'emulator_unsupported', param: 'automatic_tax[liability][type]' });
  });

  it('nothing without automatic tax: unspecified prices stay untaxed, as before', async () => {
    const session = await create({
      automatic_tax: { enabled: false },
      line_items: [{ price_data: { currency: 'usd', unit_amount: 500, product_data: { name: 'Mug' } }, quantity: 1 }],
    });
    const shipped = await shipSessionTo(session, 'california');
    expect(shipped.automatic_tax).toEqual({ enabled: false, liability: null, provider: null, status: null });
    expect(shipped.total_details?.amount_tax).toBe(0);
    expect(shipped.amount_total).toBe(500 + 799);
    expect(shipped.shipping_cost).not.toHaveProperty('taxes');
    expect(shipped.total_details?.breakdown?.taxes).toEqual([]);
  });
});
