import type { MailConfig } from '@/lib/config';
import type { Db } from '@/lib/db/client';
import { writeToOutbox } from '@/lib/mail/outbox';

export type MailMessage = { to: string; subject: string; text: string; html: string };

export type Mailer = { send(message: MailMessage): Promise<void> };

/**
 * The store's one way to send mail: SMTP through nodemailer when SMTP_URL is set, else the local outbox (emulator mode,
 * read at /dev/outbox), else — development with real Stripe keys — the server log.
 */
export function createMailer(config: MailConfig, db: () => Promise<Db>): Mailer {
  switch (config.transport) {
    case 'smtp': {
      let transport: Promise<import('nodemailer').Transporter> | undefined;
      return {
        async send(message) {
          transport ??= import('nodemailer').then((nodemailer) => nodemailer.createTransport(config.url));
          await (await transport).sendMail({ from: config.from, ...message });
        },
      };
    }
    case 'outbox':
      return { send: async (message) => writeToOutbox(await db(), message) };
    case 'console':
      return {
        async send(message) {
          console.info(`[mail] to ${message.to}: ${message.subject}\n${message.text}`);
        },
      };
  }
}
