import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ConfirmingOrder } from '@/app/checkout/complete/confirming-order';
import { OrderReceipt } from '@/components/checkout/order-receipt';
import { RefreshAfterFulfilment } from '@/components/checkout/refresh-after-fulfilment';
import { ReturnStatusMessage } from '@/components/checkout/return-status-message';
import { buttonClass } from '@/components/ui/button-styles';
import { PageHeading } from '@/components/ui/page-heading';
import { checkoutSessionIdSchema } from '@/lib/checkout/contract';
import { getDb } from '@/lib/db';
import { getReturnPageView } from '@/lib/orders/return-page';
import { readShopperId } from '@/lib/shopper';
import { getStripe } from '@/lib/stripe/client';

export const instant = false;

export const metadata: Metadata = { title: 'Order confirmation', robots: { index: false } };

type Props = { searchParams: Promise<{ session_id?: string | string[] }> };

export default async function CheckoutCompletePage({ searchParams }: Props) {
  await connection();
  const raw = (await searchParams).session_id;
  const sessionId = Array.isArray(raw) ? raw[0] : raw;
  if (!sessionId || !checkoutSessionIdSchema.safeParse(sessionId).success) notFound();

  const view = await getReturnPageView({
    db: await getDb(),
    stripe: getStripe(),
    sessionId,
    shopperId: readShopperId(await cookies()),
  });

  if (view.kind === 'not_found') notFound();

  if (view.kind === 'confirming') {
    return (
      <div>
        <PageHeading title="Order status" />
        <ConfirmingOrder paymentReceived={view.paymentReceived} sessionId={sessionId} />
      </div>
    );
  }

  if (view.kind !== 'paid') {
    return (
      <div>
        <PageHeading title="Order status" />
        <ReturnStatusMessage kind={view.kind} sessionId={sessionId} />
      </div>
    );
  }

  const { order } = view;
  return (
    <div>
      <PageHeading title="Thank you for your order">
        <p>
          Order{' '}
          <span className="font-semibold text-stone-900" data-testid="order-number">
            #{order.id}
          </span>{' '}
          is confirmed.
          {order.email ? ` A receipt is on its way to ${order.email}.` : ''}
        </p>
      </PageHeading>
      <RefreshAfterFulfilment />
      <OrderReceipt order={order} />
      <div className="mt-10">
        <Link href="/" className={buttonClass('secondary', 'lg')}>
          Continue shopping
        </Link>
      </div>
    </div>
  );
}
