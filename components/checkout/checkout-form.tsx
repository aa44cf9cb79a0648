'use client';

import { PaymentElement, useCheckoutElements } from '@stripe/react-stripe-js/checkout';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { CarriedOverNotice } from '@/components/checkout/carried-over-notice';
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
import { InLaterTask } from '@/components/checkout/in-later-task';
import { MobileOrderSummary } from '@/components/checkout/mobile-order-summary';
import { OrderItemsSection } from '@/components/checkout/order-items-section';
import { OrderSummary } from '@/components/checkout/order-summary';
import { PayBlockers } from '@/components/checkout/pay-blockers';
import { PayButton } from '@/components/checkout/pay-button';
import { ShippingAddressSection } from '@/components/checkout/shipping-address-section';
import { ShippingPicker } from '@/components/checkout/shipping-picker';
import { StoreCreditToggle } from '@/components/checkout/store-credit-toggle';
import { useWideLayout } from '@/components/checkout/use-wide-layout';

type Props = {
  sessionId: string;
  /** This checkout kept the choices of the shopper's last one, which ended unpaid; `notices`: what it could not keep. */
  carriedOver: boolean;
  notices: ReadonlyArray<string>;
  /** Test and emulator modes: remind the tester which cards to use. */
  showTestCards: boolean;
  /** The shopper asks for a fresh checkout in place of this closed session. */
  onStartFresh: (closedSessionId: string) => void;
  onRetry: () => void;
};

