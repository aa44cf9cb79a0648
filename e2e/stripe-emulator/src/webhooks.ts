import { createHmac } from 'node:crypto';
import type Stripe from 'stripe';
import { z } from 'zod';

export const DEFAULT_WEBHOOK_SECRET = 'whsec_local_emulator_secret';

export const webhookConfigSchema = z.strictObject({
  url: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
  secret: z.string().min(1).optional(),
  duplicate: z.boolean().optional(),
  outOfOrder: z.boolean().optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  paused: z.boolean().optional(),
  retryBaseMs: z.number().int().min(0).max(600_000).optional(),
  maxAttempts: z.number().int().min(1).max(20).optional(),
  outOfOrderWindowMs: z.number().int().min(0).max(600_000).optional(),
});
export type WebhookConfigPatch = z.output<typeof webhookConfigSchema>;

export interface WebhookConfig {
  url: string | null;
  secret: string;
  duplicate: boolean;
  outOfOrder: boolean;
  delayMs: number;
  paused: boolean;
  /** First retry after this many ms, doubling each time (0.5 s, 1 s, 2 s, 4 s by default). */
  retryBaseMs: number;
  maxAttempts: number;
  /** How long out-of-order mode holds events before delivering them newest first. */
  outOfOrderWindowMs: number;
}

export interface Delivery {
  eventId: string;
  type: string;
  attempt: number;
  /** HTTP status of the endpoint's answer; 0 for a network error or timeout. */
  status: number;
  /** Unix milliseconds (real time). */
  deliveredAt: number;
  error?: string;
}

const ATTEMPT_TIMEOUT_MS = 10_000;

/** `t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, verifiable with `stripe.webhooks.constructEvent`. */
export function signatureHeader(body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

/**
 * Delivers each event to the configured endpoint, signed, retrying non-2xx answers and network errors with
 * exponential backoff. Switches: duplicate, outOfOrder, delayMs, paused.
 */
export class WebhookDispatcher {
  private config: WebhookConfig;
  private held: Stripe.Event[] = [];
  private log: Delivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly aborts = new Set<AbortController>();
  private chain: Promise<void> = Promise.resolve();
  private windowTimer: NodeJS.Timeout | null = null;
  private generation = 0;

  constructor(initial: Partial<WebhookConfig>) {
    this.config = {
      url: null,
      secret: DEFAULT_WEBHOOK_SECRET,
      duplicate: false,
      outOfOrder: false,
      delayMs: 0,
      paused: false,
      retryBaseMs: 500,
      maxAttempts: 5,
      outOfOrderWindowMs: 250,
      ...initial,
    };
  }

  get settings(): WebhookConfig {
    return { ...this.config };
  }

  configure(patch: WebhookConfigPatch): WebhookConfig {
    const wasHolding = this.config.paused;
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    this.config = { ...this.config, ...defined };
    if (wasHolding && !this.config.paused) this.flush();
    return this.settings;
  }

  enqueue(event: Stripe.Event): void {
    if (!this.config.url) return;
    if (this.config.paused || this.config.outOfOrder) {
      this.held.push(event);
      if (!this.config.paused) this.restartWindow();
      return;
    }
    this.dispatch(event);
  }

  /** Delivers held events now: newest first in out-of-order mode, else in order. */
  flush(): void {
    if (this.windowTimer) clearTimeout(this.windowTimer);
    this.windowTimer = null;
    const events = this.config.outOfOrder ? [...this.held].reverse() : [...this.held];
    this.held = [];
    for (const event of events) this.dispatch(event);
  }

  deliveries(): Delivery[] {
    return [...this.log];
  }

  heldCount(): number {
    return this.held.length;
  }

  /** Resolves when no delivery is in flight or waiting for a retry. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Forgets held events and the delivery log, cancels pending retries; the configuration is kept. */
  reset(): void {
    this.generation += 1;
    this.cancelAll();
    this.held = [];
    this.log = [];
    this.chain = Promise.resolve();
  }

  close(): void {
    this.generation += 1;
    this.cancelAll();
  }

  private cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (this.windowTimer) clearTimeout(this.windowTimer);
    this.windowTimer = null;
    for (const controller of this.aborts) controller.abort();
    this.aborts.clear();
  }

  private restartWindow(): void {
    if (this.windowTimer) clearTimeout(this.windowTimer);
    this.windowTimer = setTimeout(() => {
      this.windowTimer = null;
      if (!this.config.paused) this.flush();
    }, this.config.outOfOrderWindowMs);
  }

  private dispatch(event: Stripe.Event): void {
    const copies = this.config.duplicate ? 2 : 1;
    for (let copy = 0; copy < copies; copy++) {
      const generation = this.generation;
      const run = this.chain.then(() => this.deliverWithRetries(event, generation));
      this.chain = run.catch(() => undefined);
      this.track(run);
    }
  }

  private track(promise: Promise<void>): void {
    const tracked = promise.catch(() => undefined).finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private async deliverWithRetries(event: Stripe.Event, generation: number): Promise<void> {
    await this.sleep(this.config.delayMs);
    if (generation !== this.generation) return;
    const ok = await this.attempt(event, 1, generation);
    // Retries run in the background: the next event's first attempt does not wait for them.
    if (!ok && this.config.maxAttempts > 1) this.track(this.retryFrom(event, generation));
  }

  private async retryFrom(event: Stripe.Event, generation: number): Promise<void> {
    for (let attempt = 2; attempt <= this.config.maxAttempts; attempt++) {
      await this.sleep(this.config.retryBaseMs * 2 ** (attempt - 2));
      if (generation !== this.generation) return;
      if (await this.attempt(event, attempt, generation)) return;
    }
  }

  private async attempt(event: Stripe.Event, attempt: number, generation: number): Promise<boolean> {
    const url = this.config.url;
    if (!url) return true;
    const body = JSON.stringify(event, null, 2);
    const controller = new AbortController();
    this.aborts.add(controller);
    const timeout = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS);
    const record: Delivery = { eventId: event.id, type: event.type, attempt, status: 0, deliveredAt: Date.now() };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Stripe-Signature': signatureHeader(body, this.config.secret),
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body,
        signal: controller.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      record.status = response.status;
      return response.status >= 200 && response.status < 300;
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
      return false;
    } finally {
      clearTimeout(timeout);
      this.aborts.delete(controller);
      if (generation === this.generation) this.log.push(record);
    }
  }
}
