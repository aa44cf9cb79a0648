import Link from 'next/link';
import { statusLabel } from '@/components/admin/status-badge';
import { inputClass, labelClass } from '@/components/admin/table';
import { buttonClass } from '@/components/ui/button-styles';
import { ORDER_STATUS_FILTERS, type OrderFilters } from '@/lib/admin/order-filters';

/** The orders list's search and filters: a plain GET form (works without JavaScript; the URL is shareable). */
export function OrdersFilterForm({ filters }: { filters: OrderFilters }) {
  return (
    <form
      method="get"
      action="/admin/orders"
      aria-label="Search orders"
      className="mb-4 grid gap-3 rounded-2xl border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <div className="flex flex-col gap-1 lg:col-span-2">
        <label htmlFor="orders-q" className={labelClass}>
          Order number or email
        </label>
        <input id="orders-q" name="q" type="search" defaultValue={filters.q ?? ''} className={inputClass} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="orders-status" className={labelClass}>
          Status
        </label>
        <select id="orders-status" name="status" defaultValue={filters.status ?? ''} className={inputClass}>
          <option value="">Any</option>
          {ORDER_STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="orders-code" className={labelClass}>
          Code used
        </label>
        <input id="orders-code" name="code" defaultValue={filters.code ?? ''} className={inputClass} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="orders-from" className={labelClass}>
          From
        </label>
        <input id="orders-from" name="from" type="date" defaultValue={filters.from ?? ''} className={inputClass} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="orders-to" className={labelClass}>
          To
        </label>
        <input id="orders-to" name="to" type="date" defaultValue={filters.to ?? ''} className={inputClass} />
      </div>
      <fieldset className="flex flex-col justify-end gap-1 text-sm text-stone-800">
        <legend className="sr-only">Flags</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="overRedeemed" value="1" defaultChecked={filters.overRedeemed} /> Over-redeemed
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="flagged" value="1" defaultChecked={filters.flagged} /> Differs from our record
        </label>
      </fieldset>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass('primary')}>
          Search
        </button>
        <Link href="/admin/orders" className={buttonClass('ghost')}>
          Clear
        </Link>
      </div>
    </form>
  );
}
