/**
 * Wrong methods: Next answers 405 itself for any method a route module does not export, so each module must export
 * exactly the methods it is meant to answer — and every route file must be in the fuzz table.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HTTP_METHODS, ROUTES } from '@/test/fuzz/route-list';
import { ROUTE_TABLE } from '@/test/fuzz/routes';

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === 'route.ts' ? [relative(process.cwd(), path)] : [];
  });
}

describe('API route modules', () => {
  it('are all listed with their methods and fuzzed', () => {
    const listed = Object.values(ROUTES).map((r) => r.file);
    expect(routeFiles('app/api').sort()).toEqual([...listed].sort());
    expect(ROUTE_TABLE.map((e) => e.info.file).sort()).toEqual([...listed].sort());
  });

  it.each(ROUTE_TABLE.map((entry) => [entry.info.file, entry] as const))(
    '%s exports exactly its intended methods',
    async (_file, entry) => {
      const module = await entry.load();
      const exported = HTTP_METHODS.filter((m) => typeof module[m] === 'function');
      expect(exported).toEqual(HTTP_METHODS.filter((m) => (entry.info.methods as readonly string[]).includes(m)));
    },
  );
});
