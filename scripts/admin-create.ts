/**
 * Makes a merchant account: `npm run admin:create -- --email you@shop.example [--name "Your Name"]`. An existing
 * account is promoted (its password stays as it is); otherwise a verified account is created with a generated
 * password, printed once — sign in at /account/sign-in, then change it with "Forgot your password?". Works on
 * DATABASE_URL (or the local PGlite data directory: stop `npm run dev` first, an embedded database has one user at a time).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createOrPromoteMerchant } from '@/lib/admin/merchants';
import { createDb } from '@/lib/db/client';

const argsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('--email: an email address')),
  name: z.string().trim().max(100).optional(),
});

async function main(): Promise<number> {
  let args: z.output<typeof argsSchema>;
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: { email: { type: 'string' }, name: { type: 'string' } },
      strict: true,
    });
    args = argsSchema.parse(values);
  } catch (error) {
    const problem = error instanceof z.ZodError ? error.issues.map((issue) => issue.message).join('; ') : String(error);
    console.error(`admin:create: ${problem}`);
    console.error('usage: npm run admin:create -- --email <email> [--name <name>]');
    return 2;
  }
  const url = process.env.DATABASE_URL?.trim();
  const handle = await createDb(url ? url : { pglite: process.env.PGLITE_DATA_DIR?.trim() || '.data/pglite' });
  try {
    await handle.migrate();
    const result = await createOrPromoteMerchant(handle.db, args);
    if (result.kind === 'created') {
      console.log(`Created the merchant account ${result.merchant.email}.`);
      console.log(`One-time password (shown only now): ${result.password}`);
      console.log('Sign in at /account/sign-in, open /admin, and change the password with "Forgot your password?".');
    } else if (result.kind === 'promoted') {
      console.log(`${result.merchant.email} is now a merchant: sign in with its own password and open /admin.`);
    } else {
      console.log(`${result.merchant.email} is a merchant already; nothing changed.`);
    }
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('admin:create failed:', error);
    process.exit(1);
  },
);
