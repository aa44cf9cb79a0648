import type { Merchant } from '@/lib/admin/merchants';
import type { Db } from '@/lib/db/client';
import { adminAudit } from '@/lib/db/schema';

export type AuditedChange = { action: string; subject: string; before: unknown; after: unknown };

/**
 * Records one change a merchant made (who, what, the state before and after; the database stamps when). Call it in
 * the transaction that makes the change, so there is never a change without its record or a record without its change.
 */
export async function audited(tx: Db, actor: Merchant, change: AuditedChange): Promise<void> {
  await tx.insert(adminAudit).values({
    actorId: actor.id,
    actorEmail: actor.email,
    action: change.action,
    subject: change.subject,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}
