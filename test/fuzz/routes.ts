/**
 * The route registry: every API route, once — its file, a sample path, the HTTP methods it answers, its handler module
 * and the hostile calls each method must refuse. `hostile-input.fuzz.test.ts` fuzzes every entry,
 * `route-methods.fuzz.test.ts` checks the registry against the `route.ts` files under app/api and their exports, and
 * the load test's wrong-method probe walks it. Adding a route = one entry here.
 */
import fc from 'fast-check';
import { ADD_ON_IDS } from '@/lib/catalog/add-ons';
import { catalogData } from '@/lib/catalog/data';
import { isShippableCountry } from '@/lib/catalog/shipping';
import { demoRules } from '@/lib/discounts';
import { usAddress } from '@/test/fixtures/addresses';
import type { FuzzFixture } from '@/test/fuzz/fixture';
import { type BodySpec, hostileBodies, malformedJson } from '@/test/fuzz/hostile-bodies';
import {
  anyJson,
  badQuantity,
  injectedPriceFields,
  junkId,
  notAString,
  unknownSessionId,
  unknownSlug,
} from '@/test/fuzz/hostile-values';
import type { HostileCall } from '@/test/fuzz/run-hostile';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** One API route: where it lives, how to reach it, what it answers, and the hostile calls it must refuse. */
export type RouteEntry<M extends HttpMethod = HttpMethod> = {
  /** The route file, relative to the repository root. */
  file: string;
  /** A concrete URL path for the route (dynamic segments filled in). */
  samplePath: string;
  /** Exactly the methods the module exports (Next answers 405 to the others). */
  methods: ReadonlyArray<M>;
  load(): Promise<Record<string, unknown>>;
  /** Hostile calls for each method in `methods`. */
  cases(fixture: FuzzFixture): Array<{ method: M; calls: fc.Arbitrary<HostileCall> }>;
};

/** Ties an entry's hostile cases to its own method list (a case for an unlisted method does not compile). */
function route<const M extends HttpMethod>(entry: RouteEntry<M>): RouteEntry {
  return entry;
}

const PRODUCT_IDS = catalogData.products.map((p) => p.id);
const METHOD_IDS = ['standard', 'express', 'overnight'];
const DISCOUNT_CODES = demoRules.flatMap((rule) =>
  'code' in rule && typeof rule.code === 'string' ? [rule.code] : [],
);

/** Codes the shape check refuses (before any lookup or attempt counting). */
const malformedCode: fc.Arbitrary<unknown> = fc.oneof(notAString, fc.constantFrom('', '   ', 'C'.repeat(65)));
/** Well-formed codes that are not codes of this store. */
const unknownCode: fc.Arbitrary<string> = fc
  .stringMatching(/^[A-Za-z0-9-]{1,20}$/)
  .filter((code) => !DISCOUNT_CODES.some((known) => known.toLowerCase() === code.trim().toLowerCase()));

/** `Cookie` header values naming a shopper (the cookie's name comes from the fixture: lib/shopper is server-only). */
const cookieOf = (f: FuzzFixture) => (shopperId: string) => `${f.shopperCookie}=${shopperId}`;

