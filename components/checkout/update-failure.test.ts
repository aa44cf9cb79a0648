import { describe, expect, it } from 'vitest';
import { describeUpdate, refreshFailure, toUpdateFailure } from '@/components/checkout/update-failure';
import { ApiError } from '@/lib/api-client';
import type { CheckoutStateView } from '@/lib/checkout/contract';

const GIFT_WRAP = "Gift wrap couldn't be updated";

describe('toUpdateFailure', () => {
  it("shows the server's refusal and does not block paying for a clear 4xx answer", () => {
    expect(toUpdateFailure(new ApiError(409, 'last_item', 'Only item.'), GIFT_WRAP)).toEqual({
      code: 'last_item',
      message: 'Only item.',
      uncertain: false,
    });
  });

  it('treats a 5xx, a network failure or a Stripe.js exception as an uncertain outcome', () => {
    expect(
      toUpdateFailure(new ApiError(503, 'stripe_unavailable', 'Stripe is unavailable.'), GIFT_WRAP).uncertain,
    ).toBe(true);
    expect(toUpdateFailure(new ApiError(0, 'network_error', 'Offline.'), GIFT_WRAP).uncertain).toBe(true);
    const timeout = toUpdateFailure(new Error('runServerUpdate timed out'), GIFT_WRAP);
    expect(timeout).toMatchObject({ code: 'update_failed', uncertain: true });
    expect(timeout.message).not.toContain('runServerUpdate');
  });

  it('names the change that failed and says the order is unchanged, never "Payments are briefly unavailable"', () => {
    const outage = new ApiError(
      503,
      'stripe_unavailable',
      'Payments are briefly unavailable. Please try again in a moment.',
    );
    expect(toUpdateFailure(outage, GIFT_WRAP).message).toBe(
      "Gift wrap couldn't be updated. Your order is unchanged — please try again.",
    );
    expect(toUpdateFailure(new ApiError(502, 'total_mismatch', 'Different total.'), GIFT_WRAP).message).toBe(
      "Gift wrap couldn't be updated. Your order is unchanged — please try again.",
    );
    expect(toUpdateFailure(new Error('timed out'), GIFT_WRAP).message).toBe(
      "Gift wrap couldn't be updated. Your order is unchanged — please try again.",
    );
    expect(toUpdateFailure(new ApiError(0, 'network_error', 'Offline.'), GIFT_WRAP).message).toBe(
      "Gift wrap couldn't be updated: we could not reach the store. Check your connection and try again.",
    );
  });

  it('keeps how long a 429 says to wait', () => {
    const limited = new ApiError(429, 'rate_limited', 'Too many codes tried. Try again in 4 minutes.', 240);
    expect(toUpdateFailure(limited, "WELCOME10 couldn't be applied")).toEqual({
      code: 'rate_limited',
      message: 'Too many codes tried. Try again in 4 minutes.',
      uncertain: false,
      retryAfterSeconds: 240,
    });
  });
});

describe('describeUpdate', () => {
  const view = {
    items: [
      { productId: 'leather-journal', name: 'Leather-Bound Journal', quantity: 1, maxQuantity: 5, amount: 3_400 },
    ],
    addOns: [
      { addOnId: 'gift-wrap', productId: null, name: 'Gift wrap', amount: 499, selected: false, eligible: true },
      {
        addOnId: 'extended-warranty',
        productId: 'aurora-headphones',
        name: 'Extended warranty (2 years) — Aurora',
        amount: 2_985,
        selected: false,
        eligible: true,
      },
    ],
  } satisfies Pick<CheckoutStateView, 'items' | 'addOns'>;

  it('names what the shopper was changing, in the words of the page', () => {
    expect(describeUpdate('addOn', { addOnId: 'gift-wrap', selected: true }, view)).toBe(GIFT_WRAP);
    expect(
      describeUpdate('addOn', { addOnId: 'extended-warranty', productId: 'aurora-headphones', selected: false }, view),
    ).toBe("Extended warranty (2 years) — Aurora couldn't be updated");
    expect(describeUpdate('quantity', { productId: 'leather-journal', quantity: 2 }, view)).toBe(
      "The quantity of Leather-Bound Journal couldn't be changed",
    );
    expect(describeUpdate('shippingOption', { methodId: 'express' }, view)).toBe(
      "The shipping method couldn't be changed",
    );
    expect(describeUpdate('shippingAddress', { address: { name: 'A', line1: '1', country: 'US' } }, view)).toBe(
      "Your shipping address couldn't be saved",
    );
    expect(describeUpdate('applyCode', { code: 'WELCOME10' }, view)).toBe("The code couldn't be applied");
    expect(describeUpdate('removeCode', { code: 'WELCOME10' }, view)).toBe("The code couldn't be removed");
    expect(describeUpdate('emailChanged', {}, view)).toBe("Your order couldn't be updated for your email");
    expect(describeUpdate('addOn', { addOnId: 'gift-wrap', selected: true }, null)).toBe(
      "Your order couldn't be updated",
    );
  });
});

describe('refreshFailure', () => {
  it('says the change was saved but the totals are stale, and blocks paying', () => {
    const failure = refreshFailure('Network error');
    expect(failure.uncertain).toBe(true);
    expect(failure.message).toMatch(/saved.*totals could not be refreshed/);
  });
});
