import type Stripe from 'stripe';
import { z } from 'zod';

const requestLogSchema = z.object({
  data: z.array(z.object({ method: z.string(), path: z.string(), status: z.number() }).loose()),
});

async function control(emulatorUrl: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulatorUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${method} ${path} → ${response.status}: ${await response.text()}`);
  return response.json();
}

/** `/v1` API requests the emulator received since its last reset, oldest first. */
export async function emulatorRequests(emulatorUrl: string): Promise<z.infer<typeof requestLogSchema>['data']> {
  return requestLogSchema.parse(await control(emulatorUrl, 'GET', '/_emulator/requests')).data;
}

export async function resetEmulator(emulatorUrl: string): Promise<void> {
  await control(emulatorUrl, 'POST', '/_emulator/reset');
}

export async function injectFault(
  emulatorUrl: string,
  fault: {
    method?: string;
    path?: string;
    kind: 'error' | 'rate_limit' | 'timeout' | 'latency';
    status?: number;
    count?: number;
    latencyMs?: number;
  },
): Promise<void> {
  await control(emulatorUrl, 'POST', '/_emulator/faults', fault);
}

export async function advanceEmulatorClock(emulatorUrl: string, seconds: number): Promise<void> {
  await control(emulatorUrl, 'POST', '/_emulator/clock/advance', { seconds });
}

export async function emulatorSession(emulatorUrl: string, sessionId: string): Promise<Record<string, unknown>> {
  return z.record(z.string(), z.unknown()).parse(await control(emulatorUrl, 'GET', `/_emulator/sessions/${sessionId}`));
}

/** Pays a session the way the stand-in Stripe.js does (browser API, publishable key). */
export async function payCheckoutSession(
  emulatorUrl: string,
  session: { sessionId: string; clientSecret: string },
  card = '4242424242424242',
): Promise<Response> {
  return fetch(`${emulatorUrl}/v1/elements/sessions/${session.sessionId}/confirm`, {
    method: 'POST',
    headers: { authorization: 'Bearer pk_test_emulator', 'content-type': 'application/json' },
    body: JSON.stringify({
      client_secret: session.clientSecret,
      email: 'shopper@example.com',
      card: { number: card, exp_month: 12, exp_year: 2034, cvc: '123' },
    }),
  });
}

type SignedEvent = { body: string; signature: string };

/** A `checkout.session.*` event as Stripe would POST it, signed with the webhook secret (at `timestamp`, unix s). */
export function signedCheckoutEvent(
  stripe: Stripe,
  secret: string,
  event: { type: string; sessionId: string; id?: string; timestamp?: number },
): SignedEvent {
  const created = event.timestamp ?? Math.floor(Date.now() / 1000);
  const body = JSON.stringify({
    id: event.id ?? `evt_test_${crypto.randomUUID().replaceAll('-', '')}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created,
    type: event.type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: { id: event.sessionId, object: 'checkout.session' } },
  });
  const signature = stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: created });
  return { body, signature };
}
