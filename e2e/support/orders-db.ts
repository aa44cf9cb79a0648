import { Client } from 'pg';

/**
 * Direct reads of the store's Postgres, for exactly-once checks. Only when DATABASE_URL is set (the e2e server then
 * uses the same database); with the default PGlite folder the database lives inside the server process.
 */
export const databaseUrl = process.env.DATABASE_URL?.trim() || null;

async function query<Row extends Record<string, unknown>>(sql: string, value: string): Promise<Row[]> {
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(sql, [value])).rows;
  } finally {
    await client.end();
  }
}

async function countRows(sql: string, value: string): Promise<number> {
  const [row] = await query<{ n: string }>(sql, value);
  return Number(row?.n ?? 0);
}

export type StoredOrder = {
  amountSubtotal: number;
  amountDiscount: number;
  amountShipping: number;
  amountTotal: number;
};

/** The order rows stored for one Checkout Session (exactly one once it is paid). */
export async function ordersForSession(sessionId: string): Promise<StoredOrder[]> {
  const rows = await query<{ s: number; d: number; sh: number; t: number }>(
    'select amount_subtotal as s, amount_discount as d, amount_shipping as sh, amount_total as t from orders where stripe_session_id = $1',
    sessionId,
  );
  return rows.map((r) => ({ amountSubtotal: r.s, amountDiscount: r.d, amountShipping: r.sh, amountTotal: r.t }));
}

export function countOrdersForSession(sessionId: string): Promise<number> {
  return countRows('select count(*) as n from orders where stripe_session_id = $1', sessionId);
}

export function countStoredEvents(eventId: string): Promise<number> {
  return countRows('select count(*) as n from webhook_events where event_id = $1', eventId);
}
