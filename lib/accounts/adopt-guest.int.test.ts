import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as startSession } from '@/app/api/checkout/sessions/route';
import { addToCart, getCartView } from '@/lib/cart/service';
import { getCatalog } from '@/lib/catalog';
import { findCheckout } from '@/lib/checkout/repository';
import { startCheckout } from '@/lib/checkout/start';
import { updateCheckout } from '@/lib/checkout/update';
import { holds, orders } from '@/lib/db/schema';
import { fulfillCheckout } from '@/lib/orders/fulfil';
import { SHOPPER_COOKIE } from '@/lib/shopper';
import { usAddress } from '@/test/fixtures/addresses';
import { CookieJar, callAuth, signUpVerified, uniqueEmail, userByEmail } from '@/test/support/accounts';
import { type AppTestEnvironment, setUpAppEnvironment } from '@/test/support/app-environment';
import { checkoutDeps, pay } from '@/test/support/checkout-flow';
import { apiRequest, TEST_ORIGIN } from '@/test/support/http';

let env: AppTestEnvironment;
beforeAll(async () => {
  process.env.APP_URL = TEST_ORIGIN;
  env = await setUpAppEnvironment();
});
afterAll(() => env.tearDown());

const PASSWORD = 'correct-horse-42';
const catalog = () => getCatalog();

async function cartOf(shopperId: string | undefined) {
  const cart = await getCartView(env.db, shopperId ?? null, catalog());
  return Object.fromEntries(cart.items.map((item) => [item.productId, item.quantity]));
}

async function guestWith(items: Record<string, number>): Promise<CookieJar> {
  const shopperId = crypto.randomUUID();
  for (const [productId, quantity] of Object.entries(items)) {
    await addToCart(env.db, { shopperId, productId, quantity }, catalog());
  }
  return new CookieJar({ [SHOPPER_COOKIE]: shopperId });
}

/** Starts checkout through its route as this browser, with a US address (needed to pay). */
async function startAsBrowser(jar: CookieJar): Promise<{ sessionId: string; clientSecret: string }> {
  const response = await startSession(
    apiRequest('POST', '/api/checkout/sessions', { body: {}, headers: { cookie: jar.header() } }),
  );
  expect(response.status).toBe(200);
  const started = (await response.json()) as { sessionId: string; clientSecret: string };
  await updateCheckout({
    ...checkoutDeps(env, catalog()),
    sessionId: started.sessionId,
    shopperId: jar.get(SHOPPER_COOKIE) ?? '',
    intent: { type: 'set-shipping-address', address: usAddress },
  });
  return started;
}

async function signIn(jar: CookieJar, email: string): Promise<void> {
  const response = await callAuth('POST', '/sign-in/email', { jar, body: { email, password: PASSWORD } });
  expect(response.status).toBe(200);
}

/** A verified account whose own cart holds `items`; the browser it was made in is signed out again. */
async function accountWith(items: Record<string, number>): Promise<{ email: string; shopperId: string }> {
  const email = uniqueEmail('account');
  const jar = await guestWith(items);
  await signUpVerified(env.db, jar, { email, password: PASSWORD });
  const shopperId = (await userByEmail(env.db, email))?.shopperId ?? '';
  expect(shopperId).not.toBe('');
  await callAuth('POST', '/sign-out', { jar, body: {} });
  return { email, shopperId };
}

describe('signing in brings the guest cart into the account', () => {
  it("the account's first sign-in keeps the guest's cart as the account's", async () => {
    const jar = await guestWith({ 'soy-candle': 2 });
    const guest = jar.get(SHOPPER_COOKIE);
    const email = uniqueEmail('first');
    await signUpVerified(env.db, jar, { email, password: PASSWORD });
    expect((await userByEmail(env.db, email))?.shopperId).toBe(guest);
    expect(jar.get(SHOPPER_COOKIE)).toBe(guest);
    expect(await cartOf(guest)).toEqual({ 'soy-candle': 2 });
  });

  it('adds the guest items to the account cart, capped by the per-order limit, once', async () => {
    const account = await accountWith({ 'aurora-headphones': 2, 'pulse-speaker': 1 });
    const jar = await guestWith({ 'aurora-headphones': 2, 'soy-candle': 3 });
    const guest = jar.get(SHOPPER_COOKIE);
    await signIn(jar, account.email);

    expect(jar.get(SHOPPER_COOKIE)).toBe(account.shopperId);
    expect(await cartOf(account.shopperId)).toEqual({
      'aurora-headphones': 3, // 2 + 2, at most 3 per order
      'pulse-speaker': 1,
      'soy-candle': 3,
    });
    expect(await cartOf(guest)).toEqual({});

    await signIn(jar, account.email);
    expect(await cartOf(account.shopperId)).toEqual({ 'aurora-headphones': 3, 'pulse-speaker': 1, 'soy-candle': 3 });
  });

  it("signed in elsewhere as another account, that account's cart is not a guest's: nothing moves", async () => {
    const first = await accountWith({ 'soy-candle': 1 });
    const second = await accountWith({ 'pulse-speaker': 1 });
    const jar = new CookieJar();
    await signIn(jar, first.email);
    await signIn(jar, second.email);
    expect(jar.get(SHOPPER_COOKIE)).toBe(second.shopperId);
    expect(await cartOf(first.shopperId)).toEqual({ 'soy-candle': 1 });
    expect(await cartOf(second.shopperId)).toEqual({ 'pulse-speaker': 1 });
  });

  it('signing out gives the browser a fresh guest cart; the cart stays with the account', async () => {
    const account = await accountWith({ 'soy-candle': 2 });
    const jar = new CookieJar();
    await signIn(jar, account.email);
    await callAuth('POST', '/sign-out', { jar, body: {} });
    const fresh = jar.get(SHOPPER_COOKIE);
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh).not.toBe(account.shopperId);
    expect(await cartOf(fresh)).toEqual({});
    expect(await cartOf(account.shopperId)).toEqual({ 'soy-candle': 2 });
  });
});

