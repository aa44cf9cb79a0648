import 'server-only';
import { getServerConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { createMailer, type Mailer } from '@/lib/mail/mailer';

export type { Mailer, MailMessage } from '@/lib/mail/mailer';

let memo: Mailer | undefined;

/** The store's mailer for its configuration (SMTP, the local outbox, or the log). */
export function getMailer(): Mailer {
  memo ??= createMailer(getServerConfig().mail, getDb);
  return memo;
}

/** Whether the local outbox (/dev/outbox) exists: only against the Stripe emulator, without SMTP. */
export function outboxEnabled(): boolean {
  return getServerConfig().mail.transport === 'outbox';
}
