import { expect, type Locator, type Page } from '@playwright/test';
import { minorUnits } from './money';

/**
 * The checkout's dynamic controls: add-on toggles, quantity steppers, the gift message and the shipping picker.
 * Each action waits for its update to settle (the control is no longer busy), so the next assertion sees Stripe's
 * refreshed session.
 */
export class CheckoutOptions {
  readonly form: Locator;
  readonly updateErrors: Locator;
  readonly updatePending: Locator;
  readonly payBlocked: Locator;
  readonly giftMessage: Locator;
  readonly summaryLines: Locator;
  readonly shippingOptionsEmpty: Locator;
  readonly discountCodeInput: Locator;
  readonly applyDiscountButton: Locator;
  /** The update errors of the discount controls (apply and remove). */
  readonly discountErrors: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('checkout-form');
    this.updateErrors = page.getByTestId('update-error');
    this.updatePending = page.getByTestId('update-pending');
    this.payBlocked = page.getByTestId('pay-blocked');
    this.giftMessage = page.getByTestId('gift-message');
    this.summaryLines = page.getByTestId('summary-line');
    this.shippingOptionsEmpty = page.getByTestId('shipping-options-empty');
    this.discountCodeInput = page.getByTestId('discount-code-input');
    this.applyDiscountButton = page.getByTestId('apply-discount');
    this.discountErrors = page.getByTestId('discounts-section').getByTestId('update-error');
  }

  /** The Checkout Session id the page is working on. */
  async sessionId(): Promise<string> {
    const id = await this.form.getAttribute('data-session-id');
    if (!id?.startsWith('cs_')) throw new Error(`expected a Checkout Session id, got ${JSON.stringify(id)}`);
    return id;
  }

  addOn(addOnId: string, productId?: string): Locator {
    return this.page.getByTestId(productId ? `add-on-${addOnId}-${productId}` : `add-on-${addOnId}`);
  }

  quantity(productId: string): Locator {
    return this.page.getByTestId(`quantity-${productId}`);
  }

  quantityButton(productId: string, direction: 'increase' | 'decrease'): Locator {
    return this.page.getByTestId(`quantity-${productId}-${direction}`);
  }

  async quantityOf(productId: string): Promise<number> {
    return minorUnits(this.page.getByTestId(`quantity-${productId}-value`));
  }

  shippingOption(methodId: string): Locator {
    return this.page.getByTestId(`shipping-option-${methodId}`);
  }

  /** Methods offered now, by the radios' test ids (`shipping-option-<methodId>`). */
  async shippingMethodIds(): Promise<string[]> {
    const ids = await this.page
      .locator('[data-testid^="shipping-option-"]')
      .evaluateAll((inputs) => inputs.map((input) => input.getAttribute('data-testid') ?? ''));
    return ids.map((id) => id.replace('shipping-option-', ''));
  }

  /** The form's options have loaded from the server (the first stepper is on screen). */
  async waitUntilLoaded(): Promise<void> {
    await expect(this.form.locator('[data-testid^="quantity-"][data-testid$="-value"]').first()).toBeVisible({
      timeout: 20_000,
    });
  }

  /** No control is busy and no update is queued. */
  async waitForSettled(): Promise<void> {
    await expect(this.form.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
    await expect(this.updatePending).toBeHidden({ timeout: 20_000 });
  }

  async setAddOn(selected: boolean, addOnId: string, productId?: string): Promise<void> {
    const box = this.addOn(addOnId, productId);
    await expect(box).toBeEnabled();
    await box.setChecked(selected);
    await this.waitForSettled();
    await expect(box).toBeChecked({ checked: selected });
  }

  /** Toggles with the keyboard (focus + Space), as a keyboard user would. */
  async toggleAddOnWithKeyboard(addOnId: string, productId?: string): Promise<void> {
    const box = this.addOn(addOnId, productId);
    const before = await box.isChecked();
    await box.focus();
    await this.page.keyboard.press('Space');
    await this.waitForSettled();
    await expect(box).toBeChecked({ checked: !before });
  }

  async increase(productId: string): Promise<void> {
    const before = await this.quantityOf(productId);
    await this.quantityButton(productId, 'increase').click();
    await this.waitForSettled();
    await expect(this.page.getByTestId(`quantity-${productId}-value`)).toHaveAttribute(
      'data-value',
      String(before + 1),
    );
  }

  async decrease(productId: string): Promise<void> {
    await this.quantityButton(productId, 'decrease').click();
    await this.waitForSettled();
  }

  async writeGiftMessage(text: string): Promise<void> {
    await this.giftMessage.fill(text);
    await this.page.getByRole('button', { name: 'Save message' }).click();
    await this.waitForSettled();
  }

  /** Types a code and presses Apply; does not wait (a refused code and a slow one are both checked by specs). */
  async startApplyingCode(code: string): Promise<void> {
    await this.discountCodeInput.fill(code);
    await this.applyDiscountButton.click();
  }

  /** Applies a code and waits for it to be listed as applied. */
  async applyCode(code: string): Promise<void> {
    await this.startApplyingCode(code);
    await this.waitForSettled();
    await expect(this.discount(code)).toHaveAttribute('data-applied', 'true');
  }

  /** A code listed on the order (`discount-<CODE>`, upper case as the server lists it). */
  discount(code: string): Locator {
    return this.page.getByTestId(`discount-${code.trim().toUpperCase()}`);
  }

  async removeCode(code: string): Promise<void> {
    await this.page.getByTestId(`remove-discount-${code.trim().toUpperCase()}`).click();
    await this.waitForSettled();
    await expect(this.discount(code)).toHaveCount(0);
  }

  async chooseShipping(methodId: string): Promise<void> {
    await this.shippingOption(methodId).check();
    await this.waitForSettled();
    await expect(this.shippingOption(methodId)).toBeChecked();
  }
}
