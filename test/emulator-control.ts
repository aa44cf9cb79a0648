/**
 * The one client for the Stripe emulator's test-only APIs (e2e/stripe-emulator/README.md): the control API under
 * `/_emulator` (reset, clock, faults, request log, webhook switches and deliveries, raw sessions), the few `/v1` REST
 * reads tests assert on, and the browser API's card confirmation. Used by the Vitest integration and fuzz suites, the
 * Playwright specs and page objects, and the scripts. Only types are imported from the emulator package, so loading
 * this module never loads the emulator itself.
 */
import type { Delivery, FaultSpec, RequestLogEntry, WebhookConfigPatch } from '@storefront/stripe-emulator';
import { z } from 'zod';

/** Keys the emulator accepts (any `sk_test_…` / `pk_test_…` would do); the app's emulator defaults. */
export const EMULATOR_SECRET_KEY = 'sk_test_emulator';
export const EMULATOR_PUBLISHABLE_KEY = 'pk_test_emulator';
/** The secret the dev and e2e servers sign webhooks with (scripts/e2e-server.ts, scripts/dev.ts). */
export const EMULATOR_WEBHOOK_SECRET = 'whsec_local_emulator_secret';

/** A card the emulator approves, as the browser API takes it. */
export const APPROVED_CARD = { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' } as const;
export type BrowserCard = { number: string; exp_month: number; exp_year: number; cvc: string };

export type EmulatorFault = FaultSpec;
export type WebhookSettings = WebhookConfigPatch;
export type WebhookSwitches = Pick<WebhookConfigPatch, 'duplicate' | 'outOfOrder' | 'delayMs' | 'paused'>;
export type { Delivery, RequestLogEntry };

const requestLogSchema = z.object({
  data: z.array(
    z
      .object({
        method: z.string(),
        path: z.string(),
        status: z.number(),
        stripeVersion: z.string().nullable(),
        idempotencyKey: z.string().nullable(),
      })
      .loose(),
  ),
});
const deliverySchema = z.object({
  eventId: z.string(),
  type: z.string(),
  attempt: z.number().int(),
  status: z.number().int(),
  deliveredAt: z.number(),
  error: z.string().optional(),
});
const eventSchema = z.object({
  id: z.string(),
  type: z.string(),
  created: z.number(),
  data: z.object({ object: z.object({ id: z.string() }).loose() }),
});
export type EmulatorEvent = z.infer<typeof eventSchema>;

const restSessionSchema = z
  .object({
    id: z.string(),
    status: z.enum(['open', 'complete', 'expired']),
    amount_total: z.number().int(),
    total_details: z.object({ amount_discount: z.number().int(), amount_tax: z.number().int() }).loose(),
    payment_intent: z.string().nullable(),
  })
  .loose();
/** A Checkout Session as the REST API (stripe-node) sees it: the fields tests assert on. */
export type EmulatorSessionView = z.infer<typeof restSessionSchema>;

const taxViewSchema = restSessionSchema.extend({
  automatic_tax: z.object({ enabled: z.boolean(), status: z.string().nullable() }).loose(),
  shipping_cost: z.object({ amount_tax: z.number().int() }).loose().nullable(),
  line_items: z.object({
    data: z.array(
      z
        .object({ description: z.string().nullable(), amount_tax: z.number().int(), amount_total: z.number().int() })
        .loose(),
    ),
  }),
});
/** Stripe Tax's figures for a session, as the emulator computed them (see its README's tax table). */
export interface EmulatorTaxView {
  /** `automatic_tax.status`: `requires_location_inputs` until the address is known, then `complete`; null when off. */
  status: string | null;
  /** `total_details.amount_tax`: all tax, exclusive and inclusive. */
  amountTax: number;
  amountTotal: number;
  shippingTax: number;
  lines: Array<{ description: string | null; amountTax: number; amountTotal: number }>;
}

const jsonRecord = z.record(z.string(), z.unknown());

export class EmulatorControl {
  /** The emulator's base URL, without a trailing slash. */
  readonly url: string;

  constructor(url: string) {
    this.url = url.replace(/\/$/, '');
  }

  /** The emulator named by an environment variable (the Playwright suite's E2E_EMULATOR_URL), or null. */
  static fromEnv(variable = 'E2E_EMULATOR_URL'): EmulatorControl | null {
    const url = process.env[variable]?.trim();
    return url ? new EmulatorControl(url) : null;
  }

  /** Like `fromEnv`, for steps that cannot run without the emulator. */
  static requireEnv(variable = 'E2E_EMULATOR_URL'): EmulatorControl {
    const control = EmulatorControl.fromEnv(variable);
    if (!control) throw new Error(`${variable} is not set: these steps need the local Stripe emulator`);
    return control;
  }

  private async control(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`emulator ${method} ${path} → ${response.status}: ${await response.text()}`);
    return response.json();
  }

  private async rest(path: string): Promise<unknown> {
    const response = await fetch(`${this.url}/v1${path}`, {
      headers: { authorization: `Bearer ${EMULATOR_SECRET_KEY}` },
    });
    if (!response.ok) throw new Error(`emulator GET /v1${path} → ${response.status}: ${await response.text()}`);
    return response.json();
  }

  /** Expires an open session now, as the merchant's `POST /v1/checkout/sessions/:id/expire` does (and its webhook). */
  async expireSession(sessionId: string): Promise<void> {
    const response = await fetch(`${this.url}/v1/checkout/sessions/${encodeURIComponent(sessionId)}/expire`, {
      method: 'POST',
      headers: { authorization: `Bearer ${EMULATOR_SECRET_KEY}` },
    });
    if (!response.ok) throw new Error(`expiring ${sessionId} → ${response.status}: ${await response.text()}`);
  }

  /** `GET /_emulator/health`: true once the emulator answers. */
  async healthy(): Promise<boolean> {
    try {
      return z.object({ ok: z.literal(true) }).safeParse(await this.control('GET', '/_emulator/health')).success;
    } catch {
      return false;
    }
  }

  /** Forgets all objects, events, requests, faults and the clock offset (webhook settings are kept). */
  async reset(): Promise<void> {
    await this.control('POST', '/_emulator/reset');
  }

  /** The emulator's clock, unix seconds. */
  async now(): Promise<number> {
    return z.object({ now: z.number() }).parse(await this.control('GET', '/_emulator/clock')).now;
  }

  /** Moves the clock (the app's follows it when APP_CLOCK_URL points here); open sessions past `expires_at` expire. */
  async advanceClock(seconds: number): Promise<number> {
    return z.object({ now: z.number() }).parse(await this.control('POST', '/_emulator/clock/advance', { seconds })).now;
  }

  /** The next `count` (default 1) matching API requests fail or slow down; returns the fault's id. */
  async injectFault(fault: EmulatorFault): Promise<string> {
    return z
      .object({ id: z.string() })
      .loose()
      .parse(await this.control('POST', '/_emulator/faults', fault)).id;
  }

  /** Whether the account has the server-side discounts preview, or refuses it as a 400 or a 403. */
  async setDiscountsPreview(discounts: 'granted' | 'refused_400' | 'refused_403'): Promise<void> {
    await this.control('POST', '/_emulator/preview', { discounts });
  }

  async clearFaults(): Promise<void> {
    await this.control('DELETE', '/_emulator/faults');
  }

  /** `/v1` API requests received since the last reset, oldest first (control and Stripe.js requests excluded). */
  async requests(): Promise<RequestLogEntry[]> {
    return requestLogSchema.parse(await this.control('GET', '/_emulator/requests')).data;
  }

  /** Webhook endpoint and delivery switches; returns how many events are held. */
  async configureWebhooks(settings: WebhookSettings): Promise<{ held: number }> {
    return z
      .object({ held: z.number().int() })
      .loose()
      .parse(await this.control('POST', '/_emulator/webhooks', settings));
  }

  /** Back to immediate, single, in-order delivery (un-pausing also delivers anything still held). */
  async resetWebhookSwitches(): Promise<void> {
    await this.configureWebhooks({ duplicate: false, outOfOrder: false, delayMs: 0, paused: false });
  }

  /** Delivers held events now; returns how many there were. */
  async flushWebhooks(): Promise<number> {
    return z.object({ flushed: z.number().int() }).parse(await this.control('POST', '/_emulator/webhooks/flush'))
      .flushed;
  }

  async deliveries(): Promise<Delivery[]> {
    return z
      .object({ data: z.array(deliverySchema) })
      .parse(await this.control('GET', '/_emulator/webhooks/deliveries')).data;
  }

  /** The raw stored session (`GET /_emulator/sessions/:id`): line items and rates, no totals. */
  async rawSession(sessionId: string): Promise<Record<string, unknown>> {
    return jsonRecord.parse(await this.control('GET', `/_emulator/sessions/${encodeURIComponent(sessionId)}`));
  }

  /** The session as stripe-node reads it (`GET /v1/checkout/sessions/:id`). */
  async session(sessionId: string): Promise<EmulatorSessionView> {
    return restSessionSchema.parse(await this.rest(`/checkout/sessions/${encodeURIComponent(sessionId)}`));
  }

  /** The session's tax as Stripe's API renders it (`automatic_tax`, `total_details.amount_tax`, line `amount_tax`). */
  async tax(sessionId: string): Promise<EmulatorTaxView> {
    const session = taxViewSchema.parse(
      await this.rest(`/checkout/sessions/${encodeURIComponent(sessionId)}?expand[]=line_items`),
    );
    return {
      status: session.automatic_tax.status,
      amountTax: session.total_details.amount_tax,
      amountTotal: session.amount_total,
      shippingTax: session.shipping_cost?.amount_tax ?? 0,
      lines: session.line_items.data.map((line) => ({
        description: line.description,
        amountTax: line.amount_tax,
        amountTotal: line.amount_total,
      })),
    };
  }

  /** The session's `amount_total` as Stripe's API renders it (after checking the emulator holds the session). */
  async amountTotal(sessionId: string): Promise<number> {
    await this.rawSession(sessionId);
    return (await this.session(sessionId)).amount_total;
  }

  /** Every event about one Checkout Session or its PaymentIntent, oldest first. */
  async eventsForSession(sessionId: string): Promise<EmulatorEvent[]> {
    const session = await this.session(sessionId);
    const ids = new Set([sessionId, ...(session.payment_intent ? [session.payment_intent] : [])]);
    const page = z.object({ data: z.array(eventSchema) }).parse(await this.rest('/events?limit=100'));
    return page.data.filter((event) => ids.has(event.data.object.id)).reverse();
  }

  /** The raw event JSON (what Stripe would POST), to re-sign or tamper with. */
  async rawEvent(eventId: string): Promise<Record<string, unknown>> {
    return jsonRecord.parse(await this.rest(`/events/${encodeURIComponent(eventId)}`));
  }

  /** Sets the session's email the way Stripe.js `checkout.updateEmail` does (browser API, publishable key). */
  updateEmail(session: { sessionId: string; clientSecret: string }, email: string): Promise<void> {
    return this.browserUpdate(session, { email }, 'updateEmail');
  }

  /**
   * Selects one of the session's shipping options the way Stripe.js's `updateShippingOption` does (browser API,
   * publishable key) — the shopper's choice at Stripe, which the server's record does not see.
   */
  selectShippingRate(session: { sessionId: string; clientSecret: string }, shippingRateId: string): Promise<void> {
    return this.browserUpdate(session, { shipping_rate: shippingRateId }, `selecting ${shippingRateId}`);
  }

  private async browserUpdate(
    session: { sessionId: string; clientSecret: string },
    change: Record<string, string>,
    what: string,
  ): Promise<void> {
    const response = await fetch(`${this.url}/v1/elements/sessions/${encodeURIComponent(session.sessionId)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${EMULATOR_PUBLISHABLE_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ client_secret: session.clientSecret, ...change }),
    });
    if (!response.ok) throw new Error(`${what} → ${response.status}: ${await response.text()}`);
  }

  /** Pays a session the way the stand-in Stripe.js does (browser API, publishable key); the raw answer. */
  confirmPayment(
    session: { sessionId: string; clientSecret: string },
    options: { card?: BrowserCard | string; email?: string } = {},
  ): Promise<Response> {
    const card = typeof options.card === 'string' ? { ...APPROVED_CARD, number: options.card } : options.card;
    return fetch(`${this.url}/v1/elements/sessions/${encodeURIComponent(session.sessionId)}/confirm`, {
      method: 'POST',
      headers: { authorization: `Bearer ${EMULATOR_PUBLISHABLE_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        client_secret: session.clientSecret,
        email: options.email ?? 'shopper@example.com',
        card: card ?? APPROVED_CARD,
      }),
    });
  }
}

