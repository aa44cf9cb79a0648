/**
 * Property-based hostile input against every API route handler (the registry in test/fuzz/routes.ts):
 * each answer is a 4xx `{error: {code, message}}` — never a 5xx — and after each batch the database, the emulator's
 * sessions and its request count are exactly as before.
 */
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SHOPPER_COOKIE } from '@/lib/shopper';
import { ATTACKER_ITEMS, type FuzzFixture, makeShopper } from '@/test/fuzz/fixture';
import { ROUTES } from '@/test/fuzz/routes';
import { fuzzHandler, fuzzRuns, newCounter, type RouteHandler } from '@/test/fuzz/run-hostile';
import { writeTally } from '@/test/fuzz/tally';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';

const RUNS_PER_METHOD = fuzzRuns(120);

let env: AppTestEnvironment;
let fixture: FuzzFixture;
const counter = newCounter();
const signer = new Stripe('sk_test_fuzz_signer');

beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
  fixture = {
    attacker: await makeShopper(ATTACKER_ITEMS),
    victim: await makeShopper([{ productId: 'tempo-smartwatch', quantity: 1 }]),
    webhookSecret: env.webhookSecret,
    shopperCookie: SHOPPER_COOKIE,
    sign: (payload, secret, timestamp) => signer.webhooks.generateTestHeaderString({ payload, secret, timestamp }),
    cronSecret: 'fuzz-cron-secret-3b1f9a7c5d2e',
  };
  process.env.CRON_SECRET = fixture.cronSecret;
});

afterAll(async () => {
  writeTally(inject('fuzzTallyDir'), 'hostile-input', { cases: counter.cases, serverErrors: counter.serverErrors });
  const statuses = [...counter.byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
  console.log(`hostile input: ${counter.cases} cases (${statuses.join(', ')}), ${counter.serverErrors} 5xx`);
  delete process.env.CRON_SECRET;
  await env?.tearDown();
});

describe.each(ROUTES.map((entry) => [entry.file, entry] as const))('%s', (_file, entry) => {
  it('refuses every hostile request with a 4xx JSON error and changes nothing', async () => {
    const module = await entry.load();
    const cases = entry.cases(fixture);
    expect(cases.map((c) => c.method).sort()).toEqual([...entry.methods].sort());
    for (const { method, calls } of cases) {
      const handler = module[method];
      if (typeof handler !== 'function') throw new Error(`${entry.file} exports no ${method}`);
      await fuzzHandler({
        handler: handler as RouteHandler,
        calls,
        numRuns: RUNS_PER_METHOD,
        db: env.db,
        emulatorUrl: env.emulatorUrl,
        sessionIds: [fixture.attacker.sessionId, fixture.victim.sessionId],
        counter,
      });
    }
  });
});
