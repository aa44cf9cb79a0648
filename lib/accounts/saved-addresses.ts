import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { orders, removedAddresses } from '@/lib/db/schema';
import type { ShippingAddress } from '@/lib/pricing/types';

export type SavedAddress = { key: string; address: ShippingAddress; lastUsedAt: Date };

/** Orders that count for an account: paid (or nothing to pay), refunded in part or in full since or not. */
export const PAID_ORDER_STATUSES = ['paid', 'no_payment_required', 'partially_refunded', 'refunded'];

/** One key per address however it was typed: fields trimmed, spaces collapsed, case ignored. */
export function addressKey(address: ShippingAddress): string {
  const parts = [
    address.name,
    address.line1,
    address.line2,
    address.city,
    address.state,
    address.postalCode,
    address.country,
  ];
  const normal = parts.map((part) => (part ?? '').trim().replace(/\s+/g, ' ').toLowerCase()).join('\n');
  return createHash('sha256').update(normal).digest('hex');
}

/**
 * The customer's saved addresses: the shipping addresses of their paid orders, most recently used first, each once,
 * without those they deleted (an order shipped there after the deletion saves it again).
 */
export async function savedAddresses(db: Db, customerId: string): Promise<SavedAddress[]> {
  const [rows, removed] = await Promise.all([
    db
      .select({ address: orders.shippingAddress, createdAt: orders.createdAt })
      .from(orders)
      .where(
        and(
          eq(orders.customerId, customerId),
          inArray(orders.status, PAID_ORDER_STATUSES),
          isNotNull(orders.shippingAddress),
        ),
      )
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(200),
    db
      .select({ key: removedAddresses.addressKey, at: removedAddresses.createdAt })
      .from(removedAddresses)
      .where(eq(removedAddresses.customerId, customerId)),
  ]);
  const removedAt = new Map(removed.map((row) => [row.key, row.at]));
  const seen = new Map<string, SavedAddress>();
  for (const row of rows) {
    if (!row.address) continue;
    const key = addressKey(row.address);
    const deleted = removedAt.get(key);
    if (seen.has(key) || (deleted && row.createdAt <= deleted)) continue;
    seen.set(key, { key, address: row.address, lastUsedAt: row.createdAt });
  }
  return [...seen.values()];
}

/** Deletes one of the customer's saved addresses; another customer's key changes nothing of theirs. */
export async function removeSavedAddress(db: Db, customerId: string, key: string): Promise<void> {
  await db
    .insert(removedAddresses)
    .values({ customerId, addressKey: key })
    .onConflictDoUpdate({
      target: [removedAddresses.customerId, removedAddresses.addressKey],
      set: { createdAt: new Date() },
    });
}

/** The address of the customer's latest paid order they have not deleted, to prefill their next checkout. */
export async function latestSavedAddress(db: Db, customerId: string): Promise<ShippingAddress | null> {
  return (await savedAddresses(db, customerId))[0]?.address ?? null;
}
