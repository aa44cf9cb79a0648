/**
 * `npm run bench:updates` — latency and throughput of the checkout update endpoints against the Stripe emulator,
 * beside a reference handler written the way Stripe's docs example works (retrieve the session, then update it), and the
 * scale goals measured under injected Stripe latency (the emulator's `latency` fault), each printed beside its goal:
 *   - 150 ms latency, one shopper, sequential: ours / docs-style p50 ≤ 0.55, our overhead over the 150 ms floor ≤ 10 ms;
 *   - 300 ms latency, 50 concurrent shoppers: update p50 ≤ 450 ms, p99 ≤ 900 ms;
 *   - 400 ms latency, one shopper firing 30 concurrent updates at their own checkout: another shopper's
 *     `GET /api/cart` p99 ≤ 50 ms.
 *
 * Starts `scripts/e2e-server.ts` (production build + `next start` + emulator; BENCH_SKIP_BUILD=1 reuses `.next`) on
 * free ports, with a throwaway PostgreSQL when Debian's binaries are installed (BENCH_DB=pglite forces PGlite), makes
 * one shopper (own cookie, cart, session, address) per concurrent client. Exits 1 when a goal is missed.
 *
 * Knobs: BENCH_CONCURRENCY (default "1,16"), BENCH_REQUESTS_PER_SHOPPER (default 8; 32 in total at concurrency 1).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { cpus } from 'node:os';
import Stripe from 'stripe';
import { z } from 'zod';
import { getCatalog } from '@/lib/catalog';
import { EmulatorControl } from '../test/emulator-control';
import { expectOk, percentile, postJson, shopperCookieOf } from './lib/http-client';
import { type RunningStore, startStore } from './lib/store-server';
import { startThrowawayPostgres } from './lib/throwaway-postgres';

const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,16').split(',').map((n) => Number(n.trim()));
const PER_SHOPPER = Number(process.env.BENCH_REQUESTS_PER_SHOPPER ?? 8);
const SINGLE_SHOPPER_REQUESTS = PER_SHOPPER * 4;
const WARMUP = 10;

type Shopper = { cookie: string; sessionId: string; productId: string; step: number };
type Endpoint = { name: string; send: (shopper: Shopper) => Promise<Response> };
type Row = {
  endpoint: string;
  concurrency: number;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
  stripeCallsPerUpdate: number;
  errorSample: string | null;
};

const US = { name: 'Bench Shopper', line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701' };

// ---------------------------------------------------------------- shoppers over the HTTP API

const sessionSchema = z.object({ sessionId: z.string() });

/** Products with stock, and how many units each can still give the benchmark's shoppers (each may take two). */
const productsLeft = new Map(
  getCatalog()
    .products.filter((product) => product.stock >= 2)
    .map((product) => [product.id, product.stock]),
);

/** A product with two units left for one more shopper (holds make every shopper's units count against the rest). */
function takeProduct(): string {
  const [id] = [...productsLeft].sort((a, b) => b[1] - a[1])[0] ?? [];
  const left = id ? (productsLeft.get(id) ?? 0) : 0;
  if (!id || left < 2) throw new Error('the catalog has no stock left for more benchmark shoppers');
  productsLeft.set(id, left - 2);
  return id;
}

async function newShopper(storeUrl: string): Promise<Shopper> {
  const productId = takeProduct();
  const first = await expectOk(await postJson(`${storeUrl}/api/cart/items`, { productId, quantity: 1 }), 'add to cart');
  const cookie = shopperCookieOf(first);
  if (!cookie) throw new Error('the cart API set no shopper cookie');
  const started = await expectOk(await postJson(`${storeUrl}/api/checkout/sessions`, {}, cookie), 'start checkout');
  const { sessionId } = sessionSchema.parse(await started.json());
  await expectOk(
    await postJson(
      `${storeUrl}/api/checkout/shipping-address`,
      { sessionId, address: { ...US, country: 'US' } },
      cookie,
    ),
    'set address',
  );
  return { cookie, sessionId, productId, step: 0 };
}

// ---------------------------------------------------------------- the reference handler (Stripe docs style)

/**
 * What the docs' short example does: retrieve the session (with its line items), then update it with one appended
 * line. Two Stripe round trips; it trusts whatever Stripe holds and keeps no record of its own.
 */
