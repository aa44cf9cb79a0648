import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import type { CheckoutSelections, Quote } from '@/lib/pricing/types';
import {
  absoluteImageUrl,
  couponMetadataOf,
  lineKeyOfLineItem,
  methodIdOfShippingRate,
  methodIdsByShippingRateId,
  rulesOfCouponMetadata,
  SERVER_UPDATE_API_VERSION,
  selectedMethodIdOfSession,
  toSessionCreateParams,
  toSessionUpdateParams,
} from '@/lib/stripe/session-params';
import { usAddress } from '@/test/fixtures/addresses';

const quote: Quote = {
  currency: 'usd',
  lines: [
    {
      key: 'product:studio-headphones',
      kind: 'product',
      productId: 'studio-headphones',
      addOnId: null,
      name: 'Studio headphones',
      description: 'Closed-back headphones.',
      image: '/products/studio-headphones.svg',
      taxCode: 'txcd_99999999',
      unitAmount: 12_900,
      quantity: 2,
      amount: 25_800,
    },
    {
      key: 'add-on:extended-warranty:studio-headphones',
      kind: 'add-on',
      productId: 'studio-headphones',
      addOnId: 'extended-warranty',
      name: 'Extended warranty (2 years) — Studio headphones',
      description: null,
      image: null,
      taxCode: 'txcd_20030000',
      unitAmount: 1_935,
      quantity: 2,
      amount: 3_870,
    },
  ],
  shippingOptions: [
    {
      methodId: 'express',
      displayName: 'Express',
      amount: 1_500,
      deliveryEstimate: { minimum: { unit: 'business_day', value: 2 }, maximum: { unit: 'business_day', value: 3 } },
    },
    {
      methodId: 'standard',
      displayName: 'Standard',
      amount: 0,
      deliveryEstimate: { minimum: { unit: 'business_day', value: 5 }, maximum: { unit: 'business_day', value: 7 } },
    },
  ],
  selectedShippingMethodId: 'express',
  discount: { name: 'WELCOME10', amount: 2_580, applied: [{ ruleId: 'welcome', label: 'WELCOME10', amount: 2_580 }] },
  subtotal: 29_670,
  shippingAmount: 1_500,
  discountAmount: 2_580,
  total: 28_590,
};

const selections: CheckoutSelections = {
  items: [{ productId: 'studio-headphones', quantity: 2 }],
  addOns: [{ addOnId: 'extended-warranty', productId: 'studio-headphones' }],
  giftMessage: null,
  shippingAddress: usAddress,
  shippingMethodId: 'express',
  discountCodes: ['WELCOME10'],
};

const createOptions = {
  returnUrl: 'https://shop.example/checkout/complete?session_id={CHECKOUT_SESSION_ID}',
  allowedCountries: ['US', 'CA'],
  metadata: { checkout_id: 'chk_1' },
  expiresAt: new Date('2026-11-20T12:30:00.900Z'),
  serverOnlyDiscounts: false,
  assetOrigin: 'https://shop.example',
};