/** Cookies that do not belong to the attacker's cart: none, a stranger's, forged or mangled. */
function strangerCookie(f: FuzzFixture): fc.Arbitrary<string | null> {
  return fc.oneof(
    fc.constant(null),
    fc.uuid({ version: 4 }).map(cookieOf(f)),
    fc.stringMatching(/^[!#-+\--:<-[\]-~]{0,40}$/).map(cookieOf(f)),
    fc.constantFrom(
      cookieOf(f)(`${f.attacker.shopperId}x`),
      cookieOf(f)(f.attacker.shopperId.toUpperCase()),
      `${f.shopperCookie}=`,
      'other=1',
    ),
  );
}

/** Ids that are not product ids in this cart: wrong types, junk, unknown slugs, products not in the order. */
function notInOrderProductId(inOrder: ReadonlyArray<string>): fc.Arbitrary<unknown> {
  return fc.oneof(
    notAString,
    junkId,
    unknownSlug(PRODUCT_IDS),
    fc.constantFrom(...PRODUCT_IDS.filter((id) => !inOrder.includes(id))),
  );
}

const badSessionId: fc.Arbitrary<unknown> = fc.oneof(notAString, junkId, unknownSessionId);

/** Addresses the store must refuse: wrong shapes, countries it does not ship to, empty or overlong fields, prices. */
const badAddress: fc.Arbitrary<unknown> = fc.oneof(
  notAString,
  fc
    .stringMatching(/^[A-Za-z]{2}$/)
    .filter((c) => !isShippableCountry(c.toUpperCase()))
    .map((country) => ({ ...usAddress, country })),
  fc.constantFrom('USA', 'U', '', '1A', 'u s', 'XX').map((country) => ({ ...usAddress, country })),
  fc.constantFrom('', '   ', 'x'.repeat(151)).map((name) => ({ ...usAddress, name })),
  fc.constantFrom('', 'y'.repeat(201)).map((line1) => ({ ...usAddress, line1 })),
  fc.constant({ ...usAddress, postalCode: '9'.repeat(21) }),
  fc.constantFrom<keyof typeof usAddress>('name', 'line1', 'country').map((field) => {
    const { [field]: _removed, ...rest } = usAddress;
    return rest;
  }),
  injectedPriceFields.map((extra) => ({ ...usAddress, ...extra })),
  fc
    .constantFrom('name', 'line1', 'city', 'country')
    .chain((field) => notAString.filter((v) => v !== null).map((value) => ({ ...usAddress, [field]: value }))),
);

/** JSON body calls for one method and path, plus ownership variants when the body names a session. */
function jsonCalls<T extends Record<string, unknown>>(
  method: string,
  url: string,
  cookie: string,
  spec: BodySpec<T>,
): fc.Arbitrary<HostileCall> {
  return hostileBodies(spec).map((b) => ({
    kind: b.kind,
    method,
    url,
    cookie,
    contentType: b.contentType,
    body: b.body,
  }));
}

/** A checkout update route: every body mistake, other shoppers' and unknown sessions, and callers who own nothing. */
function sessionUpdateCalls<T extends Record<string, unknown>>(
  f: FuzzFixture,
  url: string,
  bodyFor: (sessionId: string) => T,
  invalidValues: BodySpec<T>['invalidValues'],
  required: ReadonlyArray<keyof T & string>,
): fc.Arbitrary<HostileCall> {
  const own = cookieOf(f)(f.attacker.shopperId);
  const post = (kind: string, body: unknown, cookie: string | null): HostileCall => ({
    kind,
    method: 'POST',
    url,
    cookie,
    contentType: 'application/json',
    body: JSON.stringify(body),
  });
  return fc.oneof(
    {
      weight: 6,
      arbitrary: jsonCalls('POST', url, own, { valid: bodyFor(f.attacker.sessionId), invalidValues, required }),
    },
    { weight: 1, arbitrary: fc.constant(post('other-shoppers-session', bodyFor(f.victim.sessionId), own)) },
    { weight: 1, arbitrary: unknownSessionId.map((id) => post('unknown-session', bodyFor(id), own)) },
    { weight: 1, arbitrary: strangerCookie(f).map((c) => post('not-the-owner', bodyFor(f.attacker.sessionId), c)) },
  );
}

export const ROUTES: ReadonlyArray<RouteEntry> = [
  route({
    file: 'app/api/cart/route.ts',
    samplePath: '/api/cart',
    methods: ['GET'],
    load: () => import('@/app/api/cart/route'),
    cases: (f) => [
      {
        method: 'GET',
        calls: fc
          .tuple(strangerCookie(f), fc.constantFrom('', '?price=1', '?shopperId=x', `?sessionId=${f.victim.sessionId}`))
          .map(([cookie, query]) => ({
            kind: 'read-without-a-cart',
            method: 'GET',
            url: `/api/cart${query}`,
            cookie,
            contentType: null,
            body: null,
            allow200: true,
          })),
      },
    ],
  }),
  route({
    file: 'app/api/cart/items/route.ts',
    samplePath: '/api/cart/items',
    methods: ['POST'],
    load: () => import('@/app/api/cart/items/route'),
    cases: (f) => [
      {
        method: 'POST',
        calls: fc.oneof(
          jsonCalls('POST', '/api/cart/items', cookieOf(f)(f.attacker.shopperId), {
            valid: { productId: 'pulse-speaker', quantity: 1 },
            invalidValues: {
              productId: fc.oneof(notAString, junkId, unknownSlug(PRODUCT_IDS), fc.constant('charge-dock')),
              quantity: fc.oneof(badQuantity, fc.constant(0), fc.integer({ min: 6, max: 99 })),
            },
            required: ['productId'],
          }),
          // Over the per-order limit counting what is already in the cart (3 headphones max, 1 held).
          fc.integer({ min: 3, max: 99 }).map((quantity) => ({
            kind: 'over-the-limit',
            method: 'POST',
            url: '/api/cart/items',
            cookie: cookieOf(f)(f.attacker.shopperId),
            contentType: 'application/json',
            body: JSON.stringify({ productId: 'aurora-headphones', quantity }),
          })),
        ),
      },
    ],
  }),
  route({
    file: 'app/api/cart/items/[productId]/route.ts',
    samplePath: '/api/cart/items/aurora-headphones',
    methods: ['PATCH', 'DELETE'],
    load: () => import('@/app/api/cart/items/[productId]/route'),
    cases: (f) => {
      const own = cookieOf(f)(f.attacker.shopperId);
      const badParam = fc.oneof(
        fc.string({ maxLength: 30 }).filter((s) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s) || s.length > 100),
        fc.constantFrom('..', '%2e%2e', 'AURORA-HEADPHONES', 'aurora_headphones', 'x'.repeat(101)),
      );
      const at = (productId: string) => `/api/cart/items/${encodeURIComponent(productId)}`;
      const patch = (kind: string, productId: string, cookie: string | null, body: unknown): HostileCall => ({
        kind,
        method: 'PATCH',
        url: at(productId),
        cookie,
        contentType: 'application/json',
        body: JSON.stringify(body),
        params: { productId },
      });
      return [
        {
          method: 'PATCH',
          calls: fc.oneof(
            jsonCalls('PATCH', at('aurora-headphones'), own, {
              valid: { quantity: 2 },
              invalidValues: { quantity: fc.oneof(badQuantity, fc.integer({ min: 4, max: 99 })) },
              required: ['quantity'],
            }).map((call) => ({ ...call, params: { productId: 'aurora-headphones' } })),
            badParam.map((id) => patch('bad-product-param', id, own, { quantity: 1 })),
            fc
              .oneof(unknownSlug(PRODUCT_IDS), fc.constantFrom('pulse-speaker', 'charge-dock'))
              .map((id) => patch('not-in-cart', id, own, { quantity: 1 })),
            strangerCookie(f).map((cookie) => patch('not-the-owner', 'aurora-headphones', cookie, { quantity: 1 })),
          ),
        },
        {
          method: 'DELETE',
          calls: fc.oneof(
            badParam.map((productId) => ({
              kind: 'bad-product-param',
              method: 'DELETE',
              url: at(productId),
              cookie: own,
              contentType: null,
              body: null,
              params: { productId },
            })),
            fc
              .tuple(strangerCookie(f), fc.constantFrom('aurora-headphones', 'pulse-speaker'))
              .map(([cookie, productId]) => ({
                kind: 'not-the-owner',
                method: 'DELETE',
                url: at(productId),
                cookie,
                contentType: null,
                body: null,
                params: { productId },
                allow200: true,
              })),
            unknownSlug(PRODUCT_IDS).map((productId) => ({
              kind: 'unknown-product',
              method: 'DELETE',
              url: at(productId),
              cookie: own,
              contentType: null,
              body: null,
              params: { productId },
              allow200: true,
            })),
          ),
        },
      ];
    },
  }),
  route({
    file: 'app/api/checkout/sessions/route.ts',
    samplePath: '/api/checkout/sessions',
    methods: ['POST'],
    load: () => import('@/app/api/checkout/sessions/route'),
    cases: (f) => [
      {
        method: 'POST',
        calls: fc.oneof(
          jsonCalls('POST', '/api/checkout/sessions', cookieOf(f)(f.attacker.shopperId), {
            valid: {},
            invalidValues: { replacing: fc.oneof(notAString, junkId) },
            required: [],
          }),
          fc.tuple(strangerCookie(f), fc.constantFrom('{}', '')).map(([cookie, body]) => ({
            kind: 'no-cart',
            method: 'POST',
            url: '/api/checkout/sessions',
            cookie,
            contentType: body ? 'application/json' : null,
            body: body || null,
          })),
        ),
      },
    ],
  }),
  route({
    file: 'app/api/checkout/state/route.ts',
    samplePath: '/api/checkout/state',
    methods: ['GET'],
    load: () => import('@/app/api/checkout/state/route'),
    cases: (f) => {
      const own = cookieOf(f)(f.attacker.shopperId);
      const get = (kind: string, query: string, cookie: string | null): HostileCall => ({
        kind,
        method: 'GET',
        url: `/api/checkout/state${query}`,
        cookie,
        contentType: null,
        body: null,
      });
      return [
        {
          method: 'GET',
          calls: fc.oneof(
            fc.constant(get('missing-session-id', '', own)),
            junkId.map((id) => get('bad-session-id', `?sessionId=${encodeURIComponent(id)}`, own)),
            unknownSessionId.map((id) => get('unknown-session', `?sessionId=${id}`, own)),
            fc.constant(get('other-shoppers-session', `?sessionId=${f.victim.sessionId}`, own)),
            strangerCookie(f).map((c) => get('not-the-owner', `?sessionId=${f.attacker.sessionId}`, c)),
            fc
              .constantFrom('price=1', 'amount=0', 'shopperId=x', `sessionId=${f.victim.sessionId}`)
              .map((extra) => get('extra-query', `?sessionId=${f.attacker.sessionId}&${extra}`, own)),
          ),
        },
      ];
    },
  }),
  route({
    file: 'app/api/checkout/add-ons/route.ts',
    samplePath: '/api/checkout/add-ons',
    methods: ['POST'],
    load: () => import('@/app/api/checkout/add-ons/route'),
    cases: (f) => [
      {
        method: 'POST',
        calls: sessionUpdateCalls(
          f,
          '/api/checkout/add-ons',
          (sessionId) => ({ sessionId, addOnId: 'extended-warranty', productId: 'aurora-headphones', selected: true }),
          {
            sessionId: badSessionId,
            addOnId: fc.oneof(notAString, junkId, unknownSlug([...ADD_ON_IDS])),
            productId: fc.oneof(
              notInOrderProductId(['aurora-headphones']),
              fc.constant('ceramic-pour-over'), // in the order, but not warranty-eligible
            ),
            selected: anyJson.filter((v) => typeof v !== 'boolean'),
            giftMessage: fc.oneof(
              fc.string({ maxLength: 40 }),
              notAString.filter((v) => v !== null),
            ),
          },
          ['sessionId', 'addOnId', 'selected'],
        ),
      },
    ],
  }),
  route({
    file: 'app/api/checkout/quantity/route.ts',
    samplePath: '/api/checkout/quantity',
    methods: ['POST'],
    load: () => import('@/app/api/checkout/quantity/route'),
    cases: (f) => [
      {
        method: 'POST',
        calls: sessionUpdateCalls(
          f,
          '/api/checkout/quantity',
          (sessionId) => ({ sessionId, productId: 'aurora-headphones', quantity: 2 }),
          {
            sessionId: badSessionId,
            productId: notInOrderProductId(['aurora-headphones', 'ceramic-pour-over']),
            quantity: fc.oneof(badQuantity, fc.integer({ min: 4, max: 99 })),
          },
          ['sessionId', 'productId', 'quantity'],
        ),
      },
    ],
  }),
  route({
    file: 'app/api/checkout/shipping-address/route.ts',
    samplePath: '/api/checkout/shipping-address',
    methods: ['POST'],
    load: () => import('@/app/api/checkout/shipping-address/route'),
    cases: (f) => [
      {
        method: 'POST',
        calls: sessionUpdateCalls(
          f,
          '/api/checkout/shipping-address',
          (sessionId) => ({ sessionId, address: { ...usAddress, city: 'Chicago' } }),
          { sessionId: badSessionId, address: badAddress },
          ['sessionId', 'address'],
        ),
      },
    ],
  }),
  route({
    file: 'app/api/checkout/shipping-option/route.ts',
    samplePath: '/api/checkout/shipping-option',
    methods: ['POST'],
    load: () => import('@/app/api/checkout/shipping-option/route'),
    cases: (f) => [
      {
        method: 'POST',
        calls: sessionUpdateCalls(
          f,
          '/api/checkout/shipping-option',
          (sessionId) => ({ sessionId, methodId: 'express' }),
          { sessionId: badSessionId, methodId: fc.oneof(notAString, junkId, unknownSlug(METHOD_IDS)) },
          ['sessionId', 'methodId'],
        ),
      },
    ],
  }),
  route({
    file: 'app/api/checkout/email/route.ts',
    samplePath: '/api/checkout/email',
    methods: ['POST'],
    load: () => import('@/app/api/checkout/email/route'),
    cases: (f) => [
      {
        method: 'POST',
        calls: sessionUpdateCalls(
          f,
          '/api/checkout/email',
          (sessionId) => ({ sessionId }),
          { sessionId: badSessionId, email: fc.constantFrom('vip@example.com', '') },
          ['sessionId'],
        ),
      },
    ],
  }),
  route({
    file: 'app/api/checkout/store-credit/route.ts',
    samplePath: '/api/checkout/store-credit',
    methods: ['POST'],
    load: () => import('@/app/api/checkout/store-credit/route'),
    cases: (f) => [
      {
        method: 'POST',
        // The attacker is a guest: even its well-formed request is refused (401), and a claimed customer changes nothing.
        calls: sessionUpdateCalls(
          f,
          '/api/checkout/store-credit',
          (sessionId) => ({ sessionId, apply: true }),
          {
            sessionId: badSessionId,
            apply: fc.oneof(notAString, fc.constantFrom('true', 1, null)),
            customerId: fc.constantFrom('demo_gold', 'customer-1'),
          },
          ['sessionId', 'apply'],
        ),
      },
    ],
  }),
  route({
    file: 'app/api/checkout/discount-codes/route.ts',
    samplePath: '/api/checkout/discount-codes',
    methods: ['POST', 'DELETE'],
    load: () => import('@/app/api/checkout/discount-codes/route'),
    cases: (f) => {
      const code = DISCOUNT_CODES[0] ?? 'WELCOME10';
      return [
        {
          method: 'POST',
          calls: sessionUpdateCalls(
            f,
            '/api/checkout/discount-codes',
            (sessionId) => ({ sessionId, code }),
            {
              sessionId: badSessionId,
              code: fc.oneof(malformedCode, unknownCode),
              email: fc.oneof(notAString, fc.constantFrom('', 'not-an-email', '@x', `${'a'.repeat(250)}@x.com`)),
            },
            ['sessionId', 'code'],
          ),
        },
        {
          method: 'DELETE',
          calls: sessionUpdateCalls(
            f,
            '/api/checkout/discount-codes',
            (sessionId) => ({ sessionId, code }),
            { sessionId: badSessionId, code: malformedCode },
            ['sessionId', 'code'],
          ).map((call) => ({ ...call, method: 'DELETE' })),
        },
      ];
    },
  }),
  route({
    file: 'app/api/webhooks/stripe/route.ts',
    samplePath: '/api/webhooks/stripe',
    methods: ['POST'],
    load: () => import('@/app/api/webhooks/stripe/route'),
    cases: (f) => [{ method: 'POST', calls: webhookCalls(f) }],
  }),
  route({
    file: 'app/api/cron/reconcile/route.ts',
    samplePath: '/api/cron/reconcile',
    methods: ['GET'],
    load: () => import('@/app/api/cron/reconcile/route'),
    cases: (f) => [{ method: 'GET', calls: cronCalls(f) }],
  }),
  route({
    file: 'app/api/auth/[...all]/route.ts',
    samplePath: '/api/auth/sign-in/email',
    methods: ['GET', 'POST'],
    load: () => import('@/app/api/auth/[...all]/route'),
    cases: (f) => [
      { method: 'GET', calls: authReadCalls(f) },
      { method: 'POST', calls: authCalls(f) },
    ],
  }),
];

/** Header-safe junk (printable ASCII, no line breaks). */
const headerJunk = fc.stringMatching(/^[!-~][ -~]{0,60}$/);

/** Calls to a cron route without the exact `Authorization: Bearer <CRON_SECRET>`: each must be a 401 doing nothing. */
function cronCalls(f: FuzzFixture): fc.Arbitrary<HostileCall> {
  const secret = f.cronSecret;
  const nearMisses = [
    secret,
    `bearer ${secret}`,
    `BEARER ${secret}`,
    `Bearer  ${secret}`,
    `Bearer ${secret}x`,
    `Bearer ${secret.slice(0, -1)}`,
    `Bearer ${secret.toUpperCase()}`,
    `Bearer ${secret}${secret}`,
    `Basic ${Buffer.from(`user:${secret}`).toString('base64')}`,
    `Token ${secret}`,
    'Bearer ',
    'Bearer',
    '',
  ];
  const authorization = fc.oneof(
    fc.constant(null),
    fc.constantFrom(...nearMisses),
    headerJunk,
    headerJunk.map((junk) => `Bearer ${junk}`).filter((value) => value !== `Bearer ${secret}`),
  );
  const query = fc.constantFrom(
    '',
    `?secret=${secret}`,
    `?token=${secret}`,
    `?authorization=Bearer%20${secret}`,
    '?windowSeconds=999999999',
    '?limit=-1',
  );
  return fc.tuple(authorization, query, fc.boolean()).map(([auth, q, withCookie]) => ({
    kind: auth === null ? 'cron-without-secret' : 'cron-wrong-secret',
    method: 'GET',
    url: `/api/cron/reconcile${q}`,
    cookie: withCookie ? `${f.shopperCookie}=${f.attacker.shopperId}; cron_secret=${secret}` : null,
    contentType: null,
    body: null,
    ...(auth === null ? {} : { headers: { authorization: auth } }),
  }));
}

/** better-auth's endpoints: sign-in bodies of every wrong shape (for an account that does not exist), sign-ups
 * better-auth must refuse, reset and magic-link requests without a usable email, tokens that are not tokens. */
function authCalls(f: FuzzFixture): fc.Arbitrary<HostileCall> {
  const cookie = cookieOf(f)(f.attacker.shopperId);
  const post = (kind: string, path: string, body: unknown): HostileCall => ({
    kind,
    method: 'POST',
    url: `/api/auth${path}`,
    cookie,
    contentType: 'application/json',
    body: JSON.stringify(body) ?? 'null',
    headers: { origin: 'http://shop.test' },
  });
  const badEmail = fc.oneof(notAString, fc.constantFrom('', 'not-an-email', '@example.com', 'a@', 'x'.repeat(300)));
  return fc.oneof(
    jsonCalls('POST', '/api/auth/sign-in/email', cookie, {
      valid: { email: 'nobody@example.com', password: 'not-the-password' },
      invalidValues: { email: badEmail, password: notAString },
      required: ['email', 'password'],
    }).map((call) => ({ ...call, headers: { origin: 'http://shop.test' }, allow200: false })),
    fc
      .tuple(badEmail, fc.constantFrom('long-enough-pass', 'short'))
      .map(([email, password]) => post('sign-up-bad-email', '/sign-up/email', { email, password, name: '' })),
    fc
      .constantFrom('', 'short', 'x'.repeat(129))
      .map((password) =>
        post('sign-up-bad-password', '/sign-up/email', { email: 'x@example.com', password, name: '' }),
      ),
    badEmail.map((email) => post('reset-bad-email', '/request-password-reset', { email })),
    badEmail.map((email) => post('magic-link-bad-email', '/sign-in/magic-link', { email })),
    fc
      .tuple(junkId, fc.string({ maxLength: 20 }))
      .map(([token, newPassword]) => post('reset-bad-token', '/reset-password', { token, newPassword })),
  );
}

/** Reads that must not find anything: verification with a token that is not one (better-auth's JSON refusal). */
function authReadCalls(f: FuzzFixture): fc.Arbitrary<HostileCall> {
  return fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/).map((token) => ({
    kind: 'verify-bad-token',
    method: 'GET',
    url: `/api/auth/verify-email?token=${token}`,
    cookie: cookieOf(f)(f.attacker.shopperId),
    contentType: null,
    body: null,
  }));
}

