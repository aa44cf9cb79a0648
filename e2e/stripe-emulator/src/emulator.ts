import type { IncomingMessage, ServerResponse } from 'node:http';
import { createApiRouter } from './api';
import { type BrowserRequest, createBrowserRouter } from './browser-api';
import { sweepExpiredSessions } from './checkout/lifecycle';
import { type ControlRequest, createControlRouter } from './control';
import { Faults } from './faults';
import { apiError, StripeApiError } from './http/errors';
import { IdempotencyStore } from './http/idempotency';
import { bearerKey, CORS_HEADERS, header, readBody, send, sendJson } from './http/respond';
import type { ApiRequest, Router } from './http/router';
import { newId } from './ids';
import { handleRest, type RequestLogEntry } from './rest';
import { Store } from './store';
import { StripeJsBundle } from './stripejs-bundle';
import { type WebhookConfig, type WebhookConfigPatch, WebhookDispatcher } from './webhooks';

export interface EmulatorConfig {
  webhookUrl?: string;
  webhookSecret?: string;
  /** First webhook retry delay in ms (doubles each attempt); default 500. */
  webhookRetryBaseMs?: number;
}

function parseJsonBody(raw: string): unknown {
  if (raw.trim() === '') return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw new StripeApiError(400, {
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      message: 'The request body is not valid JSON.',
    });
  }
}

/** How long a browser may reuse the stand-in Stripe.js before revalidating it (then a 304 while it is unchanged). */
export const STRIPE_JS_CACHE_CONTROL = 'public, max-age=300';

/** The encoding to answer for an `Accept-Encoding` header: brotli, else gzip, else none (q=0 refuses one). */
export function acceptedEncoding(acceptEncoding: string | null): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    accepted.set(name, Number.isFinite(quality) ? quality : 0);
  }
  const quality = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  const br = quality('br');
  const gz = Math.max(quality('gzip'), quality('x-gzip'));
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return null;
}

/** Whether an `If-None-Match` header names `etag` (weak comparison, as for GET; `*` matches). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** All emulator state and the HTTP dispatch for the REST API, the browser API, the control API and /stripe.js. */
export class Emulator {
  readonly store = new Store();
  readonly faults = new Faults();
  readonly idempotency = new IdempotencyStore(this.store.clock);
  readonly webhooks: WebhookDispatcher;
  readonly bundle = new StripeJsBundle();
  readonly api: Router<ApiRequest> = createApiRouter();
  readonly browser: Router<BrowserRequest> = createBrowserRouter();
  readonly control: Router<ControlRequest> = createControlRouter();
  requests: RequestLogEntry[] = [];
  private readonly sleepers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();

  constructor(config: EmulatorConfig = {}) {
    const initial: Partial<WebhookConfig> = { url: config.webhookUrl ?? null };
    if (config.webhookSecret) initial.secret = config.webhookSecret;
    if (config.webhookRetryBaseMs !== undefined) initial.retryBaseMs = config.webhookRetryBaseMs;
    this.webhooks = new WebhookDispatcher(initial);
    this.store.webhookEndpointCount = config.webhookUrl ? 1 : 0;
    this.store.onEvent((event) => this.webhooks.enqueue(event));
  }

  configureWebhooks(patch: WebhookConfigPatch): WebhookConfig {
    const settings = this.webhooks.configure(patch);
    this.store.webhookEndpointCount = settings.url ? 1 : 0;
    return settings;
  }

