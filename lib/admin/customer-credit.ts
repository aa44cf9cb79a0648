/** A merchant's grants and revocations of a customer's store credit, each audited with the balance before and after. */
import { eq } from 'drizzle-orm';
import { audited } from '@/lib/admin/audit';
import type { GrantForm, RevokeForm } from '@/lib/admin/forms';
import type { Merchant } from '@/lib/admin/merchants';
import { creditBalanceOf, grantCredit, revokeCredit } from '@/lib/customers/store-credit';
import type { Db } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import { formatMoney } from '@/lib/money';

type Deps = { db: Db; now: Date; currency: string };
export type CreditOutcome = { ok: true; balance: number } | { ok: false; message: string; field: 'amount' | null };

async function customerExists(db: Db, customerId: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, customerId));
  return row !== undefined;
}

export async function grantCustomerCredit(deps: Deps, merchant: Merchant, form: GrantForm): Promise<CreditOutcome> {
  const { db, now, currency } = deps;
  if (!(await customerExists(db, form.customerId)))
    return { ok: false, message: 'There is no such customer.', field: null };
  const balance = await db.transaction(async (tx) => {
    const before = await creditBalanceOf(tx, form.customerId, now);
    await grantCredit(tx, {
      customerId: form.customerId,
      amount: form.amount,
      currency,
      reason: form.reason,
      expiresAt: form.expires,
      createdBy: merchant.id,
      at: now,
    });
    const after = await creditBalanceOf(tx, form.customerId, now);
    await audited(tx, merchant, {
      action: 'credit.grant',
      subject: `customer:${form.customerId}`,
      before: { balance: before },
      after: {
        balance: after,
        amount: form.amount,
        reason: form.reason,
        expiresAt: form.expires?.toISOString() ?? null,
      },
    });
    return after;
  });
  return { ok: true, balance };
}

/** Never more than the balance: `revokeCredit` checks it under the customer's credit lock. */
export async function revokeCustomerCredit(deps: Deps, merchant: Merchant, form: RevokeForm): Promise<CreditOutcome> {
  const { db, now, currency } = deps;
  if (!(await customerExists(db, form.customerId)))
    return { ok: false, message: 'There is no such customer.', field: null };
  try {
    const balance = await db.transaction(async (tx) => {
      const before = await creditBalanceOf(tx, form.customerId, now);
      const after = await revokeCredit(tx, {
        customerId: form.customerId,
        amount: form.amount,
        currency,
        reason: form.reason,
        createdBy: merchant.id,
        at: now,
      });
      await audited(tx, merchant, {
        action: 'credit.revoke',
        subject: `customer:${form.customerId}`,
        before: { balance: before },
        after: { balance: after, amount: form.amount, reason: form.reason },
      });
      return after;
    });
    return { ok: true, balance };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const balance = await creditBalanceOf(db, form.customerId, now);
    return { ok: false, message: `At most ${formatMoney(balance, currency)} can be revoked.`, field: 'amount' };
  }
}
