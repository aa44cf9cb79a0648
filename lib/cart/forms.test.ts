import { describe, expect, it } from 'vitest';
import {
  cartNoticeHref,
  NO_SUCH_PRODUCT,
  parseAddToCartForm,
  parseCartLineForm,
  parseCartNotice,
} from '@/lib/cart/forms';

function form(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe('add-to-cart form data', () => {
  it('reads a product and a whole number of units', () => {
    expect(parseAddToCartForm(form({ productId: 'pulse-speaker', quantity: '2' }))).toEqual({
      ok: true,
      data: { productId: 'pulse-speaker', quantity: 2 },
    });
    expect(parseAddToCartForm(form({ productId: 'pulse-speaker', quantity: ' 02 ' }))).toMatchObject({
      data: { quantity: 2 },
    });
  });

  it('ignores the fields React and Next add to a progressive form', () => {
    const data = form({ $ACTION_REF_1: '', $ACTION_KEY: 'k1', productId: 'soy-candle', quantity: '1' });
    expect(parseAddToCartForm(data)).toEqual({ ok: true, data: { productId: 'soy-candle', quantity: 1 } });
  });

  it.each([
    ['blank', ''],
    ['zero', '0'],
    ['negative', '-1'],
    ['fractional', '1.5'],
    ['exponent', '1e2'],
    ['hexadecimal', '0x2'],
    ['above the form limit', '100'],
    ['huge', '9'.repeat(400)],
    ['a word', 'two'],
  ])('refuses a %s quantity with a message naming the range', (_label, quantity) => {
    expect(parseAddToCartForm(form({ productId: 'pulse-speaker', quantity }))).toEqual({
      ok: false,
      message: 'Choose a quantity from 1 to 99.',
    });
  });

  it('refuses a missing quantity, or a file in its place', () => {
    expect(parseAddToCartForm(form({ productId: 'pulse-speaker' }))).toMatchObject({ ok: false });
    expect(parseAddToCartForm(form({ productId: 'pulse-speaker', quantity: new Blob(['2']) }))).toMatchObject({
      ok: false,
    });
  });

  it.each([
    ['missing', undefined],
    ['blank', ''],
    ['not an id', '../cart'],
    ['upper case', 'Pulse-Speaker'],
  ])('refuses a %s product id as no such product', (_label, productId) => {
    const data = productId === undefined ? form({ quantity: '1' }) : form({ productId, quantity: '1' });
    expect(parseAddToCartForm(data)).toEqual({ ok: false, message: NO_SUCH_PRODUCT });
  });
});

describe('cart line form data', () => {
  it('allows 0, which removes the line', () => {
    expect(parseCartLineForm(form({ productId: 'soy-candle', quantity: '0' }))).toEqual({
      ok: true,
      data: { productId: 'soy-candle', quantity: 0 },
    });
  });

  it('refuses what is not 0–99', () => {
    for (const quantity of ['', '-1', '100', '2.5', 'x']) {
      expect(parseCartLineForm(form({ productId: 'soy-candle', quantity }))).toEqual({
        ok: false,
        message: 'Choose a quantity from 0 to 99.',
      });
    }
  });
});

describe('cart notices in the URL', () => {
  it('round-trips an added, a removed and a refused notice', () => {
    for (const notice of [
      { kind: 'added', productId: 'pulse-speaker', quantity: 2 },
      { kind: 'removed', productId: 'soy-candle', quantity: 3 },
      { kind: 'refused', productId: 'pulse-speaker', quantity: 6 },
    ] as const) {
      const url = new URL(cartNoticeHref(notice), 'http://shop.test');
      expect(url.pathname).toBe('/cart');
      expect(parseCartNotice(Object.fromEntries(url.searchParams))).toEqual(notice);
    }
  });

  it('shows none for a missing, repeated, malformed or ambiguous parameter', () => {
    expect(parseCartNotice({})).toBeNull();
    expect(parseCartNotice({ removed: 'soy-candle' })).toBeNull();
    expect(parseCartNotice({ removed: 'soy-candle', quantity: '0' })).toBeNull();
    expect(parseCartNotice({ removed: ['soy-candle', 'pulse-speaker'], quantity: '1' })).toBeNull();
    expect(parseCartNotice({ removed: '<script>', quantity: '1' })).toBeNull();
    expect(parseCartNotice({ added: 'soy-candle', removed: 'soy-candle', quantity: '1' })).toBeNull();
    expect(parseCartNotice({ added: 'soy-candle', refused: 'soy-candle', quantity: '1' })).toBeNull();
    expect(parseCartNotice({ refused: 'soy-candle', quantity: '100' })).toBeNull();
  });
});