  /** A wait that `close()` cuts short (used by latency and timeout faults). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const sleeper = {
        timer: setTimeout(() => {
          this.sleepers.delete(sleeper);
          resolve();
        }, ms),
        resolve,
      };
      this.sleepers.add(sleeper);
    });
  }

  reset(): void {
    this.store.reset();
    this.faults.clear();
    this.idempotency.reset();
    this.webhooks.reset();
    this.requests = [];
  }

  close(): void {
    this.webhooks.close();
    for (const sleeper of this.sleepers) {
      clearTimeout(sleeper.timer);
      sleeper.resolve();
    }
    this.sleepers.clear();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const path = url.pathname;
    try {
      if (path === '/stripe.js' || path.startsWith('/v1/elements/')) {
        if (req.method === 'OPTIONS') return send(res, 204, '', CORS_HEADERS);
        if (path === '/stripe.js') return await this.serveStripeJs(req, res);
        return await this.handleBrowser(req, res, url);
      }
      if (path.startsWith('/_emulator/')) return await this.handleControl(req, res, url);
      if (path.startsWith('/v1/')) return await handleRest(this, req, res, url);
      sendJson(res, 404, {
        error: { type: 'invalid_request_error', code: 'not_found', message: `Nothing here: ${path}` },
      });
    } catch (caught) {
      const error =
        caught instanceof StripeApiError ? caught : apiError(caught instanceof Error ? caught.message : String(caught));
      sendJson(res, error.status, { error: error.body });
    }
  }

  /**
   * The stand-in Stripe.js: brotli or gzip when the client accepts it, cacheable for 5 minutes and revalidated with
   * its ETag (a 304 when unchanged). A script that failed to build is never cached.
   */
  private async serveStripeJs(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const script = await this.bundle.get();
    const type = 'application/javascript; charset=utf-8';
    if (!script.etag || !script.encoded) {
      return send(res, script.status, script.body, { ...CORS_HEADERS, 'Cache-Control': 'no-store' }, type);
    }
    const headers: Record<string, string> = {
      ...CORS_HEADERS,
      'Cache-Control': STRIPE_JS_CACHE_CONTROL,
      ETag: script.etag,
      Vary: 'Accept-Encoding',
    };
    if (etagMatches(header(req, 'if-none-match'), script.etag)) {
      if (res.headersSent || res.destroyed) return;
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const encoding = acceptedEncoding(header(req, 'accept-encoding'));
    const body = encoding ? script.encoded[encoding] : Buffer.from(script.body);
    if (res.headersSent || res.destroyed) return;
    res.writeHead(script.status, {
      ...headers,
      'Content-Type': type,
      'Content-Length': body.length,
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  private async handleBrowser(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const requestId = newId.request();
    const headers = { ...CORS_HEADERS, 'Request-Id': requestId };
    const reply = (status: number, value: unknown) => sendJson(res, status, value, headers);
    try {
      const raw = await readBody(req);
      const key = bearerKey(header(req, 'authorization') ?? undefined);
      if (!key || !/^pk_test_\w+$/.test(key)) {
        return reply(401, {
          error: { type: 'authentication_error', message: 'The browser API needs `Authorization: Bearer pk_test_…`.' },
        });
      }
      const method = (req.method ?? 'GET').toUpperCase();
      const fault = this.faults.take(method, url.pathname);
      if (fault) {
        await this.sleep(fault.latencyMs);
        if (fault.kind !== 'latency') {
          const status = fault.kind === 'rate_limit' ? 429 : fault.status;
          return reply(status, {
            error: { type: fault.kind === 'rate_limit' ? 'rate_limit_error' : 'api_error', message: 'Emulated fault' },
          });
        }
      }
      const match = this.browser.match(method, url.pathname);
      if (match.kind === 'not_found') {
        return reply(404, {
          error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${url.pathname}).` },
        });
      }
      sweepExpiredSessions(this.store);
      const body = method === 'POST' ? parseJsonBody(raw) : {};
      const result = match.handler({ store: this.store, pathParams: match.pathParams, query: url.searchParams, body });
      reply(200, result);
    } catch (caught) {
      const error =
        caught instanceof StripeApiError ? caught : apiError(caught instanceof Error ? caught.message : String(caught));
      reply(error.status, { error: error.body });
    }
  }

  private async handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const match = this.control.match(method, url.pathname);
    if (match.kind === 'not_found') {
      return sendJson(res, 404, {
        error: {
          type: 'invalid_request_error',
          code: 'not_found',
          message: `No control route ${method} ${url.pathname}`,
        },
      });
    }
    const raw = await readBody(req);
    const body = method === 'POST' ? parseJsonBody(raw) : {};
    sendJson(res, 200, match.handler({ emulator: this, pathParams: match.pathParams, body }));
  }
}
