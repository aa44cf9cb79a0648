/**
 * `npm run test:load` — LOAD_SHOPPERS (default 50) concurrent shoppers each do a FULL checkout against a production
 * build, the Stripe emulator and real PostgreSQL (DATABASE_URL, else a throwaway server): cart → session → address →
 * add-on → quantity → shipping option → pay with 4242 through the emulator's browser confirm API → webhook → order.
 * Prints p50/p95/p99 per step and the errors. Exit 1 when any order is lost or doubled (exactly one order per paid
 * session, checked in the database once webhooks settle), any update is lost (each session's final Stripe state must
 * equal the server's record and the last total the shopper was shown), any request fails (a 5xx above all), or a
 * wrong method gets anything but Next's 405.
 *
 * E2E_SKIP_BUILD=1 reuses the build in NEXT_DIST_DIR (default `.next`); E2E_PORT / E2E_EMULATOR_PORT pick the ports
 * (free ones by default).
 */
import { Pool } from 'pg';
import Stripe from 'stripe';
import { z } from 'zod';
import { methodIdOfShippingRate, rulesOfCouponMetadata } from '../lib/stripe/session-params';
import { EmulatorControl } from '../test/emulator-control';
import { HTTP_METHODS, ROUTES } from '../test/fuzz/routes';
import { expectOk, percentile, postJson, shopperCookieOf } from './lib/http-client';
import { type RunningStore, startStore } from './lib/store-server';
import { startThrowawayPostgres, type ThrowawayPostgres } from './lib/throwaway-postgres';

const SHOPPERS = Number(process.env.LOAD_SHOPPERS ?? 50);
const SETTLE_TIMEOUT_MS = 90_000;
const ADDRESS = { name: 'Load Shopper', line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701' };
const STEPS = [
  'add to cart',
  'start session',
  'shipping address',
  'add-on',
  'quantity',
  'shipping option',
  'pay (confirm)',
  'webhook → order',
] as const;
type Step = (typeof STEPS)[number];

const stateViewSchema = z.object({ sessionId: z.string(), total: z.number(), version: z.number() });
const startedSchema = z.object({ sessionId: z.string(), clientSecret: z.string() });
const quoteSchema = z.object({
  total: z.number(),
  lines: z.array(z.object({ name: z.string(), quantity: z.number(), unitAmount: z.number() })),
});

type Journey = { index: number; sessionId: string | null; lastTotal: number | null; paid: boolean };

const latencies = new Map<Step, number[]>(STEPS.map((s) => [s, []]));
const errors: string[] = [];
let serverErrors = 0;

async function timed<T>(step: Step, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    latencies.get(step)?.push(performance.now() - started);
  }
}

/** Sends and checks one API call; a 5xx is counted separately from other failures. */
async function call(step: Step, send: () => Promise<Response>): Promise<Response> {
  return timed(step, async () => {
    const response = await send();
    if (response.status >= 500) serverErrors++;
    return expectOk(response, step);
  });
}

async function waitForOrder(pool: Pool, sessionId: string): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { rowCount } = await pool.query('SELECT 1 FROM orders WHERE stripe_session_id = $1', [sessionId]);
    if (rowCount) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`no order for ${sessionId} within ${SETTLE_TIMEOUT_MS} ms`);
}

/**
 * Products the journeys buy, spread so that every shopper's units stay within stock even while all their checkouts hold
 * them at once (an open checkout holds its units): at 50 shoppers each product below is taken at most 30 times.
 */
const FIRST_ITEMS = ['aurora-headphones', 'pulse-speaker', 'lumen-desk-lamp', 'leather-journal', 'soy-candle'];
const SECOND_ITEMS = ['ceramic-pour-over', 'terracotta-planter', 'tea-sampler', 'puzzle-1000', 'leather-journal'];

async function shopperJourney(store: RunningStore, pool: Pool, journey: Journey): Promise<void> {
  const api = (path: string) => `${store.storeUrl}/api/${path}`;
  const firstItem = FIRST_ITEMS[journey.index % FIRST_ITEMS.length] ?? 'aurora-headphones';
  const secondItem = SECOND_ITEMS[journey.index % SECOND_ITEMS.length] ?? 'ceramic-pour-over';
  const first = await call('add to cart', () => postJson(api('cart/items'), { productId: firstItem, quantity: 1 }));
  const cookie = shopperCookieOf(first);
  if (!cookie) throw new Error('the cart API set no shopper cookie');
  await call('add to cart', () => postJson(api('cart/items'), { productId: secondItem, quantity: 1 }, cookie));
  const started = startedSchema.parse(
    await (await call('start session', () => postJson(api('checkout/sessions'), {}, cookie))).json(),
  );
  journey.sessionId = started.sessionId;
  const sessionId = started.sessionId;
  const update = async (step: Step, path: string, body: Record<string, unknown>) => {
    const view = stateViewSchema.parse(
      await (await call(step, () => postJson(api(`checkout/${path}`), { sessionId, ...body }, cookie))).json(),
    );
    journey.lastTotal = view.total;
  };
  await update('shipping address', 'shipping-address', { address: { ...ADDRESS, country: 'US' } });
  await update('add-on', 'add-ons', { addOnId: 'gift-wrap', selected: true });
  await update('quantity', 'quantity', { productId: secondItem, quantity: 2 });
  await update('shipping option', 'shipping-option', { methodId: journey.index % 2 === 0 ? 'express' : 'standard' });
  await call('pay (confirm)', () =>
    new EmulatorControl(store.emulatorUrl).confirmPayment(started, { email: `load-${journey.index}@example.com` }),
  );
  journey.paid = true;
  await timed('webhook → order', () => waitForOrder(pool, sessionId));
}

