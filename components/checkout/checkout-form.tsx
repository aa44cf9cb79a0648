'use client';

import { PaymentElement, useCheckoutElements } from '@stripe/react-stripe-js/checkout';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { CheckoutClosedNotice } from '@/components/checkout/checkout-closed-notice';
import { CheckoutErrorState } from '@/components/checkout/checkout-error-state';
import { CheckoutSkeleton } from '@/components/checkout/checkout-skeleton';
import {
  CheckoutUpdatesProvider,
  useCheckoutUpdates,
  useCheckoutUpdatesStore,
} from '@/components/checkout/checkout-updates';
import { ContactEmailField } from '@/components/checkout/contact-email-field';
import { DiscountsSection } from '@/components/checkout/discounts/discounts-section';
import { ExtrasSection } from '@/components/checkout/extras-section';
import { MobileOrderSummary } from '@/components/checkout/mobile-order-summary';
import { OrderItemsSection } from '@/components/checkout/order-items-section';
import { OrderSummary } from '@/components/checkout/order-summary';
import { PayBlockers } from '@/components/checkout/pay-blockers';
import { PayButton } from '@/components/checkout/pay-button';
import { ShippingAddressSection } from '@/components/checkout/shipping-address-section';
import { ShippingPicker } from '@/components/checkout/shipping-picker';
import { useWideLayout } from '@/components/checkout/use-wide-layout';

type Props = {
  sessionId: string;
  /** Test and emulator modes: remind the tester which cards to use. */
  showTestCards: boolean;
  /** The session is expired or already complete: the island replaces it (once). */
  onSessionEnded: () => void;
  onRetry: () => void;
};

export function CheckoutForm({ sessionId, showTestCards, onSessionEnded, onRetry }: Props) {
  const result = useCheckoutElements();
  const [submitting, setSubmitting] = useState(false);
  const confirming = useRef(false);
  const endedReported = useRef(false);

  const checkout = result.type === 'success' ? result.checkout : null;
  const statusType = checkout?.status.type;
  // Created here, before Stripe.js is ready, so the server's view loads alongside Stripe's session.
  const store = useCheckoutUpdatesStore(checkout, sessionId);

  useEffect(() => {
    if (!statusType || statusType === 'open' || confirming.current || endedReported.current) return;
    endedReported.current = true;
    onSessionEnded();
  }, [statusType, onSessionEnded]);

  if (result.type === 'loading') return <CheckoutSkeleton />;
  if (result.type === 'error') return <CheckoutErrorState message={result.error.message} onRetry={onRetry} />;
  if (checkout?.status.type === 'complete' && submitting) {
    return (
      <p
        role="status"
        className="rounded-2xl border border-emerald-200 bg-emerald-50 px-6 py-8 text-center text-emerald-900"
      >
        Payment received. Taking you to your order…
      </p>
    );
  }
  if (checkout?.status.type !== 'open') return <CheckoutSkeleton />;

  return (
    <CheckoutUpdatesProvider store={store} checkout={checkout} startFreshCheckout={onSessionEnded}>
      <CheckoutFormBody
        sessionId={sessionId}
        showTestCards={showTestCards}
        submitting={submitting}
        confirming={confirming}
        setSubmitting={setSubmitting}
      />
    </CheckoutUpdatesProvider>
  );
}

type BodyProps = {
  sessionId: string;
  showTestCards: boolean;
  submitting: boolean;
  /** Set while `checkout.confirm()` runs, so the status change it causes is not taken for an ended session. */
  confirming: { current: boolean };
  setSubmitting: (submitting: boolean) => void;
};

/** The open checkout: every section reads the runner, the view and Stripe's session from `useCheckoutUpdates()`. */
function CheckoutFormBody({ sessionId, showTestCards, submitting, confirming, setSubmitting }: BodyProps) {
  const { checkout, view, payBlock, run, prepareToPay } = useCheckoutUpdates();
  const [paymentError, setPaymentError] = useState<string | null>(null);
  const wide = useWideLayout();
  const payDisabled = payBlock !== null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (confirming.current || payDisabled) return;
    // The order this tab showed when Pay was pressed: only it (plus this tab's own pending edits) may be paid.
    const seenVersion = view?.version ?? null;
    confirming.current = true;
    setSubmitting(true);
    setPaymentError(null);
    const stop = (message: string | null) => {
      confirming.current = false;
      setSubmitting(false);
      setPaymentError(message);
    };
    try {
      // The email is saved on blur; make sure a value typed just before pressing Pay reaches the session too.
      const typedEmail = new FormData(form).get('email');
      if (typeof typedEmail === 'string' && typedEmail.trim() !== '' && typedEmail.trim() !== checkout.email) {
        const saved = await checkout.updateEmail(typedEmail.trim());
        if (saved.type === 'error') {
          stop(saved.error.message);
          return;
        }
        // Codes bound to an email are re-checked by the server against the email Stripe now has.
        await run('emailChanged', {});
      }
      // Every pending edit is sent, and the server confirms this tab shows the order as it is, before paying.
      const readiness = await prepareToPay(seenVersion);
      if (readiness.type !== 'ready') {
        // `changed`, a blocked edit or a closed session are explained beside Pay already.
        stop(readiness.type === 'failed' ? readiness.message : null);
        return;
      }
      const outcome = await checkout.confirm();
      if (outcome.type === 'error') stop(outcome.error.message);
      // On success Stripe redirects to the return page; keep the button busy until it does.
    } catch {
      stop('Your payment could not be processed. Please try again.');
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid gap-10 lg:grid-cols-[1fr_24rem]"
      aria-label="Checkout"
      data-session-id={sessionId}
      data-testid="checkout-form"
    >
      {wide ? null : <MobileOrderSummary />}
      <div className="space-y-10">
        <CheckoutClosedNotice />
        <ContactEmailField />
        <OrderItemsSection />
        <ExtrasSection />
        <ShippingAddressSection />
        <ShippingPicker />
        <DiscountsSection />
        <section aria-labelledby="payment-heading" className="space-y-3">
          <h2 id="payment-heading" className="text-lg font-semibold text-stone-900">
            Payment
          </h2>
          {showTestCards ? (
            <p className="text-xs text-stone-500">
              Test mode: pay with 4242 4242 4242 4242 (succeeds), 4000 0000 0000 0002 (declined) or 4000 0000 0000 9995
              (insufficient funds), any future date and any CVC.
            </p>
          ) : null}
          <PaymentElement />
        </section>
      </div>
      <div className="space-y-4 lg:sticky lg:top-6 lg:self-start">
        {wide ? <OrderSummary /> : null}
        {paymentError ? (
          <p
            role="alert"
            data-testid="payment-error"
            className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
          >
            {paymentError}
          </p>
        ) : null}
        <PayBlockers />
        <PayButton disabled={payDisabled} submitting={submitting} totalLabel={checkout.total.total.amount} />
        <p className="text-center text-xs text-stone-500">
          Payments are processed securely by Stripe. Your card details never touch our servers.
        </p>
      </div>
    </form>
  );
}
