import { storeTiers } from '@/lib/customers/tiers';
import { WEEKDAYS } from '@/lib/discounts/schema';
import type { StoreData } from '@/lib/store-data/types';

const DAY_NAMES = { sun: 'Sun', mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat' } as const;

/** The choices the promotion form offers, from the store's data as it is now. */
export function promotionChoicesOf(store: StoreData) {
  return {
    categories: store.catalog.categories.map((c) => ({ value: c.id, label: c.name })),
    shippingMethods: store.shipping.methods.map((m) => ({ value: m.id, label: m.displayName })),
    tiers: storeTiers.map((t) => ({ value: t.id, label: t.name })),
    weekdays: WEEKDAYS.map((day) => ({ value: day, label: DAY_NAMES[day] })),
  };
}
