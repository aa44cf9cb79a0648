import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { mailOutbox } from '@/lib/db/schema';
import type { MailMessage } from '@/lib/mail/mailer';

export type OutboxMessage = MailMessage & { id: number; createdAt: Date };

export async function writeToOutbox(db: Db, message: MailMessage): Promise<void> {
  await db.insert(mailOutbox).values(message);
}

/** The newest messages first. */
export async function listOutbox(db: Db, limit = 100): Promise<OutboxMessage[]> {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).limit(limit);
}

export async function readOutboxMessage(db: Db, id: number): Promise<OutboxMessage | null> {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row ?? null;
}
