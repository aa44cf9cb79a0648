import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Emulator, type EmulatorConfig } from './emulator';

export { Emulator } from './emulator';
export { DEFAULT_WEBHOOK_SECRET, signatureHeader } from './webhooks';

export interface StartEmulatorOptions extends EmulatorConfig {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
}

export interface RunningEmulator {
  url: string;
  port: number;
  /** The in-process state, for tests that want to look inside. */
  emulator: Emulator;
  close(): Promise<void>;
}

/** Starts the Stripe emulator on `host:port` (default 127.0.0.1, a random free port). */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const emulator = new Emulator(options);
  const server = createServer((req, res) => {
    void emulator.handle(req, res);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    emulator,
    close() {
      closing ??= new Promise<void>((resolve) => {
        emulator.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

export type { FaultSpec } from './faults';
export type { RequestLogEntry } from './rest';
export type { Delivery, WebhookConfigPatch } from './webhooks';
