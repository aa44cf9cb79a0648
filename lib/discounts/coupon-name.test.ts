import { describe, expect, it } from 'vitest';
import { COUPON_NAME_MAX_LENGTH, couponNameOf } from '@/lib/discounts/coupon-name';
import { formatMoneyCompact } from '@/lib/discounts/messages';

describe('couponNameOf', () => {
  it('lists what applied', () => {
    expect(couponNameOf(['WELCOME10', '$10 off $100+'])).toBe('WELCOME10 + $10 off $100+');
  });

  it('stays within Stripe’s 40 characters by summarising the rest', () => {
    const name = couponNameOf(['WELCOME10', '$10 off $100+', '5% off orders to Canada']);
    expect(name).toBe('WELCOME10 + $10 off $100+ + 1 more');
    expect(couponNameOf(['x'.repeat(40), 'y'])).toBe('2 discounts');
    expect(couponNameOf(['x'.repeat(40)])).toHaveLength(COUPON_NAME_MAX_LENGTH);
  });
});

describe('formatMoneyCompact', () => {
  it('drops zero cents only', () => {
    expect(formatMoneyCompact(1_000, 'usd')).toBe('$10');
    expect(formatMoneyCompact(1_050, 'usd')).toBe('$10.50');
    expect(formatMoneyCompact(500, 'jpy')).toBe('¥500');
  });
});
