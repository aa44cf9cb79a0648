import type Stripe from 'stripe';
import type { SessionRecord } from './checkout/record';
import { Clock } from './clock';
import { newId } from './ids';

export const API_VERSION = '2026-10-28.endive';

/** Which API request caused a change (Stripe's `event.request`); null for changes made by the clock. */
export interface RequestRef {
  id: string | null;
  idempotencyKey: string | null;
}

export type EventType = Stripe.Event['type'];
export type EventOf<T extends EventType> = Extract<Stripe.Event, { type: T }>;
type EventListener = (event: Stripe.Event) => void;

/** All emulated objects, in memory. Maps keep insertion order, which is creation order. */
export const DISCOUNTS_PREVIEW_ACCESS = ['granted', 'refused_400', 'refused_403'] as const;
export type DiscountsPreviewAccess = (typeof DISCOUNTS_PREVIEW_ACCESS)[number];

export class Store {
  readonly clock = new Clock();
  readonly products = new Map<string, Stripe.Product>();
  readonly prices = new Map<string, Stripe.Price>();
  readonly shippingRates = new Map<string, Stripe.ShippingRate>();
  readonly coupons = new Map<string, Stripe.Coupon>();
  readonly promotionCodes = new Map<string, Stripe.PromotionCode>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly paymentIntents = new Map<string, Stripe.PaymentIntent>();
  readonly customers = new Map<string, Stripe.Customer>();
  readonly refunds = new Map<string, Stripe.Refund>();
  readonly events = new Map<string, Stripe.Event>();
  private readonly listeners = new Set<EventListener>();
  /** How many webhook endpoints would receive an event (Stripe's `pending_webhooks`). */
  webhookEndpointCount = 0;
  /**
   * Whether this account has the server-side discounts preview: `granted`, or refused the way Stripe may refuse it —
   * a 400 naming the parameter, or a 403 permission error (set with `POST /_emulator/preview`).
   */
  discountsPreview: DiscountsPreviewAccess = 'granted';

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records one event (a snapshot of `object`) and hands it to the webhook dispatcher. */
  emit<T extends EventType>(
    type: T,
    object: EventOf<T>['data']['object'],
    request: RequestRef | null,
    previousAttributes?: Record<string, unknown>,
  ): EventOf<T> {
    const data = {
      object: structuredClone(object),
      ...(previousAttributes ? { previous_attributes: previousAttributes } : {}),
    };
    const event = {
      id: newId.event(),
      object: 'event',
      api_version: API_VERSION,
      created: this.clock.now(),
      data,
      livemode: false,
      pending_webhooks: this.webhookEndpointCount,
      request: request ? { id: request.id, idempotency_key: request.idempotencyKey } : null,
      type,
    } as unknown as EventOf<T>;
    this.events.set(event.id, event);
    for (const listener of this.listeners) listener(event);
    return event;
  }

  reset(): void {
    this.clock.reset();
    this.discountsPreview = 'granted';
    for (const map of [
      this.products,
      this.prices,
      this.shippingRates,
      this.coupons,
      this.promotionCodes,
      this.sessions,
      this.paymentIntents,
      this.customers,
      this.refunds,
      this.events,
    ]) {
      map.clear();
    }
  }
}
