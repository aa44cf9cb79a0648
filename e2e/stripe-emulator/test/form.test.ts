import { describe, expect, it } from 'vitest';
import { bracketPath, FormError, parseForm } from '../src/http/form';

describe('parseForm', () => {
  it('nests bracket params and turns indexed hashes into arrays', () => {
    const parsed = parseForm(
      'line_items[0][price_data][unit_amount]=2000&line_items[0][quantity]=1&line_items[1][price]=price_1&expand[0]=line_items',
    );
    expect(JSON.parse(JSON.stringify(parsed))).toEqual({
      line_items: [{ price_data: { unit_amount: '2000' }, quantity: '1' }, { price: 'price_1' }],
      expand: ['line_items'],
    });
  });

  it('keeps an empty value as an empty string (clearing an emptyable field)', () => {
    expect(parseForm('shipping_options=&discounts=').shipping_options).toBe('');
  });

  it('decodes percent-encoding, plus signs and encoded brackets', () => {
    const parsed = parseForm(
      'metadata%5Bnote%5D=a+b%26c&return_url=https%3A%2F%2Fx.test%2F%3Fid%3D%7BCHECKOUT_SESSION_ID%7D',
    );
    expect(parsed.metadata).toEqual(expect.objectContaining({ note: 'a b&c' }));
    expect(parsed.return_url).toBe('https://x.test/?id={CHECKOUT_SESSION_ID}');
  });

  it('appends for empty brackets and orders arrays by index', () => {
    expect(parseForm('expand[]=a&expand[]=b').expand).toEqual(['a', 'b']);
    expect(parseForm('items[1]=second&items[0]=first').items).toEqual(['first', 'second']);
  });

  it('refuses a param sent both as a value and as a hash', () => {
    expect(() => parseForm('a=1&a[b]=2')).toThrow(FormError);
    expect(() => parseForm('a[b]=2&a=1')).toThrow(FormError);
  });

  it('refuses malformed names and encodings', () => {
    expect(() => parseForm('a[b=1')).toThrow(FormError);
    expect(() => parseForm('a=%E0%A4%A')).toThrow(FormError);
  });

  it('does not let __proto__ reach the prototype', () => {
    const parsed = parseForm('__proto__[polluted]=yes');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(parsed)).toEqual(['__proto__']);
  });
});

describe('bracketPath', () => {
  it('names nested params the way Stripe does in errors', () => {
    expect(bracketPath(['line_items', 1, 'quantity'])).toBe('line_items[1][quantity]');
    expect(bracketPath(['mode'])).toBe('mode');
  });
});
