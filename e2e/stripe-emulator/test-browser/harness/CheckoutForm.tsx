import { PaymentElement, ShippingAddressElement, useCheckoutElements } from '@stripe/react-stripe-js/checkout';
import type { StripeAddressElementChangeEvent } from '@stripe/stripe-js';
import { type FormEvent, useState } from 'react';
import { postJson } from './post-json';

/** A minimal embedded checkout: order summary from the session, a server-side add-on, email, card and Pay. */
export function CheckoutForm({ collectShipping }: { collectShipping: boolean }) {
  const state = useCheckoutElements();
  const [email, setEmail] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [paymentReady, setPaymentReady] = useState(false);
  const [addressEvent, setAddressEvent] = useState<StripeAddressElementChangeEvent | null>(null);

  if (state.type === 'loading') return <p>Loading checkout…</p>;
  if (state.type === 'error') return <p role="alert">Checkout failed to load: {state.error.message}</p>;
  const { checkout } = state;

  async function addGiftWrap() {
    setMessage(null);
    setBusy(true);
    try {
      const result = await checkout.runServerUpdate(() => postJson('/api/gift-wrap', { sessionId: checkout.id }));
      if (result.type === 'error') setMessage(result.error.message);
    } catch (error) {
      setMessage(`Could not add gift wrap: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  async function pay(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    setBusy(true);
    try {
      const emailResult = await checkout.updateEmail(email);
      if (emailResult.type === 'error') {
        setMessage(emailResult.error.message);
        return;
      }
      const result = await checkout.confirm();
      if (result.type === 'error') setMessage(result.error.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main>
      <h1>Checkout</h1>
      <ul aria-label="Order summary">
        {checkout.lineItems.map((item) => (
          <li key={item.id}>
            {item.name} × {item.quantity}: {item.total.amount}
          </li>
        ))}
      </ul>
      <p>
        Total: <output data-testid="total">{checkout.total.total.amount}</output>
      </p>
      <button type="button" onClick={addGiftWrap} disabled={busy}>
        Add gift wrap
      </button>
      <form onSubmit={pay}>
        <label>
          Email <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
        </label>
        {collectShipping ? (
          <fieldset>
            <legend>Shipping address</legend>
            <ShippingAddressElement onChange={setAddressEvent} />
            <p>
              Shipping to: <span data-testid="shipping-address">{formatContact(checkout.shippingAddress)}</span>
            </p>
          </fieldset>
        ) : null}
        <PaymentElement onReady={() => setPaymentReady(true)} />
        <button type="submit" disabled={busy || !paymentReady || !checkout.canConfirm}>
          Pay {checkout.total.total.amount}
        </button>
      </form>
      {message ? <p role="alert">{message}</p> : null}
      {addressEvent ? <pre data-testid="address-event">{JSON.stringify(addressEvent)}</pre> : null}
      <p>
        Session <code data-testid="session-id">{checkout.id}</code> is{' '}
        <span data-testid="session-status">{checkout.status.type}</span>
      </p>
    </main>
  );
}

function formatContact(
  contact: { name?: string | null; address: { line1?: string | null; city?: string | null; country: string } } | null,
) {
  if (!contact) return 'nobody yet';
  return [contact.name, contact.address.line1, contact.address.city, contact.address.country]
    .filter(Boolean)
    .join(', ');
}
