import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import type { TestAddress } from '../../test/fixtures/addresses';
import { CheckoutOptions } from './checkout-options';
import { minorUnits, type ShownLine, shownLines, taxAddedBy } from './money';

export type TestCard = { number: string; expiry: string; cvc: string; postalCode?: string };

export const CARDS = {
  visa: { number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123', postalCode: '94105' },
  declined: { number: '4000 0000 0000 0002', expiry: '12 / 34', cvc: '123', postalCode: '94105' },
  insufficientFunds: { number: '4000 0000 0000 9995', expiry: '12 / 34', cvc: '123', postalCode: '94105' },
} satisfies Record<string, TestCard>;

/**
 * The embedded checkout. Works with real Stripe.js and with the emulator's stand-in: both render the Payment and
 * Shipping Address Elements in iframes titled "Secure payment input frame" / "Secure address input frame".
 */
export class CheckoutPage {
  readonly email: Locator;
  readonly payButton: Locator;
  /** The Payment section: the card fields (Stripe's Payment Element) and, under them, the card's errors. */
  readonly paymentSection: Locator;
  /** A payment error shown at the card fields (declined, insufficient funds, incomplete card). */
  readonly paymentError: Locator;
  /** A checkout-level error shown beside Pay (the order could not be checked, Stripe unavailable). */
  readonly payError: Locator;
  /** The closed checkout: expired, or paid (in another tab), with what the shopper can do next. */
  readonly closed: Locator;
  /** What a fresh checkout says it kept from the one that ended, and what it could not keep. */
  readonly carriedOver: Locator;
  readonly shippingError: Locator;
  readonly emptyState: Locator;
  readonly summary: Locator;
  readonly subtotal: Locator;
  readonly shipping: Locator;
  readonly discount: Locator;
  readonly total: Locator;
  /** The alert shown when Pay found that another tab changed the order (nothing was charged). */
  readonly orderChanged: Locator;
  /** The polite notice that this tab took in another tab's update. */
  readonly syncedFromOtherTab: Locator;
  /** Why Pay is disabled because of the shipping address (unsent, incomplete or refused). */
  readonly addressPayBlock: Locator;
  readonly addressSection: Locator;
  /** The first address line as the Shipping Address Element shows it (prefilled for a signed-in customer). */
  readonly addressLine1: Locator;
  /** What the server said about the last update (a shipping method or a code it changed), in a polite live region. */
  readonly notices: Locator;
  /** Phones: the "Show order summary" button at the top, with the total beside it. */
  readonly summaryToggle: Locator;
  readonly summaryToggleTotal: Locator;
  /** Add-ons, quantities, gift message and shipping method. */
  readonly options: CheckoutOptions;
  /** Stripe Tax's line ("Tax", "Including VAT", or "Calculated at the address step"); absent without Stripe Tax. */
  readonly tax: Locator;
  private readonly paymentFrame: FrameLocator;
  private readonly addressFrame: FrameLocator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel('Email');
    this.payButton = page.getByTestId('pay-button');
    this.paymentSection = page.getByRole('region', { name: 'Payment' });
    this.paymentError = page.getByTestId('payment-error');
    this.payError = page.getByTestId('pay-error');
    this.closed = page.getByTestId('checkout-closed');
    this.carriedOver = page.getByTestId('carried-over');
    this.shippingError = page.getByTestId('shipping-address-section').getByTestId('update-error');
    this.emptyState = page.getByTestId('checkout-empty');
    this.summary = page.getByTestId('order-summary');
    this.subtotal = page.getByTestId('summary-subtotal');
    this.shipping = page.getByTestId('summary-shipping');
    this.discount = page.getByTestId('summary-discount');
    this.total = page.getByTestId('summary-total');
    this.tax = page.getByTestId('summary-tax');
    this.orderChanged = page.getByTestId('order-changed');
    this.syncedFromOtherTab = page.getByTestId('synced-from-other-tab');
    this.addressPayBlock = page.getByTestId('pay-blocked-address');
    this.addressSection = page.getByTestId('shipping-address-section');
    this.notices = page.getByTestId('checkout-notice');
    this.summaryToggle = page.getByTestId('summary-toggle');
    this.summaryToggleTotal = page.getByTestId('summary-toggle-total');
    this.options = new CheckoutOptions(page);
    this.paymentFrame = page.frameLocator('iframe[title="Secure payment input frame"]').first();
    this.addressFrame = page.frameLocator('iframe[title="Secure address input frame"]').first();
    this.addressLine1 = this.addressFrame.locator('[name="addressLine1"]');
  }

  async goto(): Promise<void> {
    await this.page.goto('/checkout');
  }

  /** The session exists and Stripe's Elements have rendered their inputs. */
  async waitUntilReady(): Promise<void> {
    await expect(this.options.form).toBeVisible({ timeout: 20_000 });
    await expect(this.paymentFrame.locator('[name="number"]')).toBeVisible({ timeout: 20_000 });
    await expect(this.addressFrame.locator('[name="addressLine1"]')).toBeVisible({ timeout: 20_000 });
  }

  /** The Checkout Session id the page is working on (`data-session-id` on the checkout form). */
  async sessionId(): Promise<string> {
    return this.options.sessionId();
  }

  async fillEmail(email: string): Promise<void> {
    await this.email.fill(email);
    await this.email.blur();
  }

  /** Fills the Shipping Address Element; the store then prices shipping and Stripe's total changes. */
  async fillAddress(address: TestAddress): Promise<void> {
    const frame = this.addressFrame;
    await frame.locator('select[name="country"]').selectOption(address.country);
    await frame.locator('[name="name"]').fill(address.name);
    await frame.locator('[name="addressLine1"]').fill(address.line1);
    await frame.locator('[name="locality"]').fill(address.city);
    const state = frame.locator('[name="administrativeArea"]');
    if ((await state.evaluate((el) => el.tagName)) === 'SELECT') await state.selectOption(address.state);
    else await state.fill(address.state);
    await frame.locator('[name="postalCode"]').fill(address.postalCode);
  }

  /** The value of one field of the Shipping Address Element (`locality` is the city). */
  addressField(field: 'name' | 'addressLine1' | 'locality' | 'administrativeArea' | 'postalCode' | 'country'): Locator {
    return this.addressFrame.locator(`[name="${field}"]`);
  }

  /** Sets one field of the Shipping Address Element (`locality` is the city), as a shopper retyping it would. */
  async fillAddressField(
    field: 'name' | 'addressLine1' | 'locality' | 'administrativeArea' | 'postalCode',
    value: string,
  ): Promise<void> {
    await this.addressFrame.locator(`[name="${field}"]`).fill(value);
  }

  /** Picks another country in the Shipping Address Element, leaving the other fields as they are. */
  async selectAddressCountry(country: string): Promise<void> {
    await this.addressFrame.locator('select[name="country"]').selectOption(country);
  }

  /** Waits for the server's shipping price to reach Stripe's session (shipping line shows an amount). */
  async waitForShippingPriced(): Promise<void> {
    await expect(this.shipping).not.toHaveText(/Enter your address/, { timeout: 20_000 });
    await expect(this.payButton).toBeEnabled({ timeout: 20_000 });
  }

  async fillCard(card: TestCard): Promise<void> {
    const frame = this.paymentFrame;
    await frame.locator('[name="number"]').fill(card.number);
    await frame.locator('[name="expiry"]').fill(card.expiry);
    await frame.locator('[name="cvc"]').fill(card.cvc);
    const postal = frame.locator('[name="postalCode"]');
    if (card.postalCode && (await postal.count()) > 0 && (await postal.isVisible())) await postal.fill(card.postalCode);
  }

  /** The summary's lines (open it first on a phone). */
  async summaryLines(): Promise<ShownLine[]> {
    return shownLines(this.options.summaryLines);
  }

  /** The price shown beside an item in "Your items". */
  itemPrice(productId: string): Locator {
    return this.page.locator(`[data-testid="checkout-item"][data-product-id="${productId}"]`).getByTestId('item-price');
  }

  async totalAmount(): Promise<number> {
    return minorUnits(this.total);
  }

  /** The summary's amounts; `taxAdded` is Stripe Tax's tax on top of the prices (0 for VAT inside them, or no tax). */
  async amounts(): Promise<{ subtotal: number; shipping: number; discount: number; taxAdded: number; total: number }> {
    return {
      subtotal: await minorUnits(this.subtotal),
      shipping: await minorUnits(this.shipping),
      discount: await minorUnits(this.discount),
      taxAdded: await taxAddedBy(this.tax),
      total: await minorUnits(this.total),
    };
  }

  async pay(): Promise<void> {
    await expect(this.payButton).toBeEnabled({ timeout: 20_000 });
    await this.payButton.click();
  }
}
