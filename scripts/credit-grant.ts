/**
 * Grants store credit to a customer account: `npm run credit:grant -- --email … --amount 25.00 --reason "…"
 * [--expires 2027-06-30]`. Works on DATABASE_URL (or the local PGlite data directory: stop `npm run dev` first, an
 * embedded database has one user at a time). Prints the new balance.
 */
import { eq } from 'drizzle-orm';
import { getCatalog } from '@/lib/catalog';
import { parseGrantArgs } from '@/lib/customers/grant-command';
import { creditBalanceOf, grantCredit } from '@/lib/customers/store-credit';
import { createDb } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import { formatMoney } from '@/lib/money';

async function main(): Promise<number> {
  const parsed = parseGrantArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`credit:grant: ${parsed.problems.join('; ')}`);
    console.error(
      'usage: npm run credit:grant -- --email <email> --amount <25.00> --reason <why> [--expires <YYYY-MM-DD>]',
    );
    return 2;
  }
  const { email, amount, reason, expires } = parsed.args;
  const url = process.env.DATABASE_URL?.trim();
  const handle = await createDb(url ? url : { pglite: process.env.PGLITE_DATA_DIR?.trim() || '.data/pglite' });
  const { db } = handle;
  try {
    await handle.migrate();
    const [customer] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!customer) {
      console.error(`credit:grant: no customer account with the email ${email}`);
      return 1;
    }
    const now = new Date();
    const currency = getCatalog().currency;
    await grantCredit(db, {
      customerId: customer.id,
      amount,
      currency,
      reason,
      expiresAt: expires ?? null,
      createdBy: 'cli',
      at: now,
    });
    const balance = await creditBalanceOf(db, customer.id, now);
    console.log(
      `Granted ${formatMoney(amount, currency)} to ${email} (${reason}). Balance: ${formatMoney(balance, currency)}.`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('credit:grant failed:', error);
    process.exit(1);
  },
);
