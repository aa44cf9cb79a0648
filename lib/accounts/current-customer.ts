import 'server-only';
import { getAuth } from '@/lib/accounts/store-auth';

/** The customer a request is signed in as. `id` is better-auth's user id: the customer id everywhere in the store. */
export type SignedInCustomer = { id: string; email: string; emailVerified: boolean; name: string | null };

/**
 * The customer signed in on this request (from better-auth's signed session cookie, checked against its session
 * row), or null: no cookie, a forged or tampered one, an expired or revoked session. Read-only: never refreshes the
 * session, so it is safe in Server Components.
 */
export async function readSignedInCustomer(headers: Headers): Promise<SignedInCustomer | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers, query: { disableRefresh: true } });
  if (!session) return null;
  const { user } = session;
  return { id: user.id, email: user.email, emailVerified: user.emailVerified, name: user.name.trim() || null };
}
