/**
 * Vitest globalSetup for the fuzz project: the integration setup (one emulator, the Postgres server when DATABASE_URL
 * is set) plus a tally folder that each fuzz file writes its case counts to; prints `fuzz: N cases, N 5xx` at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { sumTallies } from '@/test/fuzz/tally';
import integrationSetup from '@/test/setup/global-setup';

declare module 'vitest' {
  export interface ProvidedContext {
    fuzzTallyDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tearDownIntegration = await integrationSetup(project);
  const tallyDir = mkdtempSync(join(tmpdir(), 'storefront-fuzz-'));
  project.provide('fuzzTallyDir', tallyDir);
  return async () => {
    const { cases, serverErrors } = sumTallies(tallyDir);
    console.log(`fuzz: ${cases} cases, ${serverErrors} 5xx`);
    rmSync(tallyDir, { recursive: true, force: true });
    await tearDownIntegration();
  };
}
