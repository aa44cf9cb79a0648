/**
 * `npm run dev`: the store on http://localhost:3000.
 * With STRIPE_SECRET_KEY set it runs plain `next dev` against real Stripe. Without keys it first starts the local Stripe
 * emulator, points the app at it (STRIPE_EMULATOR_URL) and registers the app's webhook endpoint with it. The embedded
 * PGlite database is used unless DATABASE_URL is set; migrations run automatically on first use in development.
 */
import { loadEnvConfig } from '@next/env';
import { startEmulator } from '@storefront/stripe-emulator';
import { startForwarding } from './lib/child';

loadEnvConfig(process.cwd(), true);

const port = Number(process.env.PORT ?? 3000);
const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };

async function main(): Promise<void> {
  if (!process.env.STRIPE_SECRET_KEY && !process.env.STRIPE_EMULATOR_URL) {
    const emulator = await startEmulator({
      port: Number(process.env.STRIPE_EMULATOR_PORT ?? 12111),
      webhookUrl: `http://127.0.0.1:${port}/api/webhooks/stripe`,
      webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_local_emulator_secret',
    });
    env.STRIPE_EMULATOR_URL = emulator.url;
    // One clock for the app and the emulator: advancing the emulator's clock moves the app's too (time-limited offers).
    env.APP_CLOCK_URL ??= `${emulator.url}/_emulator/clock`;
    // Demo customers (README, "Demo customers"): gold@example.com and others, password demo-password-1.
    env.SEED_DEMO_CUSTOMERS ??= '1';
    console.log(`\n  No Stripe keys set: using the local Stripe emulator at ${emulator.url} (no real payments).`);
    console.log('  Test cards: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined.');
    console.log(
      '  Demo customers: gold@ silver@ lapsed@ new@ vip@example.com, password demo-password-1; mail: /dev/outbox\n',
    );
  }
  const next = startForwarding(
    process.execPath,
    [require.resolve('next/dist/bin/next'), 'dev', '-p', String(port)],
    env,
  );
  next.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
