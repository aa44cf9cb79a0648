import { describe, expect, it, vi } from 'vitest';
import { createBrowserApi, StripeApiError, sessionIdFromClientSecret } from '../src/stripejs/browser-api';
import { sessionJson } from './stripejs-fixtures';

const clientSecret = 'cs_test_123_secret_abc';

function apiWith(respond: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => respond(url, init));
  const api = createBrowserApi({ origin: 'http://127.0.0.1:4000', publishableKey: 'pk_test_x', clientSecret, fetch });
  return { api, fetch };
}

describe('stand-in browser API client', () => {
  it('finds the session id inside the client secret', () => {
    expect(sessionIdFromClientSecret(clientSecret)).toBe('cs_test_123');
    expect(() => sessionIdFromClientSecret('nonsense')).toThrow('Invalid client secret.');
  });

  it('reads the session with the publishable key and the client secret', async () => {
    const { api, fetch } = apiWith(() => Response.json(sessionJson()));
    const session = await api.getSession();
    expect(session.id).toBe('cs_test_123');
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('http://127.0.0.1:4000/v1/elements/sessions/cs_test_123?client_secret=cs_test_123_secret_abc');
    expect(init?.headers).toEqual({ Authorization: 'Bearer pk_test_x' });
  });

  it('posts updates as JSON including the client secret', async () => {
    const { api, fetch } = apiWith(() => Response.json(sessionJson()));
    await api.updateSession({ shipping_rate: 'shr_express' });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('http://127.0.0.1:4000/v1/elements/sessions/cs_test_123');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ client_secret: clientSecret, shipping_rate: 'shr_express' });
  });

  it("turns Stripe error bodies into errors carrying Stripe's codes", async () => {
    const body = {
      error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'generic_decline',
        message: 'Your card was declined.',
      },
    };
    const { api } = apiWith(() => Response.json(body, { status: 402 }));
    const error = await api
      .confirm({ card: { number: '4000000000000002', exp_month: 1, exp_year: 2030, cvc: '123' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeApiError);
    expect(error).toMatchObject({
      status: 402,
      type: 'card_error',
      code: 'card_declined',
      declineCode: 'generic_decline',
      message: 'Your card was declined.',
    });
  });

  it('reports an unreachable emulator and an unexpected answer as errors, not crashes', async () => {
    const down = apiWith(() => Promise.reject(new TypeError('fetch failed')));
    await expect(down.api.getSession()).rejects.toThrow('Could not reach the Stripe emulator.');
    const odd = apiWith(() => Response.json({ hello: 'world' }));
    await expect(odd.api.getSession()).rejects.toBeInstanceOf(StripeApiError);
    const html = apiWith(() => new Response('<h1>oops</h1>', { status: 500 }));
    await expect(html.api.getSession()).rejects.toThrow('The Stripe emulator answered 500.');
  });
});
