import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiscountEvaluator } from '@/lib/pricing/quote';
import { buildQuote } from '@/lib/pricing/quote';
import { toSessionUpdateParams } from '@/lib/stripe/session-params';
import { selectionsArb } from '@/test/fixtures/arbitraries';
import { testCatalog } from '@/test/fixtures/catalog';

const now = new Date('2026-11-20T12:00:00Z');
const tenPercent: DiscountEvaluator = ({ subtotal }) => ({
  name: '10 %',
  amount: Math.floor(subtotal / 10),
  applied: [],
});

describe('toSessionUpdateParams properties', () => {
  it('describes a session whose Stripe total equals the quote total (items + first shipping option − coupon)', () => {
    fc.assert(
      fc.property(selectionsArb, fc.boolean(), (selections, discounted) => {
        const quote = buildQuote(selections, testCatalog, now, discounted ? tenPercent : undefined);
        const { params } = toSessionUpdateParams(quote, selections, { includeDiscounts: true });
        const items = (params.line_items ?? []).reduce(
          (sum, item) => sum + (item.price_data?.unit_amount ?? Number.NaN) * (item.quantity ?? Number.NaN),
          0,
        );
        const options = params.shipping_options === '' ? [] : (params.shipping_options ?? []);
        const shipping = options[0]?.shipping_rate_data?.fixed_amount?.amount ?? 0;
        const coupon = params.discounts === '' ? 0 : (params.discounts?.[0] ?? null);
        const discount =
          coupon === 0 || coupon === null ? 0 : 'coupon_data' in coupon ? coupon.coupon_data.amount_off : 0;
        expect(items + shipping - Math.min(discount, items)).toBe(quote.total);
        expect(options.length).toBeLessThanOrEqual(5);
        expect(options[0]?.shipping_rate_data?.metadata?.method_id).toBe(quote.selectedShippingMethodId ?? undefined);
      }),
    );
  });
});
