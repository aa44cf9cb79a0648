import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogData } from '@/lib/catalog/data';
import { catalogSchema } from '@/lib/catalog/schema';

const catalog = catalogSchema.parse(catalogData);

describe('catalog data', () => {
  it('is a valid catalog with the categories the store features', () => {
    const ids = catalog.categories.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['electronics', 'gifts', 'home']));
    expect(catalog.categories.find((c) => c.id === 'electronics')?.warrantyEligible).toBe(true);
    expect(catalog.products.length).toBeGreaterThanOrEqual(10);
  });

  it('has products to buy in every category, one low-stock and each orderable within 1–10 units', () => {
    for (const category of catalog.categories) {
      expect(catalog.products.some((p) => p.categoryId === category.id && p.stock > 0)).toBe(true);
    }
    expect(catalog.products.some((p) => p.stock > 0 && p.stock <= 5)).toBe(true);
    for (const p of catalog.products) {
      expect(p.maxPerOrder).toBeGreaterThanOrEqual(1);
      expect(p.maxPerOrder).toBeLessThanOrEqual(10);
    }
  });

  it('ships a titled 800×800 SVG illustration for every product', () => {
    for (const p of catalog.products) {
      const file = join(process.cwd(), 'public', p.image);
      expect(existsSync(file), p.image).toBe(true);
      const svg = readFileSync(file, 'utf8');
      expect(svg).toContain('viewBox="0 0 800 800"');
      expect(svg).toMatch(/<title[^>]*>[^<]+<\/title>/);
      expect(svg.length).toBeLessThan(6000);
    }
  });
});
