import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, priceData, RETURN_URL, rateData, startHarness, stripeFor } from './helpers';

/**
 * The same scenarios run against the emulator and, when STRIPE_SECRET_KEY is a test key, against real Stripe test
 * mode; results are normalised (ids, timestamps and secrets stripped) and compared.
 */
const key = process.env.STRIPE_SECRET_KEY?.startsWith('sk_test_') ? process.env.STRIPE_SECRET_KEY : undefined;
if (!key) console.log('parity: STRIPE_SECRET_KEY not set, real-Stripe comparison skipped');

type Scenario = (stripe: Stripe) => Promise<unknown>;

const ID = /\b(cs_test|li|shr|price|prod|pi|pm|ch|evt|req|promo|di)_[A-Za-z0-9_]+/g;

function normalise(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(ID, (match) => `${match.split('_')[0]}_…`);
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([field]) => !['id', 'created', 'expires_at', 'client_secret', 'requestId'].includes(field))
        .map(([field, inner]) => [field, normalise(inner)]),
    );
  }
  return value;
}

function summary(session: Stripe.Checkout.Session) {
  return {
    status: session.status,
    payment_status: session.payment_status,
    currency: session.currency,
    amount_subtotal: session.amount_subtotal,
    amount_total: session.amount_total,
    total_details: {
      amount_discount: session.total_details?.amount_discount,
      amount_shipping: session.total_details?.amount_shipping,
      amount_tax: session.total_details?.amount_tax,
    },
    shipping_amounts: session.shipping_options.map((option) => option.shipping_amount),
    shipping_cost: session.shipping_cost && { amount_total: session.shipping_cost.amount_total },
    line_items: session.line_items?.data.map((item) => ({
      description: item.description,
      quantity: item.quantity,
      amount_subtotal: item.amount_subtotal,
      amount_discount: item.amount_discount,
      amount_total: item.amount_total,
      unit_amount: item.price?.unit_amount,
    })),
  };
}

async function refusal(call: Promise<unknown>) {
  try {
    await call;
    return { refused: false };
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError)) throw error;
    return { refused: true, type: error.type, statusCode: error.statusCode, code: error.code, param: error.param };
  }
}

const base = (currency = 'usd'): Stripe.Checkout.SessionCreateParams => ({
  ui_mode: 'elements',
  mode: 'payment',
  return_url: RETURN_URL,
  line_items: [
    { price_data: priceData('Tee', 2000, currency), quantity: 2 },
    { price_data: priceData('Mug', 1250, currency), quantity: 1 },
  ],
});

