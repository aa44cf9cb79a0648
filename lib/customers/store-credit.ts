/**
 * A customer's store credit in the database: the append-only ledger (`store_credit_entries`), read into the pure
 * ledger maths (credit-ledger.ts), and the holds open checkouts keep on it (`holds`, kind `credit`). Whatever changes
 * a customer's credit — a checkout reserving it, fulfilment debiting it, a grant, a revocation — takes the customer's credit lock
 * first (`lockScarce`), so two checkouts can never spend the same credit twice.
 */
import { and, asc, eq } from 'drizzle-orm';
import { type CreditEntry, type CreditStatement, creditStatement } from '@/lib/customers/credit-ledger';
import type { Db } from '@/lib/db/client';
import { storeCreditEntries } from '@/lib/db/schema';
import { heldByOthers, lockScarce } from '@/lib/holds';

export function creditLock(customerId: string) {
  return { kind: 'credit' as const, key: customerId };
}

async function entriesOf(db: Db, customerId: string) {
  return db
    .select()
    .from(storeCreditEntries)
    .where(eq(storeCreditEntries.customerId, customerId))
    .orderBy(asc(storeCreditEntries.createdAt), asc(storeCreditEntries.id));
}

function toLedger(rows: Awaited<ReturnType<typeof entriesOf>>): CreditEntry[] {
  return rows.map((row) =>
    row.kind === 'grant'
      ? { kind: 'grant', amount: row.amount, at: row.createdAt, expiresAt: row.expiresAt }
      : { kind: row.kind, amount: row.amount, at: row.createdAt },
  );
}

export async function creditBalanceOf(db: Db, customerId: string, now: Date): Promise<number> {
  return creditStatement(toLedger(await entriesOf(db, customerId)), now).balance;
}

/** What one checkout may use: the balance less what the customer's other open checkouts hold. */
export async function creditAvailableTo(
  db: Db,
  customerId: string,
  now: Date,
  sessionId: string | null,
): Promise<number> {
  const [balance, held] = await Promise.all([
    creditBalanceOf(db, customerId, now),
    heldByOthers(db, 'credit', [customerId], now, { sessionId }),
  ]);
  return Math.max(0, balance - (held.get(customerId) ?? 0));
}

export type CreditHistoryLine = CreditStatement['lines'][number] & { reason: string | null };

/** The customer's statement for their account page: each change with its reason, newest first, and the balance. */
export async function creditHistoryOf(
  db: Db,
  customerId: string,
  now: Date,
): Promise<{ balance: number; lines: CreditHistoryLine[] }> {
  const rows = await entriesOf(db, customerId);
  const statement = creditStatement(toLedger(rows), now);
  // Statement lines keep the entries' order, with expiries between them; pair each entry line with its row.
  const reasons = rows.map((row) => row.reason);
  let next = 0;
  const lines = statement.lines.map((line) => ({
    ...line,
    reason: line.kind === 'expired' ? null : (reasons[next++] ?? null),
  }));
  return { balance: statement.balance, lines: lines.reverse() };
}

export type CreditGrant = {
  customerId: string;
  amount: number;
  currency: string;
  reason: string;
  expiresAt: Date | null;
  createdBy: string;
  /** When it is granted (the store's clock). */
  at: Date;
};

export async function grantCredit(db: Db, grant: CreditGrant): Promise<void> {
  if (!Number.isInteger(grant.amount) || grant.amount <= 0) throw new RangeError('a grant is a positive amount');
  await db.transaction(async (tx) => {
    await lockScarce(tx, [creditLock(grant.customerId)]);
    const { at, ...entry } = grant;
    await tx.insert(storeCreditEntries).values({ ...entry, kind: 'grant', createdAt: at });
  });
}

export type CreditRevocation = Omit<CreditGrant, 'expiresAt'>;

/**
 * Takes credit back (a merchant's correction), under the same lock as every other change of the customer's credit:
 * never more than the balance at `at` — more is refused (`RangeError`) and nothing is written. Returns the balance left.
 */
export async function revokeCredit(db: Db, revocation: CreditRevocation): Promise<number> {
  const { at, ...entry } = revocation;
  if (!Number.isInteger(entry.amount) || entry.amount <= 0) throw new RangeError('a revocation is a positive amount');
  return db.transaction(async (tx) => {
    await lockScarce(tx, [creditLock(entry.customerId)]);
    const balance = await creditBalanceOf(tx, entry.customerId, at);
    if (entry.amount > balance) throw new RangeError(`only ${balance} of credit is left to revoke`);
    await tx.insert(storeCreditEntries).values({ ...entry, kind: 'revoke', expiresAt: null, createdAt: at });
    return balance - entry.amount;
  });
}

/**
 * Inside fulfilment's transaction, under the customer's credit lock: debits what Stripe's final session took as store
 * credit for this order, at most once per order (a second call finds the debit and does nothing). Returns the part
 * the balance could not cover (0 normally: the checkout's hold kept it), for the merchant.
 */
export async function debitCreditForOrder(
  tx: Db,
  debit: { customerId: string; orderId: number; amount: number; currency: string; now: Date },
): Promise<{ debited: number; uncovered: number }> {
  const [existing] = await tx
    .select({ amount: storeCreditEntries.amount })
    .from(storeCreditEntries)
    .where(and(eq(storeCreditEntries.orderId, debit.orderId), eq(storeCreditEntries.kind, 'debit')));
  if (existing) return { debited: 0, uncovered: 0 };
  const balance = await creditBalanceOf(tx, debit.customerId, debit.now);
  const debited = Math.min(balance, debit.amount);
  if (debited > 0) {
    await tx
      .insert(storeCreditEntries)
      .values({
        customerId: debit.customerId,
        kind: 'debit',
        amount: debited,
        currency: debit.currency,
        reason: `Order #${debit.orderId}`,
        expiresAt: null,
        orderId: debit.orderId,
        createdBy: 'checkout',
        createdAt: debit.now,
      })
      .onConflictDoNothing();
  }
  return { debited, uncovered: debit.amount - debited };
}