describe('toSessionCreateParams', () => {
  it('creates an elements payment session priced only from the quote', () => {
    const params = toSessionCreateParams(quote, createOptions);
    expect(params.ui_mode).toBe('elements');
    expect(params.mode).toBe('payment');
    expect(params.return_url).toBe(createOptions.returnUrl);
    expect(params.metadata).toEqual({ checkout_id: 'chk_1' });
    expect(params.expires_at).toBe(Date.parse('2026-11-20T12:30:00Z') / 1000);
    expect(params.shipping_address_collection).toEqual({ allowed_countries: ['US', 'CA'] });
    expect(params.line_items).toEqual([
      {
        price_data: {
          currency: 'usd',
          unit_amount: 12_900,
          product_data: {
            name: 'Studio headphones',
            description: 'Closed-back headphones.',
            images: ['https://shop.example/products/studio-headphones.svg'],
            metadata: { line_key: 'product:studio-headphones' },
          },
        },
        quantity: 2,
        metadata: { line_key: 'product:studio-headphones' },
      },
      {
        price_data: {
          currency: 'usd',
          unit_amount: 1_935,
          product_data: {
            name: 'Extended warranty (2 years) — Studio headphones',
            metadata: { line_key: 'add-on:extended-warranty:studio-headphones' },
          },
        },
        quantity: 2,
        metadata: { line_key: 'add-on:extended-warranty:studio-headphones' },
      },
    ]);
  });

  it('keeps shipping details server-only, and discounts too only when asked', () => {
    expect(toSessionCreateParams(quote, createOptions).permissions).toEqual({ update_shipping_details: 'server_only' });
    expect(toSessionCreateParams(quote, { ...createOptions, serverOnlyDiscounts: true }).permissions).toEqual({
      update_shipping_details: 'server_only',
      update_discounts: 'server_only',
    });
  });

  it('offers shipping options only when the quote has some, the selected first', () => {
    const withOptions = toSessionCreateParams(quote, createOptions);
    expect(withOptions.shipping_options?.map((o) => o.shipping_rate_data?.metadata)).toEqual([
      { method_id: 'express' },
      { method_id: 'standard' },
    ]);
    const without = toSessionCreateParams({ ...quote, shippingOptions: [] }, createOptions);
    expect(without).not.toHaveProperty('shipping_options');
  });

  it('passes the customer email when known, and accepts unix seconds for expiry', () => {
    const params = toSessionCreateParams(quote, {
      ...createOptions,
      customerEmail: 'ada@example.com',
      expiresAt: 1_800,
    });
    expect(params.customer_email).toBe('ada@example.com');
    expect(params.expires_at).toBe(1_800);
    expect(toSessionCreateParams(quote, createOptions)).not.toHaveProperty('customer_email');
  });

  it('leaves images out without an asset origin (Stripe needs absolute URLs)', () => {
    const { assetOrigin: _ignored, ...noOrigin } = createOptions;
    const params = toSessionCreateParams(quote, noOrigin);
    expect(params.line_items?.[0]?.price_data?.product_data).not.toHaveProperty('images');
  });

  it('is usable where the GA create params type is expected', () => {
    const ga: Stripe.Checkout.SessionCreateParams = toSessionCreateParams(quote, createOptions);
    expect(ga.ui_mode).toBe('elements');
  });
});

