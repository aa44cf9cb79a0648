import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/lib/db';
import { outboxEnabled } from '@/lib/mail';
import { listOutbox } from '@/lib/mail/outbox';

export const instant = false;

export const metadata: Metadata = { title: 'Outbox (development)', robots: { index: false } };

const TIME = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium' });

/** Mail the store wrote instead of sending it (emulator mode, no SMTP_URL): newest first. 404 with real Stripe keys. */
export default async function OutboxPage() {
  await connection();
  if (!outboxEnabled()) notFound();
  const messages = await listOutbox(await getDb());
  return (
    <div>
      <PageHeading title="Outbox">
        Mail the store would have sent. Development and tests only: with real Stripe keys mail goes over SMTP.
      </PageHeading>
      {messages.length === 0 ? (
        <p className="text-stone-600">No mail yet.</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white" data-testid="outbox">
          {messages.map((message) => (
            <li key={message.id} className="px-5 py-3">
              <Link href={`/dev/outbox/${message.id}`} className="font-semibold text-brand-700 underline">
                {message.subject}
              </Link>
              <p className="text-sm text-stone-600">
                To <span data-testid="outbox-to">{message.to}</span> · {TIME.format(message.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
