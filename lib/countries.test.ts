import { describe, expect, it } from 'vitest';
import { countryName } from '@/lib/countries';

describe('countryName', () => {
  it('names a country by its code, and falls back to the code', () => {
    expect(countryName('US')).toBe('United States');
    expect(countryName('GB')).toBe('United Kingdom');
    expect(countryName('not a code')).toBe('not a code');
  });
});