function startReferenceServer(stripe: Stripe): Promise<{ url: string; server: Server }> {
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    try {
      const { sessionId } = sessionSchema.parse(JSON.parse(Buffer.concat(chunks).toString()));
      const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ['line_items'] });
      if (session.status !== 'open') throw new Error('session not open');
      const kept = (session.line_items?.data ?? [])
        .filter((item) => item.metadata?.line_key !== 'bench:appended')
        .map((item) => ({ id: item.id }));
      const updated = await stripe.checkout.sessions.update(sessionId, {
        line_items: [
          ...kept,
          {
            // With Stripe Tax on the session (the emulator's default), every price needs its tax behavior.
            price_data: {
              currency: 'usd',
              unit_amount: 499,
              product_data: { name: 'Gift wrap' },
              ...(session.automatic_tax.enabled ? { tax_behavior: 'exclusive' as const } : {}),
            },
            quantity: 1,
            metadata: { line_key: 'bench:appended' },
          },
        ],
      });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ total: updated.amount_total }));
    } catch (error) {
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'reference_failed', message: String(error) } }));
    }
  };
  const server = createServer((request, response) => void handle(request, response));
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, server });
    });
  });
}

// ---------------------------------------------------------------- endpoints

function endpoints(storeUrl: string, referenceUrl: string): Endpoint[] {
  const post = (path: string, body: (s: Shopper) => unknown) => (s: Shopper) =>
    postJson(`${storeUrl}/api/checkout/${path}`, body(s), s.cookie);
  return [
    {
      name: 'add-on toggle',
      send: post('add-ons', (s) => ({ sessionId: s.sessionId, addOnId: 'gift-wrap', selected: s.step % 2 === 0 })),
    },
    {
      name: 'quantity',
      send: post('quantity', (s) => ({
        sessionId: s.sessionId,
        productId: s.productId,
        quantity: 1 + (s.step % 2),
      })),
    },
    {
      name: 'shipping address',
      send: post('shipping-address', (s) => ({
        sessionId: s.sessionId,
        address: { ...US, country: s.step % 2 === 0 ? 'CA' : 'US' },
      })),
    },
    {
      name: 'shipping option',
      send: post('shipping-option', (s) => ({
        sessionId: s.sessionId,
        methodId: s.step % 2 === 0 ? 'express' : 'standard',
      })),
    },
    {
      name: 'reference: retrieve + update (docs)',
      send: (s) => postJson(referenceUrl, { sessionId: s.sessionId }),
    },
  ];
}

// ---------------------------------------------------------------- measuring

async function stripeRequestCount(emulatorUrl: string): Promise<number> {
  return (await new EmulatorControl(emulatorUrl).requests()).length;
}

async function measure(
  endpoint: Endpoint,
  shoppers: ReadonlyArray<Shopper>,
  requestsPerShopper: number,
  emulatorUrl: string,
): Promise<Row> {
  const latencies: number[] = [];
  let errors = 0;
  let errorSample: string | null = null;
  const callsBefore = await stripeRequestCount(emulatorUrl);
  const started = performance.now();
  await Promise.all(
    shoppers.map(async (shopper) => {
      for (let i = 0; i < requestsPerShopper; i++) {
        shopper.step++;
        const t0 = performance.now();
        const response = await endpoint.send(shopper);
        const text = await response.text();
        latencies.push(performance.now() - t0);
        if (response.status !== 200) {
          errors++;
          errorSample ??= `${response.status} ${text.slice(0, 160)}`;
        }
      }
    }),
  );
  const wallMs = performance.now() - started;
  const calls = (await stripeRequestCount(emulatorUrl)) - callsBefore;
  latencies.sort((a, b) => a - b);
  return {
    endpoint: endpoint.name,
    concurrency: shoppers.length,
    requests: latencies.length,
    errors,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    throughput: (latencies.length / wallMs) * 1000,
    stripeCallsPerUpdate: calls / latencies.length,
    errorSample,
  };
}

