import { and, eq, isNull } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { SignedInCustomer } from '@/lib/accounts/current-customer';
import type { Db } from '@/lib/db/client';
import { users } from '@/lib/db/schema';

/**
 * The account's Stripe Customer, created once (on its first checkout) and kept on the account. Two first checkouts at
 * once share one Customer: the create call's idempotency key is the account's, and only the first id is stored.
 */
export async function stripeCustomerFor(
  db: Db,
  stripe: Stripe,
  customer: Pick<SignedInCustomer, 'id' | 'email' | 'name'>,
): Promise<string> {
  const stored = await storedStripeCustomerId(db, customer.id);
  if (stored) return stored;
  const created = await stripe.customers.create(
    {
      email: customer.email,
      ...(customer.name ? { name: customer.name } : {}),
      metadata: { customer_id: customer.id },
    },
    { idempotencyKey: `customer:${customer.id}` },
  );
  await db
    .update(users)
    .set({ stripeCustomerId: created.id })
    .where(and(eq(users.id, customer.id), isNull(users.stripeCustomerId)));
  return (await storedStripeCustomerId(db, customer.id)) ?? created.id;
}

async function storedStripeCustomerId(db: Db, customerId: string): Promise<string | null> {
  const [row] = await db.select({ id: users.stripeCustomerId }).from(users).where(eq(users.id, customerId));
  return row?.id ?? null;
}