const scenarios: Record<string, { run: Scenario; expected: unknown }> = {
  'create with shipping options': {
    run: async (stripe) =>
      summary(
        await stripe.checkout.sessions.create({
          ...base(),
          shipping_options: [
            { shipping_rate_data: rateData('Standard', 500) },
            { shipping_rate_data: rateData('Express', 1500) },
          ],
          expand: ['line_items'],
        }),
      ),
    expected: {
      status: 'open',
      payment_status: 'unpaid',
      currency: 'usd',
      amount_subtotal: 5250,
      amount_total: 5750,
      total_details: { amount_discount: 0, amount_shipping: 500, amount_tax: 0 },
      shipping_amounts: [500, 1500],
      shipping_cost: { amount_total: 500 },
      line_items: [
        {
          description: 'Tee',
          quantity: 2,
          amount_subtotal: 4000,
          amount_discount: 0,
          amount_total: 4000,
          unit_amount: 2000,
        },
        {
          description: 'Mug',
          quantity: 1,
          amount_subtotal: 1250,
          amount_discount: 0,
          amount_total: 1250,
          unit_amount: 1250,
        },
      ],
    },
  },
  'update line items with replace semantics, then clear shipping': {
    run: async (stripe) => {
      const created = await stripe.checkout.sessions.create({
        ...base(),
        shipping_options: [{ shipping_rate_data: rateData('Standard', 500) }],
        expand: ['line_items'],
      });
      const [tee] = created.line_items?.data ?? [];
      const updated = await stripe.checkout.sessions.update(created.id, {
        line_items: [
          { id: tee?.id ?? '', quantity: 3 },
          { price_data: priceData('Cap', 700), quantity: 1 },
        ],
        expand: ['line_items'],
      });
      const cleared = await stripe.checkout.sessions.update(created.id, {
        shipping_options: '' as unknown as [],
        expand: ['line_items'],
      });
      return { updated: summary(updated), cleared: summary(cleared) };
    },
    expected: {
      updated: expect.objectContaining({ amount_subtotal: 6700, amount_total: 7200 }),
      cleared: expect.objectContaining({
        amount_subtotal: 6700,
        amount_total: 6700,
        shipping_cost: null,
        shipping_amounts: [],
      }),
    },
  },
  'promotion code on a jpy session': {
    run: async (stripe) => {
      const coupon = await stripe.coupons.create({ percent_off: 10, duration: 'once' });
      const promo = await stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id } });
      const session = await stripe.checkout.sessions.create({
        ...base('jpy'),
        discounts: [{ promotion_code: promo.id }],
        expand: ['line_items'],
      });
      return summary(session);
    },
    expected: expect.objectContaining({
      currency: 'jpy',
      amount_subtotal: 5250,
      amount_total: 4725,
      total_details: expect.objectContaining({ amount_discount: 525 }),
    }),
  },
  // The update path relies on this (lib/checkout/update.ts `verifiedQuote`; docs/stripe-assumptions.md).
  'an update replacing the shipping options selects the first one sent': {
    run: async (stripe) => {
      const created = await stripe.checkout.sessions.create({
        ...base(),
        shipping_options: [
          { shipping_rate_data: rateData('Standard', 500) },
          { shipping_rate_data: rateData('Express', 1500) },
        ],
      });
      const updated = await stripe.checkout.sessions.update(created.id, {
        shipping_options: [
          { shipping_rate_data: rateData('Express', 1500) },
          { shipping_rate_data: rateData('Standard', 500) },
        ],
        expand: ['line_items', 'shipping_options.shipping_rate', 'shipping_cost.shipping_rate'],
      });
      const rate = updated.shipping_cost?.shipping_rate;
      return {
        selected: typeof rate === 'object' && rate !== null ? rate.display_name : null,
        amount_total: updated.amount_total,
        options: updated.shipping_options.map((o) =>
          typeof o.shipping_rate === 'object' ? o.shipping_rate.display_name : null,
        ),
      };
    },
    expected: { selected: 'Express', amount_total: 6750, options: ['Express', 'Standard'] },
  },
  'server-only discounts on create need the beta Stripe-Version': {
    run: async (stripe) =>
      refusal(
        stripe.checkout.sessions.create({
          ...base(),
          permissions: { update_discounts: 'server_only' } as Stripe.Checkout.SessionCreateParams.Permissions,
        }),
      ),
    expected: expect.objectContaining({
      refused: true,
      statusCode: 400,
      code: 'parameter_unknown',
      param: 'permissions[update_discounts]',
    }),
  },
  refusals: {
    run: async (stripe) => ({
      custom: await refusal(stripe.checkout.sessions.create({ ...base(), ui_mode: 'custom' as 'elements' })),
      unknown: await refusal(
        stripe.checkout.sessions.create({
          ...base(),
          line_items: [
            {
              price_data: priceData('Tee', 100),
              quantity: 1,
              foo: 'x',
            } as Stripe.Checkout.SessionCreateParams.LineItem,
          ],
        }),
      ),
      missing: await refusal(stripe.checkout.sessions.retrieve('cs_test_doesnotexist')),
    }),
    expected: {
      custom: expect.objectContaining({
        refused: true,
        type: 'StripeInvalidRequestError',
        statusCode: 400,
        param: 'ui_mode',
      }),
      unknown: expect.objectContaining({ refused: true, code: 'parameter_unknown', param: 'line_items[0][foo]' }),
      missing: expect.objectContaining({ refused: true, statusCode: 404, code: 'resource_missing' }),
    },
  },
  // ——— Fulfilment (docs/stripe-assumptions.md) ———
  'list filters by created and status': {
    run: async (stripe) => {
      const session = await stripe.checkout.sessions.create(base());
      const listed = async (params: Stripe.Checkout.SessionListParams) => {
        const ids: string[] = [];
        const created: number[] = [];
        for await (const found of stripe.checkout.sessions.list({ limit: 100, ...params })) {
          ids.push(found.id);
          created.push(found.created);
          if (ids.length >= 300) break;
        }
        return { ids, created };
      };
      const since = await listed({ status: 'open', created: { gte: session.created } });
      const before = await listed({ created: { lt: session.created } });
      const exact = await listed({ created: session.created });
      const complete = await listed({ status: 'complete', created: { gte: session.created } });
      return {
        sinceHasIt: since.ids.includes(session.id),
        sinceAllInRange: since.created.every((at) => at >= session.created),
        beforeLacksIt: !before.ids.includes(session.id),
        beforeAllInRange: before.created.every((at) => at < session.created),
        exactHasIt: exact.ids.includes(session.id),
        completeLacksIt: !complete.ids.includes(session.id),
      };
    },
    expected: {
      sinceHasIt: true,
      sinceAllInRange: true,
      beforeLacksIt: true,
      beforeAllInRange: true,
      exactHasIt: true,
      completeLacksIt: true,
    },
  },
  'selected shipping rate expands with its metadata': {
    run: async (stripe) => {
      const session = await stripe.checkout.sessions.create({
        ...base(),
        shipping_options: [
          { shipping_rate_data: { ...rateData('Overnight', 2999), metadata: { method_id: 'overnight' } } },
          { shipping_rate_data: { ...rateData('Standard', 599), metadata: { method_id: 'standard' } } },
        ],
      });
      const read = await stripe.checkout.sessions.retrieve(session.id, {
        expand: ['shipping_cost.shipping_rate', 'shipping_options.shipping_rate'],
      });
      const rate = read.shipping_cost?.shipping_rate;
      const selected = rate && typeof rate !== 'string' ? rate : null;
      return {
        selected: selected && {
          display_name: selected.display_name,
          metadata: selected.metadata,
          amount: selected.fixed_amount?.amount,
        },
        amount_shipping: read.total_details?.amount_shipping,
        offered: read.shipping_options.map((option) =>
          typeof option.shipping_rate === 'string' ? null : option.shipping_rate.metadata,
        ),
      };
    },
    expected: {
      selected: { display_name: 'Overnight', metadata: { method_id: 'overnight' }, amount: 2999 },
      amount_shipping: 2999,
      offered: [{ method_id: 'overnight' }, { method_id: 'standard' }],
    },
  },
  'applied coupon expands with its metadata': {
    run: async (stripe) => {
      const metadata = { rule_ids: 'launch-50,cart-10-off-100', rule_amounts: '2400,1000' };
      const coupon = await stripe.coupons.create({ amount_off: 3400, currency: 'usd', duration: 'once', metadata });
      const session = await stripe.checkout.sessions.create({ ...base(), discounts: [{ coupon: coupon.id }] });
      const read = await stripe.checkout.sessions.retrieve(session.id, { expand: ['discounts.coupon'] });
      const applied = read.discounts?.[0]?.coupon;
      return {
        metadata: applied && typeof applied !== 'string' ? applied.metadata : null,
        amount_discount: read.total_details?.amount_discount,
      };
    },
    expected: { metadata: { rule_ids: 'launch-50,cart-10-off-100', rule_amounts: '2400,1000' }, amount_discount: 3400 },
  },
  'expire, then update is refused': {
    run: async (stripe) => {
      const session = await stripe.checkout.sessions.create(base());
      const expired = await stripe.checkout.sessions.expire(session.id);
      const update = await refusal(stripe.checkout.sessions.update(session.id, { metadata: { late: 'yes' } }));
      return {
        status: expired.status,
        update: { refused: update.refused, type: update.type, statusCode: update.statusCode },
      };
    },
    expected: { status: 'expired', update: { refused: true, type: 'StripeInvalidRequestError', statusCode: 400 } },
  },
};