function printTable(rows: ReadonlyArray<Row>): void {
  const header = [
    'endpoint',
    'shoppers',
    'requests',
    'errors',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'req/s',
    'Stripe calls/update',
  ];
  const cells = rows.map((r) => [
    r.endpoint,
    String(r.concurrency),
    String(r.requests),
    String(r.errors),
    r.p50.toFixed(1),
    r.p95.toFixed(1),
    r.p99.toFixed(1),
    r.throughput.toFixed(1),
    r.stripeCallsPerUpdate.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)));
  const line = (values: ReadonlyArray<string>) =>
    values.map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) console.log(line(row));
  for (const r of rows.filter((row) => row.errorSample)) {
    console.log(`  first error, ${r.endpoint} @${r.concurrency}: ${r.errorSample}`);
  }
}

// ---------------------------------------------------------------- the scale goals

type Goal = { figure: string; measured: number; goal: number; unit: 'ms' | 'ratio' };

async function withStripeLatency<T>(emulatorUrl: string, latencyMs: number, work: () => Promise<T>): Promise<T> {
  const control = new EmulatorControl(emulatorUrl);
  await control.injectFault({ path: '/v1/checkout/sessions', kind: 'latency', latencyMs, count: 1000 });
  try {
    return await work();
  } finally {
    await control.clearFaults();
  }
}

async function timed(send: () => Promise<Response>): Promise<{ ms: number; ok: boolean }> {
  const t0 = performance.now();
  const response = await send();
  await response.arrayBuffer();
  return { ms: performance.now() - t0, ok: response.ok };
}

function sortedMs(samples: ReadonlyArray<{ ms: number }>): number[] {
  return samples.map((s) => s.ms).sort((a, b) => a - b);
}

async function scaleGoals(
  storeUrl: string,
  referenceUrl: string,
  emulatorUrl: string,
  shoppers: { app: Shopper[]; ref: Shopper[]; bystander: Shopper },
): Promise<Goal[]> {
  const [toggle] = endpoints(storeUrl, referenceUrl);
  if (!toggle) throw new Error('no add-on toggle endpoint');
  const reference = endpoints(storeUrl, referenceUrl).find((e) => e.name.startsWith('reference'));
  if (!reference) throw new Error('no reference endpoint');
  const next = (endpoint: Endpoint, shopper: Shopper) => () => {
    shopper.step++;
    return endpoint.send(shopper);
  };
  const [first, ...others] = shoppers.app;
  const [refShopper] = shoppers.ref;
  if (!first || !refShopper) throw new Error('no shoppers');

  const FLOOR = 150;
  const sequential = await withStripeLatency(emulatorUrl, FLOOR, async () => {
    const ours: { ms: number }[] = [];
    const docs: { ms: number }[] = [];
    for (let i = 0; i < SINGLE_SHOPPER_REQUESTS; i++) {
      ours.push(await timed(next(toggle, first)));
      docs.push(await timed(next(reference, refShopper)));
    }
    return { ours: percentile(sortedMs(ours), 50), docs: percentile(sortedMs(docs), 50) };
  });

  const crowd = [first, ...others].slice(0, 50);
  const crowdLatencies = await withStripeLatency(emulatorUrl, 300, async () => {
    const samples = await Promise.all(
      crowd.map(async (shopper) => {
        const mine: { ms: number }[] = [];
        for (let i = 0; i < 4; i++) mine.push(await timed(next(toggle, shopper)));
        return mine;
      }),
    );
    return sortedMs(samples.flat());
  });

  const bystanderCart = await withStripeLatency(emulatorUrl, 400, async () => {
    const burst = Promise.all(Array.from({ length: 30 }, () => timed(next(toggle, first))));
    let bursting = true;
    void burst.finally(() => {
      bursting = false;
    });
    const reads: { ms: number }[] = [];
    while (bursting || reads.length < 20) {
      reads.push(await timed(() => fetch(`${storeUrl}/api/cart`, { headers: { cookie: shoppers.bystander.cookie } })));
    }
    await burst;
    return sortedMs(reads);
  });

  return [
    {
      figure: `150 ms Stripe, sequential: ours p50 (${sequential.ours.toFixed(0)} ms) / docs-style p50 (${sequential.docs.toFixed(0)} ms)`,
      measured: sequential.ours / sequential.docs,
      goal: 0.55,
      unit: 'ratio',
    },
    {
      figure: '150 ms Stripe, sequential: our overhead over the floor, p50',
      measured: sequential.ours - FLOOR,
      goal: 10,
      unit: 'ms',
    },
    {
      figure: `300 ms Stripe, ${crowd.length} concurrent shoppers: update p50`,
      measured: percentile(crowdLatencies, 50),
      goal: 450,
      unit: 'ms',
    },
    {
      figure: `300 ms Stripe, ${crowd.length} concurrent shoppers: update p99`,
      measured: percentile(crowdLatencies, 99),
      goal: 900,
      unit: 'ms',
    },
    {
      figure: `400 ms Stripe, 30 concurrent updates to one checkout: bystander GET /api/cart p99 (${bystanderCart.length} reads)`,
      measured: percentile(bystanderCart, 99),
      goal: 50,
      unit: 'ms',
    },
  ];
}