describe('toSessionUpdateParams', () => {
  it('sends the full state: every line, every option with the selected first, the address', () => {
    const { params, apiVersion } = toSessionUpdateParams(quote, selections, { includeDiscounts: false });
    expect(apiVersion).toBeUndefined();
    expect(params.expand).toEqual(['line_items']);
    expect(params.line_items?.map((l) => [l.metadata, l.quantity, l.price_data?.unit_amount, l.id])).toEqual([
      [{ line_key: 'product:studio-headphones' }, 2, 12_900, undefined],
      [{ line_key: 'add-on:extended-warranty:studio-headphones' }, 2, 1_935, undefined],
    ]);
    expect(params.shipping_options).toEqual([
      {
        shipping_rate_data: {
          display_name: 'Express',
          type: 'fixed_amount',
          fixed_amount: { amount: 1_500, currency: 'usd' },
          delivery_estimate: {
            minimum: { unit: 'business_day', value: 2 },
            maximum: { unit: 'business_day', value: 3 },
          },
          metadata: { method_id: 'express' },
        },
      },
      {
        shipping_rate_data: {
          display_name: 'Standard',
          type: 'fixed_amount',
          fixed_amount: { amount: 0, currency: 'usd' },
          delivery_estimate: {
            minimum: { unit: 'business_day', value: 5 },
            maximum: { unit: 'business_day', value: 7 },
          },
          metadata: { method_id: 'standard' },
        },
      },
    ]);
    expect(params.collected_information).toEqual({
      shipping_details: {
        name: 'Ada Lovelace',
        address: { line1: '1 Main St', city: 'Springfield', state: 'IL', postal_code: '62701', country: 'US' },
      },
    });
    expect(params).not.toHaveProperty('discounts');
  });

  it('clears shipping options when none are offered and omits the address when unknown', () => {
    const { params } = toSessionUpdateParams(
      { ...quote, shippingOptions: [], selectedShippingMethodId: null },
      { ...selections, shippingAddress: null },
      { includeDiscounts: false },
    );
    expect(params.shipping_options).toBe('');
    expect(params).not.toHaveProperty('collected_information');
  });

  it('sends the discount as one amount-off coupon with the preview API version', () => {
    const { params, apiVersion } = toSessionUpdateParams(quote, selections, { includeDiscounts: true });
    expect(apiVersion).toBe(SERVER_UPDATE_API_VERSION);
    expect(apiVersion).toBe('2026-10-28.endive; checkout_server_update_beta=v1');
    expect(params.discounts).toEqual([
      {
        coupon_data: {
          amount_off: 2_580,
          currency: 'usd',
          name: 'WELCOME10',
          duration: 'once',
          metadata: { rule_ids: 'welcome', rule_amounts: '2580' },
        },
      },
    ]);
  });

  it('clears discounts when the quote has none or it is worth nothing', () => {
    const none = toSessionUpdateParams({ ...quote, discount: null, discountAmount: 0 }, selections, {
      includeDiscounts: true,
    });
    expect(none.params.discounts).toBe('');
    const zero = toSessionUpdateParams(
      { ...quote, discount: { name: 'X', amount: 0, applied: [] }, discountAmount: 0 },
      selections,
      { includeDiscounts: true },
    );
    expect(zero.params.discounts).toBe('');
  });
});

describe('mapping Stripe objects back to store ids', () => {
  const rate = (id: string, methodId?: string) =>
    ({
      id,
      object: 'shipping_rate',
      metadata: methodId ? { method_id: methodId } : {},
    }) as unknown as Stripe.ShippingRate;

  it('reads the method id of an expanded shipping rate', () => {
    expect(methodIdOfShippingRate(rate('shr_1', 'express'))).toBe('express');
    expect(methodIdOfShippingRate(rate('shr_2'))).toBeNull();
    expect(methodIdOfShippingRate('shr_3')).toBeNull();
    expect(methodIdOfShippingRate(null)).toBeNull();
  });

  it('finds the selected method and maps shr_ ids to methods', () => {
    expect(
      selectedMethodIdOfSession({
        shipping_cost: { shipping_rate: rate('shr_9', 'overnight') } as Stripe.Checkout.Session.ShippingCost,
      }),
    ).toBe('overnight');
    expect(selectedMethodIdOfSession({ shipping_cost: null })).toBeNull();
    const map = methodIdsByShippingRateId({
      shipping_options: [
        { shipping_amount: 0, shipping_rate: rate('shr_a', 'standard') },
        { shipping_amount: 900, shipping_rate: 'shr_b' },
        { shipping_amount: 1500, shipping_rate: rate('shr_c', 'express') },
      ],
    });
    expect([...map]).toEqual([
      ['shr_a', 'standard'],
      ['shr_c', 'express'],
    ]);
  });

  it('reads the line key of a Stripe line item', () => {
    const item = (metadata: Record<string, string> | null) => ({ metadata, price: null }) as Stripe.LineItem;
    expect(lineKeyOfLineItem(item({ line_key: 'product:a' }))).toBe('product:a');
    expect(lineKeyOfLineItem(item(null))).toBeNull();
  });

  it('makes image paths absolute only for http(s) origins', () => {
    expect(absoluteImageUrl('/products/a.svg', 'https://shop.example')).toBe('https://shop.example/products/a.svg');
    expect(absoluteImageUrl('/products/a.svg', 'not a url')).toBeNull();
    expect(absoluteImageUrl(null, 'https://shop.example')).toBeNull();
  });
});

