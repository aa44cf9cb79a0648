import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { expect } from 'vitest';
import type { Db } from '@/lib/db/client';
import { judgeResponse, snapshotState } from '@/test/fuzz/invariants';
import { TEST_ORIGIN } from '@/test/support/http';

/** One hostile request, as plain data so fast-check can print and shrink it. */
export type HostileCall = {
  kind: string;
  method: string;
  /** Path and query, e.g. `/api/checkout/state?sessionId=x`. */
  url: string;
  /** The whole Cookie header, or null. */
  cookie: string | null;
  contentType: string | null;
  body: string | null;
  /** Other headers, e.g. `stripe-signature`. */
  headers?: Record<string, string>;
  /** Dynamic route params as Next passes them. */
  params?: Record<string, string>;
  /** A 200 is acceptable (a read or a no-op); the state must still be unchanged. */
  allow200?: boolean;
};

export type RouteHandler = (
  request: NextRequest,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export type FuzzCounter = { cases: number; serverErrors: number; byStatus: Map<number, number> };

export function newCounter(): FuzzCounter {
  return { cases: 0, serverErrors: 0, byStatus: new Map() };
}

export function toRequest(call: HostileCall): NextRequest {
  const headers = new Headers(call.headers);
  if (call.contentType !== null) headers.set('content-type', call.contentType);
  if (call.cookie !== null) headers.set('cookie', call.cookie);
  const hasBody = call.body !== null && call.method !== 'GET' && call.method !== 'HEAD';
  return new NextRequest(`${TEST_ORIGIN}${call.url}`, {
    method: call.method,
    headers,
    body: hasBody ? call.body : undefined,
  });
}

/**
 * Sends `numRuns` hostile calls to `handler`, asserting each answer (4xx JSON error, never 5xx), and that the database,
 * the emulator's sessions and its request count are the same after the batch as before it.
 */
export async function fuzzHandler(options: {
  handler: RouteHandler;
  calls: fc.Arbitrary<HostileCall>;
  numRuns: number;
  db: Db;
  emulatorUrl: string;
  sessionIds: ReadonlyArray<string>;
  counter: FuzzCounter;
  seed?: number;
}): Promise<void> {
  const { counter } = options;
  const before = await snapshotState(options.db, options.emulatorUrl, options.sessionIds);
  await fc.assert(
    fc.asyncProperty(options.calls, async (call) => {
      const response = await options.handler(toRequest(call), { params: Promise.resolve(call.params ?? {}) });
      const verdict = await judgeResponse(response, call.allow200 ?? false);
      counter.cases++;
      counter.byStatus.set(verdict.status, (counter.byStatus.get(verdict.status) ?? 0) + 1);
      if (verdict.status >= 500) counter.serverErrors++;
      if (!verdict.ok) throw new Error(`${call.kind} ${call.method} ${call.url}: ${verdict.problem}`);
    }),
    { numRuns: options.numRuns, seed: options.seed ?? seedFromEnv(), endOnFailure: true },
  );
  const after = await snapshotState(options.db, options.emulatorUrl, options.sessionIds);
  expect(after.stripeRequests, 'Stripe API requests made by refused calls').toBe(before.stripeRequests);
  expect(after.sessions, 'the Stripe sessions').toEqual(before.sessions);
  expect(after.tables, 'the database').toEqual(before.tables);
}

function seedFromEnv(): number | undefined {
  const seed = Number(process.env.FUZZ_SEED);
  return Number.isInteger(seed) && process.env.FUZZ_SEED ? seed : undefined;
}

/** How many runs per property: FUZZ_RUNS, else the default. */
export function fuzzRuns(defaultRuns: number): number {
  const runs = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : defaultRuns;
}
