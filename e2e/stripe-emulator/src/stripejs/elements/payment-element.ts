import type { StripeCheckoutPaymentElementOptions } from '@stripe/stripe-js';
import {
  type CardField,
  type CardInput,
  formatCardNumber,
  formatExpiry,
  isCardEmpty,
  readCard,
  validateCard,
} from '../card-fields';
import type { CardSource } from '../checkout-actions';
import { countryField, DEFAULT_COUNTRIES, inputField } from './frame-styles';
import { FramedElement } from './framed-element';

export const PAYMENT_FRAME_TITLE = 'Secure payment input frame';

const TEXT_FIELDS: readonly CardField[] = ['number', 'expiry', 'cvc', 'postalCode'];

/**
 * The stand-in Payment Element: card number, expiry (MM / YY), security code, country and ZIP, named as in Stripe's
 * own frame (`[name="number"]`, `[name="expiry"]`, `[name="cvc"]`, `[name="country"]`, `[name="postalCode"]`).
 */
export class PaymentElement extends FramedElement implements CardSource {
  private values: CardInput = { number: '', expiry: '', cvc: '', country: 'US', postalCode: '' };
  private options: StripeCheckoutPaymentElementOptions;
  /** Fields whose problems are shown: after the shopper leaves them, or all of them after a confirm attempt. */
  private readonly revealed = new Set<CardField>();

  constructor(options: StripeCheckoutPaymentElementOptions | undefined, onDestroy: () => void) {
    super('payment', PAYMENT_FRAME_TITLE, onDestroy);
    this.options = { ...options };
  }

  update(options: Partial<StripeCheckoutPaymentElementOptions>): this {
    this.options = { ...this.options, ...options };
    this.applyReadOnly();
    return this;
  }

  collapse(): this {
    return this;
  }

  readCard() {
    return readCard(this.values);
  }

  showErrors(): void {
    for (const field of TEXT_FIELDS) this.revealed.add(field);
    this.renderErrors();
  }

  protected renderBody(): string {
    const v = this.values;
    return `<form novalidate aria-label="Card payment">
      ${inputField({ name: 'number', label: 'Card number', autocomplete: 'cc-number', placeholder: '1234 1234 1234 1234', inputMode: 'numeric', value: v.number })}
      <div class="row">
        ${inputField({ name: 'expiry', label: 'Expiration date', autocomplete: 'cc-exp', placeholder: 'MM / YY', inputMode: 'numeric', value: v.expiry })}
        ${inputField({ name: 'cvc', label: 'Security code', autocomplete: 'cc-csc', placeholder: 'CVC', inputMode: 'numeric', value: v.cvc })}
      </div>
      <div class="row">
        ${countryField('Country', DEFAULT_COUNTRIES, v.country, 'billing country')}
        ${inputField({ name: 'postalCode', label: 'ZIP code', autocomplete: 'billing postal-code', placeholder: '12345', value: v.postalCode })}
      </div>
      <p class="note">Stripe emulator: test cards only.</p>
    </form>`;
  }

  protected firstInput(doc: Document): HTMLElement | null {
    return doc.querySelector<HTMLElement>('[name="number"]');
  }

  protected resetValues(): void {
    this.values = { number: '', expiry: '', cvc: '', country: this.values.country, postalCode: '' };
    this.revealed.clear();
    this.emitChange();
  }

  protected bind(doc: Document): void {
    doc.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
    for (const field of TEXT_FIELDS) {
      const input = doc.querySelector<HTMLInputElement>(`[name="${field}"]`);
      if (!input) continue;
      input.addEventListener('input', () => {
        const formatted = format(field, input.value);
        if (formatted !== input.value) input.value = formatted;
        this.values = { ...this.values, [field]: formatted };
        this.renderErrors();
        this.emitChange();
      });
      input.addEventListener('blur', () => {
        if (input.value.trim() !== '') this.revealed.add(field);
        this.renderErrors();
      });
    }
    const country = doc.querySelector<HTMLSelectElement>('[name="country"]');
    country?.addEventListener('change', () => {
      this.values = { ...this.values, country: country.value };
      this.renderErrors();
      this.emitChange();
    });
    this.applyReadOnly();
    this.renderErrors();
  }

  private applyReadOnly(): void {
    const readOnly = this.options.readOnly === true;
    for (const control of this.frameDocument?.querySelectorAll<HTMLInputElement>('input, select') ?? []) {
      control.disabled = readOnly;
    }
  }

  private renderErrors(): void {
    const doc = this.frameDocument;
    if (!doc) return;
    const errors = validateCard(this.values);
    for (const field of TEXT_FIELDS) {
      const message = this.revealed.has(field) ? errors[field] : undefined;
      const input = doc.querySelector<HTMLInputElement>(`[name="${field}"]`);
      const line = doc.getElementById(`Field-${field}Error`);
      input?.setAttribute('aria-invalid', message ? 'true' : 'false');
      if (line) line.textContent = message ?? '';
    }
    this.resize();
  }

  private emitChange(): void {
    const errors = validateCard(this.values);
    this.emit('change', {
      empty: isCardEmpty(this.values),
      complete: Object.keys(errors).length === 0,
      collapsed: false,
      value: { type: 'card' },
    });
  }
}

function format(field: CardField, value: string): string {
  if (field === 'number') return formatCardNumber(value);
  if (field === 'expiry') return formatExpiry(value);
  if (field === 'cvc') return value.replace(/\D/g, '').slice(0, 4);
  return value;
}
