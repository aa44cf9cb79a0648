import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { z } from 'zod';

/** What the harness saw arrive at its webhook endpoint. */
export type WebhookLog = { events: Stripe.Event[]; rejected: string[] };

export type HarnessServer = {
  url: string;
  webhooks: WebhookLog;
  /** Points the harness's stripe-node client at the emulator (known only after the emulator starts). */
  useEmulator(emulatorUrl: string): void;
  close(): Promise<void>;
};

export const HARNESS_PUBLISHABLE_KEY = 'pk_test_emulator';
export const SHIRT = { name: 'T-shirt', unitAmount: 2000 };
export const GIFT_WRAP = { name: 'Gift wrap', unitAmount: 500 };

const giftWrapBody = z.object({ sessionId: z.string().regex(/^cs_/) });
const createBody = z.object({ collectShipping: z.boolean().default(false) });
export const SHIPPING_COUNTRIES = ['US', 'CA'] as const;

/**
 * The merchant side of the harness: serves the page (stand-in Stripe.js first, then the React bundle), creates
 * sessions and adds gift wrap through stripe-node against the emulator, and verifies webhook signatures.
 * The server decides every price; the page only sends a session id.
 */
export async function startHarnessServer(options: {
  appBundle: string;
  webhookSecret: string;
}): Promise<HarnessServer> {
  let emulatorUrl: string | null = null;
  let stripe: Stripe | null = null;
  const webhooks: WebhookLog = { events: [], rejected: [] };

  const stripeClient = (): Stripe => {
    if (!stripe) throw new Error('The harness is not connected to the emulator yet.');
    return stripe;
  };

  async function route(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (req.method === 'GET' && url.pathname === '/') return send(res, 200, 'text/html', pageHtml(emulatorUrl));
    if (req.method === 'GET' && url.pathname === '/app.js') return send(res, 200, 'text/javascript', options.appBundle);
    if (req.method === 'GET' && url.pathname === '/complete') {
      return send(res, 200, 'text/html', completeHtml(url.searchParams.get('session_id') ?? ''));
    }
    if (req.method === 'POST' && url.pathname === '/api/sessions') {
      const parsed = createBody.safeParse(await readJson(req));
      if (!parsed.success) return json(res, 400, { error: { code: 'invalid_body', message: parsed.error.message } });
      const session = await stripeClient().checkout.sessions.create({
        ...(parsed.data.collectShipping
          ? { shipping_address_collection: { allowed_countries: [...SHIPPING_COUNTRIES] } }
          : {}),
        ui_mode: 'elements',
        mode: 'payment',
        line_items: [
          {
            price_data: { currency: 'usd', unit_amount: SHIRT.unitAmount, product_data: { name: SHIRT.name } },
            quantity: 1,
          },
        ],
        return_url: `${origin}/complete?session_id={CHECKOUT_SESSION_ID}`,
      });
      return json(res, 200, { sessionId: session.id, clientSecret: session.client_secret });
    }
    if (req.method === 'POST' && url.pathname === '/api/gift-wrap') {
      const parsed = giftWrapBody.safeParse(await readJson(req));
      if (!parsed.success)
        return json(res, 400, { error: { code: 'invalid_body', message: 'sessionId is required.' } });
      await addGiftWrap(stripeClient(), parsed.data.sessionId);
      return json(res, 200, { ok: true });
    }
    if (req.method === 'POST' && url.pathname === '/webhook') {
      const raw = await readBody(req);
      try {
        const event = stripeClient().webhooks.constructEvent(
          raw,
          String(req.headers['stripe-signature'] ?? ''),
          options.webhookSecret,
        );
        webhooks.events.push(event);
        return json(res, 200, { received: true });
      } catch (error) {
        webhooks.rejected.push(error instanceof Error ? error.message : String(error));
        return json(res, 400, { error: { code: 'bad_signature', message: 'Webhook signature verification failed.' } });
      }
    }
    return json(res, 404, { error: { code: 'not_found', message: `No route for ${req.method} ${url.pathname}` } });
  }

  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    route(req, res, origin).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) json(res, 502, { error: { code: 'stripe_failed', message } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    webhooks,
    useEmulator(url) {
      emulatorUrl = url;
      const target = new URL(url);
      stripe = new Stripe('sk_test_emulator', {
        host: target.hostname,
        port: Number(target.port),
        protocol: 'http',
        maxNetworkRetries: 0,
        telemetry: false,
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Full-state update: resend every line the session has, plus gift wrap once. */
async function addGiftWrap(stripe: Stripe, sessionId: string): Promise<void> {
  const current = await stripe.checkout.sessions.listLineItems(sessionId, { limit: 100 });
  if (current.data.some((item) => item.description === GIFT_WRAP.name)) return;
  await stripe.checkout.sessions.update(sessionId, {
    line_items: [
      ...current.data.map((item) => ({ id: item.id })),
      {
        price_data: { currency: 'usd', unit_amount: GIFT_WRAP.unitAmount, product_data: { name: GIFT_WRAP.name } },
        quantity: 1,
      },
    ],
  });
}

function pageHtml(emulatorUrl: string | null): string {
  // The stand-in is a blocking script in <head>, so window.Stripe exists before @stripe/stripe-js runs.
  const standIn = emulatorUrl ? `<script src="${emulatorUrl}/stripe.js"></script>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout harness</title>${standIn}</head>
<body><div id="root"></div><script src="/app.js"></script></body></html>`;
}

function completeHtml(sessionId: string): string {
  const safe = sessionId.replace(/[^\w-]/g, '');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Order complete</title></head>
<body><main><h1>Payment complete</h1><p>Session <code>${safe}</code></p></main></body></html>`;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json', JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  try {
    return JSON.parse(await readBody(req));
  } catch {
    return null;
  }
}