describe('coupon metadata: the rules a coupon stands for', () => {
  const label = 'x';
  it('round-trips rule ids and amounts within Stripe’s metadata limits', () => {
    const applied = [
      { ruleId: 'launch-50', label, amount: 2_400 },
      { ruleId: 'cart-10-off-100', label, amount: 1_000 },
    ];
    const metadata = couponMetadataOf(applied);
    expect(metadata).toEqual({ rule_ids: 'launch-50,cart-10-off-100', rule_amounts: '2400,1000' });
    expect(Object.keys(metadata).every((key) => key.length <= 40)).toBe(true);
    expect(rulesOfCouponMetadata(metadata)).toEqual({
      applied: [
        { ruleId: 'launch-50', amount: 2_400 },
        { ruleId: 'cart-10-off-100', amount: 1_000 },
      ],
      complete: true,
    });
  });

  it('leaves out what does not fit 500 characters, and says the list is incomplete', () => {
    const applied = Array.from({ length: 60 }, (_, i) => ({ ruleId: `rule-number-${i}`, label, amount: 100 }));
    const metadata = couponMetadataOf(applied);
    expect(Object.values(metadata).every((value) => value.length <= 500)).toBe(true);
    expect(metadata.rules_truncated).toBe('true');
    expect(rulesOfCouponMetadata(metadata)?.complete).toBe(false);
  });

  it('does not read rules from a coupon that is not ours or is malformed', () => {
    expect(rulesOfCouponMetadata({})).toBeNull();
    expect(rulesOfCouponMetadata(null)).toBeNull();
    expect(rulesOfCouponMetadata({ rule_ids: 'a,b', rule_amounts: '1' })).toBeNull();
    expect(rulesOfCouponMetadata({ rule_ids: 'a', rule_amounts: '-1' })).toBeNull();
    expect(rulesOfCouponMetadata({ rule_ids: 'a', rule_amounts: 'x' })).toBeNull();
  });
});

describe('Stripe Tax parameters', () => {
  it('turns automatic tax on at creation and gives every price and shipping rate its tax behavior and code', () => {
    const params = toSessionCreateParams(quote, { ...createOptions, tax: 'exclusive' });
    expect(params.automatic_tax).toEqual({ enabled: true });
    expect(
      params.line_items?.map((item) => [item.price_data?.tax_behavior, item.price_data?.product_data?.tax_code]),
    ).toEqual([
      ['exclusive', 'txcd_99999999'],
      ['exclusive', 'txcd_20030000'],
    ]);
    const rates = Array.isArray(params.shipping_options) ? params.shipping_options : [];
    expect(rates).toHaveLength(quote.shippingOptions.length);
    for (const option of rates) {
      expect(option.shipping_rate_data).toMatchObject({ tax_behavior: 'exclusive', tax_code: 'txcd_92010001' });
    }
  });

  it("sends the market's behavior on every update (VAT-inclusive for the UK)", () => {
    const { params } = toSessionUpdateParams(quote, selections, { includeDiscounts: false, tax: 'inclusive' });
    expect(params.line_items?.every((item) => item.price_data?.tax_behavior === 'inclusive')).toBe(true);
    const rates = Array.isArray(params.shipping_options) ? params.shipping_options : [];
    expect(rates.length).toBeGreaterThan(0);
    expect(rates.every((option) => option.shipping_rate_data?.tax_behavior === 'inclusive')).toBe(true);
  });

  it('sends no tax fields without Stripe Tax', () => {
    const created = toSessionCreateParams(quote, createOptions);
    expect(created.automatic_tax).toBeUndefined();
    expect(JSON.stringify(created)).not.toMatch(/tax_/);
    const { params } = toSessionUpdateParams(quote, selections, { includeDiscounts: false });
    expect(JSON.stringify(params)).not.toMatch(/tax_/);
  });
});