// Function forms for the Vitest suites, which pass the emulator's URL around (`env.emulatorUrl`).

/** `/v1` API requests the emulator received since its last reset, oldest first. */
export function emulatorRequests(emulatorUrl: string): Promise<RequestLogEntry[]> {
  return new EmulatorControl(emulatorUrl).requests();
}

export function resetEmulator(emulatorUrl: string): Promise<void> {
  return new EmulatorControl(emulatorUrl).reset();
}

export async function injectFault(emulatorUrl: string, fault: EmulatorFault): Promise<void> {
  await new EmulatorControl(emulatorUrl).injectFault(fault);
}

export async function advanceEmulatorClock(emulatorUrl: string, seconds: number): Promise<void> {
  await new EmulatorControl(emulatorUrl).advanceClock(seconds);
}

export function emulatorSession(emulatorUrl: string, sessionId: string): Promise<Record<string, unknown>> {
  return new EmulatorControl(emulatorUrl).rawSession(sessionId);
}

/** Pays a session the way the stand-in Stripe.js does (browser API, publishable key). */
export function payCheckoutSession(
  emulatorUrl: string,
  session: { sessionId: string; clientSecret: string },
  card = APPROVED_CARD.number,
): Promise<Response> {
  return new EmulatorControl(emulatorUrl).confirmPayment(session, { card });
}
