import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, deleteJson, patchJson, postJson } from '@/lib/api-client';

function respondWith(status: number, body: string) {
  const fetchMock = vi.fn(async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('postJson', () => {
  it('sends the body as JSON and returns the parsed answer', async () => {
    const fetchMock = respondWith(200, JSON.stringify({ sessionId: 'cs_test_1', clientSecret: 'cs_test_1_secret_x' }));
    const schema = z.object({ sessionId: z.string(), clientSecret: z.string() });

    const result = await postJson('/api/checkout/sessions', {}, schema);

    expect(result).toEqual({ sessionId: 'cs_test_1', clientSecret: 'cs_test_1_secret_x' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/checkout/sessions');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{}');
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/json');
  });

  it("throws the server's error code and message on a 4xx", async () => {
    respondWith(
      400,
      JSON.stringify({ error: { code: 'country_not_supported', message: 'We do not ship to Brazil.' } }),
    );

    const failure = await postJson('/api/checkout/shipping-address', { sessionId: 'cs_1' }).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 400, code: 'country_not_supported', message: 'We do not ship to Brazil.' });
  });

  it('throws a generic error when a failure has no error body', async () => {
    respondWith(502, '<html>Bad gateway</html>');

    await expect(postJson('/api/cart/items', {})).rejects.toMatchObject({ status: 502, code: 'http_502' });
  });

  it('throws a network error when the request never reaches the server', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('fetch failed');
      }),
    );

    await expect(postJson('/api/cart/items', {})).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('rejects a 2xx answer that does not match the expected shape', async () => {
    respondWith(200, JSON.stringify({ unexpected: true }));

    await expect(postJson('/api/checkout/sessions', {}, z.object({ sessionId: z.string() }))).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });
});

describe('patchJson and deleteJson', () => {
  it('use their HTTP methods and tolerate an empty body', async () => {
    const fetchMock = respondWith(200, '');

    await expect(patchJson('/api/cart/items/soy-candle', { quantity: 2 })).resolves.toBeNull();
    await expect(deleteJson('/api/cart/items/soy-candle')).resolves.toBeNull();

    const methods = fetchMock.mock.calls.map((call) => (call as unknown as [string, RequestInit])[1].method);
    expect(methods).toEqual(['PATCH', 'DELETE']);
  });
});

describe('Retry-After', () => {
  it('carries how many seconds a refusal says to wait', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many codes tried.' } }), {
            status: 429,
            headers: { 'Content-Type': 'application/json', 'Retry-After': '240' },
          }),
      ),
    );
    await expect(postJson('/api/checkout/discount-codes', {})).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 240,
    });
  });

  it('is null without the header, or when it is not a number of seconds', async () => {
    respondWith(409, JSON.stringify({ error: { code: 'last_item', message: 'Only item.' } }));
    await expect(postJson('/api/checkout/quantity', {})).rejects.toMatchObject({ retryAfterSeconds: null });
  });
});
