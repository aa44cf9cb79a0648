/**
 * Main-thread blocking measured in CPU time: for every task of the page's main thread while it loads, 4 × its thread
 * CPU time (Lighthouse's mobile CPU slowdown) above 50 ms, summed. Unlike Lighthouse's TBT, which comes from wall
 * times, it barely moves when other processes compete for the machine's cores. From a Chromium trace (Playwright).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { z } from 'zod';
import { CHROMIUM_ARGS } from '../../test/chromium';

const traceSchema = z.object({
  traceEvents: z.array(
    z.object({
      name: z.string(),
      ph: z.string().optional(),
      pid: z.number(),
      tid: z.number(),
      tdur: z.number().optional(),
      args: z.object({ name: z.string().optional() }).optional(),
    }),
  ),
});

const SLOWDOWN = 4;
const BLOCKING_MS = 50;

/** The page's main thread: the renderer main thread that spent the most CPU. */
function mainThreadTasks(events: z.infer<typeof traceSchema>['traceEvents']): number[] {
  const mainThreads = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`));
  const cpu = new Map<string, number>();
  for (const task of tasks)
    cpu.set(`${task.pid}:${task.tid}`, (cpu.get(`${task.pid}:${task.tid}`) ?? 0) + (task.tdur ?? 0));
  const busiest = [...cpu.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return tasks.filter((t) => `${t.pid}:${t.tid}` === busiest).map((t) => (t.tdur ?? 0) / 1000);
}

async function oneLoad(browser: Browser, url: string, cookie: string, settleMs: number): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const dir = mkdtempSync(join(tmpdir(), 'cpu-blocking-'));
  try {
    const [name = '', value = ''] = cookie.split('=');
    await context.addCookies([{ name, value, url }]);
    const page = await context.newPage();
    const path = join(dir, 'trace.json');
    await browser.startTracing(page, {
      path,
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(settleMs);
    await browser.stopTracing();
    const tasks = mainThreadTasks(traceSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).traceEvents);
    return tasks.reduce((sum, ms) => sum + Math.max(0, SLOWDOWN * ms - BLOCKING_MS), 0);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The median over `loads` loads of `url` (with the shopper's `cookie`, `name=value`), in ms. */
export async function cpuBlockingMs(
  chromePath: string,
  url: string,
  cookie: string,
  loads: number,
  settleMs = 3000,
): Promise<number> {
  const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS });
  try {
    const runs: number[] = [];
    for (let i = 0; i < loads; i += 1) runs.push(await oneLoad(browser, url, cookie, settleMs));
    runs.sort((a, b) => a - b);
    return runs[Math.floor((runs.length - 1) / 2)] ?? Number.NaN;
  } finally {
    await browser.close();
  }
}
