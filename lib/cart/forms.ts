import { z } from 'zod';
import type { CartNotice } from '@/lib/cart/form-state';
import { productIdSchema } from '@/lib/cart/requests';
import { MAX_REQUEST_QUANTITY } from '@/lib/checkout/contract';

/**
 * The cart's HTML forms (Server Actions, which also work with JavaScript off): what their fields may hold, the states
 * the actions answer with, and the cart page's notices (`/cart?added=…`, `?removed=…`, `?refused=…`). Pure, so it is unit-tested.
 * The JSON API keeps its own schemas (`requests.ts`); the limits are the same.
 */

/** A whole number of units as a form sends it ("2"); blank, fractional, signed or exponent forms are refused. */
function quantityField(min: number) {
  return z
    .string()
    .trim()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(MAX_REQUEST_QUANTITY));
}

const addFormSchema = z.object({ productId: productIdSchema, quantity: quantityField(1) });
const lineFormSchema = z.object({ productId: productIdSchema, quantity: quantityField(0) });

export type CartItemInput = { productId: string; quantity: number };
export type FormParse = { ok: true; data: CartItemInput } | { ok: false; message: string };

export const NO_SUCH_PRODUCT = 'There is no such product.';

/** Only the fields a form is meant to carry; anything else it posts (React's own `$ACTION_…` fields) is ignored. */
function fieldsOf(form: FormData): { productId: unknown; quantity: unknown } {
  return { productId: form.get('productId'), quantity: form.get('quantity') };
}

function parseWith(schema: typeof addFormSchema, form: FormData, quantityMessage: string): FormParse {
  const result = schema.safeParse(fieldsOf(form));
  if (result.success) return { ok: true, data: result.data };
  const productIdFailed = result.error.issues.some((issue) => issue.path[0] === 'productId');
  return { ok: false, message: productIdFailed ? NO_SUCH_PRODUCT : quantityMessage };
}

/** "Add to cart" (and Undo, which adds back what was removed): a product and 1–99 units. */
export function parseAddToCartForm(form: FormData): FormParse {
  return parseWith(addFormSchema, form, `Choose a quantity from 1 to ${MAX_REQUEST_QUANTITY}.`);
}

/** A cart line's − / + / typed quantity and Remove: a product and 0–99 units, 0 removing it. */
export function parseCartLineForm(form: FormData): FormParse {
  return parseWith(lineFormSchema, form, `Choose a quantity from 0 to ${MAX_REQUEST_QUANTITY}.`);
}

type SearchParams = Record<string, string | string[] | undefined>;

const NOTICE_KINDS = ['added', 'removed', 'refused'] as const satisfies readonly CartNotice['kind'][];
const noticeSchema = z.object({ productId: productIdSchema, quantity: quantityField(1) });

/** The notice a cart URL asks for, or null (a repeated, malformed, ambiguous or missing parameter shows none). */
export function parseCartNotice(params: SearchParams): CartNotice | null {
  const [kind, ...others] = NOTICE_KINDS.filter((name) => params[name] !== undefined);
  if (!kind || others.length > 0) return null;
  const result = noticeSchema.safeParse({ productId: params[kind], quantity: params.quantity });
  return result.success ? { kind, ...result.data } : null;
}

export function cartNoticeHref(notice: CartNotice): string {
  const query = new URLSearchParams({ [notice.kind]: notice.productId, quantity: String(notice.quantity) });
  return `/cart?${query.toString()}`;
}
