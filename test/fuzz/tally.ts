import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const tallySchema = z.object({ cases: z.number(), serverErrors: z.number() });
export type FuzzTally = z.infer<typeof tallySchema>;

/** Adds one test file's counts to the run's tally folder (the fuzz globalSetup sums them at the end). */
export function writeTally(dir: string, name: string, tally: FuzzTally): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${name.replace(/[^a-z0-9-]/gi, '_')}-${process.pid}-${Date.now()}.json`),
    JSON.stringify(tally),
  );
}

export function sumTallies(dir: string): FuzzTally {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return { cases: 0, serverErrors: 0 };
  }
  return files
    .map((f) => tallySchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))))
    .reduce((t, c) => ({ cases: t.cases + c.cases, serverErrors: t.serverErrors + c.serverErrors }), {
      cases: 0,
      serverErrors: 0,
    });
}
