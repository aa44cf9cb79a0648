import { authRouteHandler } from '@/lib/accounts/auth-route';

/** better-auth's endpoints (docs/api.md, "Accounts"): sign-up, sign-in, magic links, verification, reset, sign-out. */
export const { GET, POST } = authRouteHandler();
