import { z } from 'zod';
import { sweepExpiredSessions } from './checkout/lifecycle';
import type { Emulator } from './emulator';
import { faultSchema } from './faults';
import { invalidRequest, resourceMissing } from './http/errors';
import { Router } from './http/router';
import { DISCOUNTS_PREVIEW_ACCESS } from './store';
import { webhookConfigSchema } from './webhooks';

/** Test-only control API under `/_emulator` (JSON, no auth). */
export interface ControlRequest {
  emulator: Emulator;
  pathParams: Record<string, string>;
  body: unknown;
}

function parseJson<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue?.path.map(String).join('.') || undefined;
  throw invalidRequest(`Invalid body${param ? ` (${param})` : ''}: ${issue?.message ?? 'unexpected value'}`, {
    code: 'parameter_invalid',
    param,
  });
}

export function createControlRouter(): Router<ControlRequest> {
  const router = new Router<ControlRequest>();
  router.add('GET', '/_emulator/health', () => ({ ok: true }));
  router.add('POST', '/_emulator/reset', ({ emulator }) => {
    emulator.reset();
    return { ok: true };
  });
  router.add('GET', '/_emulator/clock', ({ emulator }) => ({ now: emulator.store.clock.now() }));
  router.add('POST', '/_emulator/clock/advance', ({ emulator, body }) => {
    const { seconds } = parseJson(
      z.strictObject({
        seconds: z
          .number()
          .int()
          .min(0)
          .max(10 * 365 * 86400),
      }),
      body,
    );
    emulator.store.clock.advance(seconds);
    sweepExpiredSessions(emulator.store);
    return { now: emulator.store.clock.now() };
  });
  router.add('POST', '/_emulator/faults', ({ emulator, body }) => {
    const fault = emulator.faults.add(parseJson(faultSchema, body));
    return { id: fault.id, fault };
  });
  router.add('GET', '/_emulator/faults', ({ emulator }) => ({ data: emulator.faults.list() }));
  router.add('DELETE', '/_emulator/faults', ({ emulator }) => {
    emulator.faults.clear();
    return { ok: true };
  });
  router.add('POST', '/_emulator/preview', ({ emulator, body }) => {
    const { discounts } = parseJson(z.strictObject({ discounts: z.enum(DISCOUNTS_PREVIEW_ACCESS) }), body);
    emulator.store.discountsPreview = discounts;
    return { discounts };
  });
  router.add('GET', '/_emulator/requests', ({ emulator }) => ({ data: emulator.requests }));
  router.add('POST', '/_emulator/webhooks', ({ emulator, body }) => {
    const settings = emulator.configureWebhooks(parseJson(webhookConfigSchema, body));
    return { ...settings, secret: undefined, held: emulator.webhooks.heldCount() };
  });
  router.add('GET', '/_emulator/webhooks', ({ emulator }) => ({
    ...emulator.webhooks.settings,
    secret: undefined,
    held: emulator.webhooks.heldCount(),
  }));
  router.add('POST', '/_emulator/webhooks/flush', ({ emulator }) => {
    const held = emulator.webhooks.heldCount();
    emulator.webhooks.flush();
    return { flushed: held };
  });
  router.add('GET', '/_emulator/webhooks/deliveries', ({ emulator }) => ({ data: emulator.webhooks.deliveries() }));
  router.add('GET', '/_emulator/sessions/:id', ({ emulator, pathParams }) => {
    const id = pathParams.id ?? '';
    const record = emulator.store.sessions.get(id);
    if (!record) throw resourceMissing('checkout.session', id);
    return record;
  });
  return router;
}
