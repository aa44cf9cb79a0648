import { describe, expect, it } from 'vitest';
import { countryInSentence, countryName } from '@/lib/countries';

describe('countryName', () => {
  it('names a country by its code, and falls back to the code', () => {
    expect(countryName('US')).toBe('United States');
    expect(countryName('GB')).toBe('United Kingdom');
    expect(countryName('not a code')).toBe('not a code');
  });
});

describe('countryInSentence', () => {
  it('puts "the" before the names that take it', () => {
    expect(countryInSentence('GB')).toBe('the United Kingdom');
    expect(countryInSentence('US')).toBe('the United States');
    expect(countryInSentence('NL')).toBe('the Netherlands');
    expect(countryInSentence('DE')).toBe('Germany');
  });
});
