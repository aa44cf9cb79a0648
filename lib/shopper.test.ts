import { NextRequest, NextResponse } from 'next/server';
import { describe, expect, it } from 'vitest';
import { readShopperId, resolveShopper, SHOPPER_COOKIE, setShopperCookie, shopperCookie } from '@/lib/shopper';

const cookiesOf = (value?: string) => ({
  get: (name: string) => (name === SHOPPER_COOKIE && value !== undefined ? { value } : undefined),
});

describe('shopper cookie', () => {
  it('reads a shopper id that we issued', () => {
    const id = crypto.randomUUID();
    expect(readShopperId(cookiesOf(id))).toBe(id);
  });

  it('ignores a missing, tampered or guessable cookie value', () => {
    expect(readShopperId(cookiesOf())).toBeNull();
    expect(readShopperId(cookiesOf('1'))).toBeNull();
    expect(readShopperId(cookiesOf("' OR 1=1 --"))).toBeNull();
    expect(readShopperId(cookiesOf(crypto.randomUUID().toUpperCase()))).toBeNull();
    expect(readShopperId(cookiesOf(`${crypto.randomUUID()}x`))).toBeNull();
  });

  it('issues a fresh random id when there is none, and keeps an existing one', () => {
    const first = resolveShopper(cookiesOf());
    const second = resolveShopper(cookiesOf());
    expect(first.isNew).toBe(true);
    expect(first.shopperId).not.toBe(second.shopperId);
    expect(readShopperId(cookiesOf(first.shopperId))).toBe(first.shopperId);
    expect(resolveShopper(cookiesOf(first.shopperId))).toEqual({ shopperId: first.shopperId, isNew: false });
  });

  it('is httpOnly, SameSite=Lax, site-wide, kept for a year, Secure when asked', () => {
    expect(shopperCookie('x', { secure: true })).toMatchObject({
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
      path: '/',
      maxAge: 31_536_000,
    });
    expect(shopperCookie('x', { secure: false }).secure).toBe(false);
  });

  it('round-trips through a NextResponse Set-Cookie header and a NextRequest', () => {
    const id = crypto.randomUUID();
    const response = NextResponse.json({});
    setShopperCookie(response.cookies, id);
    const header = response.headers.get('set-cookie') ?? '';
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=lax/i);
    const request = new NextRequest('http://shop.test/api/cart', { headers: { cookie: header.split(';')[0] ?? '' } });
    expect(readShopperId(request.cookies)).toBe(id);
  });
});
