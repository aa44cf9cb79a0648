import { describe, expect, it } from 'vitest';
import { getCatalog } from '@/lib/catalog';
import { demoRules, discountEvaluator, parseDiscountRules } from '@/lib/discounts';
import { buildQuote } from '@/lib/pricing/quote';
import { STORE_CREDIT, storeCreditOf, withStoreCredit } from '@/lib/pricing/store-credit';
import { toSessionUpdateParams } from '@/lib/stripe/session-params';
import { address } from '@/test/fixtures/addresses';
import { selectionsOf } from '@/test/fixtures/selections';
import { contextOf, NOW } from '@/test/support/discount-order';

const catalog = getCatalog();
const headphones = { productId: 'aurora-headphones', quantity: 1 }; // $199.00

function quoteOf(codes: string[] = []) {
  const selections = selectionsOf({ items: [headphones], shippingAddress: address('US'), discountCodes: codes });
  return buildQuote(selections, catalog, NOW, discountEvaluator(demoRules, contextOf()));
}

describe('a free-shipping perk', () => {
  it('prices its methods at zero for the customers it is for, and says why beside the method', async () => {
    const { priceCheckout } = await import('@/lib/checkout/price');
    const { customerOf } = await import('@/test/support/discount-order');
    const selections = selectionsOf({
      items: [headphones],
      shippingAddress: address('US'),
      shippingMethodId: 'express',
    });
    const gold = contextOf({ customer: customerOf({ tier: 'gold', segments: ['returning'] }) });
    const silver = contextOf({ customer: customerOf({ tier: 'silver', segments: ['returning'] }) });
    const express = (context: typeof gold) =>
      priceCheckout(selections, catalog, NOW, { rules: demoRules, context }).quote.shippingOptions.find(
        (o) => o.methodId === 'express',
      );
    expect(express(gold)).toMatchObject({ amount: 0, displayName: expect.stringContaining('free for Gold members') });
    expect(express(silver)?.amount).toBeGreaterThan(0);
    const goldQuote = priceCheckout(selections, catalog, NOW, { rules: demoRules, context: gold }).quote;
    expect(goldQuote).toMatchObject({ selectedShippingMethodId: 'express', shippingAmount: 0 });
  });

  it('is for automatic rules only', () => {
    expect(() =>
      parseDiscountRules(
        [
          {
            id: 'free-ship-code',
            kind: 'code',
            code: 'SHIPFREE',
            label: 'Free shipping',
            effect: { type: 'free_shipping', methodIds: ['standard'] },
            combinable: true,
          },
        ],
        'test',
      ),
    ).toThrow(/automatic rules only/);
  });
});

describe('store credit on a quote', () => {
  it('rides on the one coupon beside the promotions, and Stripe is sent the sum', () => {
    const promoted = quoteOf(['WELCOME10']);
    const credited = withStoreCredit(promoted, 2_500);
    expect(storeCreditOf(credited)).toBe(2_500);
    expect(credited.discountAmount).toBe(promoted.discountAmount + 2_500);
    expect(credited.total).toBe(promoted.total - 2_500);
    expect(credited.discount?.applied.map((a) => a.ruleId)).toEqual([
      ...(promoted.discount?.applied.map((a) => a.ruleId) ?? []),
      STORE_CREDIT.ruleId,
    ]);
    expect(credited.discount?.name).toContain('Store credit');
    const { params } = toSessionUpdateParams(credited, selectionsOf({ items: [headphones] }), {
      includeDiscounts: true,
      assetOrigin: 'https://shop.example',
      tax: null,
    });
    expect(params.discounts).toEqual([
      { coupon_data: expect.objectContaining({ amount_off: credited.discountAmount, currency: 'usd' }) },
    ]);
  });

  it('is not limited by the promotions’ stacking cap: it is payment', () => {
    const plain = quoteOf();
    const credited = withStoreCredit(plain, plain.subtotal);
    // Everything but Stripe's smallest charge… or the shipping, which a coupon cannot reduce.
    expect(credited.total).toBe(Math.max(plain.shippingAmount, 50));
    expect(credited.discountAmount).toBeGreaterThan(plain.subtotal / 2);
  });

  it('leaves a fully covered order with Stripe’s smallest charge to pay', () => {
    const rules = parseDiscountRules([], 'test');
    const selections = selectionsOf({ items: [headphones], shippingAddress: null });
    const quote = buildQuote(selections, catalog, NOW, discountEvaluator(rules, contextOf()));
    expect(quote.shippingAmount).toBe(0);
    expect(withStoreCredit(quote, 1_000_000).total).toBe(50);
  });

  it('changes nothing without a balance', () => {
    const quote = quoteOf(['WELCOME10']);
    expect(withStoreCredit(quote, 0)).toBe(quote);
    expect(storeCreditOf(quote)).toBe(0);
  });

  it('no discount rule may take the store credit’s id', () => {
    expect(() =>
      parseDiscountRules(
        [
          {
            id: 'store-credit',
            kind: 'automatic',
            label: 'Sneaky',
            effect: { type: 'percent_off', basisPoints: 100 },
            combinable: true,
          },
        ],
        'test',
      ),
    ).toThrow(/store credit/);
  });
});
