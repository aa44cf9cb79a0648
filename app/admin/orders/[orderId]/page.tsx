import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminShell } from '@/components/admin/admin-shell';
import { RefundForm } from '@/components/admin/refund-form';
import { StatusBadge } from '@/components/admin/status-badge';
import { AdminCard, AdminTable, cell } from '@/components/admin/table';
import { requireMerchantPage } from '@/lib/admin/guard';
import { orderDetail } from '@/lib/admin/orders';
import { getDb } from '@/lib/db';
import { formatMoney } from '@/lib/money';

export const instant = false;

type Props = { params: Promise<{ orderId: string }> };

function Row({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="flex justify-between gap-4 py-1">
      <dt className="text-stone-600">{label}</dt>
      <dd className="text-right font-medium text-stone-900 tabular-nums" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

export default async function AdminOrderPage({ params }: Props) {
  const { orderId } = await params;
  const merchant = await requireMerchantPage(`/admin/orders/${encodeURIComponent(orderId)}`);
  const id = /^[1-9][0-9]{0,8}$/.test(orderId) ? Number(orderId) : null;
  const detail = id ? await orderDetail(await getDb(), id) : null;
  if (!detail) notFound();
  const { order } = detail;
  const money = (amount: number) => formatMoney(amount, order.currency);
  const address = order.shippingAddress;
  return (
    <AdminShell merchant={merchant} section="orders" title={`Order #${order.id}`}>
      <p className="mb-6 flex flex-wrap items-center gap-3 text-stone-700">
        <StatusBadge status={order.status} />
        <span>Placed {order.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</span>
        <span>{order.email ?? 'no email'}</span>
        {detail.customer ? (
          <Link
            href={`/admin/customers/${encodeURIComponent(detail.customer.id)}`}
            className="text-brand-700 underline"
          >
            Customer account
          </Link>
        ) : (
          <span>Guest</span>
        )}
      </p>
      {order.recordMismatch ? (
        <div
          role="note"
          className="mb-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          <p className="font-semibold">Stripe’s final session differed from our record</p>
          <p data-testid="mismatch-reason">{order.mismatchReason}</p>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <AdminTable caption="Items" head={['Item', 'Qty', 'Unit', 'Charged', 'Tax']}>
            {[...detail.items, ...detail.addOns].map((line) => (
              <tr key={line.id}>
                <td className={cell}>
                  {line.name}
                  {line.addOnKey ? <span className="ml-2 text-xs text-stone-500">add-on</span> : null}
                </td>
                <td className={`${cell} tabular-nums`}>{line.quantity}</td>
                <td className={`${cell} tabular-nums`}>{money(line.unitAmount)}</td>
                <td className={`${cell} tabular-nums`}>{money(line.amountTotal)}</td>
                <td className={`${cell} tabular-nums`}>{money(line.amountTax)}</td>
              </tr>
            ))}
          </AdminTable>
          <AdminCard id="discounts" title="Discounts">
            {detail.discounts.length === 0 && detail.creditUsed === 0 ? (
              <p className="text-sm text-stone-600">None.</p>
            ) : (
              <ul className="flex flex-col gap-2 text-sm">
                {detail.discounts.map((discount) => (
                  <li key={discount.id} data-testid="order-discount">
                    <span className="font-medium">{discount.code ?? 'automatic'}</span> — {discount.label}:{' '}
                    {money(discount.amount)}
                    {discount.overRedeemed ? (
                      <span className="ml-2 font-semibold text-amber-800">
                        over-redeemed ({discount.overRedeemedReason})
                      </span>
                    ) : null}
                    {discount.releasedAt ? <span className="ml-2 text-stone-600">released by a refund</span> : null}
                  </li>
                ))}
                {detail.creditUsed > 0 ? <li>Store credit: {money(detail.creditUsed)}</li> : null}
              </ul>
            )}
          </AdminCard>
          <AdminCard id="refunds" title="Refunds">
            {detail.refunds.length === 0 ? (
              <p className="text-sm text-stone-600">None yet.</p>
            ) : (
              <ul className="flex flex-col gap-2 text-sm">
                {detail.refunds.map((refund) => (
                  <li key={refund.id} data-testid="order-refund">
                    {money(refund.amount)} · {refund.status} · {refund.reason ?? 'no reason'} ·{' '}
                    <code className="text-xs">{refund.stripeRefundId}</code>
                    {refund.creditRestored > 0 ? ` · credit given back ${money(refund.creditRestored)}` : ''}
                    {refund.redemptionsReleased > 0 ? ` · ${refund.redemptionsReleased} code use(s) released` : ''}
                  </li>
                ))}
              </ul>
            )}
            {detail.refundable > 0 && order.paymentIntentId ? (
              <div className="mt-4 border-t border-stone-200 pt-4">
                <h3 className="mb-3 font-semibold text-stone-900">Refund this order</h3>
                <RefundForm
                  orderId={order.id}
                  refundable={(detail.refundable / 100).toFixed(2)}
                  requestKey={randomUUID()}
                  creditUsed={detail.creditUsed > 0}
                  hasDiscounts={detail.discounts.some((discount) => !discount.releasedAt)}
                />
              </div>
            ) : null}
          </AdminCard>
        </div>
        <div className="flex flex-col gap-6">
          <AdminCard id="totals" title="Totals">
            <dl className="text-sm">
              <Row label="Subtotal">{money(order.amountSubtotal)}</Row>
              <Row label="Discount">−{money(order.amountDiscount)}</Row>
              <Row label="Shipping">{money(order.amountShipping)}</Row>
              <Row label={`Tax${order.taxBehavior === 'inclusive' ? ' (included)' : ''}`}>{money(order.amountTax)}</Row>
              <Row label="Charged" testId="order-total">
                {money(order.amountTotal)}
              </Row>
              <Row label="Refunded" testId="order-refunded">
                {money(detail.refunded)}
              </Row>
            </dl>
            {order.taxBreakdown.length > 0 ? (
              <ul className="mt-3 border-t border-stone-200 pt-3 text-xs text-stone-700">
                {order.taxBreakdown.map((tax) => (
                  <li key={`${tax.name}-${tax.state ?? ''}-${tax.jurisdiction ?? ''}`}>
                    {tax.name} {tax.jurisdiction ?? tax.state ?? tax.country ?? ''}
                    {tax.percentage !== null ? ` ${tax.percentage}%` : ''}: {money(tax.amount)}
                  </li>
                ))}
              </ul>
            ) : null}
          </AdminCard>
          <AdminCard id="shipping" title="Shipping">
            <p className="text-sm">{order.shippingMethodName ?? order.shippingMethodId ?? '—'}</p>
            {address ? (
              <address className="mt-2 text-sm not-italic text-stone-700">
                {[
                  address.name,
                  address.line1,
                  address.line2,
                  [address.postalCode, address.city].filter(Boolean).join(' '),
                  address.state,
                  address.country,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </address>
            ) : null}
          </AdminCard>
          <AdminCard id="stripe" title="Stripe">
            <dl className="text-xs">
              <dt className="text-stone-600">Checkout Session</dt>
              <dd className="mb-2 break-all font-mono" data-testid="order-session-id">
                {order.stripeSessionId}
              </dd>
              <dt className="text-stone-600">PaymentIntent</dt>
              <dd className="break-all font-mono" data-testid="order-payment-intent">
                {order.paymentIntentId ?? '—'}
              </dd>
            </dl>
          </AdminCard>
        </div>
      </div>
    </AdminShell>
  );
}
