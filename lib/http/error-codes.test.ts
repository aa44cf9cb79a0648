/** One status per error code: a client (or a QA script) can rely on `code` alone to know what happened. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('error codes', () => {
  it('every code the app answers with has exactly one HTTP status', () => {
    const statuses = new Map<string, Set<number>>();
    const pattern = /new AppError\(\s*(\d{3}),\s*'([a-z_]+)'/g;
    for (const file of ['app', 'lib', 'components'].flatMap(sourceFiles)) {
      for (const [, status, code] of readFileSync(file, 'utf8').matchAll(pattern)) {
        if (!code || !status) continue;
        statuses.set(code, new Set([...(statuses.get(code) ?? []), Number(status)]));
      }
    }
    expect(statuses.size).toBeGreaterThan(10);
    const ambiguous = [...statuses].filter(([, set]) => set.size > 1).map(([code, set]) => `${code}: ${[...set]}`);
    expect(ambiguous).toEqual([]);
  });
});
