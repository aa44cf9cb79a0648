import { describe, expect, it } from 'vitest';
import {
  CARD_MESSAGES,
  type CardInput,
  formatCardNumber,
  formatExpiry,
  luhnValid,
  readCard,
  validateCard,
} from '../src/stripejs/card-fields';

const now = new Date('2026-11-21T10:00:00Z');
const good: CardInput = {
  number: '4242 4242 4242 4242',
  expiry: '12 / 30',
  cvc: '123',
  country: 'US',
  postalCode: '94103',
};

describe('stand-in Payment Element card fields', () => {
  it('formats the card number in groups and the expiry as MM / YY while typing', () => {
    expect(formatCardNumber('4242424242424242')).toBe('4242 4242 4242 4242');
    expect(formatCardNumber('3782 822463 10005')).toBe('3782 822463 10005');
    expect(formatCardNumber('42a4')).toBe('424');
    expect(formatExpiry('1230')).toBe('12 / 30');
    expect(formatExpiry('12/30')).toBe('12 / 30');
    expect(formatExpiry('4')).toBe('04');
  });

  it('accepts Stripe test cards by the Luhn check', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    expect(luhnValid('4000000000000002')).toBe(true);
    expect(luhnValid('4242424242424241')).toBe(false);
  });

  it('reports nothing for a complete card and returns it ready for the confirm API', () => {
    expect(validateCard(good, now)).toEqual({});
    expect(readCard(good, now)).toEqual({
      ok: true,
      card: {
        number: '4242424242424242',
        exp_month: 12,
        exp_year: 2030,
        cvc: '123',
        country: 'US',
        postalCode: '94103',
      },
    });
  });

  it("explains each problem in Stripe's words", () => {
    expect(validateCard({ ...good, number: '4242 4242' }, now).number).toBe(CARD_MESSAGES.numberIncomplete);
    expect(validateCard({ ...good, number: '4242 4242 4242 4241' }, now).number).toBe(CARD_MESSAGES.numberInvalid);
    expect(validateCard({ ...good, expiry: '12 / 2' }, now).expiry).toBe(CARD_MESSAGES.expiryIncomplete);
    expect(validateCard({ ...good, expiry: '12 / 20' }, now).expiry).toBe(CARD_MESSAGES.expiryPast);
    expect(validateCard({ ...good, expiry: '13 / 30' }, now).expiry).toBe(CARD_MESSAGES.expiryInvalid);
    expect(validateCard({ ...good, cvc: '12' }, now).cvc).toBe(CARD_MESSAGES.cvcIncomplete);
    expect(validateCard({ ...good, postalCode: '' }, now).postalCode).toBe(CARD_MESSAGES.postalIncomplete);
    expect(validateCard({ ...good, country: 'GB', postalCode: '' }, now).postalCode).toBeUndefined();
  });

  it('needs a four-digit security code for American Express', () => {
    const amex = { ...good, number: '3782 822463 10005' };
    expect(validateCard({ ...amex, cvc: '123' }, now).cvc).toBe(CARD_MESSAGES.cvcIncomplete);
    expect(validateCard({ ...amex, cvc: '1234' }, now)).toEqual({});
  });

  it('refuses to read an incomplete card, naming the first problem', () => {
    expect(readCard({ ...good, number: '', cvc: '' }, now)).toEqual({
      ok: false,
      message: CARD_MESSAGES.numberIncomplete,
    });
  });
});
