import { catalogData } from '@/lib/catalog/data';
import { type Catalog, type Category, catalogSchema, type Product } from '@/lib/catalog/schema';

export type { Catalog, Category, Product } from '@/lib/catalog/schema';

let memo: Catalog | undefined;

/** The store's catalog, validated with `catalogSchema` once (a bad edit fails loudly, naming the field). */
export function getCatalog(): Catalog {
  if (!memo) {
    const parsed = catalogSchema.safeParse(catalogData);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`lib/catalog/data.ts is not a valid catalog: ${issues}`);
    }
    memo = parsed.data;
  }
  return memo;
}

export function getProduct(id: string, catalog: Catalog = getCatalog()): Product | null {
  return catalog.products.find((p) => p.id === id) ?? null;
}

export function getCategory(id: string, catalog: Catalog = getCatalog()): Category | null {
  return catalog.categories.find((c) => c.id === id) ?? null;
}

export function listProducts(filter: { categoryId?: string } = {}, catalog: Catalog = getCatalog()): Product[] {
  return filter.categoryId === undefined
    ? [...catalog.products]
    : catalog.products.filter((p) => p.categoryId === filter.categoryId);
}
