import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Outside a request, Next's `connection()` throws; here it only marks the page as rendered per request.
vi.mock('next/server', async (original) => ({
  ...(await original<typeof import('next/server')>()),
  connection: async () => {},
}));

/**
 * With real Stripe keys there is no outbox: /dev/outbox and its messages answer 404 (mail goes over SMTP, or to the
 * log in development). The emulator side is covered by e2e/specs/accounts.spec.ts, which reads its links there.
 */
const saved = { ...process.env };
beforeAll(() => {
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: 'sk_test_outbox',
    NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_test_outbox',
    STRIPE_WEBHOOK_SECRET: 'whsec_outbox',
    BETTER_AUTH_SECRET: 'o'.repeat(32),
  });
  delete process.env.STRIPE_EMULATOR_URL;
});
afterAll(() => {
  process.env = saved;
});

async function statusOf(render: () => Promise<unknown>): Promise<string> {
  try {
    await render();
    return 'rendered';
  } catch (error) {
    return String((error as { digest?: unknown }).digest ?? error);
  }
}

describe('/dev/outbox with real Stripe keys', () => {
  it('is not found, nor is any message in it', async () => {
    const { default: OutboxPage } = await import('@/app/dev/outbox/page');
    const { default: OutboxMessagePage } = await import('@/app/dev/outbox/[id]/page');
    expect(await statusOf(() => OutboxPage())).toMatch(/404/);
    expect(await statusOf(() => OutboxMessagePage({ params: Promise.resolve({ id: '1' }) }))).toMatch(/404/);
  });
});
