import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS, seedDemoCustomers } from '@/lib/accounts/demo-customers';
import { addressKey, PAID_ORDER_STATUSES, removeSavedAddress, savedAddresses } from '@/lib/accounts/saved-addresses';
import { orders, users } from '@/lib/db/schema';
import { customerOrderSummaries, findCustomerOrder } from '@/lib/orders/order-view';
import type { ShippingAddress } from '@/lib/pricing/types';
import { usAddress } from '@/test/fixtures/addresses';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';

let env: AppTestEnvironment;
beforeAll(async () => {
  env = await setUpAppEnvironment();
});
afterAll(() => env.tearDown());

const DAY_MS = 24 * 60 * 60 * 1000;
const now = new Date('2026-11-20T12:00:00Z');

async function idOf(email: string): Promise<string> {
  const [user] = await env.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no ${email}`);
  return user.id;
}

describe('demo customers', () => {
  it('are seeded once, verified, with their lifetime spend and last order', async () => {
    await seedDemoCustomers(env.db, now);
    await seedDemoCustomers(env.db, now);
    const emails = DEMO_CUSTOMERS.map((customer) => customer.email);
    const seeded = await env.db.select().from(users).where(inArray(users.email, emails));
    expect(seeded).toHaveLength(5);
    expect(seeded.every((user) => user.emailVerified)).toBe(true);

    const expected = {
      'gold@example.com': { spend: 65_000, lastDaysAgo: 10 },
      'silver@example.com': { spend: 25_000, lastDaysAgo: 20 },
      'lapsed@example.com': { spend: 12_000, lastDaysAgo: 120 },
      'vip@example.com': { spend: 9_000, lastDaysAgo: 30 },
      'new@example.com': { spend: 0, lastDaysAgo: null },
    };
    for (const [email, { spend, lastDaysAgo }] of Object.entries(expected)) {
      const history = await customerOrderSummaries(env.db, await idOf(email), PAID_ORDER_STATUSES);
      expect(
        history.reduce((sum, order) => sum + order.amountTotal, 0),
        email,
      ).toBe(spend);
      const last = history[0];
      expect(last ? Math.round((now.getTime() - last.createdAt.getTime()) / DAY_MS) : null, email).toBe(lastDaysAgo);
      expect(
        history.map((order) => order.createdAt.getTime()),
        email,
      ).toEqual(history.map((order) => order.createdAt.getTime()).sort((a, b) => b - a));
    }
    // Each order counts its own units (newest first: 2 lamps + a journal; a throw + a pour-over; headphones + a watch).
    const gold = await customerOrderSummaries(env.db, await idOf('gold@example.com'), PAID_ORDER_STATUSES);
    expect(gold.map((order) => order.itemCount)).toEqual([3, 2, 2]);
  });
});

describe('order history and saved addresses', () => {
  const ship = (line1: string): ShippingAddress => ({ ...usAddress, line1 });
  let n = 0;
  async function order(customerId: string, address: ShippingAddress, daysAgo: number, status = 'paid') {
    n += 1;
    const [row] = await env.db
      .insert(orders)
      .values({
        stripeSessionId: `cs_test_history${n}`,
        shopperId: crypto.randomUUID(),
        customerId,
        status,
        currency: 'usd',
        amountSubtotal: 1000,
        amountDiscount: 0,
        amountShipping: 0,
        amountTax: 0,
        amountTotal: 1000,
        shippingAddress: address,
        createdAt: new Date(Date.now() - daysAgo * DAY_MS),
      })
      .returning({ id: orders.id });
    return row?.id ?? 0;
  }

  it("lists a customer's addresses newest first, once each; a deletion is theirs alone and lasts until they ship there again", async () => {
    const me = await idOf('new@example.com');
    const them = await idOf('vip@example.com');
    await order(me, ship('1 Old Road'), 30);
    await order(me, { ...ship('2 New Road'), name: ` ${usAddress.name.toUpperCase()}  ` }, 5);
    await order(me, ship('2 new road'), 3);
    await order(me, ship('3 Unpaid Lane'), 1, 'failed');
    await order(them, ship('2 New Road'), 2);

    const mine = await savedAddresses(env.db, me);
    expect(mine.map((saved) => saved.address.line1)).toEqual(['2 new road', '1 Old Road']);

    await removeSavedAddress(env.db, them, addressKey(ship('2 New Road')));
    expect(await savedAddresses(env.db, me)).toHaveLength(2);
    await removeSavedAddress(env.db, me, mine[0]?.key ?? '');
    expect((await savedAddresses(env.db, me)).map((saved) => saved.address.line1)).toEqual(['1 Old Road']);

    // Shipped there again after deleting it.
    await order(me, ship('2 New Road'), -1 / DAY_MS);
    expect((await savedAddresses(env.db, me)).map((saved) => saved.address.line1)).toEqual([
      '2 New Road',
      '1 Old Road',
    ]);
  });

  it("opens a customer's own receipt only", async () => {
    const me = await idOf('silver@example.com');
    const [mine] = await customerOrderSummaries(env.db, me, PAID_ORDER_STATUSES);
    expect(mine).toBeDefined();
    expect((await findCustomerOrder(env.db, me, mine?.id ?? 0))?.amountTotal).toBe(mine?.amountTotal);
    expect(await findCustomerOrder(env.db, await idOf('gold@example.com'), mine?.id ?? 0)).toBeNull();
  });
});
