/**
 * Who the signed-in customer is, for pricing: their verified email, tier and segments, computed here from our own
 * records (the account and its paid orders) on every update — never from anything a request says.
 */

import { eq } from 'drizzle-orm';
import type { Catalog } from '@/lib/catalog/schema';
import { purchaseHistoryOf } from '@/lib/customers/purchase-history';
import { segmentsOf } from '@/lib/customers/segments';
import { tierOf } from '@/lib/customers/tiers';
import type { Db } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import { normalizeEmail } from '@/lib/discounts/code';
import type { CustomerContext } from '@/lib/discounts/types';

export async function loadCustomerContext(
  db: Db,
  customerId: string,
  { now, catalog }: { now: Date; catalog: Catalog },
): Promise<CustomerContext | null> {
  const [[customer], history] = await Promise.all([
    db.select({ email: users.email, emailVerified: users.emailVerified }).from(users).where(eq(users.id, customerId)),
    purchaseHistoryOf(db, customerId, catalog),
  ]);
  if (!customer) return null;
  return {
    id: customerId,
    verifiedEmail: customer.emailVerified ? normalizeEmail(customer.email) : null,
    tier: tierOf(history.lifetimeSpend)?.id ?? null,
    segments: segmentsOf(history, now),
  };
}
