import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/lib/db';
import { outboxEnabled } from '@/lib/mail';
import { readOutboxMessage } from '@/lib/mail/outbox';

export const instant = false;

export const metadata: Metadata = { title: 'Message (development outbox)', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** Splits plain text into text and links, so every link in the message is clickable (no HTML from the message runs). */
function withLinks(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, index) =>
    /^https?:\/\//.test(part) ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order
      <a key={index} href={part} className="break-all font-medium text-brand-700 underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export default async function OutboxMessagePage({ params }: Props) {
  await connection();
  if (!outboxEnabled()) notFound();
  const { id } = await params;
  const number = /^[1-9][0-9]{0,9}$/.test(id) ? Number(id) : null;
  const message = number && number <= 2_147_483_647 ? await readOutboxMessage(await getDb(), number) : null;
  if (!message) notFound();
  return (
    <div className="max-w-3xl">
      <PageHeading title={message.subject}>
        <p>To {message.to}</p>
      </PageHeading>
      <pre
        className="whitespace-pre-wrap rounded-2xl border border-stone-200 bg-white p-5 font-sans text-stone-800"
        data-testid="outbox-message"
      >
        {withLinks(message.text)}
      </pre>
      <p className="mt-6">
        <Link href="/dev/outbox" className="font-medium text-brand-700 underline">
          Back to the outbox
        </Link>
      </p>
    </div>
  );
}
