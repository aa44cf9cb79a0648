/**
 * `npm run bench:pages` — Lighthouse 12.2.3 (mobile preset: simulated slow 4G and a 4× slower CPU) on the store's
 * pages, each figure beside its goal.
 *
 * Starts `scripts/e2e-server.ts` (production build + `next start` + the Stripe emulator, PGlite) on free loopback
 * ports — BENCH_PAGES_SKIP_BUILD=1 reuses the build in NEXT_DIST_DIR (default `.next`) — puts one item in a cart
 * through the HTTP API, and runs Lighthouse with Debian's Chromium (CHROME_PATH, else CHROMIUM_PATH, else
 * /usr/bin/chromium) on home, a product page, the cart and the checkout; the last two send that shopper's cookie
 * (`--extra-headers`). BENCH_PAGES_RUNS (default 1) runs per page, the median run by performance score is reported.
 * Then, for the same pages with that shopper's cookie (so the header's cart count needs a database read on every one),
 * the median over BENCH_PAGES_PROBES (default 20) requests of the time to the first byte, to the cart count and to the
 * end of the page: a prerendered page's first byte does not wait for the count. Last, per page, main-thread blocking in
 * CPU time (`lib/cpu-blocking.ts`, median of BENCH_PAGES_CPU_LOADS = 5 loads): a TBT-like figure that other processes on
 * a shared machine barely move, for comparing two builds when Lighthouse's wall-time TBT is too noisy to.
 * Every Lighthouse run is killed after BENCH_PAGES_TIMEOUT_MS (default 180000), and the store is stopped at the end.
 * BENCH_PAGES_ONLY=checkout (names, comma-separated) measures only those pages; BENCH_PAGES_KEEP_REPORTS=1 keeps the
 * Lighthouse reports. A benchmark: it exits 0 when goals are missed, unless BENCH_PAGES_STRICT=1.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { CHROMIUM_ARGS, systemChromiumPath } from '../test/chromium';
import { cpuBlockingMs } from './lib/cpu-blocking';
import { expectOk, percentile, postJson, shopperCookieOf } from './lib/http-client';
import { type RunningStore, startStore } from './lib/store-server';

const RUNS = Math.max(1, Number(process.env.BENCH_PAGES_RUNS ?? 1));
const RUN_TIMEOUT_MS = Number(process.env.BENCH_PAGES_TIMEOUT_MS ?? 180_000);
const SKIP_BUILD = process.env.BENCH_PAGES_SKIP_BUILD === '1';
const STRICT = process.env.BENCH_PAGES_STRICT === '1';
const PROBES = Math.max(1, Number(process.env.BENCH_PAGES_PROBES ?? 20));
const CPU_LOADS = Math.max(1, Number(process.env.BENCH_PAGES_CPU_LOADS ?? 5));
const CHROME = process.env.CHROME_PATH ?? systemChromiumPath() ?? '';
const CHROME_FLAGS = ['--headless', ...CHROMIUM_ARGS].join(' ');
const LIGHTHOUSE_CLI = require.resolve('lighthouse/cli/index.js');

type PageSpec = { name: string; path: string; withCart: boolean };
const ALL_PAGES: ReadonlyArray<PageSpec> = [
  { name: 'home', path: '/', withCart: false },
  { name: 'product', path: '/products/aurora-headphones', withCart: false },
  { name: 'cart (1 item)', path: '/cart', withCart: true },
  { name: 'checkout', path: '/checkout', withCart: true },
];
const ONLY = process.env.BENCH_PAGES_ONLY?.split(',').map((name) => name.trim());
const PAGES = ONLY ? ALL_PAGES.filter((page) => ONLY.some((name) => page.name.startsWith(name))) : ALL_PAGES;

// ---------------------------------------------------------------- Lighthouse

const auditSchema = z.object({ numericValue: z.number().optional() });
const reportSchema = z.object({
  lighthouseVersion: z.string(),
  runtimeError: z.object({ code: z.string(), message: z.string() }).optional(),
  runWarnings: z.array(z.string()).default([]),
  categories: z.object({
    performance: z.object({ score: z.number().nullable() }),
    accessibility: z.object({ score: z.number().nullable() }),
  }),
  audits: z.object({
    'first-contentful-paint': auditSchema,
    'largest-contentful-paint': auditSchema,
    'total-blocking-time': auditSchema,
    'cumulative-layout-shift': auditSchema,
  }),
});

type Figures = {
  performance: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  accessibility: number;
  warnings: string[];
  lighthouseVersion: string;
};

function runLighthouse(
  url: string,
  headers: Record<string, string> | null,
  outDir: string,
  run: number,
): Promise<string> {
  const output = join(outDir, `report-${run}-${Date.now()}.json`);
  const args = [
    LIGHTHOUSE_CLI,
    url,
    '--quiet',
    '--only-categories=performance,accessibility',
    '--output=json',
    `--output-path=${output}`,
    `--chrome-flags=${CHROME_FLAGS}`,
    '--max-wait-for-load=45000',
  ];
  if (headers) {
    const file = join(outDir, 'headers.json');
    writeFileSync(file, JSON.stringify(headers));
    args.push(`--extra-headers=${file}`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: CHROME },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && existsSync(output)) resolve(output);
      else reject(new Error(`lighthouse ${url} ended with ${signal ?? code}${stderr ? `: ${stderr.trim()}` : ''}`));
    });
  });
}

function figuresOf(reportPath: string): Figures {
  const report = reportSchema.parse(JSON.parse(readFileSync(reportPath, 'utf8')));
  if (report.runtimeError) throw new Error(`Lighthouse: ${report.runtimeError.code} ${report.runtimeError.message}`);
  const value = (audit: { numericValue?: number | undefined }) => audit.numericValue ?? Number.NaN;
  return {
    performance: report.categories.performance.score ?? Number.NaN,
    fcpMs: value(report.audits['first-contentful-paint']),
    lcpMs: value(report.audits['largest-contentful-paint']),
    tbtMs: value(report.audits['total-blocking-time']),
    cls: value(report.audits['cumulative-layout-shift']),
    accessibility: report.categories.accessibility.score ?? Number.NaN,
    warnings: report.runWarnings,
    lighthouseVersion: report.lighthouseVersion,
  };
}

/** The run with the median performance score (the lower middle one for an even count). */
function median(runs: ReadonlyArray<Figures>): Figures {
  const sorted = [...runs].sort((a, b) => a.performance - b.performance);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!middle) throw new Error('no Lighthouse run');
  return middle;
}

