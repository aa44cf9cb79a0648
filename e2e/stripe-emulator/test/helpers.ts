import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { type RunningEmulator, type StartEmulatorOptions, startEmulator } from '../src/index';

export const BETA_VERSION = '2026-10-28.endive; checkout_server_update_beta=v1';
export const RETURN_URL = 'https://shop.test/checkout/return?session_id={CHECKOUT_SESSION_ID}';

export interface Harness {
  emu: RunningEmulator;
  stripe: Stripe;
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

export function stripeFor(port: number, options: Partial<Stripe.StripeConfig> = {}, key = 'sk_test_emulator'): Stripe {
  return new Stripe(key, {
    host: '127.0.0.1',
    port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
    ...options,
  });
}

export async function startHarness(options: StartEmulatorOptions = {}): Promise<Harness> {
  const emu = await startEmulator({ port: 0, ...options });
  const stripe = stripeFor(emu.port);
  return {
    emu,
    stripe,
    async control<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${emu.url}/_emulator${path}`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return (await response.json()) as T;
    },
    close: () => emu.close(),
  };
}

/** A one-line elements session in `currency`. */
export function sessionParams(
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
  currency = 'usd',
): Stripe.Checkout.SessionCreateParams {
  return {
    ui_mode: 'elements',
    mode: 'payment',
    return_url: RETURN_URL,
    line_items: [{ price_data: { currency, unit_amount: 2000, product_data: { name: 'Tee' } }, quantity: 1 }],
    ...overrides,
  };
}

export function priceData(name: string, unitAmount: number, currency = 'usd') {
  return { currency, unit_amount: unitAmount, product_data: { name } };
}

export function rateData(name: string, amount: number, currency = 'usd') {
  return { display_name: name, type: 'fixed_amount' as const, fixed_amount: { amount, currency } };
}

/** Runs `promise` and returns the Stripe error it rejects with (fails the test if it resolves). */
export async function stripeError(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error('expected the Stripe call to fail');
}

export interface ReceivedWebhook {
  body: string;
  signature: string;
}

/** A local webhook endpoint answering with `statuses` in turn (then 200), recording what it received. */
export async function startWebhookSink(statuses: number[] = []): Promise<{
  url: string;
  received: ReceivedWebhook[];
  close(): Promise<void>;
}> {
  const received: ReceivedWebhook[] = [];
  const queue = [...statuses];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        body: Buffer.concat(chunks).toString('utf8'),
        signature: String(req.headers['stripe-signature'] ?? ''),
      });
      res.writeHead(queue.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Calls the browser API as the stand-in Stripe.js does. */
export async function browserCall(
  url: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  key = 'pk_test_emulator',
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
