/**
 * The route registry (test/fuzz/routes.ts) against the file system: every `route.ts` under app/api is registered exactly
 * once, with a sample path its folder would serve, and each module exports exactly the methods the registry lists —
 * Next answers 405 itself for any method a route module does not export, so this is also the wrong-method check.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HTTP_METHODS, ROUTES } from '@/test/fuzz/routes';

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === 'route.ts' ? [relative(process.cwd(), path).split('\\').join('/')] : [];
  });
}

/** The URL paths a route file serves: `app/api/cart/items/[productId]/route.ts` → `/api/cart/items/<one segment>`. */
function pathPatternOf(file: string): RegExp {
  const segments = file
    .replace(/^app/, '')
    .replace(/\/route\.ts$/, '')
    .split('/')
    .map((segment) =>
      /^\[\.\.\.[^\]]+\]$/.test(segment)
        ? '.+'
        : /^\[[^\]]+\]$/.test(segment)
          ? '[^/]+'
          : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
  return new RegExp(`^${segments.join('/')}$`);
}

describe('the route registry', () => {
  it('registers every route file under app/api, each once', () => {
    const registered = ROUTES.map((r) => r.file);
    expect(new Set(registered).size).toBe(registered.length);
    expect(routeFiles('app/api').sort()).toEqual([...registered].sort());
  });

  it.each(ROUTES.map((entry) => [entry.file, entry] as const))(
    '%s: the sample path is one the file serves, and the methods are listed once each',
    (_file, entry) => {
      expect(entry.samplePath).toMatch(pathPatternOf(entry.file));
      expect(entry.methods.length).toBeGreaterThan(0);
      expect(new Set(entry.methods).size).toBe(entry.methods.length);
    },
  );

  it.each(ROUTES.map((entry) => [entry.file, entry] as const))(
    '%s exports exactly its registered methods',
    async (_file, entry) => {
      const module = await entry.load();
      const exported = HTTP_METHODS.filter((m) => typeof module[m] === 'function');
      expect(exported).toEqual(HTTP_METHODS.filter((m) => (entry.methods as readonly string[]).includes(m)));
    },
  );
});