export function CheckoutForm({ sessionId, carriedOver, notices, showTestCards, onStartFresh, onRetry }: Props) {
  const result = useCheckoutElements();
  const [submitting, setSubmitting] = useState(false);
  const confirming = useRef(false);

  const checkout = result.type === 'success' ? result.checkout : null;
  const statusType = checkout?.status.type;
  // Created here, before Stripe.js is ready, so the server's view loads alongside Stripe's session.
  const store = useCheckoutUpdatesStore(checkout, sessionId);
  const { sessionEnded } = store;
  const startFresh = useCallback(() => onStartFresh(sessionId), [onStartFresh, sessionId]);

  // Stripe.js says the session closed (another tab paid it, or it expired): the checkout shows it, Pay is disabled.
  useEffect(() => {
    if ((statusType === 'expired' || statusType === 'complete') && !confirming.current) sessionEnded(statusType);
  }, [statusType, sessionEnded]);

  if (result.type === 'error') return <CheckoutErrorState message={result.error.message} onRetry={onRetry} />;
  if (!checkout) return <CheckoutSkeleton />;
  if (checkout.status.type === 'complete' && submitting) {
    return (
      <p
        role="status"
        className="rounded-2xl border border-emerald-200 bg-emerald-50 px-6 py-8 text-center text-emerald-900"
      >
        Payment received. Taking you to your order…
      </p>
    );
  }

  return (
    <CheckoutUpdatesProvider store={store} checkout={checkout} startFreshCheckout={startFresh}>
      <CheckoutFormBody
        sessionId={sessionId}
        carriedOver={carriedOver}
        notices={notices}
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
  carriedOver: boolean;
  notices: ReadonlyArray<string>;
  showTestCards: boolean;
  submitting: boolean;
  /** Set while `checkout.confirm()` runs, so the status change it causes is not taken for an ended session. */
  confirming: { current: boolean };
  setSubmitting: (submitting: boolean) => void;
};

/** Where a failed payment is explained: at the card fields (the card's problem) or beside Pay (the checkout's). */
type PaymentProblem = { at: 'card' | 'pay'; message: string };

const PAYMENT_ERROR_ID = 'payment-error';

/** The open checkout: every section reads the runner, the view and Stripe's session from `useCheckoutUpdates()`. */
function CheckoutFormBody(props: BodyProps) {
  const { sessionId, carriedOver, notices, showTestCards, submitting, confirming, setSubmitting } = props;
  const { checkout, view, payBlock, run, prepareToPay, checkClosed, notePayPress } = useCheckoutUpdates();
  const [problem, setProblem] = useState<PaymentProblem | null>(null);
  const cardErrorRef = useRef<HTMLParagraphElement>(null);
  const wide = useWideLayout();
  const payDisabled = payBlock !== null;

  // A card error takes the focus where the shopper fixes it (and is read out there).
  useEffect(() => {
    if (problem?.at === 'card') cardErrorRef.current?.focus();
  }, [problem]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (confirming.current || payDisabled) return;
    // The order this tab showed when Pay was pressed: only it (plus this tab's own pending edits) may be paid.
    const seenVersion = view?.version ?? null;
    confirming.current = true;
    setSubmitting(true);
    setProblem(null);
    const stop = (next: PaymentProblem | null) => {
      confirming.current = false;
      setSubmitting(false);
      setProblem(next);
    };
    try {
      // The email is saved on blur; make sure a value typed just before pressing Pay reaches the session too.
      const typedEmail = new FormData(form).get('email');
      if (typeof typedEmail === 'string' && typedEmail.trim() !== '' && typedEmail.trim() !== checkout.email) {
        const saved = await checkout.updateEmail(typedEmail.trim());
        if (saved.type === 'error') {
          stop({ at: 'pay', message: saved.error.message });
          return;
        }
        // Codes bound to an email are re-checked by the server against the email Stripe now has.
        await run('emailChanged', {});
      }
      // Every pending edit is sent, and the server confirms this tab shows the order as it is, before paying.
      const readiness = await prepareToPay(seenVersion);
      if (readiness.type !== 'ready') {
        // `changed`, a blocked edit or a closed session are explained on the page already.
        stop(readiness.type === 'failed' ? { at: 'pay', message: readiness.message } : null);
        return;
      }
      // The card's own problems (incomplete, invalid) belong at the card fields.
      const validated = await checkout.validateElements();
      if (validated.type === 'error') {
        const card = validated.error.validation_errors.find((error) => error.element === 'payment');
        stop(card ? { at: 'card', message: card.message } : { at: 'pay', message: validated.error.message });
        return;
      }
      const outcome = await checkout.confirm();
      if (outcome.type === 'success') return; // Stripe redirects to the return page; the button stays busy.
      if (outcome.error.code === 'paymentFailed') {
        stop({ at: 'card', message: outcome.error.message });
        return;
      }
      // Not the card: a session that closed meanwhile is shown as closed, not in Stripe's words.
      stop((await checkClosed()) ? null : { at: 'pay', message: outcome.error.message });
    } catch {
      stop({ at: 'pay', message: 'Your payment could not be processed. Please try again.' });
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
        {carriedOver || notices.length > 0 ? <CarriedOverNotice carriedOver={carriedOver} notices={notices} /> : null}
        <ContactEmailField />
        <OrderItemsSection />
        <ExtrasSection />
        <ShippingAddressSection />
        <ShippingPicker />
        <DiscountsSection />
        <StoreCreditToggle />
        <section
          aria-labelledby="payment-heading"
          aria-describedby={problem?.at === 'card' ? PAYMENT_ERROR_ID : undefined}
          className="space-y-3"
        >
          <h2 id="payment-heading" className="text-lg font-semibold text-stone-900">
            Payment
          </h2>
          {showTestCards ? (
            <p className="text-xs text-stone-500">
              Test mode: pay with 4242 4242 4242 4242 (succeeds), 4000 0000 0000 0002 (declined) or 4000 0000 0000 9995
              (insufficient funds), any future date and any CVC.
            </p>
          ) : null}
          <InLaterTask>
            <PaymentElement />
          </InLaterTask>
          {problem?.at === 'card' ? (
            <p
              id={PAYMENT_ERROR_ID}
              ref={cardErrorRef}
              tabIndex={-1}
              role="alert"
              data-testid="payment-error"
              className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
            >
              {problem.message}
            </p>
          ) : null}
        </section>
      </div>
      <div className="space-y-4 lg:sticky lg:top-6 lg:self-start">
        {wide ? <OrderSummary /> : null}
        {problem?.at === 'pay' ? (
          <p
            role="alert"
            data-testid="pay-error"
            className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
          >
            {problem.message}
          </p>
        ) : null}
        <PayBlockers />
        <PayButton
          disabled={payDisabled}
          submitting={submitting}
          totalLabel={checkout.total.total.amount}
          onPress={notePayPress}
        />
        <p className="text-center text-xs text-stone-500">
          Payments are processed securely by Stripe. Your card details never touch our servers.
        </p>
      </div>
    </form>
  );
}