// ---------------------------------------------------------------- first byte

type Arrival = { firstByteMs: number; cartCountMs: number; endMs: number };
const CART_COUNT = 'data-testid="cart-badge"';

/** When the first byte, the header's cart count and the end of one page arrive, in ms from the request. */
async function arrival(url: string, cookie: string): Promise<Arrival> {
  const start = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  if (!response.ok || !response.body) throw new Error(`${url} → ${response.status}`);
  const decoder = new TextDecoder();
  let html = '';
  let firstByteMs = Number.NaN;
  let cartCountMs = Number.NaN;
  for await (const chunk of response.body) {
    const now = performance.now() - start;
    if (Number.isNaN(firstByteMs)) firstByteMs = now;
    html += decoder.decode(chunk, { stream: true });
    if (Number.isNaN(cartCountMs) && html.includes(CART_COUNT)) cartCountMs = now;
  }
  return { firstByteMs, cartCountMs, endMs: performance.now() - start };
}

async function medianArrival(url: string, cookie: string): Promise<Arrival> {
  const runs: Arrival[] = [];
  for (let i = 0; i < PROBES; i += 1) runs.push(await arrival(url, cookie));
  const mid = (pick: (a: Arrival) => number) =>
    percentile(
      runs.map(pick).sort((a, b) => a - b),
      50,
    );
  return { firstByteMs: mid((a) => a.firstByteMs), cartCountMs: mid((a) => a.cartCountMs), endMs: mid((a) => a.endMs) };
}

async function printArrivals(storeUrl: string, cookie: string): Promise<void> {
  console.log(`
Arrival, median of ${PROBES} requests with a cart of one (the count is a database read on every page):
`);
  console.log(['page'.padEnd(14), 'first byte', 'cart count', 'whole page'].join('  '));
  for (const page of PAGES) {
    const a = await medianArrival(`${storeUrl}${page.path}`, cookie);
    const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
    console.log([page.name.padEnd(14), ms(a.firstByteMs), ms(a.cartCountMs), ms(a.endMs)].join('  '));
  }
}

// ---------------------------------------------------------------- the shopper

/** A new shopper with one item in the cart, through the HTTP API; answers its `sf_shopper=…` cookie pair. */
async function shopperWithItem(storeUrl: string): Promise<string> {
  const added = await expectOk(
    await postJson(`${storeUrl}/api/cart/items`, { productId: 'soy-candle', quantity: 1 }),
    'add to cart',
  );
  const cookie = shopperCookieOf(added);
  if (!cookie) throw new Error('the cart API set no shopper cookie');
  return cookie;
}

