import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncoding, etagMatches } from '../src/emulator';
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

  it('is served compressed and cacheable: brotli or gzip as accepted, Cache-Control, ETag and 304', async () => {
    const raw = (url: string, headers: Record<string, string>) =>
      new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
        (resolve, reject) => {
          const req = request(url, { headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
            );
          });
          req.on('error', reject);
          req.end();
        },
      );
    const url = `${h.emu.url}/stripe.js`;
    const plain = await raw(url, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await raw(url, { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await raw(url, { 'accept-encoding': 'gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    for (const answer of [plain, br, gz]) {
      expect(answer.headers['cache-control']).toBe('public, max-age=300');
      expect(answer.headers.vary).toBe('Accept-Encoding');
      expect(answer.headers['access-control-allow-origin']).toBe('*');
      expect(answer.headers.etag).toBe(plain.headers.etag);
    }
    const etag = String(plain.headers.etag);
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    const again = await raw(url, { 'if-none-match': etag, 'accept-encoding': 'br' });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect((await raw(url, { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('negotiates the encoding and compares ETags as HTTP does', () => {
    expect(acceptedEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(acceptedEncoding('gzip')).toBe('gzip');
    expect(acceptedEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(acceptedEncoding('br;q=0.4, gzip;q=0.8')).toBe('gzip');
    expect(acceptedEncoding('*')).toBe('br');
    expect(acceptedEncoding('identity')).toBeNull();
    expect(acceptedEncoding(null)).toBeNull();
    expect(etagMatches('"a", W/"b"', '"b"')).toBe(true);
    expect(etagMatches('*', '"b"')).toBe(true);
    expect(etagMatches('"a"', '"b"')).toBe(false);
    expect(etagMatches(null, '"b"')).toBe(false);
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
