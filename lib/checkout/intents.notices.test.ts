import { describe, expect, it } from 'vitest';
import { applyIntent, emptySelections, type IntentContext } from '@/lib/checkout/intents';
import { demoRules, NO_REDEMPTIONS } from '@/lib/discounts';
import type { CheckoutSelections, ShippingAddress } from '@/lib/pricing/types';
import { address, usAddress } from '@/test/fixtures/addresses';
import { testCatalog as catalog } from '@/test/fixtures/catalog';

const shopper = {
  redemptions: NO_REDEMPTIONS,
  email: 'vip@example.com',
  isFirstOrder: true,
  customer: { id: 'customer-vip', verifiedEmail: 'vip@example.com', tier: null, segments: ['first-order'] },
};
const context: IntentContext = {
  catalog,
  allowedCountries: ['US', 'GB', 'DE'],
  unavailableUnits: new Map(),
  discounts: { rules: demoRules, context: shopper },
  now: new Date('2026-11-18T12:00:00Z'),
};
const mug = emptySelections([{ productId: 'test-mug', quantity: 1 }]);

describe('a change that switches the shipping method says so', () => {
  const overnightInUs: CheckoutSelections = { ...mug, shippingAddress: usAddress, shippingMethodId: 'overnight' };

  it('moving to the United Kingdom with Overnight selected switches to Standard, and says why', () => {
    const { selections, notices } = applyIntent(
      overnightInUs,
      { type: 'set-shipping-address', address: address('GB') },
      context,
    );
    expect(selections.shippingMethodId).toBe('standard');
    expect(notices).toEqual([
      {
        code: 'shipping_method_changed',
        message: "Overnight shipping isn't available to the United Kingdom, so shipping changed to Standard shipping.",
      },
    ]);
  });

  it('a PO box with Express selected switches to Standard, and says why', () => {
    const poBox: ShippingAddress = { ...usAddress, line1: 'P.O. Box 1234' };
    const { selections, notices } = applyIntent(
      { ...overnightInUs, shippingMethodId: 'express' },
      { type: 'set-shipping-address', address: poBox },
      context,
    );
    expect(selections.shippingMethodId).toBe('standard');
    expect(notices).toEqual([
      {
        code: 'shipping_method_changed',
        message: "Express shipping isn't available to PO boxes, so shipping changed to Standard shipping.",
      },
    ]);
  });

  it('says nothing when the selected method is still offered, or none was chosen', () => {
    const inGermany = { ...overnightInUs, shippingMethodId: 'express' };
    const moved = applyIntent(inGermany, { type: 'set-shipping-address', address: address('DE') }, context);
    expect(moved).toEqual({ selections: { ...inGermany, shippingAddress: address('DE') }, notices: [] });
    const unchosen = { ...overnightInUs, shippingMethodId: null };
    expect(applyIntent(unchosen, { type: 'set-shipping-address', address: address('GB') }, context).notices).toEqual(
      [],
    );
    expect(applyIntent(overnightInUs, { type: 'refresh' }, context).notices).toEqual([]);
  });
});

describe('a second code that cannot stack: the one that saves more on the order now is kept, and the shopper told', () => {
  const headphonesAndCandle = emptySelections([
    { productId: 'test-headphones', quantity: 1 },
    { productId: 'soy-candle', quantity: 1 },
  ]);
  const candles = emptySelections([{ productId: 'soy-candle', quantity: 3 }]);
  const apply = (selections: CheckoutSelections, code: string) =>
    applyIntent(selections, { type: 'apply-code', code }, context);

  it('keeps WELCOME10 when GIFTS20 saves less', () => {
    const { selections, notices } = apply({ ...headphonesAndCandle, discountCodes: ['WELCOME10'] }, 'gifts20');
    expect(selections.discountCodes).toEqual(['WELCOME10']);
    expect(notices).toEqual([
      {
        code: 'discount_code_kept',
        message: 'GIFTS20 saves less than WELCOME10 (−$21.70), so WELCOME10 stays applied.',
      },
    ]);
  });

  it('replaces WELCOME10 with GIFTS20 when GIFTS20 saves more', () => {
    const { selections, notices } = apply({ ...candles, discountCodes: ['WELCOME10'] }, 'GIFTS20');
    expect(selections.discountCodes).toEqual(['GIFTS20']);
    expect(notices).toEqual([
      { code: 'discount_code_replaced', message: 'GIFTS20 replaced WELCOME10: it saves more (−$10.80).' },
    ]);
  });

  it('keeps VIP20 over FIRST15, and lets VIP20 replace FIRST15', () => {
    const kept = apply({ ...candles, discountCodes: ['VIP20'] }, 'FIRST15');
    expect(kept.selections.discountCodes).toEqual(['VIP20']);
    expect(kept.notices[0]?.message).toBe('FIRST15 saves less than VIP20 (−$10.80), so VIP20 stays applied.');
    const replaced = apply({ ...candles, discountCodes: ['FIRST15'] }, 'VIP20');
    expect(replaced.selections.discountCodes).toEqual(['VIP20']);
    expect(replaced.notices[0]?.message).toBe('VIP20 replaced FIRST15: it saves more (−$10.80).');
  });

  it('on a tie the code applied first stays', () => {
    // 20% of the candles either way.
    const { selections, notices } = apply({ ...candles, discountCodes: ['GIFTS20'] }, 'VIP20');
    expect(selections.discountCodes).toEqual(['GIFTS20']);
    expect(notices).toEqual([
      { code: 'discount_code_kept', message: 'VIP20 saves no more than GIFTS20 (−$10.80), so GIFTS20 stays applied.' },
    ]);
  });

  it('a first code, or the same code again, is applied without a notice', () => {
    expect(apply(candles, 'WELCOME10')).toEqual({
      selections: { ...candles, discountCodes: ['WELCOME10'] },
      notices: [],
    });
    const again = { ...candles, discountCodes: ['WELCOME10'] };
    expect(apply(again, ' welcome10 ')).toEqual({ selections: again, notices: [] });
  });
});
