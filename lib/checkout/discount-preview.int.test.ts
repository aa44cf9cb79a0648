/**
 * Server-side discounts are a Stripe private preview. Against the emulator: the create call asks for it with the beta
 * Stripe-Version; an account that refuses it — as a 400 naming the parameter or as a 403 — still gets a working
 * checkout without discounts, and a code answers 409 `discounts_unavailable`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getCatalog } from '@/lib/catalog';
import type { CheckoutDeps } from '@/lib/checkout/deps';
import { findCheckout } from '@/lib/checkout/repository';
import { updateCheckout } from '@/lib/checkout/update';
import { EmulatorControl } from '@/test/emulator-control';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { checkoutDeps, openCheckout, testSettings } from '@/test/support/checkout-flow';

const HEADPHONES = { productId: 'aurora-headphones', quantity: 1 };

let env: AppTestEnvironment;
let emulator: EmulatorControl;
let deps: CheckoutDeps;
beforeAll(async () => {
  env = await setUpAppEnvironment({ privateEmulator: true });
  emulator = new EmulatorControl(env.emulatorUrl);
  deps = { ...checkoutDeps(env, getCatalog()), settings: { ...testSettings, serverSideDiscounts: true } };
});
afterEach(async () => {
  await emulator.setDiscountsPreview('granted');
  vi.restoreAllMocks();
});
afterAll(() => env.tearDown());

describe('the server-side discounts preview', () => {
  it('is asked for on create with the beta Stripe-Version', async () => {
    const before = (await emulator.requests()).length;
    const { sessionId } = await openCheckout(deps, [HEADPHONES]);
    const create = (await emulator.requests())
      .slice(before)
      .find((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
    expect(create?.stripeVersion).toContain('checkout_server_update_beta=v1');
    expect((await findCheckout(env.db, sessionId))?.serverDiscounts).toBe(true);
  });

  for (const shape of ['refused_400', 'refused_403'] as const) {
    it(`refused by the account (${shape.replace('refused_', '')}): checkout works without discounts, codes answer 409`, async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      await emulator.setDiscountsPreview(shape);
      const shopper = await openCheckout(deps, [HEADPHONES], { withAddress: true });
      const row = await findCheckout(env.db, shopper.sessionId);
      expect(row?.serverDiscounts).toBe(false);
      expect(row?.quote.total).toBe((await env.stripe.checkout.sessions.retrieve(shopper.sessionId)).amount_total);
      await expect(
        updateCheckout({ ...deps, ...shopper, intent: { type: 'apply-code', code: 'WELCOME10' } }),
      ).rejects.toMatchObject({ status: 409, code: 'discounts_unavailable' });
      expect(warn.mock.calls.flat().join(' ')).toMatch(/Stripe refused server-side discounts/);
    });
  }
});
