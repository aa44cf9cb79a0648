/**
 * A refused configuration stops a real production server at start-up: `next build` once into a private dist dir, then
 * `next start` with each bad environment must exit non-zero within seconds, printing the ConfigError's one line (not
 * stay up answering bare 500s).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DIST_DIR = '.next-refusal';
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

/** The environment without anything that configures the store (the developer's shell or another test's leftovers). */
function cleanEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(STRIPE_|NEXT_PUBLIC_|DATABASE_URL|PGLITE_|APP_|VERCEL|STOREFRONT_|ALLOW_|TRUSTED_|VITEST)/.test(name))
      continue;
    env[name] = value;
  }
  return { ...env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' };
}

function exitOf(child: ChildProcess, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, output: `${output}\n[still running after ${timeoutMs} ms]` });
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function startServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [nextBin, 'start', '-p', '0', '-H', '127.0.0.1'], {
    env: { ...cleanEnv(), NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return exitOf(child, 15_000);
}

beforeAll(async () => {
  const child = spawn(process.execPath, [nextBin, 'build'], {
    env: { ...cleanEnv(), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const built = await exitOf(child, 170_000);
  if (built.code !== 0) throw new Error(`next build failed (${built.code}):\n${built.output}`);
}, 180_000);

afterAll(() => {
  rmSync(DIST_DIR, { recursive: true, force: true });
});

describe('next start refuses a production configuration it cannot run safely', () => {
  it('exits naming the variables when the emulator is configured without STOREFRONT_TEST_BUILD', async () => {
    const { code, output } = await startServer({ STRIPE_EMULATOR_URL: 'http://127.0.0.1:9' });
    expect(code, output).not.toBe(0);
    expect(code, output).not.toBeNull();
    expect(output).toMatch(/ConfigError: STRIPE_EMULATOR_URL is set in a production build.*STOREFRONT_TEST_BUILD=1/);
  });

  it('exits naming the variables when real keys come without DATABASE_URL', async () => {
    const { code, output } = await startServer({
      STRIPE_SECRET_KEY: 'sk_test_x',
      NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_test_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
    });
    expect(code, output).not.toBe(0);
    expect(code, output).not.toBeNull();
    expect(output).toMatch(/ConfigError: DATABASE_URL is not set.*ALLOW_EMBEDDED_DATABASE=1/);
  });

  it('exits when Stripe is not configured at all', async () => {
    const { code, output } = await startServer({});
    expect(code, output).not.toBe(0);
    expect(code, output).not.toBeNull();
    expect(output).toMatch(/ConfigError: Stripe is not configured/);
  });
});
