import { z } from 'zod';
import { currencySchema, minorUnitsSchema } from '@/lib/money';
import { TAX_CODES, taxCodeSchema } from '@/lib/tax/codes';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lowercase slug');

export const categorySchema = z.object({
  id: slug,
  name: z.string().min(1),
  description: z.string().min(1),
  /** Products in this category can carry an extended warranty add-on. */
  warrantyEligible: z.boolean().default(false),
});
export type Category = z.infer<typeof categorySchema>;

export const productSchema = z.object({
  id: slug,
  name: z.string().min(1).max(120),
  description: z.string().min(1).max(1000),
  categoryId: slug,
  /** Unit price in minor units of `currency`. */
  unitAmount: minorUnitsSchema.min(50),
  currency: currencySchema,
  /** Path under /public, served through next/image. */
  image: z.string().regex(/^\/products\/[a-z0-9-]+\.(svg|png|jpg|webp)$/),
  imageAlt: z.string().min(1),
  /** Most units of this product one order may contain. */
  maxPerOrder: z.number().int().min(1).max(99),
  /** Units available to sell when the store opens; sold units are tracked in the database. */
  stock: z.number().int().nonnegative(),
  /** Shipping weight of one unit, for shipping rates. */
  weightGrams: z.number().int().positive(),
  /** Stripe Tax product tax code; physical goods by default. */
  taxCode: taxCodeSchema.default(TAX_CODES.tangibleGoods),
});
export type Product = z.infer<typeof productSchema>;

export const catalogSchema = z
  .object({
    currency: currencySchema,
    categories: z.array(categorySchema).min(1),
    products: z.array(productSchema).min(1),
  })
  .superRefine((catalog, ctx) => {
    const categoryIds = new Set(catalog.categories.map((c) => c.id));
    const seen = new Set<string>();
    catalog.products.forEach((p, i) => {
      if (seen.has(p.id))
        ctx.addIssue({ code: 'custom', path: ['products', i, 'id'], message: `duplicate id ${p.id}` });
      seen.add(p.id);
      if (!categoryIds.has(p.categoryId))
        ctx.addIssue({
          code: 'custom',
          path: ['products', i, 'categoryId'],
          message: `unknown category ${p.categoryId}`,
        });
      if (p.currency !== catalog.currency)
        ctx.addIssue({ code: 'custom', path: ['products', i, 'currency'], message: 'one currency per store' });
    });
  });
export type Catalog = z.infer<typeof catalogSchema>;