/** Every method a route does not export must get Next's own 405 — never a 5xx. */
async function probeWrongMethods(storeUrl: string): Promise<string[]> {
  const problems: string[] = [];
  for (const route of ROUTES) {
    const wrong = HTTP_METHODS.filter(
      (m) => m !== 'HEAD' && m !== 'OPTIONS' && !(route.methods as readonly string[]).includes(m),
    );
    for (const method of wrong) {
      const response = await fetch(`${storeUrl}${route.samplePath}`, { method });
      await response.arrayBuffer();
      if (response.status >= 500) serverErrors++;
      if (response.status !== 405) problems.push(`${method} ${route.samplePath} → ${response.status}, expected 405`);
    }
  }
  return problems;
}

/** The order's amounts, shipping method and discount redemptions against Stripe's final session. */
function orderAgainstStripe(
  id: string,
  order: { shipping: number; discount: number; method: string | null; rules: string | null },
  session: Stripe.Checkout.Session,
): string[] {
  const problems: string[] = [];
  const shipping = session.total_details?.amount_shipping ?? 0;
  const discount = session.total_details?.amount_discount ?? 0;
  if (order.shipping !== shipping) problems.push(`${id}: order shipping ${order.shipping} ≠ Stripe's ${shipping}`);
  if (order.discount !== discount) problems.push(`${id}: order discount ${order.discount} ≠ Stripe's ${discount}`);
  const method = methodIdOfShippingRate(session.shipping_cost?.shipping_rate);
  if (order.method !== method) problems.push(`${id}: order shipping method ${order.method} ≠ Stripe's ${method}`);
  const stripeRules = (session.discounts ?? [])
    .flatMap((d) => (d.coupon && typeof d.coupon !== 'string' ? [rulesOfCouponMetadata(d.coupon.metadata)] : []))
    .flatMap((rules) => rules?.applied ?? [])
    .filter((rule) => rule.amount > 0)
    .sort((a, b) => a.ruleId.localeCompare(b.ruleId))
    .map((rule) => `${rule.ruleId} ${rule.amount}`)
    .join(', ');
  const recorded = discount > 0 ? stripeRules : '';
  if ((order.rules ?? '') !== recorded)
    problems.push(`${id}: order redemptions [${order.rules ?? ''}] ≠ Stripe's discounts [${recorded}]`);
  return problems;
}

