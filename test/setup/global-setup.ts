/**
 * Vitest globalSetup for the integration project: one Stripe emulator for the run (URL provided as `emulatorUrl`),
 * and the Postgres server to create per-file databases on when DATABASE_URL is set (else PGlite in memory).
 */
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    emulatorUrl: string;
    /** A Postgres server URL for per-file test databases, or '' for PGlite `memory://`. */
    testDatabaseServerUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { startEmulator } = await import('@storefront/stripe-emulator');
  const emulator = await startEmulator({ port: 0 });
  project.provide('emulatorUrl', emulator.url);
  project.provide('testDatabaseServerUrl', process.env.DATABASE_URL?.trim() ?? '');
  return async () => {
    await emulator.close();
  };
}
