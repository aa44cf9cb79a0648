import type * as z from 'zod/mini';
import {
  confirmResponseSchema,
  type EmulatorSession,
  emulatorSessionSchema,
  stripeErrorBodySchema,
} from './session-schema';

/** A failed browser API call, carrying Stripe's error fields when the emulator sent them. */
export class StripeApiError extends Error {
  readonly status: number;
  readonly type: string | null;
  readonly code: string | null;
  readonly declineCode: string | null;

  constructor(
    message: string,
    details: { status: number; type?: string | null; code?: string | null; declineCode?: string | null },
  ) {
    super(message);
    this.name = 'StripeApiError';
    this.status = details.status;
    this.type = details.type ?? null;
    this.code = details.code ?? null;
    this.declineCode = details.declineCode ?? null;
  }
}

export type Contact = {
  name: string | null;
  address: {
    line1: string | null;
    line2: string | null;
    city: string | null;
    state: string | null;
    postal_code: string | null;
    country: string;
  };
};

export type SessionUpdate = {
  shipping_rate?: string;
  email?: string | null;
  shipping_address?: Contact | null;
  promotion_code?: string | null;
};

export type ConfirmRequest = {
  email?: string;
  card: { number: string; exp_month: number; exp_year: number; cvc: string };
  billing_details?: { name?: string | null; email?: string | null; address?: Contact['address'] };
};

export type BrowserApi = {
  readonly sessionId: string;
  getSession(): Promise<EmulatorSession>;
  updateSession(update: SessionUpdate): Promise<EmulatorSession>;
  confirm(request: ConfirmRequest): Promise<{ session: EmulatorSession; returnUrl: string | null }>;
};

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** `cs_test_abc_secret_xyz` → `cs_test_abc`. */
export function sessionIdFromClientSecret(clientSecret: string): string {
  const index = clientSecret.indexOf('_secret_');
  if (index <= 0) throw new StripeApiError('Invalid client secret.', { status: 0 });
  return clientSecret.slice(0, index);
}

/** The emulator's browser API (`/v1/elements/sessions/…`), authenticated as Stripe.js is: publishable key + client secret. */
export function createBrowserApi(options: {
  origin: string;
  publishableKey: string;
  clientSecret: string;
  fetch?: FetchLike;
}): BrowserApi {
  const { origin, publishableKey, clientSecret } = options;
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const sessionId = sessionIdFromClientSecret(clientSecret);
  const base = `${origin}/v1/elements/sessions/${encodeURIComponent(sessionId)}`;
  const headers = { Authorization: `Bearer ${publishableKey}` };

  async function call<T extends z.ZodMiniType>(url: string, schema: T, body?: object): Promise<z.output<T>> {
    let response: Response;
    try {
      response = await doFetch(url, {
        method: body ? 'POST' : 'GET',
        headers: body ? { ...headers, 'Content-Type': 'application/json' } : headers,
        body: body ? JSON.stringify({ client_secret: clientSecret, ...body }) : undefined,
      });
    } catch {
      throw new StripeApiError('Could not reach the Stripe emulator.', { status: 0 });
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) throw toApiError(response.status, json);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new StripeApiError(`The Stripe emulator sent an unexpected answer: ${parsed.error.message}`, {
        status: response.status,
      });
    }
    return parsed.data;
  }

  return {
    sessionId,
    getSession: () => call(`${base}?client_secret=${encodeURIComponent(clientSecret)}`, emulatorSessionSchema),
    updateSession: (update) => call(base, emulatorSessionSchema, update),
    confirm: async (request) => {
      const answer = await call(`${base}/confirm`, confirmResponseSchema, request);
      return { session: answer.session, returnUrl: answer.return_url ?? null };
    },
  };
}

function toApiError(status: number, json: unknown): StripeApiError {
  const parsed = stripeErrorBodySchema.safeParse(json);
  if (!parsed.success) return new StripeApiError(`The Stripe emulator answered ${status}.`, { status });
  const { error } = parsed.data;
  return new StripeApiError(error.message ?? `The Stripe emulator answered ${status}.`, {
    status,
    type: error.type,
    code: error.code,
    declineCode: error.decline_code,
  });
}
