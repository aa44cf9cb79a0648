import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSignedInCustomer } from '@/lib/accounts/current-customer';
import { authSessions, authVerifications } from '@/lib/db/schema';
import {
  CookieJar,
  callAuth,
  latestMailTo,
  mailCountTo,
  signUpVerified,
  uniqueEmail,
  userByEmail,
} from '@/test/support/accounts';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { TEST_ORIGIN } from '@/test/support/http';

let env: AppTestEnvironment;
beforeAll(async () => {
  process.env.APP_URL = TEST_ORIGIN;
  env = await setUpAppEnvironment();
});
afterAll(() => env.tearDown());

const PASSWORD = 'correct-horse-42';
const SESSION_COOKIE = 'sf.session_token';

function headersOf(jar: CookieJar): Headers {
  return new Headers({ cookie: jar.header() });
}

describe('email + password', () => {
  it('a sign-up is not signed in until the emailed link is used, which verifies and signs in', async () => {
    const email = uniqueEmail('new');
    const jar = new CookieJar();
    const signUp = await callAuth('POST', '/sign-up/email', { jar, body: { email, password: PASSWORD, name: 'Ada' } });
    expect(signUp.status).toBe(200);
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
    expect(await userByEmail(env.db, email)).toMatchObject({ emailVerified: false });

    const refused = await callAuth('POST', '/sign-in/email', { jar, body: { email, password: PASSWORD } });
    expect(refused.status).toBe(403);
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();

    const mail = await latestMailTo(env.db, email);
    expect(mail?.subject).toMatch(/Confirm your email/);
    expect(mail?.link.startsWith(`${TEST_ORIGIN}/api/auth/verify-email?token=`)).toBe(true);
    const verified = await callAuth('GET', mail?.link ?? '', { jar });
    expect(verified.status).toBe(302);
    const setCookie = verified.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(await readSignedInCustomer(headersOf(jar))).toMatchObject({ email, emailVerified: true, name: 'Ada' });
  });

  it('answers a wrong password and an unknown email alike, and signs in with the right one', async () => {
    const email = uniqueEmail('known');
    await signUpVerified(env.db, new CookieJar(), { email, password: PASSWORD });
    const wrong = await callAuth('POST', '/sign-in/email', { body: { email, password: 'wrong-password-1' } });
    const unknown = await callAuth('POST', '/sign-in/email', {
      body: { email: uniqueEmail('nobody'), password: PASSWORD },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());

    const jar = new CookieJar();
    const signedIn = await callAuth('POST', '/sign-in/email', { jar, body: { email, password: PASSWORD } });
    expect(signedIn.status).toBe(200);
    expect(await readSignedInCustomer(headersOf(jar))).toMatchObject({ email, emailVerified: true, name: null });
  });

  it('answers a sign-up with a known email like a new one, and tells the owner instead', async () => {
    const email = uniqueEmail('taken');
    await signUpVerified(env.db, new CookieJar(), { email, password: PASSWORD });
    const fresh = await callAuth('POST', '/sign-up/email', {
      body: { email: uniqueEmail('free'), password: PASSWORD, name: '' },
    });
    const taken = await callAuth('POST', '/sign-up/email', { body: { email, password: 'another-pass-99', name: '' } });
    expect(taken.status).toBe(fresh.status);
    expect(Object.keys(await taken.json()).sort()).toEqual(Object.keys(await fresh.json()).sort());
    expect((await latestMailTo(env.db, email))?.subject).toMatch(/already have an account/);
  });

  it('signs out: the session stops working', async () => {
    const jar = new CookieJar();
    await signUpVerified(env.db, jar, { email: uniqueEmail('out'), password: PASSWORD });
    const stale = headersOf(jar);
    const out = await callAuth('POST', '/sign-out', { jar, body: {} });
    expect(out.status).toBe(200);
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
    expect(await readSignedInCustomer(stale)).toBeNull();
  });
});

describe('magic link', () => {
  it('answers a known and an unknown email alike; the link signs in once and verifies', async () => {
    const email = uniqueEmail('magic');
    await callAuth('POST', '/sign-up/email', { body: { email, password: PASSWORD, name: '' } });
    const known = await callAuth('POST', '/sign-in/magic-link', { body: { email, callbackURL: '/account' } });
    const unknownEmail = uniqueEmail('stranger');
    const unknown = await callAuth('POST', '/sign-in/magic-link', {
      body: { email: unknownEmail, callbackURL: '/account' },
    });
    expect(known.status).toBe(200);
    expect(await known.json()).toEqual(await unknown.json());

    const link = (await latestMailTo(env.db, email))?.link ?? '';
    expect(link).toContain('/api/auth/magic-link/verify?token=');
    const jar = new CookieJar();
    const first = await callAuth('GET', link, { jar });
    expect(first.status).toBe(302);
    expect(new URL(first.headers.get('location') ?? '').pathname).toBe('/account');
    expect(await readSignedInCustomer(headersOf(jar))).toMatchObject({ email, emailVerified: true });

    const replayJar = new CookieJar();
    const again = await callAuth('GET', link, { jar: replayJar });
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toMatch(/error=/);
    expect(replayJar.get(SESSION_COOKIE)).toBeUndefined();
  });

  it('expires', async () => {
    const email = uniqueEmail('late');
    await callAuth('POST', '/sign-in/magic-link', { body: { email, callbackURL: '/account' } });
    const link = (await latestMailTo(env.db, email))?.link ?? '';
    await env.db.update(authVerifications).set({ expiresAt: new Date(Date.now() - 1000) });
    const jar = new CookieJar();
    const late = await callAuth('GET', link, { jar });
    expect(late.headers.get('location')).toMatch(/error=/);
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
  });
});

describe('password reset', () => {
  it('answers a known and an unknown email alike; the link resets once and signs every session out', async () => {
    const email = uniqueEmail('forgot');
    const old = new CookieJar();
    await signUpVerified(env.db, old, { email, password: PASSWORD });
    const before = await mailCountTo(env.db, email);
    const known = await callAuth('POST', '/request-password-reset', {
      body: { email, redirectTo: '/account/reset-password' },
    });
    const unknown = await callAuth('POST', '/request-password-reset', {
      body: { email: uniqueEmail('ghost'), redirectTo: '/account/reset-password' },
    });
    expect(known.status).toBe(200);
    expect(await known.json()).toEqual(await unknown.json());
    expect(await mailCountTo(env.db, email)).toBe(before + 1);

    const link = (await latestMailTo(env.db, email))?.link ?? '';
    const opened = await callAuth('GET', link);
    expect(opened.status).toBe(302);
    const target = new URL(opened.headers.get('location') ?? '', TEST_ORIGIN);
    expect(target.pathname).toBe('/account/reset-password');
    const token = target.searchParams.get('token') ?? '';
    expect(token).not.toBe('');

    const reset = await callAuth('POST', '/reset-password', { body: { token, newPassword: 'a-brand-new-pass' } });
    expect(reset.status).toBe(200);
    const twice = await callAuth('POST', '/reset-password', { body: { token, newPassword: 'yet-another-pass' } });
    expect(twice.status).toBe(400);
    expect(await readSignedInCustomer(headersOf(old))).toBeNull();
    expect((await callAuth('POST', '/sign-in/email', { body: { email, password: PASSWORD } })).status).toBe(401);
    expect((await callAuth('POST', '/sign-in/email', { body: { email, password: 'a-brand-new-pass' } })).status).toBe(
      200,
    );
  });
});

describe('readSignedInCustomer', () => {
  it('is null without a cookie, for a forged or tampered one, and for an expired session', async () => {
    const jar = new CookieJar();
    await signUpVerified(env.db, jar, { email: uniqueEmail('session'), password: PASSWORD });
    const cookie = jar.get(SESSION_COOKIE) ?? '';
    expect(await readSignedInCustomer(new Headers())).toBeNull();
    expect(await readSignedInCustomer(new Headers({ cookie: `${SESSION_COOKIE}=forged.token` }))).toBeNull();
    const [token] = decodeURIComponent(cookie).split('.');
    const [row] = await env.db
      .select()
      .from(authSessions)
      .where(eq(authSessions.token, token ?? ''));
    expect(row).toBeDefined();
    // The right token without its signature (or with another) is refused: the cookie is signed with the secret.
    expect(await readSignedInCustomer(new Headers({ cookie: `${SESSION_COOKIE}=${token}` }))).toBeNull();
    expect(
      await readSignedInCustomer(new Headers({ cookie: `${SESSION_COOKIE}=${token}.${'A'.repeat(43)}%3D` })),
    ).toBeNull();
    expect(await readSignedInCustomer(new Headers({ cookie: `${SESSION_COOKIE}=${cookie}` }))).not.toBeNull();
    await env.db
      .update(authSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(authSessions.token, token ?? ''));
    expect(await readSignedInCustomer(new Headers({ cookie: `${SESSION_COOKIE}=${cookie}` }))).toBeNull();
  });
});