function printGoals(goals: ReadonlyArray<Goal>): boolean {
  const format = (g: Goal, value: number) => (g.unit === 'ratio' ? value.toFixed(2) : `${value.toFixed(1)} ms`);
  const width = Math.max(...goals.map((g) => g.figure.length));
  console.log(`${'figure'.padEnd(width)}  ${'measured'.padStart(10)}  ${'goal'.padStart(10)}  met`);
  let allMet = true;
  for (const g of goals) {
    const met = g.measured <= g.goal;
    allMet &&= met;
    console.log(
      `${g.figure.padEnd(width)}  ${format(g, g.measured).padStart(10)}  ${`≤ ${format(g, g.goal)}`.padStart(10)}  ${met ? 'yes' : 'NO'}`,
    );
  }
  return allMet;
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const database = process.env.BENCH_DB === 'pglite' ? null : await startThrowawayPostgres();
  let store: RunningStore | null = null;
  let reference: Server | null = null;
  try {
    console.log(`Starting the store (${process.env.BENCH_SKIP_BUILD === '1' ? 'existing build' : 'building first'})…`);
    const started = await startStore(database?.url ?? null, {
      skipBuild: process.env.BENCH_SKIP_BUILD === '1',
      realClock: true,
    });
    store = started;
    const stripe = new Stripe('sk_test_emulator', {
      host: '127.0.0.1',
      port: started.emulatorPort,
      protocol: 'http',
      maxNetworkRetries: 1,
      timeout: 8000,
      telemetry: false,
    });
    const ref = await startReferenceServer(stripe);
    reference = ref.server;
    const maxShoppers = Math.max(50, ...CONCURRENCY);
    const appShoppers: Shopper[] = [];
    // In batches, so that setting the benchmark up is not itself a load test.
    while (appShoppers.length < maxShoppers) {
      appShoppers.push(...(await Promise.all(Array.from({ length: 10 }, () => newShopper(started.storeUrl)))));
    }
    const refShoppers = await Promise.all(
      Array.from({ length: Math.max(...CONCURRENCY) }, () => newShopper(started.storeUrl)),
    );
    const bystander = await newShopper(started.storeUrl);

    const rows: Row[] = [];
    for (const endpoint of endpoints(started.storeUrl, ref.url)) {
      const pool = endpoint.name.startsWith('reference') ? refShoppers : appShoppers;
      await measure(endpoint, pool.slice(0, 1), WARMUP, started.emulatorUrl);
      for (const concurrency of CONCURRENCY) {
        const shoppers = pool.slice(0, concurrency);
        const perShopper = concurrency === 1 ? SINGLE_SHOPPER_REQUESTS : PER_SHOPPER;
        rows.push(await measure(endpoint, shoppers, perShopper, started.emulatorUrl));
      }
    }
    console.log(
      `\nCheckout update endpoints vs. the docs-style reference — next start (production build), Stripe emulator, ` +
        `${database ? 'PostgreSQL (throwaway)' : 'PGlite'}, ${cpus().length} CPU cores, Node ${process.version}\n`,
    );
    printTable(rows);
    console.log(
      '\nStripe calls/update: /_emulator/requests delta ÷ requests. The app makes one full-state update per change;' +
        ' the reference retrieves then updates (two calls) and only appends a line.',
    );
    console.log('\nScale goals (Stripe latency injected by the emulator)\n');
    const goals = await scaleGoals(started.storeUrl, ref.url, started.emulatorUrl, {
      app: appShoppers,
      ref: refShoppers,
      bystander,
    });
    if (!printGoals(goals)) process.exitCode = 1;
  } finally {
    reference?.close();
    await store?.stop();
    database?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