// ---------------------------------------------------------------- printing

type Goal = { label: string; met: (f: Figures) => boolean; show: (f: Figures) => string; goal: string };
const GOALS: ReadonlyArray<Goal> = [
  { label: 'perf', show: (f) => f.performance.toFixed(2), goal: '≥ 0.95', met: (f) => f.performance >= 0.95 },
  { label: 'FCP', show: (f) => `${(f.fcpMs / 1000).toFixed(2)} s`, goal: '', met: () => true },
  { label: 'LCP', show: (f) => `${(f.lcpMs / 1000).toFixed(2)} s`, goal: '', met: () => true },
  { label: 'TBT', show: (f) => `${Math.round(f.tbtMs)} ms`, goal: '', met: () => true },
  { label: 'CLS', show: (f) => f.cls.toFixed(3), goal: '< 0.05', met: (f) => f.cls < 0.05 },
  { label: 'a11y', show: (f) => f.accessibility.toFixed(2), goal: '= 1.00', met: (f) => f.accessibility === 1 },
];

function printTable(rows: ReadonlyArray<{ page: PageSpec; figures: Figures }>): number {
  const header = ['page', ...GOALS.map((g) => (g.goal ? `${g.label} (goal ${g.goal})` : g.label))];
  let missed = 0;
  const cells = rows.map(({ page, figures }) => [
    page.name,
    ...GOALS.map((g) => {
      if (!g.goal) return g.show(figures);
      const met = g.met(figures);
      if (!met) missed += 1;
      return `${g.show(figures)} ${met ? 'ok' : 'MISSED'}`;
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)));
  const line = (values: ReadonlyArray<string>) =>
    values.map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) console.log(line(row));
  for (const { page, figures } of rows) {
    for (const warning of figures.warnings) console.log(`  ${page.name}: Lighthouse warning: ${warning}`);
  }
  return missed;
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  if (!CHROME || !existsSync(CHROME))
    throw new Error('no Chromium: set CHROME_PATH (Debian: apt-get install chromium)');
  const outDir = mkdtempSync(join(tmpdir(), 'pages-bench-'));
  let store: RunningStore | null = null;
  const stop = () => {
    void store?.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    console.log(`Starting the store (${SKIP_BUILD ? 'existing build' : 'building first'})…`);
    store = await startStore(null, { skipBuild: SKIP_BUILD });
    const cookie = await shopperWithItem(store.storeUrl);
    const rows: Array<{ page: PageSpec; figures: Figures }> = [];
    for (const page of PAGES) {
      const url = `${store.storeUrl}${page.path}`;
      // One unmeasured request first, so no page pays for a first compile of its route.
      await fetch(url, { headers: page.withCart ? { cookie } : {} }).then((response) => response.text());
      const runs: Figures[] = [];
      for (let run = 1; run <= RUNS; run += 1) {
        process.stdout.write(`Lighthouse ${page.name} (${run}/${RUNS})…\n`);
        const report = await runLighthouse(url, page.withCart ? { Cookie: cookie } : null, outDir, run);
        runs.push(figuresOf(report));
      }
      rows.push({ page, figures: median(runs) });
    }
    console.log(
      `\nLighthouse ${rows[0]?.figures.lighthouseVersion ?? '?'} (mobile preset, simulated throttling), ${RUNS === 1 ? 'one run' : `median of ${RUNS} runs`} per ` +
        `page — next start (production build), Stripe emulator, PGlite, ${cpus().length} CPU cores, Node ${process.version}\n`,
    );
    const missed = printTable(rows);
    await printArrivals(store.storeUrl, cookie);
    console.log(`\nMain-thread blocking in CPU time (4 × CPU above 50 ms per task), median of ${CPU_LOADS} loads:\n`);
    for (const page of PAGES) {
      const blocking = await cpuBlockingMs(CHROME, `${store.storeUrl}${page.path}`, cookie, CPU_LOADS);
      console.log(`${page.name.padEnd(14)}  ${`${Math.round(blocking)} ms`.padStart(7)}`);
    }
    const keep = process.env.BENCH_PAGES_KEEP_REPORTS === '1' ? ` Reports kept in ${outDir}.` : '';
    console.log(`\n${missed === 0 ? 'Every goal met.' : `${missed} goal(s) missed.`}${keep}`);
    if (STRICT && missed > 0) process.exitCode = 1;
  } finally {
    await store?.stop();
    if (process.env.BENCH_PAGES_KEEP_REPORTS !== '1') rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