/** Each session's final Stripe state against the server's record, the shopper's last total, and its order(s). */
async function verify(stripe: Stripe, pool: Pool, journeys: ReadonlyArray<Journey>): Promise<string[]> {
  const problems: string[] = [];
  const sessions = journeys.flatMap((j) => (j.sessionId ? [j.sessionId] : []));
  const counts = await pool.query<{
    stripe_session_id: string;
    n: string;
    total: number;
    shipping: number;
    discount: number;
    method: string | null;
    rules: string | null;
  }>(
    `SELECT o.stripe_session_id, count(*) OVER (PARTITION BY o.stripe_session_id) AS n, o.amount_total AS total,
            o.amount_shipping AS shipping, o.amount_discount AS discount, o.shipping_method_id AS method,
            (SELECT string_agg(r.rule_id || ' ' || r.amount, ', ' ORDER BY r.rule_id)
               FROM discount_redemptions r WHERE r.order_id = o.id) AS rules
       FROM orders o WHERE o.stripe_session_id = ANY($1)`,
    [sessions],
  );
  const orders = new Map(counts.rows.map((r) => [r.stripe_session_id, r]));
  for (const journey of journeys) {
    if (!journey.sessionId) continue;
    const id = journey.sessionId;
    const [session, items, record] = await Promise.all([
      stripe.checkout.sessions.retrieve(id, { expand: ['shipping_cost.shipping_rate', 'discounts.coupon'] }),
      stripe.checkout.sessions.listLineItems(id, { limit: 100 }),
      pool.query<{ quote: unknown }>('SELECT quote FROM checkouts WHERE stripe_session_id = $1', [id]),
    ]);
    const quote = quoteSchema.safeParse(record.rows[0]?.quote);
    if (!quote.success) {
      problems.push(`${id}: no usable server record`);
      continue;
    }
    const stripeLines = items.data.map((i) => `${i.description}×${i.quantity}@${i.price?.unit_amount}`).sort();
    const recordLines = quote.data.lines.map((l) => `${l.name}×${l.quantity}@${l.unitAmount}`).sort();
    if (session.amount_total !== quote.data.total)
      problems.push(`${id}: Stripe total ${session.amount_total} ≠ server record ${quote.data.total}`);
    if (JSON.stringify(stripeLines) !== JSON.stringify(recordLines))
      problems.push(`${id}: Stripe lines ${stripeLines.join(', ')} ≠ record ${recordLines.join(', ')}`);
    if (journey.lastTotal !== null && journey.lastTotal !== session.amount_total)
      problems.push(`${id}: shopper was last shown ${journey.lastTotal}, Stripe has ${session.amount_total}`);
    const order = orders.get(id);
    const paid = session.payment_status === 'paid';
    if (paid && !order) problems.push(`${id}: paid but no order (lost)`);
    if (order && Number(order.n) !== 1) problems.push(`${id}: ${order.n} orders (doubled)`);
    if (order && !paid) problems.push(`${id}: an order for a session Stripe has not been paid for`);
    if (order && order.total !== session.amount_total)
      problems.push(`${id}: order total ${order.total} ≠ Stripe's ${session.amount_total}`);
    if (order) problems.push(...orderAgainstStripe(id, order, session));
    if (journey.paid && !paid) problems.push(`${id}: the confirm succeeded but Stripe says ${session.payment_status}`);
  }
  return problems;
}

function printReport(wallMs: number, completed: number): void {
  const header = ['step', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'];
  const rows = STEPS.map((step) => {
    const sorted = [...(latencies.get(step) ?? [])].sort((a, b) => a - b);
    return [step, String(sorted.length), ...[50, 95, 99, 100].map((p) => percentile(sorted, p).toFixed(1))];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: ReadonlyArray<string>) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(
    `${completed}/${SHOPPERS} journeys completed in ${(wallMs / 1000).toFixed(1)} s; ${errors.length} errors`,
  );
  for (const error of errors.slice(0, 10)) console.log(`  error: ${error}`);
}

async function main(): Promise<number> {
  const throwaway: ThrowawayPostgres | null = process.env.DATABASE_URL ? null : await startThrowawayPostgres();
  const databaseUrl = process.env.DATABASE_URL || throwaway?.url;
  if (!databaseUrl) {
    console.error("load test: needs PostgreSQL — set DATABASE_URL or install Debian's postgresql");
    return 1;
  }
  let store: RunningStore | null = null;
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  try {
    store = await startStore(databaseUrl, {
      port: process.env.E2E_PORT ? Number(process.env.E2E_PORT) : undefined,
      emulatorPort: process.env.E2E_EMULATOR_PORT ? Number(process.env.E2E_EMULATOR_PORT) : undefined,
      skipBuild: process.env.E2E_SKIP_BUILD === '1',
    });
    const running = store;
    const stripe = new Stripe('sk_test_emulator', {
      host: '127.0.0.1',
      port: running.emulatorPort,
      protocol: 'http',
      maxNetworkRetries: 2,
      telemetry: false,
    });
    const methodProblems = await probeWrongMethods(running.storeUrl);
    console.log(`load test: ${SHOPPERS} concurrent shoppers, full checkouts (${running.storeUrl})`);
    const journeys: Journey[] = Array.from({ length: SHOPPERS }, (_, index) => ({
      index,
      sessionId: null,
      lastTotal: null,
      paid: false,
    }));
    const started = performance.now();
    const outcomes = await Promise.allSettled(journeys.map((j) => shopperJourney(running, pool, j)));
    const wallMs = performance.now() - started;
    outcomes.forEach((o, i) => {
      if (o.status === 'rejected')
        errors.push(`shopper ${i}: ${o.reason instanceof Error ? o.reason.message : String(o.reason)}`);
    });
    // Let late or retried webhook deliveries land before counting orders.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const problems = [...methodProblems, ...(await verify(stripe, pool, journeys))];
    printReport(wallMs, outcomes.filter((o) => o.status === 'fulfilled').length);
    for (const problem of problems) console.log(`  FAIL ${problem}`);
    const failed = problems.length > 0 || errors.length > 0 || serverErrors > 0;
    console.log(
      `load: ${SHOPPERS} shoppers, ${errors.length} errors, ${serverErrors} 5xx, ${problems.length} consistency problems → ${failed ? 'FAILED' : 'passed'}`,
    );
    return failed ? 1 : 0;
  } finally {
    await pool.end();
    await store?.stop();
    throwaway?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
