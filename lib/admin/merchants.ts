/** Merchant accounts: the role that opens the merchant console, how the first one is made, and who a caller is. */
import { randomBytes } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { authAccounts, users } from '@/lib/db/schema';
import { newShopperId } from '@/lib/shopper';

export type Merchant = { id: string; email: string; name: string | null };

/** The account as a merchant: its role must be `merchant` and its email verified; otherwise null. */
export async function merchantById(db: Db, id: string): Promise<Merchant | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, verified: users.emailVerified })
    .from(users)
    .where(eq(users.id, id));
  if (row?.role !== 'merchant' || !row.verified) return null;
  return { id: row.id, email: row.email, name: row.name.trim() || null };
}

export type MerchantCreated =
  | { kind: 'created'; merchant: Merchant; password: string }
  | { kind: 'promoted'; merchant: Merchant }
  | { kind: 'unchanged'; merchant: Merchant };

/** A long random password, shown once to whoever ran `npm run admin:create`. */
function oneTimePassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * Makes the account with `email` a merchant: promotes an existing account (verifying its email: the operator vouches
 * for it; its password is left as it is) or creates a verified one with a generated password, returned once.
 */
export async function createOrPromoteMerchant(
  db: Db,
  input: { email: string; name?: string; password?: string },
): Promise<MerchantCreated> {
  const email = input.email.trim().toLowerCase();
  const [existing] = await db.select().from(users).where(eq(users.email, email));
  if (existing) {
    const merchant = { id: existing.id, email, name: existing.name.trim() || null };
    if (existing.role === 'merchant' && existing.emailVerified) return { kind: 'unchanged', merchant };
    await db
      .update(users)
      .set({ role: 'merchant', emailVerified: true, updatedAt: new Date() })
      .where(eq(users.id, existing.id));
    return { kind: 'promoted', merchant };
  }
  const password = input.password ?? oneTimePassword();
  const id = `merchant_${randomBytes(12).toString('hex')}`;
  const name = input.name ?? '';
  await db.transaction(async (tx) => {
    await tx
      .insert(users)
      .values({ id, name, email, emailVerified: true, role: 'merchant', shopperId: newShopperId() });
    await tx.insert(authAccounts).values({
      id: `${id}_credential`,
      accountId: id,
      providerId: 'credential',
      userId: id,
      password: await hashPassword(password),
    });
  });
  return { kind: 'created', merchant: { id, email, name: name || null }, password };
}

/** The demo merchant (local development and the e2e server only; README, "Merchant console"). */
export const DEMO_MERCHANT_EMAIL = 'merchant@example.com';

/** Creates the demo merchant with the demo customers' password, once (an existing account is left as it is). */
export async function seedDemoMerchant(db: Db, password: string): Promise<void> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_MERCHANT_EMAIL));
  if (existing) return;
  await createOrPromoteMerchant(db, { email: DEMO_MERCHANT_EMAIL, name: 'Morgan Merchant', password }).catch(
    // Another server process seeding at the same moment made it first.
    (error: unknown) => {
      if (!String(error).includes('unique')) throw error;
    },
  );
}
