/**
 * `npm test`: every suite, then one line `N passed, N failed` summing them; exits non-zero on any failure.
 *   1. Vitest unit + emulator suites
 *   2. Vitest integration suite on embedded PGlite, then again on real PostgreSQL (DATABASE_URL, or a throwaway
 *      server started from Debian's binaries when none is given)
 *   3. Playwright: the emulator's stand-in Stripe.js against the real @stripe/react-stripe-js
 *   3b. Vitest fuzz suite: hostile input against every route handler (on PostgreSQL when available)
 *   4. Playwright: the storefront journeys against a production build + the emulator
 *   5. Load test: LOAD_SHOPPERS (20 here) concurrent full checkouts on the e2e build, counted as one test
 * TEST_SUITES=unit,emulator,integration,fuzz,browser,e2e,load limits the run.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { run } from './lib/child';
import { startThrowawayPostgres, type ThrowawayPostgres } from './lib/throwaway-postgres';

type Count = { suite: string; passed: number; failed: number; skipped: number };

const vitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number().optional(),
  numFailedTestSuites: z.number(),
});
const playwrightReport = z.object({
  stats: z.object({ expected: z.number(), unexpected: z.number(), flaky: z.number(), skipped: z.number() }),
  errors: z.array(z.unknown()).optional(),
});

const selected = new Set((process.env.TEST_SUITES ?? 'unit,emulator,integration,fuzz,browser,e2e,load').split(','));
const counts: Count[] = [];
mkdirSync('test-results', { recursive: true });

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

async function vitest(suite: string, projects: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const out = `test-results/vitest-${suite}.json`;
  rmSync(out, { force: true });
  const args = ['run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json'];
  const code = await run(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', ...args, `--outputFile.json=${out}`],
    env,
  );
  const report = vitestReport.safeParse(readJson(out));
  if (!report.success) {
    counts.push({ suite, passed: 0, failed: 1, skipped: 0 });
    console.error(`${suite}: no report (exit ${code})`);
    return;
  }
  const r = report.data;
  // A file that fails to load has no failed test but a failed suite: count it, so it cannot pass unseen.
  const failed = r.numFailedTests + (r.numFailedTests === 0 && (code !== 0 || r.numFailedTestSuites > 0) ? 1 : 0);
  counts.push({ suite, passed: r.numPassedTests, failed, skipped: r.numPendingTests + (r.numTodoTests ?? 0) });
}

async function playwright(suite: string, config: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Absolute: Playwright resolves a relative report path from the config's folder, not from here.
  const out = resolve(`test-results/playwright-${suite}.json`);
  rmSync(out, { force: true });
  const code = await run(
    process.execPath,
    [require.resolve('@playwright/test/cli'), 'test', '-c', config, '--reporter=list,json'],
    { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out },
  );
  const report = playwrightReport.safeParse(readJson(out));
  if (!report.success) {
    counts.push({ suite, passed: 0, failed: 1, skipped: 0 });
    console.error(`${suite}: no report (exit ${code})`);
    return;
  }
  const s = report.data.stats;
  const failed = s.unexpected + (s.unexpected === 0 && code !== 0 ? 1 : 0);
  counts.push({ suite, passed: s.expected + s.flaky, failed, skipped: s.skipped });
}

/** The load test as one test: passed when it exits 0. Reuses the e2e suite's build when that suite ran. */
async function loadTest(databaseUrl: string | undefined, reuseBuild: boolean): Promise<void> {
  const { E2E_PORT: _port, E2E_EMULATOR_PORT: _emulatorPort, ...env } = process.env;
  const code = await run(process.execPath, [require.resolve('tsx/cli'), 'scripts/load-test.ts'], {
    ...env,
    LOAD_SHOPPERS: process.env.LOAD_SHOPPERS ?? '20',
    E2E_SKIP_BUILD: reuseBuild ? '1' : (process.env.E2E_SKIP_BUILD ?? '0'),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  counts.push({ suite: 'load', passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 });
}

async function main(): Promise<void> {
  const postgres: ThrowawayPostgres | null = process.env.DATABASE_URL ? null : await startThrowawayPostgres();
  const databaseUrl = process.env.DATABASE_URL || postgres?.url;
  try {
    if (selected.has('unit') || selected.has('emulator')) {
      await vitest(
        'unit+emulator',
        ['unit', 'emulator'].filter((p) => selected.has(p)),
      );
    }
    if (selected.has('integration')) {
      const { DATABASE_URL: _ignored, ...withoutDatabase } = process.env;
      await vitest('integration-pglite', ['integration'], withoutDatabase);
      if (databaseUrl)
        await vitest('integration-postgres', ['integration'], { ...process.env, DATABASE_URL: databaseUrl });
      else console.log('integration-postgres: no PostgreSQL found (apt-get install postgresql), suite not run');
    }
    if (selected.has('fuzz')) {
      await vitest('fuzz', ['fuzz'], databaseUrl ? { ...process.env, DATABASE_URL: databaseUrl } : process.env);
    }
    if (selected.has('browser')) await playwright('stand-in-stripejs', 'e2e/stripe-emulator/playwright.config.ts');
    if (selected.has('e2e')) {
      await playwright('storefront-e2e', 'playwright.config.ts', {
        ...process.env,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      });
    }
    if (selected.has('load')) await loadTest(databaseUrl, selected.has('e2e'));
  } finally {
    postgres?.stop();
  }
  const total = counts.reduce(
    (t, c) => ({ passed: t.passed + c.passed, failed: t.failed + c.failed, skipped: t.skipped + c.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  console.log('\nSuites:');
  for (const c of counts)
    console.log(`  ${c.suite.padEnd(22)} ${c.passed} ok, ${c.failed} not ok, ${c.skipped} skipped`);
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(total.failed > 0 || counts.length === 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