/** Private-preview behaviour: compared with real Stripe only on accounts with the preview (STRIPE_PREVIEW_SERVER_UPDATES=1). */
const preview = key !== undefined && process.env.STRIPE_PREVIEW_SERVER_UPDATES === '1';
const PREVIEW_VERSION = '2026-10-28.endive; checkout_server_update_beta=v1';
const previewScenarios: Record<string, { run: Scenario; expected: unknown }> = {
  'preview: coupon_data metadata kept': {
    run: async (stripe) => {
      const session = await stripe.checkout.sessions.create(
        {
          ...base(),
          permissions: { update_discounts: 'server_only' } as Stripe.Checkout.SessionCreateParams.Permissions,
        },
        { apiVersion: PREVIEW_VERSION },
      );
      const metadata = { rule_ids: 'launch-50', rule_amounts: '2400' };
      const updated = await stripe.checkout.sessions.update(
        session.id,
        {
          discounts: [
            { coupon_data: { amount_off: 2400, currency: 'usd', name: 'LAUNCH50', duration: 'once', metadata } },
          ],
          expand: ['discounts.coupon'],
        } as Stripe.Checkout.SessionUpdateParams,
        { apiVersion: PREVIEW_VERSION },
      );
      const coupon = updated.discounts?.[0]?.coupon;
      return {
        metadata: coupon && typeof coupon !== 'string' ? coupon.metadata : null,
        amount_discount: updated.total_details?.amount_discount,
      };
    },
    expected: { metadata: { rule_ids: 'launch-50', rule_amounts: '2400' }, amount_discount: 2400 },
  },
};

