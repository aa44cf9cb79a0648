/**
 * Starts `scripts/e2e-server.ts` (production build unless skipped + `next start` + the Stripe emulator) as a child and
 * waits until both answer. Shared by the update benchmark and the load test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from './throwaway-postgres';

export type RunningStore = { storeUrl: string; emulatorUrl: string; emulatorPort: number; stop(): Promise<void> };

export async function waitFor(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the store exited early (code ${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * `databaseUrl`: the Postgres database to use, or null for a fresh PGlite folder.
 * Ports default to free ones; `skipBuild` reuses the build in NEXT_DIST_DIR (default `.next`); `realClock` runs the
 * store on real time as merchants do (no per-request read of the emulator's clock).
 */
export async function startStore(
  databaseUrl: string | null,
  options: { port?: number; emulatorPort?: number; skipBuild?: boolean; realClock?: boolean } = {},
): Promise<RunningStore> {
  const port = options.port ?? (await freePort());
  const emulatorPort = options.emulatorPort ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    E2E_PORT: String(port),
    E2E_EMULATOR_PORT: String(emulatorPort),
    E2E_SKIP_BUILD: options.skipBuild ? '1' : '0',
    E2E_REAL_CLOCK: options.realClock ? '1' : '0',
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), 'scripts/e2e-server.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (/error|fail/i.test(text)) process.stderr.write(text);
  });
  const storeUrl = `http://127.0.0.1:${port}`;
  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
  try {
    await waitFor(`${emulatorUrl}/_emulator/health`, 600_000, child);
    await waitFor(`${storeUrl}/api/cart`, 60_000, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { storeUrl, emulatorUrl, emulatorPort, stop };
}
