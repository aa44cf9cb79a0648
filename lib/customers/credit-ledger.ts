/**
 * Store credit as an append-only ledger per customer, in integer minor units. The balance is derived, never stored:
 * grants add (and may expire), debits (credit spent on a paid order) and revocations take away, consuming the
 * grants that expire soonest first. Nothing here can make a balance negative: what a debit cannot cover is reported
 * as `overdrawn`, for the merchant, and the balance stays at zero. Pure.
 */

export type CreditEntry =
  | { kind: 'grant'; amount: number; at: Date; expiresAt: Date | null }
  | { kind: 'debit' | 'revoke'; amount: number; at: Date };

type Lot = { remaining: number; expiresAt: Date | null; at: Date };

export type StatementLine = {
  kind: CreditEntry['kind'] | 'expired';
  /** Signed: a grant adds, everything else takes away. */
  change: number;
  at: Date;
  balanceAfter: number;
};

export type CreditStatement = { balance: number; overdrawn: number; lines: StatementLine[] };

const live = (lot: Lot, at: Date) => lot.remaining > 0 && (lot.expiresAt === null || lot.expiresAt > at);

/** The balance at `now` and every change that led to it (expiries included, when they happened), oldest first. */
export function creditStatement(entries: ReadonlyArray<CreditEntry>, now: Date): CreditStatement {
  // Every entry counts whatever its date: a server whose clock is behind the one that wrote a debit must not see that
  // credit as still there. `now` decides only what has expired.
  const sorted = [...entries].sort((a, b) => a.at.getTime() - b.at.getTime());
  const lots: Lot[] = [];
  const lines: StatementLine[] = [];
  let overdrawn = 0;
  const balanceAt = (at: Date) => lots.filter((lot) => live(lot, at)).reduce((sum, lot) => sum + lot.remaining, 0);
  const expireUntil = (at: Date) => {
    const due = lots
      .filter((lot) => lot.remaining > 0 && lot.expiresAt !== null && lot.expiresAt <= at)
      .sort((a, b) => (a.expiresAt?.getTime() ?? 0) - (b.expiresAt?.getTime() ?? 0));
    for (const lot of due) {
      const expired = lot.remaining;
      lot.remaining = 0;
      const when = lot.expiresAt ?? at;
      lines.push({ kind: 'expired', change: -expired, at: when, balanceAfter: balanceAt(when) });
    }
  };

  for (const entry of sorted) {
    expireUntil(entry.at);
    if (entry.kind === 'grant') {
      lots.push({ remaining: entry.amount, expiresAt: entry.expiresAt, at: entry.at });
      lines.push({ kind: 'grant', change: entry.amount, at: entry.at, balanceAfter: balanceAt(entry.at) });
      continue;
    }
    let left = entry.amount;
    const usable = lots
      .filter((lot) => live(lot, entry.at))
      .sort(
        (a, b) =>
          (a.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY) - (b.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY) ||
          a.at.getTime() - b.at.getTime(),
      );
    for (const lot of usable) {
      const taken = Math.min(lot.remaining, left);
      lot.remaining -= taken;
      left -= taken;
    }
    overdrawn += left;
    lines.push({ kind: entry.kind, change: -(entry.amount - left), at: entry.at, balanceAfter: balanceAt(entry.at) });
  }
  expireUntil(now);
  return { balance: balanceAt(now), overdrawn, lines };
}

export function creditBalance(entries: ReadonlyArray<CreditEntry>, now: Date): number {
  return creditStatement(entries, now).balance;
}

/** Stripe's smallest charge per currency (minor units): a Checkout Session in payment mode cannot charge less. */
const MINIMUM_CHARGE: Record<string, number> = { usd: 50, cad: 50, eur: 50, gbp: 30 };

export function minimumChargeOf(currency: string): number {
  return MINIMUM_CHARGE[currency.toLowerCase()] ?? 50;
}

/**
 * How much credit an order takes: all that is available, but no more than the discounted items (a Stripe coupon
 * reduces line items, never shipping) and never so much that the order would cost less than Stripe's smallest
 * charge — an order the credit would fully cover leaves that much to pay by card.
 */
export function creditToApply(input: {
  available: number;
  subtotal: number;
  discountAmount: number;
  shippingAmount: number;
  currency: string;
}): number {
  const items = input.subtotal - input.discountAmount;
  const dueAboveMinimum = items + input.shippingAmount - minimumChargeOf(input.currency);
  return Math.max(0, Math.min(input.available, items, dueAboveMinimum));
}