const MAX_EVENT_BYTES = 512 * 1024;

/** A completed-session event for the victim, as Stripe would send it, if only it were signed correctly. */
function eventFor(sessionId: string, id: string): string {
  return JSON.stringify({
    id: `evt_${id}`,
    object: 'event',
    type: 'checkout.session.completed',
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: sessionId, object: 'checkout.session', payment_status: 'paid', amount_total: 1 } },
  });
}

/** Webhook bodies with no valid signature over them: unsigned, forged, signed with the wrong secret, replayed, oversized. */
function webhookCalls(f: FuzzFixture): fc.Arbitrary<HostileCall> {
  const body = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9]{8,20}$/).map((id) => eventFor(f.victim.sessionId, id)),
    anyJson.map((v) => JSON.stringify(v) ?? 'null'),
    malformedJson,
  );
  const now = () => Math.floor(Date.now() / 1000);
  const signature = (payload: string): fc.Arbitrary<string | null> =>
    fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 80 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
      fc.stringMatching(/^[0-9a-f]{64}$/).map((hex) => `t=${now()},v1=${hex}`),
      fc.constant(f.sign(payload, 'whsec_wrong_secret', now())),
      fc.integer({ min: 400, max: 10_000_000 }).map((age) => f.sign(payload, f.webhookSecret, now() - age)),
      fc.constant(f.sign(`${payload} `, f.webhookSecret, now())),
    );
  const call = (kind: string, payload: string, sig: string | null): HostileCall => ({
    kind,
    method: 'POST',
    url: '/api/webhooks/stripe',
    cookie: null,
    contentType: sig === null ? 'text/plain' : 'application/json',
    body: payload,
    ...(sig === null ? {} : { headers: { 'stripe-signature': sig } }),
  });
  return fc.oneof(
    {
      weight: 8,
      arbitrary: body.chain((payload) => signature(payload).map((sig) => call('bad-signature', payload, sig))),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: MAX_EVENT_BYTES + 1, max: MAX_EVENT_BYTES * 2 })
        .map((size) => call('oversized', ' '.repeat(size), f.sign(' '.repeat(size), f.webhookSecret, now()))),
    },
  );
}
