import { test as base, expect } from '@playwright/test';
import { startEmulator } from '../src/index';
import { buildHarnessBundle } from './build-harness';
import { type HarnessServer, startHarnessServer } from './harness-server';

export const WEBHOOK_SECRET = 'whsec_harness_secret';

export type HarnessEnv = { harness: HarnessServer; emulatorUrl: string };

/**
 * `env` (one per worker): the emulator on a free port, delivering signed webhooks to a harness server that serves
 * the React page. `stripeComRequests` (every test, automatic): any request the page tried to send to a stripe.com
 * host — they are aborted, and a test expects none.
 */
export const test = base.extend<{ stripeComRequests: string[] }, { env: HarnessEnv }>({
  env: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures must destructure their dependencies.
    async ({}, use) => {
      const harness = await startHarnessServer({
        appBundle: await buildHarnessBundle(),
        webhookSecret: WEBHOOK_SECRET,
      });
      const emulator = await startEmulator({
        port: 0,
        webhookUrl: `${harness.url}/webhook`,
        webhookSecret: WEBHOOK_SECRET,
      });
      harness.useEmulator(emulator.url);
      try {
        await use({ harness, emulatorUrl: emulator.url });
      } finally {
        await emulator.close();
        await harness.close();
      }
    },
    { scope: 'worker' },
  ],
  stripeComRequests: [
    async ({ context }, use) => {
      const seen: string[] = [];
      await context.route(
        (url) => url.hostname === 'stripe.com' || url.hostname.endsWith('.stripe.com'),
        (route) => {
          seen.push(route.request().url());
          return route.abort();
        },
      );
      await use(seen);
    },
    { auto: true },
  ],
});

export { expect };
