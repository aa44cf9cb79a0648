import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { emulatorRequests, emulatorSession } from '@/test/emulator-control';

/**
 * Tables a refused request may still write: a discount-code attempt is counted even when refused (that is the rate
 * limit's whole point). Every other table must stay exactly as it was.
 */
const COUNTED_ON_PURPOSE = new Set(['rate_limit_counters']);

async function appTables(db: Db): Promise<string[]> {
  const result = await db.execute(
    sql.raw(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    ),
  );
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return z
    .array(z.object({ table_name: z.string() }))
    .parse(rows)
    .map((r) => r.table_name)
    .filter((name) => !COUNTED_ON_PURPOSE.has(name) && !name.startsWith('__drizzle'))
    .sort();
}

export type StateSnapshot = {
  tables: Record<string, unknown[]>;
  sessions: Record<string, Record<string, unknown>>;
  stripeRequests: number;
};

async function tableRows(db: Db, table: string): Promise<unknown[]> {
  const result = await db.execute(sql.raw(`SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY 1`));
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return z
    .array(z.object({ row: z.unknown() }))
    .parse(rows)
    .map((r) => r.row)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** The database rows, the emulator's raw sessions and the count of Stripe API requests, for before/after comparison. */
export async function snapshotState(
  db: Db,
  emulatorUrl: string,
  sessionIds: ReadonlyArray<string>,
): Promise<StateSnapshot> {
  const tables: Record<string, unknown[]> = {};
  for (const table of await appTables(db)) tables[table] = await tableRows(db, table);
  const sessions: Record<string, Record<string, unknown>> = {};
  for (const id of sessionIds) sessions[id] = await emulatorSession(emulatorUrl, id);
  return { tables, sessions, stripeRequests: (await emulatorRequests(emulatorUrl)).length };
}

export const errorBodySchema = z
  .object({
    error: z
      .object({ code: z.string().min(1), message: z.string().min(1), retryable: z.boolean().optional() })
      .strict(),
  })
  .strict();

export type Verdict = { status: number; ok: boolean; problem: string | null };

/**
 * Checks one answer to a hostile request: a 4xx with `{error: {code, message}}` and no cache; or, when the route may
 * harmlessly serve it (a read, a no-op), a 200. Anything else — above all a 5xx — is a problem.
 */
export async function judgeResponse(response: Response, allow200: boolean): Promise<Verdict> {
  const status = response.status;
  const text = await response.text();
  if (allow200 && status === 200) return { status, ok: true, problem: null };
  if (status < 400 || status >= 500) return { status, ok: false, problem: `status ${status}: ${text.slice(0, 300)}` };
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) {
    return { status, ok: false, problem: `status ${status} without a JSON content type` };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { status, ok: false, problem: `status ${status} with a non-JSON body: ${text.slice(0, 200)}` };
  }
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return { status, ok: false, problem: `status ${status} with body ${text.slice(0, 200)}` };
  return { status, ok: true, problem: null };
}
