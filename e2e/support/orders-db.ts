import { Client } from 'pg';

/**
 * Direct reads of the store's Postgres, for exactly-once checks. Only when DATABASE_URL is set (the e2e server then
 * uses the same database); with the default PGlite folder the database lives inside the server process.
 */
export const databaseUrl = process.env.DATABASE_URL?.trim() || null;

async function countRows(sql: string, value: string): Promise<number> {
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(sql, [value]);
    return Number(result.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

export function countOrdersForSession(sessionId: string): Promise<number> {
  return countRows('select count(*) as n from orders where stripe_session_id = $1', sessionId);
}

export function countStoredEvents(eventId: string): Promise<number> {
  return countRows('select count(*) as n from webhook_events where event_id = $1', eventId);
}
