import { z } from 'zod';

/**
 * The Stripe emulator's control API (e2e/stripe-emulator/README.md) and the few REST reads the webhook journeys need.
 * Only usable when the suite started the emulator (E2E_EMULATOR_URL is set by playwright.config.ts).
 */
export const emulatorUrl = process.env.E2E_EMULATOR_URL ?? null;

/** The e2e server signs with this secret (scripts/e2e-server.ts). */
export const EMULATOR_WEBHOOK_SECRET = 'whsec_local_emulator_secret';
const EMULATOR_SECRET_KEY = 'sk_test_emulator';

export type WebhookSwitches = { duplicate?: boolean; outOfOrder?: boolean; delayMs?: number; paused?: boolean };

const deliverySchema = z.object({
  eventId: z.string(),
  type: z.string(),
  attempt: z.number().int(),
  status: z.number().int(),
  deliveredAt: z.number(),
});
export type Delivery = z.infer<typeof deliverySchema>;

const eventSchema = z.object({
  id: z.string(),
  type: z.string(),
  created: z.number(),
  data: z.object({ object: z.object({ id: z.string() }).loose() }),
});
export type EmulatorEvent = z.infer<typeof eventSchema>;

function base(): string {
  if (!emulatorUrl) throw new Error('E2E_EMULATOR_URL is not set: these steps need the local Stripe emulator');
  return emulatorUrl;
}

async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${base()}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

export async function setWebhookSwitches(switches: WebhookSwitches): Promise<{ held: number }> {
  return z
    .object({ held: z.number().int() })
    .loose()
    .parse(await call('POST', '/_emulator/webhooks', switches));
}

/** Back to immediate, single, in-order delivery (un-pausing also delivers anything still held). */
export async function resetWebhookSwitches(): Promise<void> {
  await setWebhookSwitches({ duplicate: false, outOfOrder: false, delayMs: 0, paused: false });
}

export async function flushWebhooks(): Promise<number> {
  return z.object({ flushed: z.number().int() }).parse(await call('POST', '/_emulator/webhooks/flush')).flushed;
}

export async function deliveries(): Promise<Delivery[]> {
  return z.object({ data: z.array(deliverySchema) }).parse(await call('GET', '/_emulator/webhooks/deliveries')).data;
}

async function restGet(path: string): Promise<unknown> {
  const response = await fetch(`${base()}/v1${path}`, { headers: { authorization: `Bearer ${EMULATOR_SECRET_KEY}` } });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`GET /v1${path} → ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

/** Every event about one Checkout Session or its PaymentIntent, oldest first. */
export async function eventsForSession(sessionId: string): Promise<EmulatorEvent[]> {
  const session = z
    .object({ payment_intent: z.string().nullable() })
    .parse(await restGet(`/checkout/sessions/${encodeURIComponent(sessionId)}`));
  const ids = new Set([sessionId, ...(session.payment_intent ? [session.payment_intent] : [])]);
  const page = z.object({ data: z.array(eventSchema) }).parse(await restGet('/events?limit=100'));
  return page.data.filter((event) => ids.has(event.data.object.id)).reverse();
}

/** The raw event JSON (what Stripe would POST), to re-sign or tamper with. */
export async function rawEvent(eventId: string): Promise<Record<string, unknown>> {
  return z.record(z.string(), z.unknown()).parse(await restGet(`/events/${encodeURIComponent(eventId)}`));
}
