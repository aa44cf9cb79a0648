import { afterEach, describe, expect, it, vi } from 'vitest';
import { isDiscountPreviewRefusal, withDiscountPreview } from '@/lib/checkout/discount-preview';

afterEach(() => vi.restoreAllMocks());

const refusal = {
  type: 'StripeInvalidRequestError',
  code: 'parameter_unknown',
  param: 'permissions[update_discounts]',
  message: 'Received unknown parameter: permissions[update_discounts]',
};

/** A stand-in Stripe call that records whether it was asked with the preview. */
function stubCall(answer: (preview: boolean) => Promise<string>) {
  const sent: boolean[] = [];
  const call = async (preview: boolean) => {
    sent.push(preview);
    return answer(preview);
  };
  return { call, sent };
}

describe('withDiscountPreview', () => {
  it('calls once with the preview when Stripe accepts it', async () => {
    const { call, sent } = stubCall(async () => 'cs_test_1');
    await expect(withDiscountPreview(true, null, call)).resolves.toEqual({ result: 'cs_test_1', preview: true });
    expect(sent).toEqual([true]);
  });

  it('never asks for the preview when the checkout does not want it', async () => {
    const { call, sent } = stubCall(async () => 'cs_test_1');
    await expect(withDiscountPreview(false, null, call)).resolves.toEqual({ result: 'cs_test_1', preview: false });
    expect(sent).toEqual([false]);
  });

  it('logs one clear line and calls again without the preview when Stripe refuses it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { call, sent } = stubCall(async (preview) => {
      if (preview) throw refusal;
      return 'cs_test_2';
    });
    await expect(withDiscountPreview(true, 'cs_test_2', call)).resolves.toEqual({
      result: 'cs_test_2',
      preview: false,
    });
    expect(sent).toEqual([true, false]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /Stripe refused server-side discounts \(private preview, checkout_server_update_beta=v1\): request access/,
    );
  });

  it('passes other refusals on as app errors without retrying', async () => {
    const { call, sent } = stubCall(async () => {
      throw { ...refusal, param: 'line_items[0][quantity]', message: 'Invalid integer' };
    });
    await expect(withDiscountPreview(true, null, call)).rejects.toMatchObject({ status: 502 });
    expect(sent).toEqual([true]);
  });

  it('turns a failure of the retry into an app error too', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { call, sent } = stubCall(async (preview) => {
      if (preview) throw refusal;
      throw { type: 'StripeAPIError', message: 'boom', statusCode: 500 };
    });
    await expect(withDiscountPreview(true, null, call)).rejects.toMatchObject({ status: 503, retryable: true });
    expect(sent).toEqual([true, false]);
  });
});

describe('isDiscountPreviewRefusal', () => {
  it('recognises both shapes a refusal may take: a 400 naming the parameter and a 403 permission error', () => {
    expect(isDiscountPreviewRefusal({ ...refusal, statusCode: 400 })).toBe(true);
    expect(
      isDiscountPreviewRefusal({
        type: 'StripePermissionError',
        statusCode: 403,
        code: 'permission_denied',
        param: 'permissions[update_discounts]',
        message: 'Your account does not have access to the preview parameter permissions[update_discounts].',
      }),
    ).toBe(true);
    expect(isDiscountPreviewRefusal({ ...refusal, statusCode: 500 })).toBe(false);
    expect(isDiscountPreviewRefusal({ type: 'StripePermissionError', statusCode: 403, message: 'Forbidden' })).toBe(
      false,
    );
  });

  it('recognises a refused discounts update, and nothing else', () => {
    expect(isDiscountPreviewRefusal({ ...refusal, param: 'discounts' })).toBe(true);
    expect(isDiscountPreviewRefusal({ ...refusal, type: 'StripeAPIError' })).toBe(false);
    expect(isDiscountPreviewRefusal(new Error('discounts'))).toBe(false);
  });
});
