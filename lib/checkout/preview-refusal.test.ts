import type Stripe from 'stripe';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSessionWithDiscountFallback, isDiscountPreviewRefusal } from '@/lib/checkout/preview-refusal';
import type { SessionCreateParamsWithPreview } from '@/lib/stripe/session-params';

afterEach(() => vi.restoreAllMocks());

const refusal = {
  type: 'StripeInvalidRequestError',
  code: 'parameter_unknown',
  param: 'permissions[update_discounts]',
  message: 'Received unknown parameter: permissions[update_discounts]',
};

const params: SessionCreateParamsWithPreview = {
  ui_mode: 'elements',
  mode: 'payment',
  permissions: { update_shipping_details: 'server_only', update_discounts: 'server_only' },
};

/** A stand-in for stripe-node's `checkout.sessions.create` that records what it was sent. */
function stubStripe(create: (p: SessionCreateParamsWithPreview) => Promise<unknown>) {
  const sent: SessionCreateParamsWithPreview[] = [];
  const stripe = {
    checkout: {
      sessions: {
        create: async (p: SessionCreateParamsWithPreview) => {
          sent.push(p);
          return create(p);
        },
      },
    },
  } as unknown as Pick<Stripe, 'checkout'>;
  return { stripe, sent };
}

describe('createSessionWithDiscountFallback', () => {
  it('creates with server-only discounts when Stripe accepts the preview', async () => {
    const { stripe, sent } = stubStripe(async () => ({ id: 'cs_test_1' }));
    await expect(createSessionWithDiscountFallback(stripe, params)).resolves.toMatchObject({ serverDiscounts: true });
    expect(sent).toHaveLength(1);
  });

  it('logs one clear line and creates the session without the preview when Stripe refuses it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { stripe, sent } = stubStripe(async (p) => {
      if (p.permissions?.update_discounts) throw refusal;
      return { id: 'cs_test_2' };
    });
    const created = await createSessionWithDiscountFallback(stripe, params);
    expect(created).toMatchObject({ serverDiscounts: false, session: { id: 'cs_test_2' } });
    expect(sent[1]?.permissions).toEqual({ update_shipping_details: 'server_only' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /Stripe refused server-side discounts \(private preview, checkout_server_update_beta=v1\): request access/,
    );
  });

  it('passes other refusals on as app errors without retrying', async () => {
    const { stripe, sent } = stubStripe(async () => {
      throw { ...refusal, param: 'line_items[0][quantity]', message: 'Invalid integer' };
    });
    await expect(createSessionWithDiscountFallback(stripe, params)).rejects.toMatchObject({ status: 502 });
    expect(sent).toHaveLength(1);
  });
});

describe('isDiscountPreviewRefusal', () => {
  it('recognises a refused discounts update, and nothing else', () => {
    expect(isDiscountPreviewRefusal({ ...refusal, param: 'discounts' })).toBe(true);
    expect(isDiscountPreviewRefusal({ ...refusal, type: 'StripeAPIError' })).toBe(false);
    expect(isDiscountPreviewRefusal(new Error('discounts'))).toBe(false);
  });
});
