import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/http/app-error';
import { toErrorResponse, withErrorHandling } from '@/lib/http/responses';

afterEach(() => vi.restoreAllMocks());

describe('error responses', () => {
  it('answers app errors with their status and {error: {code, message}}', async () => {
    const response = toErrorResponse(new AppError(409, 'cart_empty', 'Your cart is empty.'));
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: 'cart_empty', message: 'Your cart is empty.' } });
  });

  it('marks retryable errors and suggests when to retry', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = toErrorResponse(new AppError(503, 'stripe_unavailable', 'Try again.', { retryable: true }));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toEqual({
      error: { code: 'stripe_unavailable', message: 'Try again.', retryable: true },
    });
  });

  it('logs unexpected errors and answers a generic 500 that leaks nothing', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handler = withErrorHandling(async () => {
      throw new Error('connection string postgres://secret@db');
    });
    const response = await handler();
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error.code).toBe('internal_error');
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(log).toHaveBeenCalled();
  });
});
