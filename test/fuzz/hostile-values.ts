import fc from 'fast-check';
import { checkoutSessionIdSchema } from '@/lib/checkout/contract';

/** Field names a client might use to smuggle a price in; every body must refuse them. */
export const PRICE_FIELDS = [
  'price',
  'amount',
  'unit_amount',
  'unitAmount',
  'unit_amount_decimal',
  'amount_total',
  'amountTotal',
  'total',
  'subtotal',
  'discount',
  'price_data',
  'line_items',
  'shipping_rate_data',
  'currency',
] as const;

/** Numbers no quantity may be: negative, fractional, huge, non-finite-as-JSON, past every per-order cap. */
export const badQuantity: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
  fc.integer({ min: 100 }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, 2 ** 31, 2 ** 53 + 2, 1e308, -0.5, 0.1, 1.5, -2_147_483_649),
  fc.constantFrom('1', '2', '', '1e3', 'NaN', null, true, [], [1], {}, { quantity: 1 }),
);

/** Any JSON value at all, biased toward the shapes that trip up handlers. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: badQuantity },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', "'; DROP TABLE orders; --", '\u0000', '🙂') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** A value of the wrong type for a field that wants a string id. */
export const notAString: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** Strings that are not ids of any kind this store issues. */
export const junkId: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      '',
      ' ',
      '../../etc/passwd',
      'cs_test_',
      'cs_test_abc/../x',
      '%00',
      'null',
      `cs_live_${'a'.repeat(300)}`,
    ),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).map((s) => `cs_test_${s}`),
  )
  // Not even the shape of a Checkout Session id (a well-formed unknown one is a different case: 404, or a mere hint).
  .filter((s) => !checkoutSessionIdSchema.safeParse(s).success);

/** Well-formed Checkout Session ids that name no session. */
export const unknownSessionId: fc.Arbitrary<string> = fc
  .stringMatching(/^[A-Za-z0-9]{8,40}$/)
  .map((tail) => `cs_test_${tail}`);

/** Well-formed slugs, minus the ones in `known` (so a generated id is never a real one). */
export function unknownSlug(known: ReadonlyArray<string>): fc.Arbitrary<string> {
  return fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,2}$/).filter((slug) => !known.includes(slug));
}

/** An object with one or more price fields added. */
export const injectedPriceFields: fc.Arbitrary<Record<string, unknown>> = fc
  .uniqueArray(fc.constantFrom(...PRICE_FIELDS), { minLength: 1, maxLength: 3 })
  .chain((fields) =>
    fc
      .tuple(...fields.map(() => fc.oneof(fc.integer({ min: -1000, max: 1_000_000 }), fc.constant(0), anyJson)))
      .map((values) => Object.fromEntries(fields.map((field, i) => [field, values[i]]))),
  );