/**
 * Stripe Tax: compared with real Stripe only on a test account with Stripe Tax active, no default tax behavior, and
 * registrations in California, New York, British Columbia and the United Kingdom (STRIPE_TAX_REGISTERED=1). Real
 * rates include local district taxes, so the scenarios compare what the store relies on (where tax is charged, the
 * total identities, inclusive prices kept), not the emulator's illustrative rates.
 */
const taxAccount = key !== undefined && process.env.STRIPE_TAX_REGISTERED === '1';
const taxedPrice = (name: string, unitAmount: number, tax_behavior: 'exclusive' | 'inclusive' = 'exclusive') => ({
  currency: 'usd',
  unit_amount: unitAmount,
  tax_behavior,
  product_data: { name, tax_code: 'txcd_99999999' },
});
const taxedRate = (amount: number, tax_behavior: 'exclusive' | 'inclusive' = 'exclusive') => ({
  shipping_rate_data: { ...rateData('Standard', amount), tax_behavior, tax_code: 'txcd_92010001' },
});
const taxedBase = (behavior: 'exclusive' | 'inclusive' = 'exclusive'): Stripe.Checkout.SessionCreateParams => ({
  ui_mode: 'elements',
  mode: 'payment',
  return_url: RETURN_URL,
  automatic_tax: { enabled: true },
  shipping_address_collection: { allowed_countries: ['US', 'CA', 'GB'] },
  line_items: [{ price_data: taxedPrice('Lamp', 10000, behavior), quantity: 1 }],
  shipping_options: [taxedRate(1000, behavior)],
});
const taxAddresses = {
  california: { country: 'US', line1: '1 Market St', city: 'San Francisco', state: 'CA', postal_code: '94105' },
  oregon: { country: 'US', line1: '1 Pine St', city: 'Portland', state: 'OR', postal_code: '97204' },
  newYork: { country: 'US', line1: '350 5th Ave', city: 'New York', state: 'NY', postal_code: '10118' },
  britishColumbia: { country: 'CA', line1: '1 Robson St', city: 'Vancouver', state: 'BC', postal_code: 'V6B 1A1' },
  london: { country: 'GB', line1: '10 Downing St', city: 'London', postal_code: 'SW1A 2AA' },
};

async function taxedAt(stripe: Stripe, place: keyof typeof taxAddresses, behavior?: 'exclusive' | 'inclusive') {
  const created = await stripe.checkout.sessions.create(taxedBase(behavior));
  const updated = await stripe.checkout.sessions.update(created.id, {
    collected_information: { shipping_details: { name: 'Ada Lovelace', address: taxAddresses[place] } },
    expand: ['line_items', 'total_details.breakdown'],
  });
  const details = updated.total_details;
  const tax = details?.amount_tax ?? 0;
  return {
    before: created.automatic_tax.status,
    after: updated.automatic_tax.status,
    tax,
    taxed: tax > 0,
    itemsTaxed: (updated.line_items?.data[0]?.amount_tax ?? 0) > 0,
    shippingTaxed: (updated.shipping_cost?.amount_tax ?? 0) > 0,
    exclusiveTotal:
      updated.amount_total ===
      (updated.amount_subtotal ?? 0) - (details?.amount_discount ?? 0) + (details?.amount_shipping ?? 0) + tax,
    inclusiveTotal:
      updated.amount_total ===
      (updated.amount_subtotal ?? 0) - (details?.amount_discount ?? 0) + (details?.amount_shipping ?? 0),
    taxTypes: [...new Set(details?.breakdown?.taxes.filter((t) => t.amount > 0).map((t) => t.rate.tax_type))].sort(),
  };
}

