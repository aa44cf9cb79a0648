import { createServer, type Server, type Socket } from 'node:net';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPoolExhausted } from '@/lib/db/client';
import { toErrorResponse } from '@/lib/http/responses';

/** A "database" that accepts connections and never answers: every connection attempt times out. */
let silent: Server;
let port = 0;
const sockets: Socket[] = [];
beforeAll(async () => {
  silent = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

async function failureOf(query: Promise<unknown>): Promise<unknown> {
  try {
    await query;
  } catch (error) {
    return error;
  }
  throw new Error('the query succeeded');
}

describe('no database connection in time', () => {
  it('is recognised both when the pool is full and when a new connection is not ready, through Drizzle', async () => {
    const pool = new Pool({ host: '127.0.0.1', port, max: 1, connectionTimeoutMillis: 100 });
    pool.on('error', () => undefined);
    const db = drizzle({ client: pool });
    const [first, queued] = await Promise.all([failureOf(db.execute('select 1')), failureOf(db.execute('select 2'))]);
    expect(isPoolExhausted(first)).toBe(true);
    expect(isPoolExhausted(queued)).toBe(true);
    await pool.end().catch(() => undefined);
  });

  it('answers a retryable 503 `busy`, not a 500', async () => {
    const response = toErrorResponse(new Error('timeout exceeded when trying to connect'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toEqual({
      error: { code: 'busy', message: expect.stringMatching(/busy/), retryable: true },
    });
  });

  it('leaves other errors alone', () => {
    expect(isPoolExhausted(new Error('relation "x" does not exist'))).toBe(false);
    expect(isPoolExhausted('timeout exceeded when trying to connect')).toBe(false);
  });
});
