import { desc, eq } from 'drizzle-orm';
import { GET as authGet, POST as authPost } from '@/app/api/auth/[...all]/route';
import type { Db } from '@/lib/db/client';
import { mailOutbox, users } from '@/lib/db/schema';
import { TEST_ORIGIN } from '@/test/support/http';

/** Cookies a browser would keep: name → value, updated from every response's Set-Cookie. */
export class CookieJar {
  readonly values = new Map<string, string>();

  constructor(initial: Record<string, string> = {}) {
    for (const [name, value] of Object.entries(initial)) this.values.set(name, value);
  }

  take(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.values.delete(name);
      else this.values.set(name, value);
    }
    return response;
  }

  header(): string {
    return [...this.values].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }
}

/** A request to better-auth's route handler as the store's own pages send it (same origin, JSON body). */
export async function callAuth(
  method: 'GET' | 'POST',
  pathOrUrl: string,
  options: { body?: unknown; jar?: CookieJar; headers?: Record<string, string> } = {},
): Promise<Response> {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${TEST_ORIGIN}/api/auth${pathOrUrl}`;
  const headers = new Headers({ origin: TEST_ORIGIN, ...options.headers });
  if (options.jar && options.jar.values.size > 0) headers.set('cookie', options.jar.header());
  let body: string | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set('content-type', 'application/json');
  }
  const request = new Request(url, { method, headers, body, redirect: 'manual' });
  const response = await (method === 'GET' ? authGet(request) : authPost(request));
  return options.jar ? options.jar.take(response) : response;
}

/** The newest mail to `to` in the local outbox, and the first link in it. */
export async function latestMailTo(
  db: Db,
  to: string,
): Promise<{ subject: string; text: string; link: string } | null> {
  const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(desc(mailOutbox.id)).limit(1);
  if (!mail) return null;
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0] ?? '';
  return { subject: mail.subject, text: mail.text, link };
}

export async function mailCountTo(db: Db, to: string): Promise<number> {
  return (await db.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.to, to))).length;
}

export function uniqueEmail(label: string): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

export async function userByEmail(db: Db, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return user ?? null;
}

/** Signs up, opens the emailed verification link (which signs in): a verified, signed-in customer in `jar`. */
export async function signUpVerified(
  db: Db,
  jar: CookieJar,
  account: { email: string; password: string; name?: string },
): Promise<void> {
  const signUp = await callAuth('POST', '/sign-up/email', {
    jar,
    body: { email: account.email, password: account.password, name: account.name ?? '' },
  });
  if (!signUp.ok) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const mail = await latestMailTo(db, account.email);
  if (!mail) throw new Error('no verification mail');
  const verified = await callAuth('GET', mail.link, { jar });
  if (verified.status !== 302) throw new Error(`verification failed: ${verified.status} ${await verified.text()}`);
}
