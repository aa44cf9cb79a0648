/** What a checkout holds of scarce stock and limited codes, derived from its state (lib/holds.ts keeps them). */
import { perEmailHoldKey } from '@/lib/checkout/discount-context';
import { type CheckoutRow, lockCheckout } from '@/lib/checkout/repository';
import type { Db } from '@/lib/db/client';
import type { DiscountRule } from '@/lib/discounts';
import { setHolds } from '@/lib/holds';
import { storeCreditOf } from '@/lib/pricing/store-credit';
import type { CheckoutSelections, Quote } from '@/lib/pricing/types';

export type CheckoutHolds = { stock: HoldWanted[]; code: HoldWanted[]; credit: HoldWanted[] };
type HoldWanted = { key: string; quantity: number };

/**
 * What a checkout state takes: every unit of its items, one use of each limited code it applied (per rule / email),
 * and the store credit it applies (of its customer's).
 */
export function holdsOf(
  state: {
    selections: CheckoutSelections;
    quote: Pick<Quote, 'discount'>;
    email: string | null;
    customerId?: string | null;
  },
  rules: ReadonlyArray<DiscountRule>,
): CheckoutHolds {
  const applied = state.quote.discount?.applied ?? [];
  const email = state.email;
  const credit = storeCreditOf(state.quote);
  return {
    credit: state.customerId && credit > 0 ? [{ key: state.customerId, quantity: credit }] : [],
    stock: state.selections.items.map((item) => ({ key: item.productId, quantity: item.quantity })),
    code: limitedRulesOf(rules, state.selections.discountCodes)
      .filter((rule) => applied.some((a) => a.ruleId === rule.id && a.amount > 0))
      .flatMap((rule) => [
        ...(rule.limits.totalRedemptions !== undefined ? [{ key: rule.id, quantity: 1 }] : []),
        ...(rule.limits.perEmail !== undefined && email ? [{ key: perEmailHoldKey(rule.id, email), quantity: 1 }] : []),
      ]),
  };
}

/** The larger of two holds per key: while Stripe may show either state, the checkout takes what both take. */
export function mostOf(a: CheckoutHolds, b: CheckoutHolds): CheckoutHolds {
  const merge = (x: HoldWanted[], y: HoldWanted[]) => {
    const most = new Map<string, number>();
    for (const hold of [...x, ...y]) most.set(hold.key, Math.max(most.get(hold.key) ?? 0, hold.quantity));
    return [...most].map(([key, quantity]) => ({ key, quantity }));
  };
  return { stock: merge(a.stock, b.stock), code: merge(a.code, b.code), credit: merge(a.credit, b.credit) };
}

/** Makes the checkout's holds `wanted`; kinds equal to `known` (what the database already holds) are not written. */
export async function setCheckoutHolds(
  tx: Db,
  row: CheckoutRow,
  wanted: CheckoutHolds,
  known?: CheckoutHolds,
): Promise<void> {
  if (!known || !sameHolds(wanted.stock, known.stock)) await setHolds(tx, row, 'stock', wanted.stock);
  if (!known || !sameHolds(wanted.code, known.code)) await setHolds(tx, row, 'code', wanted.code);
  if (!known || !sameHolds(wanted.credit, known.credit)) await setHolds(tx, row, 'credit', wanted.credit);
}

/** Whether making the holds `wanted` writes anything when the database holds `known`. */
export function changesHolds(wanted: CheckoutHolds, known: CheckoutHolds): boolean {
  return (
    !sameHolds(wanted.stock, known.stock) ||
    !sameHolds(wanted.code, known.code) ||
    !sameHolds(wanted.credit, known.credit)
  );
}

function sameHolds(a: ReadonlyArray<HoldWanted>, b: ReadonlyArray<HoldWanted>): boolean {
  const key = (holds: ReadonlyArray<HoldWanted>) =>
    holds
      .filter((hold) => hold.quantity > 0)
      .map((hold) => `${hold.key}=${hold.quantity}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}

/** After a failed update: the holds of the state that stays saved (nothing, once the checkout closed). */
export async function restoreHolds(db: Db, sessionId: string, rules: ReadonlyArray<DiscountRule>): Promise<void> {
  await db
    .transaction(async (tx) => {
      const current = await lockCheckout(tx, sessionId);
      if (current?.status === 'open') await setCheckoutHolds(tx, current, holdsOf(current, rules));
    })
    .catch((error: unknown) => console.error(`[checkout] could not restore the holds of ${sessionId}`, error));
}

/** The rules behind these codes that limit their uses (in total or per email). */
export function limitedRulesOf(rules: ReadonlyArray<DiscountRule>, codes: ReadonlyArray<string>): DiscountRule[] {
  return rules.filter(
    (rule) =>
      rule.code !== undefined &&
      codes.includes(rule.code) &&
      (rule.limits.totalRedemptions !== undefined || rule.limits.perEmail !== undefined),
  );
}
