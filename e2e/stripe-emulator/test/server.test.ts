import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StripeJsBundle } from '../src/stripejs-bundle';
import { type Harness, startHarness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('/stripe.js', () => {
  it('serves a JavaScript bundle with CORS', async () => {
    const response = await fetch(`${h.emu.url}/stripe.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect((await response.text()).length).toBeGreaterThan(0);
  });

  it('bundles an entry into one IIFE, and warns when the entry is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stripejs-'));
    writeFileSync(join(dir, 'dep.ts'), 'export const version: string = "endive";\n');
    writeFileSync(
      join(dir, 'index.ts'),
      'import { version } from "./dep";\n(window as unknown as { Stripe: unknown }).Stripe = { version };\n',
    );
    const built = await new StripeJsBundle(join(dir, 'index.ts')).get();
    expect(built.status).toBe(200);
    expect(built.body).toMatch(/^\(\(\)=>\{/); // minified IIFE
    expect(built.body).toContain('endive');
    expect(built.body).not.toContain('import ');
    const missing = await new StripeJsBundle(join(dir, 'absent.ts')).get();
    expect(missing.body).toContain('console.warn');
  });
});

describe('CLI (src/main.ts)', () => {
  it('logs the listening line and exits on SIGTERM', async () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, STRIPE_EMULATOR_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('\n')) resolve(output.trim());
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    expect(line).toMatch(/^Stripe emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = line.slice(line.indexOf('http'));
    expect(await (await fetch(`${url}/_emulator/health`)).json()).toEqual({ ok: true });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 20_000);
});
