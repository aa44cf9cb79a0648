/**
 * The client's address for per-address limits: the first hop of `x-forwarded-for` (what Vercel's edge sets), else
 * `x-real-ip`, else 'unknown' (all such clients then share one budget, which errs on the safe side).
 */
export function clientAddressOf(headers: Pick<Headers, 'get'>): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded) return forwarded.slice(0, 64);
  const real = headers.get('x-real-ip')?.trim();
  return real ? real.slice(0, 64) : 'unknown';
}
