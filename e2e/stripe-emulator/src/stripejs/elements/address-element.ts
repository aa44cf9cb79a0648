import type {
  StripeAddressElementChangeEvent,
  StripeCheckoutAddressElementOptions,
  StripeCheckoutContact,
} from '@stripe/stripe-js';
import { countryField, DEFAULT_COUNTRIES, inputField } from './frame-styles';
import { FramedElement } from './framed-element';

export const ADDRESS_FRAME_TITLE = 'Secure address input frame';

type AddressMode = 'shipping' | 'billing';
type AddressField = 'name' | 'addressLine1' | 'addressLine2' | 'locality' | 'administrativeArea' | 'postalCode';
type AddressValues = Record<AddressField, string> & { country: string };
type AddressValue = Pick<StripeAddressElementChangeEvent, 'complete' | 'isNewAddress' | 'value'>;

const TEXT_FIELDS: readonly AddressField[] = [
  'name',
  'addressLine1',
  'addressLine2',
  'locality',
  'administrativeArea',
  'postalCode',
];
const REQUIRED: readonly AddressField[] = ['name', 'addressLine1', 'locality', 'postalCode'];
const STATE_REQUIRED = new Set(['US', 'CA', 'AU']);
const CHANGE_DEBOUNCE_MS = 150;

/** Builds the `value` of an address change event, in Stripe's shape (line2 is null when empty). */
export function addressValue(values: AddressValues): AddressValue {
  const trimmed = (field: AddressField) => values[field].trim();
  const missing = REQUIRED.some((field) => trimmed(field) === '');
  const stateMissing = STATE_REQUIRED.has(values.country) && trimmed('administrativeArea') === '';
  return {
    complete: !missing && !stateMissing && values.country !== '',
    isNewAddress: false,
    value: {
      name: trimmed('name'),
      address: {
        line1: trimmed('addressLine1'),
        line2: trimmed('addressLine2') || null,
        city: trimmed('locality'),
        state: trimmed('administrativeArea'),
        postal_code: trimmed('postalCode'),
        country: values.country,
      },
    },
  };
}

/**
 * The stand-in Address Element (shipping or billing): inputs named as in Stripe's frame (`name`, `addressLine1`,
 * `addressLine2`, `locality`, `administrativeArea`, `postalCode`, and a `country` select of ISO codes).
 */
export class AddressElement extends FramedElement {
  private values: AddressValues;
  private options: StripeCheckoutAddressElementOptions;
  private readonly countries: readonly string[];
  private changeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly mode: AddressMode,
    options: StripeCheckoutAddressElementOptions | undefined,
    settings: { countries?: readonly string[]; initial?: StripeCheckoutContact | null },
    onDestroy: () => void,
  ) {
    super('address', ADDRESS_FRAME_TITLE, onDestroy);
    this.options = { ...options };
    this.countries = settings.countries && settings.countries.length > 0 ? settings.countries : DEFAULT_COUNTRIES;
    const initial = settings.initial;
    const fallbackCountry = this.countries[0] ?? 'US';
    this.values = {
      name: initial?.name ?? '',
      addressLine1: initial?.address.line1 ?? '',
      addressLine2: initial?.address.line2 ?? '',
      locality: initial?.address.city ?? '',
      administrativeArea: initial?.address.state ?? '',
      postalCode: initial?.address.postal_code ?? '',
      country:
        initial?.address.country && this.countries.includes(initial.address.country)
          ? initial.address.country
          : fallbackCountry,
    };
  }

  update(options: Partial<StripeCheckoutAddressElementOptions>): this {
    this.options = { ...this.options, ...options };
    return this;
  }

  async getValue(): Promise<AddressValue> {
    return addressValue(this.values);
  }

  protected renderBody(): string {
    const v = this.values;
    const section = this.mode === 'shipping' ? 'shipping' : 'billing';
    const nameField =
      this.options.fields?.name === 'never'
        ? ''
        : inputField({ name: 'name', label: 'Full name', autocomplete: `${section} name`, value: v.name });
    return `<form novalidate aria-label="${this.mode === 'shipping' ? 'Shipping' : 'Billing'} address">
      ${nameField}
      ${countryField('Country or region', this.countries, v.country, `${section} country`)}
      ${inputField({ name: 'addressLine1', label: 'Address line 1', autocomplete: `${section} address-line1`, placeholder: 'Street address', value: v.addressLine1 })}
      ${inputField({ name: 'addressLine2', label: 'Address line 2', autocomplete: `${section} address-line2`, placeholder: 'Apartment, suite, unit, or building', value: v.addressLine2 })}
      <div class="row">
        ${inputField({ name: 'locality', label: 'City', autocomplete: `${section} address-level2`, value: v.locality })}
        ${inputField({ name: 'administrativeArea', label: 'State', autocomplete: `${section} address-level1`, value: v.administrativeArea })}
      </div>
      ${inputField({ name: 'postalCode', label: 'ZIP code', autocomplete: `${section} postal-code`, value: v.postalCode })}
    </form>`;
  }

  protected firstInput(doc: Document): HTMLElement | null {
    return doc.querySelector<HTMLElement>('input, select');
  }

  protected resetValues(): void {
    this.values = {
      name: '',
      addressLine1: '',
      addressLine2: '',
      locality: '',
      administrativeArea: '',
      postalCode: '',
      country: this.values.country,
    };
    this.emitChange();
  }

  override destroy(): void {
    clearTimeout(this.changeTimer);
    super.destroy();
  }

  protected bind(doc: Document): void {
    doc.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
    for (const field of TEXT_FIELDS) {
      const input = doc.querySelector<HTMLInputElement>(`[name="${field}"]`);
      input?.addEventListener('input', () => {
        this.values = { ...this.values, [field]: input.value };
        this.scheduleChange();
      });
    }
    const country = doc.querySelector<HTMLSelectElement>('[name="country"]');
    country?.addEventListener('change', () => {
      this.values = { ...this.values, country: country.value };
      this.scheduleChange();
    });
  }

  /** Typing is debounced a little, as Stripe's element does, so listeners see one change per pause. */
  private scheduleChange(): void {
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => this.emitChange(), CHANGE_DEBOUNCE_MS);
  }

  private emitChange(): void {
    const value = addressValue(this.values);
    const empty = TEXT_FIELDS.every((field) => this.values[field].trim() === '');
    this.emit('change', { elementMode: this.mode, empty, ...value });
  }
}
