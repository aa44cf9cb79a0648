/** Small HTTP helpers for scripts that drive the store's API as shoppers do. */

export async function postJson(url: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

export async function expectOk(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`${what} → ${response.status}: ${await response.text()}`);
  return response;
}

/** The `sf_shopper=…` pair a response set, or null. */
export function shopperCookieOf(response: Response): string | null {
  return /sf_shopper=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0] ?? null;
}

/** Nearest-rank percentile of ascending `sorted`; NaN when empty. */
export function percentile(sorted: ReadonlyArray<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
