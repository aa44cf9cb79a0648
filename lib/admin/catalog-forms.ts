/** The catalog forms of the merchant console: a product, an add-on, a shipping rate. Amounts in major units. Pure. */
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** "25", "0", "25.50" → minor units (zero allowed: a free rate). */
const money = z
  .string()
  .trim()
  .regex(/^\d{1,6}(?:\.\d{1,2})?$/, 'Enter an amount such as 25 or 25.50.')
  .transform((text) => Math.round(Number(text) * 100));

const whole = (min: number, max: number) =>
  z.coerce
    .number('Enter a whole number.')
    .int('Enter a whole number.')
    .min(min, `Enter ${min} or more.`)
    .max(max, `Enter ${max} or less.`);

const checked = z.enum(['on', 'true']).optional().transform(Boolean);

export const productFormSchema = z.object({
  productId: slug,
  price: money.pipe(z.number().min(50, 'A product costs at least 0.50.')),
  stock: whole(0, 1_000_000),
  maxPerOrder: whole(1, 99),
  categoryId: slug,
  taxCode: z
    .string()
    .trim()
    .regex(/^txcd_\d{8}$/, 'A Stripe tax code: txcd_ and 8 digits.'),
  active: checked,
});

export const addOnFormSchema = z.object({
  addOnId: slug,
  /** A flat add-on's price, or a per-item add-on's share of the item's price in percent. */
  price: money.pipe(z.number().min(1, 'Enter more than zero.')).optional(),
  share: z
    .string()
    .trim()
    .regex(/^\d{1,3}(?:\.\d{1,2})?$/, 'Enter a percentage such as 15.')
    .transform((text) => Math.round(Number(text) * 100))
    .pipe(z.number().min(1, 'Enter more than zero.').max(10_000, 'Enter 100 or less.'))
    .optional(),
  active: checked,
});

export const shippingRateFormSchema = z
  .object({
    methodId: slug,
    region: z.string().min(1).max(40),
    baseAmount: money,
    perExtraKgAmount: money,
    minBusinessDays: whole(0, 60),
    maxBusinessDays: whole(0, 60),
  })
  .refine((rate) => rate.minBusinessDays <= rate.maxBusinessDays, {
    message: 'The fastest delivery cannot be slower than the slowest.',
    path: ['maxBusinessDays'],
  });
