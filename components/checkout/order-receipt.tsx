import { shippingAmountLabel } from '@/components/checkout/shipping-choices';
import { countryName } from '@/lib/countries';
import { formatMoney } from '@/lib/money';
import type { OrderView } from '@/lib/orders/order-view';

type Props = { order: OrderView };

const STATUS_LABELS: Record<string, string> = {
  paid: 'Paid',
  fulfilled: 'Paid — preparing to ship',
  shipped: 'Shipped',
};

type RowProps = { label: string; amount: number; shown: string; testId?: string; behavior?: string };

function Row({ label, amount, shown, testId, behavior }: RowProps) {
  return (
    <div className="flex justify-between">
      <dt className="text-stone-600">{label}</dt>
      <dd className="tabular-nums" data-testid={testId} data-value={amount} data-behavior={behavior}>
        {shown}
      </dd>
    </div>
  );
}

export function OrderReceipt({ order }: Props) {
  const { currency, shippingAddress: address } = order;
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <section
        aria-labelledby="order-items-heading"
        className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm"
      >
        <h2 id="order-items-heading" className="text-lg font-semibold">
          Items
        </h2>
        <ul className="mt-3 divide-y divide-stone-100 text-sm">
          {order.lines.map((line) => (
            <li
              key={`${line.productId ?? ''}|${line.name}`}
              data-testid="order-line"
              className="flex justify-between gap-4 py-3"
            >
              <span>
                {line.name} <span className="text-stone-500">× {line.quantity}</span>
              </span>
              <span className="font-medium tabular-nums" data-value={line.amount}>
                {formatMoney(line.amount, currency)}
              </span>
            </li>
          ))}
        </ul>
        <dl className="mt-4 space-y-2 border-t border-stone-200 pt-4 text-sm">
          <Row
            label="Subtotal"
            amount={order.amountSubtotal}
            shown={formatMoney(order.amountSubtotal, currency)}
            testId="order-subtotal"
          />
          <Row
            label={order.shippingMethodName ? `Shipping (${order.shippingMethodName})` : 'Shipping'}
            amount={order.amountShipping}
            shown={shippingAmountLabel(order.amountShipping, formatMoney(order.amountShipping, currency))}
            testId="order-shipping"
          />
          {order.amountDiscount > 0 ? (
            <div className="flex justify-between text-emerald-800">
              <dt>Discount</dt>
              <dd className="tabular-nums" data-testid="order-discount" data-value={order.amountDiscount}>
                −{formatMoney(order.amountDiscount, currency)}
              </dd>
            </div>
          ) : null}
          {order.taxBehavior !== null || order.amountTax > 0 ? (
            <Row
              label={order.taxBehavior === 'inclusive' ? 'Including VAT' : 'Tax'}
              amount={order.amountTax}
              shown={formatMoney(order.amountTax, currency)}
              testId="order-tax"
              behavior={order.taxBehavior ?? undefined}
            />
          ) : null}
          <div className="flex justify-between border-t border-stone-200 pt-3 text-base font-semibold">
            <dt>Total paid</dt>
            <dd className="tabular-nums" data-testid="order-total" data-value={order.amountTotal}>
              {formatMoney(order.amountTotal, currency)}
            </dd>
          </div>
        </dl>
      </section>
      <aside className="space-y-6 rounded-2xl border border-stone-200 bg-white p-6 text-sm shadow-sm">
        <div>
          <h2 className="font-semibold">Status</h2>
          <p data-testid="order-status" data-value={order.status} className="mt-1 text-emerald-800">
            {STATUS_LABELS[order.status] ?? order.status}
          </p>
        </div>
        {order.email ? (
          <div>
            <h2 className="font-semibold">Receipt sent to</h2>
            <p className="mt-1 break-all" data-testid="order-email">
              {order.email}
            </p>
          </div>
        ) : null}
        {address ? (
          <div>
            <h2 className="font-semibold">Shipping to</h2>
            <address className="mt-1 not-italic leading-relaxed" data-testid="order-address">
              {address.name}
              <br />
              {address.line1}
              {address.line2 ? (
                <>
                  <br />
                  {address.line2}
                </>
              ) : null}
              <br />
              {[address.city, address.state, address.postalCode].filter(Boolean).join(', ')}
              <br />
              {countryName(address.country)}
            </address>
          </div>
        ) : null}
      </aside>
    </div>
  );
}
