/** The merchant's view of customers: a searchable list and one customer's tier, segments, orders and store credit. */
import { asc, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { containsPattern } from '@/lib/admin/search';
import type { Catalog } from '@/lib/catalog/schema';
import { purchaseHistoryOf } from '@/lib/customers/purchase-history';
import { segmentsOf } from '@/lib/customers/segments';
import { creditHistoryOf } from '@/lib/customers/store-credit';
import { tierOf } from '@/lib/customers/tiers';
import type { Db } from '@/lib/db/client';
import { orders, users } from '@/lib/db/schema';

export const CUSTOMERS_PAGE_SIZE = 25;

export async function listCustomers(db: Db, search: { q: string | null; page: number }) {
  const where = search.q
    ? or(ilike(users.email, containsPattern(search.q)), ilike(users.name, containsPattern(search.q)))
    : undefined;
  const [[counted], rows] = await Promise.all([
    db.select({ n: count() }).from(users).where(where),
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        createdAt: users.createdAt,
        orderCount: sql<number>`(select count(*) from ${orders} where ${orders.customerId} = ${sql.raw('"users"."id"')})::int`,
      })
      .from(users)
      .where(where)
      .orderBy(asc(users.email))
      .limit(CUSTOMERS_PAGE_SIZE)
      .offset((search.page - 1) * CUSTOMERS_PAGE_SIZE),
  ]);
  const total = counted?.n ?? 0;
  return { rows, total, page: search.page, pages: Math.max(1, Math.ceil(total / CUSTOMERS_PAGE_SIZE)) };
}

export async function customerDetail(db: Db, customerId: string, { now, catalog }: { now: Date; catalog: Catalog }) {
  const [customer] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      emailVerified: users.emailVerified,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, customerId));
  if (!customer) return null;
  const [history, credit, orderRows] = await Promise.all([
    purchaseHistoryOf(db, customerId, catalog),
    creditHistoryOf(db, customerId, now),
    db
      .select({
        id: orders.id,
        createdAt: orders.createdAt,
        status: orders.status,
        amountTotal: orders.amountTotal,
        currency: orders.currency,
      })
      .from(orders)
      .where(eq(orders.customerId, customerId))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(200),
  ]);
  return {
    customer,
    history,
    tier: tierOf(history.lifetimeSpend),
    segments: segmentsOf(history, now),
    credit,
    orders: orderRows,
  };
}
export type CustomerDetail = NonNullable<Awaited<ReturnType<typeof customerDetail>>>;
