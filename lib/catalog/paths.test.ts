import { describe, expect, it } from 'vitest';
import { isUnknownCatalogPage } from '@/lib/catalog/paths';

describe('isUnknownCatalogPage', () => {
  it('knows the catalog’s products and categories', () => {
    expect(isUnknownCatalogPage('/products/pulse-speaker')).toBe(false);
    expect(isUnknownCatalogPage('/products/pulse-speaker/')).toBe(false);
    expect(isUnknownCatalogPage('/categories/gifts')).toBe(false);
  });

  it('flags ids the catalog does not have, and ids that are not valid URL encoding', () => {
    expect(isUnknownCatalogPage('/products/no-such-product')).toBe(true);
    expect(isUnknownCatalogPage('/categories/shoes')).toBe(true);
    expect(isUnknownCatalogPage('/products/%E0%A4%A')).toBe(true);
  });

  it('leaves every other path alone, files included', () => {
    for (const path of ['/', '/cart', '/products', '/products/pulse-speaker.svg', '/products/a/b', '/no-such-page']) {
      expect(isUnknownCatalogPage(path)).toBe(false);
    }
  });
});
