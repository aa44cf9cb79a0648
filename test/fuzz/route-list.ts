/**
 * Every API route and the HTTP methods it is meant to answer — the single list the fuzz tests (and the load test's
 * wrong-method probe) work from. A new `app/api/**\/route.ts` fails `route-methods.fuzz.test.ts` until it is listed
 * here and given hostile cases in `route-table.ts`.
 */
export type RouteInfo = {
  /** The route file, relative to the repository root. */
  file: string;
  /** A concrete URL path for the route (dynamic segments filled in). */
  samplePath: string;
  methods: ReadonlyArray<HttpMethod>;
};

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const ROUTES = {
  cart: { file: 'app/api/cart/route.ts', samplePath: '/api/cart', methods: ['GET'] },
  cartItems: { file: 'app/api/cart/items/route.ts', samplePath: '/api/cart/items', methods: ['POST'] },
  cartItem: {
    file: 'app/api/cart/items/[productId]/route.ts',
    samplePath: '/api/cart/items/aurora-headphones',
    methods: ['PATCH', 'DELETE'],
  },
  sessions: { file: 'app/api/checkout/sessions/route.ts', samplePath: '/api/checkout/sessions', methods: ['POST'] },
  state: { file: 'app/api/checkout/state/route.ts', samplePath: '/api/checkout/state', methods: ['GET'] },
  addOns: { file: 'app/api/checkout/add-ons/route.ts', samplePath: '/api/checkout/add-ons', methods: ['POST'] },
  quantity: { file: 'app/api/checkout/quantity/route.ts', samplePath: '/api/checkout/quantity', methods: ['POST'] },
  shippingAddress: {
    file: 'app/api/checkout/shipping-address/route.ts',
    samplePath: '/api/checkout/shipping-address',
    methods: ['POST'],
  },
  shippingOption: {
    file: 'app/api/checkout/shipping-option/route.ts',
    samplePath: '/api/checkout/shipping-option',
    methods: ['POST'],
  },
  discountCodes: {
    file: 'app/api/checkout/discount-codes/route.ts',
    samplePath: '/api/checkout/discount-codes',
    methods: ['POST', 'DELETE'],
  },
  webhook: { file: 'app/api/webhooks/stripe/route.ts', samplePath: '/api/webhooks/stripe', methods: ['POST'] },
} as const satisfies Record<string, RouteInfo>;

export type RouteName = keyof typeof ROUTES;
