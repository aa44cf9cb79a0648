import { describe, expect, it } from 'vitest';
import { refreshFailure, toUpdateFailure } from '@/components/checkout/update-failure';
import { ApiError } from '@/lib/api-client';

describe('toUpdateFailure', () => {
  it("shows the server's refusal and does not block paying for a clear 4xx answer", () => {
    expect(toUpdateFailure(new ApiError(409, 'last_item', 'Only item.'))).toEqual({
      code: 'last_item',
      message: 'Only item.',
      uncertain: false,
    });
  });

  it('treats a 5xx, a network failure or a Stripe.js exception as an uncertain outcome', () => {
    expect(toUpdateFailure(new ApiError(503, 'stripe_unavailable', 'Stripe is unavailable.')).uncertain).toBe(true);
    expect(toUpdateFailure(new ApiError(0, 'network_error', 'Offline.')).uncertain).toBe(true);
    const timeout = toUpdateFailure(new Error('runServerUpdate timed out'));
    expect(timeout).toMatchObject({ code: 'update_failed', uncertain: true });
    expect(timeout.message).not.toContain('runServerUpdate');
  });
});

describe('refreshFailure', () => {
  it('says the change was saved but the totals are stale, and blocks paying', () => {
    const failure = refreshFailure('Network error');
    expect(failure.uncertain).toBe(true);
    expect(failure.message).toMatch(/saved.*totals could not be refreshed/);
  });
});
