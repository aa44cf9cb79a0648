import type { IncomingMessage, ServerResponse } from 'node:http';
import { sweepExpiredSessions } from './checkout/lifecycle';
import type { Emulator } from './emulator';
import type { Fault } from './faults';
import { apiError, StripeApiError } from './http/errors';
import { FormError, parseForm } from './http/form';
import { bearerKey, header, readBody, send } from './http/respond';
import { newId } from './ids';
import { API_VERSION } from './store';

/** One line of `GET /_emulator/requests`. */
export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  stripeVersion: string | null;
  idempotencyKey: string | null;
}

function errorJson(error: StripeApiError): string {
  return `${JSON.stringify({ error: error.body }, null, 2)}\n`;
}

function authError(key: string | null): StripeApiError | null {
  const refuse = (message: string) => new StripeApiError(401, { type: 'authentication_error', message });
  if (!key) {
    return refuse(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (key.startsWith('pk_'))
    return refuse('This API call cannot be made with a publishable API key. Please use a secret API key.');
  if (!/^(sk|rk)_test_\w+$/.test(key))
    return refuse(
      `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`,
    );
  return null;
}

function faultError(fault: Fault): StripeApiError {
  if (fault.kind === 'rate_limit') {
    return new StripeApiError(fault.status, {
      type: 'rate_limit_error',
      code: 'rate_limit',
      message: 'Request rate limit exceeded. (emulated fault)',
    });
  }
  return apiError(
    fault.kind === 'timeout'
      ? 'The request took too long and was aborted. (emulated timeout fault)'
      : 'An unknown error occurred. (emulated fault)',
    fault.status,
  );
}

function idempotencyError(status: number, message: string, code?: string): StripeApiError {
  return new StripeApiError(status, { type: 'idempotency_error', message, code }, 'validation');
}

/**
 * The stripe-node facing API: auth, fault injection, form params, idempotency, routing, Stripe error bodies,
 * `Request-Id`, and the request log.
 */
export async function handleRest(
  emulator: Emulator,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const requestId = newId.request();
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname;
  const stripeVersion = header(req, 'stripe-version');
  const idempotencyKey = method === 'POST' ? header(req, 'idempotency-key') : null;
  const entry: RequestLogEntry = { method, path, status: 0, stripeVersion, idempotencyKey };
  emulator.requests.push(entry);
  const respond = (status: number, body: string, extra: Record<string, string> = {}) => {
    entry.status = status;
    send(res, status, body, { 'Request-Id': requestId, 'Stripe-Version': stripeVersion ?? API_VERSION, ...extra });
  };
  let keyHeld = false;
  try {
    const raw = await readBody(req);
    const auth = authError(bearerKey(header(req, 'authorization') ?? undefined));
    if (auth) return respond(auth.status, errorJson(auth));
    const fault = emulator.faults.take(method, path);
    if (fault && fault.kind !== 'latency' && fault.kind !== 'lost') {
      if (fault.kind === 'timeout') await emulator.sleep(fault.latencyMs);
      const error = faultError(fault);
      return respond(error.status, errorJson(error));
    }
    const params = parseForm(method === 'POST' ? raw : url.search.slice(1));
    if (idempotencyKey) {
      const decision = emulator.idempotency.begin(idempotencyKey, `${method} ${path}`, params);
      if (decision.kind === 'replay') {
        const stored = decision.response;
        return respond(stored.status, stored.body, {
          'Idempotent-Replayed': 'true',
          'Original-Request': stored.requestId,
        });
      }
      if (decision.kind === 'in_flight') {
        const error = idempotencyError(
          409,
          `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${idempotencyKey}. Please try again later.`,
          'idempotency_key_in_use',
        );
        return respond(error.status, errorJson(error));
      }
      if (decision.kind !== 'new') {
        const error = idempotencyError(
          400,
          decision.kind === 'endpoint_mismatch'
            ? `Keys for idempotent requests can only be used for the same endpoint they were first used for. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`
            : `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
        );
        return respond(error.status, errorJson(error));
      }
      keyHeld = true;
    }
    if (fault?.kind === 'latency') await emulator.sleep(fault.latencyMs);
    sweepExpiredSessions(emulator.store);
    const { status, body, stage } = runRoute(emulator, method, path, params, requestId, stripeVersion, idempotencyKey);
    if (idempotencyKey && keyHeld) {
      if (stage === 'validation') emulator.idempotency.release(idempotencyKey);
      else emulator.idempotency.complete(idempotencyKey, { status, body, requestId });
      keyHeld = false;
    }
    if (fault?.kind === 'lost') {
      const error = apiError('An unknown error occurred. (emulated lost response: the request was applied)', 500);
      return respond(error.status, errorJson(error));
    }
    respond(status, body);
  } catch (caught) {
    if (idempotencyKey && keyHeld) emulator.idempotency.release(idempotencyKey);
    const error =
      caught instanceof StripeApiError
        ? caught
        : caught instanceof FormError
          ? new StripeApiError(400, {
              type: 'invalid_request_error',
              message: caught.message,
              code: 'parameter_invalid',
              param: caught.param,
            })
          : apiError(`Emulator error: ${caught instanceof Error ? caught.message : String(caught)}`);
    respond(error.status, errorJson(error));
  }
}

function runRoute(
  emulator: Emulator,
  method: string,
  path: string,
  params: ReturnType<typeof parseForm>,
  requestId: string,
  stripeVersion: string | null,
  idempotencyKey: string | null,
): { status: number; body: string; stage: 'validation' | 'execution' } {
  const match = emulator.api.match(method, path);
  if (match.kind === 'not_found') {
    const error = new StripeApiError(
      404,
      {
        type: 'invalid_request_error',
        message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      },
      'validation',
    );
    return { status: error.status, body: errorJson(error), stage: error.stage };
  }
  try {
    const result = match.handler({
      method,
      path,
      params,
      pathParams: match.pathParams,
      requestId,
      idempotencyKey,
      stripeVersion,
      store: emulator.store,
    });
    return { status: 200, body: `${JSON.stringify(result, null, 2)}\n`, stage: 'execution' };
  } catch (caught) {
    const error =
      caught instanceof StripeApiError
        ? caught
        : apiError(`Emulator error: ${caught instanceof Error ? caught.message : String(caught)}`);
    return { status: error.status, body: errorJson(error), stage: error.stage };
  }
}