describe('an open guest checkout follows the shopper into the account', () => {
  it("moves with its holds; another account's checkout is untouched", async () => {
    const deps = checkoutDeps(env, catalog());
    const bystander = await accountWith({ 'pulse-speaker': 1 });
    const theirs = await startCheckout({ ...deps, shopperId: bystander.shopperId });

    const account = await accountWith({});
    const jar = await guestWith({ 'soy-candle': 2 });
    const guest = jar.get(SHOPPER_COOKIE) ?? '';
    const started = await startCheckout({ ...deps, shopperId: guest });
    await signIn(jar, account.email);

    const customerId = (await userByEmail(env.db, account.email))?.id;
    expect(await findCheckout(env.db, started.sessionId)).toMatchObject({
      shopperId: account.shopperId,
      customerId,
      status: 'open',
    });
    const held = await env.db.select().from(holds).where(eq(holds.checkoutSessionId, started.sessionId));
    expect(held.map((hold) => hold.shopperId)).toEqual([account.shopperId]);
    // Back on the checkout, the same session is resumed for the same cart.
    const resumed = await startCheckout({ ...deps, shopperId: jar.get(SHOPPER_COOKIE) ?? null });
    expect(resumed.sessionId).toBe(started.sessionId);
    expect(await findCheckout(env.db, theirs.sessionId)).toMatchObject({
      shopperId: bystander.shopperId,
      customerId: null,
    });
  });
});

describe("a signed-in customer's checkout", () => {
  it('records the customer, gives Stripe their one Customer, and the order keeps the customer', async () => {
    const email = uniqueEmail('buyer');
    const jar = await guestWith({ 'soy-candle': 1 });
    await signUpVerified(env.db, jar, { email, password: PASSWORD });
    const user = await userByEmail(env.db, email);

    const started = await startAsBrowser(jar);
    expect(await findCheckout(env.db, started.sessionId)).toMatchObject({ customerId: user?.id });
    const stripeCustomerId = (await userByEmail(env.db, email))?.stripeCustomerId;
    expect(stripeCustomerId).toMatch(/^cus_/);
    const session = await env.stripe.checkout.sessions.retrieve(started.sessionId);
    expect(session.customer).toBe(stripeCustomerId);
    expect(session.customer_details?.email).toBe(email);

    await pay(env.emulatorUrl, started);
    const fulfilled = await fulfillCheckout({ db: env.db, stripe: env.stripe, sessionId: started.sessionId });
    expect(fulfilled.state).toBe('fulfilled');
    const [order] = await env.db.select().from(orders).where(eq(orders.stripeSessionId, started.sessionId));
    expect(order?.customerId).toBe(user?.id);

    // The next checkout reuses the Customer.
    await addToCart(
      env.db,
      { shopperId: jar.get(SHOPPER_COOKIE) ?? '', productId: 'pulse-speaker', quantity: 1 },
      catalog(),
    );
    const next = await startSession(
      apiRequest('POST', '/api/checkout/sessions', { body: {}, headers: { cookie: jar.header() } }),
    );
    const nextSession = await env.stripe.checkout.sessions.retrieve(
      ((await next.json()) as { sessionId: string }).sessionId,
    );
    expect(nextSession.customer).toBe(stripeCustomerId);
  });

  it("a guest's checkout has no customer, and neither has its order", async () => {
    const jar = await guestWith({ 'soy-candle': 1 });
    const started = await startAsBrowser(jar);
    expect((await env.stripe.checkout.sessions.retrieve(started.sessionId)).customer).toBeNull();
    await pay(env.emulatorUrl, started);
    await fulfillCheckout({ db: env.db, stripe: env.stripe, sessionId: started.sessionId });
    const [order] = await env.db.select().from(orders).where(eq(orders.stripeSessionId, started.sessionId));
    expect(order).toMatchObject({ customerId: null });
  });
});
