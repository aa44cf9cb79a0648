import 'server-only';

/** The anonymous shopper's id lives in this httpOnly cookie; carts and checkouts are keyed by it. */
export const SHOPPER_COOKIE = 'sf_shopper';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;
/** `crypto.randomUUID()` output: version 4, 122 random bits. */
const SHOPPER_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Anything with `get(name)` — `NextRequest.cookies`, `await cookies()` from next/headers. */
export type CookieSource = { get(name: string): { value: string } | undefined };
/** Anything with `set(options)` — `NextResponse.cookies`, a mutable `await cookies()`. */
export type CookieSink = { set(cookie: ShopperCookie): unknown };

export type ShopperCookie = {
  name: string;
  value: string;
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: '/';
  maxAge: number;
};

export function isShopperId(value: string): boolean {
  return SHOPPER_ID_PATTERN.test(value);
}

/** The shopper id from the cookie, or null when it is missing or not one we issued. */
export function readShopperId(cookies: CookieSource): string | null {
  const value = cookies.get(SHOPPER_COOKIE)?.value;
  return value !== undefined && isShopperId(value) ? value : null;
}

export function newShopperId(): string {
  return crypto.randomUUID();
}

export function shopperCookie(shopperId: string, options: { secure?: boolean } = {}): ShopperCookie {
  return {
    name: SHOPPER_COOKIE,
    value: shopperId,
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure ?? process.env.NODE_ENV === 'production',
    path: '/',
    maxAge: ONE_YEAR_SECONDS,
  };
}

/** The existing shopper id, or a new one that the caller must set with `setShopperCookie` on its response. */
export function resolveShopper(cookies: CookieSource): { shopperId: string; isNew: boolean } {
  const existing = readShopperId(cookies);
  return existing ? { shopperId: existing, isNew: false } : { shopperId: newShopperId(), isNew: true };
}

export function setShopperCookie(sink: CookieSink, shopperId: string): void {
  sink.set(shopperCookie(shopperId));
}
