import { hashPassword } from 'better-auth/crypto';
import { getProduct } from '@/lib/catalog';
import type { Db } from '@/lib/db/client';
import { authAccounts, orderLines, orders, storeCreditEntries, users } from '@/lib/db/schema';
import type { ShippingAddress } from '@/lib/pricing/types';
import { newShopperId } from '@/lib/shopper';

/** The password of every demo customer (local development and tests only; README, "Demo customers"). */
export const DEMO_PASSWORD = 'demo-password-1';

type DemoOrder = { daysAgo: number; lines: Array<[productId: string, quantity: number]>; shipping?: number };
type DemoCredit = { amount: number; reason: string; daysAgo: number; expiresInDays?: number };
type DemoCustomer = {
  email: string;
  name: string;
  address: ShippingAddress;
  orders: DemoOrder[];
  credit?: DemoCredit[];
};

const address = (name: string, line1: string, city: string, state: string, postalCode: string): ShippingAddress => ({
  name,
  line1,
  line2: null,
  city,
  state,
  postalCode,
  country: 'US',
});

/**
 * Lifetime spend and last order: gold $650 (10 days ago), silver $250 (20), lapsed $120 (120), vip $90 (30), new none.
 * Store credit: gold $25, silver $10 (expiring in 60 days), new $15.
 */
export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  {
    email: 'gold@example.com',
    name: 'Grace Gold',
    address: address('Grace Gold', '1 Market Street', 'San Francisco', 'CA', '94105'),
    credit: [{ amount: 2_500, reason: 'Thank you for being a Gold member', daysAgo: 5 }],
    orders: [
      {
        daysAgo: 70,
        lines: [
          ['aurora-headphones', 1],
          ['tempo-smartwatch', 1],
        ],
      },
      {
        daysAgo: 40,
        lines: [
          ['linen-throw', 1],
          ['ceramic-pour-over', 1],
        ],
      },
      {
        daysAgo: 10,
        lines: [
          ['lumen-desk-lamp', 2],
          ['leather-journal', 1],
        ],
      },
    ],
  },
  {
    email: 'silver@example.com',
    name: 'Sam Silver',
    address: address('Sam Silver', '200 Park Avenue', 'New York', 'NY', '10166'),
    credit: [{ amount: 1_000, reason: 'Sorry for the late delivery', daysAgo: 15, expiresInDays: 60 }],
    orders: [
      {
        daysAgo: 50,
        lines: [
          ['linen-throw', 1],
          ['pulse-speaker', 1],
        ],
      },
      {
        daysAgo: 20,
        lines: [
          ['terracotta-planter', 1],
          ['puzzle-1000', 2],
        ],
      },
    ],
  },
  {
    email: 'lapsed@example.com',
    name: 'Lee Lapsed',
    address: address('Lee Lapsed', '500 SW Broadway', 'Portland', 'OR', '97205'),
    orders: [
      {
        daysAgo: 120,
        lines: [
          ['ceramic-pour-over', 1],
          ['leather-journal', 2],
        ],
      },
    ],
  },
  {
    email: 'new@example.com',
    name: 'Nia New',
    address: address('Nia New', '1 Main Street', 'Austin', 'TX', '78701'),
    credit: [{ amount: 1_500, reason: 'Welcome gift', daysAgo: 1 }],
    orders: [],
  },
  {
    email: 'vip@example.com',
    name: 'Vic Vip',
    address: address('Vic Vip', '77 Beacon Street', 'Boston', 'MA', '02108'),
    orders: [
      {
        daysAgo: 30,
        lines: [
          ['puzzle-1000', 2],
          ['tea-sampler', 1],
        ],
      },
    ],
  },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates the demo customers (verified, password `demo-password-1`) with their paid order history, dated relative to
 * `now`. Idempotent, and safe when several server processes start at once: an account that exists is left as it is.
 */
export async function seedDemoCustomers(db: Db, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const customer of DEMO_CUSTOMERS) {
    await db.transaction(async (tx) => {
      const id = `demo_${customer.email.split('@')[0]}`;
      const [created] = await tx
        .insert(users)
        .values({ id, name: customer.name, email: customer.email, emailVerified: true, shopperId: newShopperId() })
        .onConflictDoNothing()
        .returning({ id: users.id, shopperId: users.shopperId });
      if (!created) return;
      await tx.insert(authAccounts).values({
        id: `${id}_credential`,
        accountId: id,
        providerId: 'credential',
        userId: id,
        password: passwordHash,
      });
      for (const [index, order] of customer.orders.entries()) {
        await insertDemoOrder(
          tx,
          { ...customer, id, shopperId: created.shopperId ?? newShopperId() },
          order,
          index,
          now,
        );
      }
      for (const credit of customer.credit ?? []) {
        await tx.insert(storeCreditEntries).values({
          customerId: id,
          kind: 'grant',
          amount: credit.amount,
          currency: 'usd',
          reason: credit.reason,
          expiresAt:
            credit.expiresInDays === undefined ? null : new Date(now.getTime() + credit.expiresInDays * DAY_MS),
          createdBy: 'seed',
          createdAt: new Date(now.getTime() - credit.daysAgo * DAY_MS),
        });
      }
    });
  }
}

async function insertDemoOrder(
  tx: Db,
  customer: DemoCustomer & { id: string; shopperId: string },
  order: DemoOrder,
  index: number,
  now: Date,
): Promise<void> {
  const lines = order.lines.map(([productId, quantity], position) => {
    const product = getProduct(productId);
    if (!product) throw new Error(`demo order names an unknown product ${productId}`);
    const amount = product.unitAmount * quantity;
    return { position, name: product.name, quantity, unitAmount: product.unitAmount, amountTotal: amount, productId };
  });
  const subtotal = lines.reduce((sum, line) => sum + line.amountTotal, 0);
  const shipping = order.shipping ?? 0;
  const [row] = await tx
    .insert(orders)
    .values({
      stripeSessionId: `cs_test_demo${customer.id.replace(/[^A-Za-z0-9]/g, '')}${index + 1}`,
      shopperId: customer.shopperId,
      customerId: customer.id,
      status: 'paid',
      currency: 'usd',
      amountSubtotal: subtotal,
      amountDiscount: 0,
      amountShipping: shipping,
      amountTax: 0,
      amountTotal: subtotal + shipping,
      email: customer.email,
      shippingAddress: customer.address,
      shippingMethodId: 'standard',
      shippingMethodName: 'Standard shipping',
      createdAt: new Date(now.getTime() - order.daysAgo * DAY_MS),
    })
    .returning({ id: orders.id });
  if (!row) throw new Error('demo order not inserted');
  await tx.insert(orderLines).values(lines.map((line) => ({ ...line, orderId: row.id })));
}