const taxScenarios: Record<string, { run: Scenario; expected: unknown }> = {
  'tax: a California address taxes the goods, not the shipping': {
    run: (stripe) => taxedAt(stripe, 'california'),
    expected: expect.objectContaining({
      before: 'requires_location_inputs',
      after: 'complete',
      itemsTaxed: true,
      shippingTaxed: false,
      exclusiveTotal: true,
      taxTypes: ['sales_tax'],
    }),
  },
  'tax: an Oregon address pays none': {
    run: (stripe) => taxedAt(stripe, 'oregon'),
    expected: expect.objectContaining({ after: 'complete', tax: 0, exclusiveTotal: true }),
  },
  'tax: New York taxes shipping': {
    run: (stripe) => taxedAt(stripe, 'newYork'),
    expected: expect.objectContaining({ itemsTaxed: true, shippingTaxed: true, exclusiveTotal: true }),
  },
  'tax: British Columbia charges GST and PST': {
    run: (stripe) => taxedAt(stripe, 'britishColumbia'),
    expected: expect.objectContaining({ taxTypes: ['gst', 'pst'], exclusiveTotal: true }),
  },
  'tax: UK VAT-inclusive prices keep the total and carry a sixth as VAT': {
    run: (stripe) => taxedAt(stripe, 'london', 'inclusive'),
    expected: expect.objectContaining({ tax: 1667 + 167, inclusiveTotal: true, taxTypes: ['vat'] }), // 10000 / 6, 1000 / 6
  },
  'tax: a price without a tax behavior is refused': {
    run: async (stripe) => {
      const answer = await refusal(
        stripe.checkout.sessions.create({
          ...taxedBase(),
          line_items: [{ price_data: priceData('Lamp', 10000), quantity: 1 }],
        }),
      );
      return { refused: answer.refused, statusCode: answer.statusCode };
    },
    expected: { refused: true, statusCode: 400 },
  },
};

let h: Harness;
let emulatorStripe: Stripe;
const emulatorResults = new Map<string, unknown>();
beforeAll(async () => {
  h = await startHarness();
  emulatorStripe = stripeFor(h.emu.port);
});
afterAll(() => h.close());

describe('parity scenarios', () => {
  for (const [name, scenario] of Object.entries(scenarios)) {
    it(`${name}: emulator gives Stripe's answer`, async () => {
      const result = normalise(await scenario.run(emulatorStripe));
      emulatorResults.set(name, result);
      expect(result).toEqual(scenario.expected);
    });
  }

  it.skipIf(!key)(
    'real Stripe test mode gives the same normalised answers',
    async () => {
      const real = new Stripe(key ?? '', { maxNetworkRetries: 1 });
      for (const [name, scenario] of Object.entries(scenarios)) {
        const emulated = emulatorResults.get(name) ?? normalise(await scenario.run(emulatorStripe));
        expect({ name, result: normalise(await scenario.run(real)) }).toEqual({ name, result: emulated });
      }
    },
    120_000,
  );

  for (const [name, scenario] of Object.entries(taxScenarios)) {
    it(`${name}: emulator gives Stripe's answer`, async () => {
      expect(normalise(await scenario.run(emulatorStripe))).toEqual(scenario.expected);
    });
  }

  it.skipIf(!taxAccount)(
    'real Stripe (Stripe Tax registrations) gives the same normalised answers',
    async () => {
      const real = new Stripe(key ?? '', { maxNetworkRetries: 1 });
      for (const [name, scenario] of Object.entries(taxScenarios)) {
        expect({ name, result: normalise(await scenario.run(real)) }).toEqual({ name, result: scenario.expected });
      }
    },
    120_000,
  );

  for (const [name, scenario] of Object.entries(previewScenarios)) {
    it(`${name}: emulator gives Stripe's answer`, async () => {
      expect(normalise(await scenario.run(emulatorStripe))).toEqual(scenario.expected);
    });
  }

  it.skipIf(!preview)(
    'real Stripe (private preview) gives the same normalised answers',
    async () => {
      const real = new Stripe(key ?? '', { maxNetworkRetries: 1 });
      for (const [name, scenario] of Object.entries(taxScenarios)) {
        it(`${name}: emulator gives Stripe's answer`, async () => {
          expect(normalise(await scenario.run(emulatorStripe))).toEqual(scenario.expected);
        });
      }

      it.skipIf(!taxAccount)(
        'real Stripe (Stripe Tax registrations) gives the same normalised answers',
        async () => {
          const real = new Stripe(key ?? '', { maxNetworkRetries: 1 });
          for (const [name, scenario] of Object.entries(taxScenarios)) {
            expect({ name, result: normalise(await scenario.run(real)) }).toEqual({ name, result: scenario.expected });
          }
        },
        120_000,
      );

      for (const [name, scenario] of Object.entries(previewScenarios)) {
        expect({ name, result: normalise(await scenario.run(real)) }).toEqual({ name, result: scenario.expected });
      }
    },
    120_000,
  );
});
