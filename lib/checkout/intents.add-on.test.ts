import { describe, expect, it } from 'vitest';
import { applyIntent, emptySelections } from '@/lib/checkout/intents';
import type { CheckoutSelections } from '@/lib/pricing/types';
import { testCatalog as catalog } from '@/test/fixtures/catalog';

const context = {
  catalog,
  allowedCountries: ['US'],
  unavailableUnits: new Map<string, number>(),
  discounts: null,
  now: new Date('2026-11-18T12:00:00Z'),
};
const order = emptySelections([
  { productId: 'test-headphones', quantity: 2 },
  { productId: 'test-mug', quantity: 1 },
]);

function toggle(
  selections: CheckoutSelections,
  addOnId: string,
  selected: boolean,
  extra: { productId?: string | null; giftMessage?: string } = {},
) {
  return applyIntent(
    selections,
    { type: 'set-add-on', addOnId, productId: extra.productId ?? null, selected, giftMessage: extra.giftMessage },
    context,
  ).selections;
}

describe('set-add-on', () => {
  it('selects and removes a per-order add-on, idempotently', () => {
    const wrapped = toggle(order, 'gift-wrap', true);
    expect(wrapped.addOns).toEqual([{ addOnId: 'gift-wrap', productId: null }]);
    expect(toggle(wrapped, 'gift-wrap', true).addOns).toEqual(wrapped.addOns);
    expect(toggle(wrapped, 'gift-wrap', false).addOns).toEqual([]);
    expect(toggle(order, 'gift-wrap', false).addOns).toEqual([]);
  });

  it('selects a warranty for an eligible item and refuses it, with the catalog’s message, for others', () => {
    const covered = toggle(order, 'extended-warranty', true, { productId: 'test-headphones' });
    expect(covered.addOns).toEqual([{ addOnId: 'extended-warranty', productId: 'test-headphones' }]);
    expect(() => toggle(order, 'extended-warranty', true, { productId: 'test-mug' })).toThrow(
      expect.objectContaining({ status: 409, code: 'not_eligible', message: expect.stringContaining('Test Mug') }),
    );
    expect(() => toggle(order, 'extended-warranty', true, { productId: 'test-rare-watch' })).toThrow(
      expect.objectContaining({ status: 409, code: 'product_not_in_cart' }),
    );
    expect(() => toggle(order, 'extended-warranty', true)).toThrow(
      expect.objectContaining({ status: 400, code: 'product_required' }),
    );
    expect(() => toggle(order, 'gift-wrap', true, { productId: 'test-mug' })).toThrow(
      expect.objectContaining({ status: 400, code: 'add_on_is_per_order' }),
    );
    expect(() => toggle(order, 'free-money', true)).toThrow(
      expect.objectContaining({ status: 400, code: 'unknown_add_on' }),
    );
    expect(() => toggle(order, 'free-money', false)).toThrow(expect.objectContaining({ code: 'unknown_add_on' }));
  });

  it('needs gift wrap and a message for the gift message card', () => {
    expect(() => toggle(order, 'gift-message', true, { giftMessage: 'Happy birthday!' })).toThrow(
      expect.objectContaining({ status: 409, code: 'requires_add_on', message: expect.stringMatching(/gift wrap/) }),
    );
    const wrapped = toggle(order, 'gift-wrap', true);
    expect(() => toggle(wrapped, 'gift-message', true)).toThrow(
      expect.objectContaining({ status: 400, code: 'gift_message_required' }),
    );
    const card = toggle(wrapped, 'gift-message', true, { giftMessage: '  Happy birthday!  ' });
    expect(card.giftMessage).toBe('Happy birthday!');
    expect(card.addOns.map((a) => a.addOnId)).toEqual(['gift-wrap', 'gift-message']);
    // Re-selecting without a message keeps the saved one; sending one replaces it.
    expect(toggle(card, 'gift-message', true).giftMessage).toBe('Happy birthday!');
    expect(toggle(card, 'gift-message', true, { giftMessage: 'Congrats' }).giftMessage).toBe('Congrats');
  });

  it('validates the gift message text and only accepts it with the card', () => {
    const wrapped = toggle(order, 'gift-wrap', true);
    expect(() => toggle(wrapped, 'gift-message', true, { giftMessage: 'x'.repeat(201) })).toThrow(
      expect.objectContaining({ status: 400, code: 'invalid_gift_message', message: expect.stringMatching(/200/) }),
    );
    expect(() => toggle(wrapped, 'gift-message', true, { giftMessage: '   ' })).toThrow(
      expect.objectContaining({ code: 'invalid_gift_message' }),
    );
    expect(() => toggle(wrapped, 'gift-message', true, { giftMessage: 'bell\u0007' })).toThrow(
      expect.objectContaining({ code: 'invalid_gift_message' }),
    );
    expect(() => toggle(wrapped, 'gift-wrap', true, { giftMessage: 'hi' })).toThrow(
      expect.objectContaining({ status: 400, code: 'invalid_request' }),
    );
    expect(() => toggle(wrapped, 'gift-message', false, { giftMessage: 'hi' })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });

  it('drops the card and its message when the card or gift wrap is removed', () => {
    const card = toggle(toggle(order, 'gift-wrap', true), 'gift-message', true, { giftMessage: 'Hi' });
    const noCard = toggle(card, 'gift-message', false);
    expect(noCard).toMatchObject({ giftMessage: null, addOns: [{ addOnId: 'gift-wrap', productId: null }] });
    const noWrap = toggle(card, 'gift-wrap', false);
    expect(noWrap).toMatchObject({ giftMessage: null, addOns: [] });
  });
});
