import { describe, expect, it } from 'vitest';
import { taxBehaviorFor } from '@/lib/tax/behavior';

describe('taxBehaviorFor', () => {
  it('shows VAT-inclusive prices in the UK and the EU', () => {
    expect(taxBehaviorFor('GB')).toBe('inclusive');
    expect(taxBehaviorFor('DE')).toBe('inclusive');
    expect(taxBehaviorFor('FR')).toBe('inclusive');
  });

  it('adds tax on top in the US, Canada, elsewhere, and before the address is known', () => {
    expect(taxBehaviorFor('US')).toBe('exclusive');
    expect(taxBehaviorFor('CA')).toBe('exclusive');
    expect(taxBehaviorFor('AU')).toBe('exclusive');
    expect(taxBehaviorFor(null)).toBe('exclusive');
  });
});
