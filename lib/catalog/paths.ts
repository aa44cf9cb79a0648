import { getCategory, getProduct } from '@/lib/catalog';

/** `/products/<id>` or `/categories/<id>`; a name with a dot is a file (the product images in public/products). */
const CATALOG_PAGE = /^\/(products|categories)\/([^/.]+)\/?$/;

/**
 * True for a product or category page whose id is not in the catalog. Those pages are prerendered per id; an unknown
 * id would otherwise get the route's prerendered shell with a 200 before the page can say "not found" (and a cache
 * entry per made-up id), so the proxy answers it with the 404 page instead.
 */
export function isUnknownCatalogPage(pathname: string): boolean {
  const match = CATALOG_PAGE.exec(pathname);
  if (!match) return false;
  const [, kind, encoded = ''] = match;
  let id: string;
  try {
    id = decodeURIComponent(encoded);
  } catch {
    return true;
  }
  return kind === 'products' ? getProduct(id) === null : getCategory(id) === null;
}
