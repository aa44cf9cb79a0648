import { expect, type Locator, type Page } from '@playwright/test';
import { minorUnits } from './money';

export class CartPage {
  readonly lines: Locator;
  readonly subtotal: Locator;
  readonly checkoutButton: Locator;
  readonly emptyState: Locator;
  /** "Added …" / "Removed … — Undo" above the lines. */
  readonly notice: Locator;
  readonly undoButton: Locator;
  /** Why an add posted without JavaScript was refused. */
  readonly refusal: Locator;

  constructor(readonly page: Page) {
    this.lines = page.getByTestId('cart-line');
    this.subtotal = page.getByTestId('cart-subtotal');
    this.checkoutButton = page.getByRole('link', { name: 'Checkout' });
    this.emptyState = page.getByTestId('empty-cart');
    this.notice = page.getByTestId('cart-notice');
    this.undoButton = this.notice.getByRole('button', { name: /^Undo/ });
    this.refusal = page.getByTestId('cart-refusal');
  }

  async goto(): Promise<void> {
    await this.page.goto('/cart');
  }

  line(productId: string): Locator {
    return this.page.locator(`[data-testid="cart-line"][data-product-id="${productId}"]`);
  }

  async subtotalAmount(): Promise<number> {
    return minorUnits(this.subtotal);
  }

  async lineAmount(productId: string): Promise<number> {
    return minorUnits(this.line(productId).getByTestId('line-amount'));
  }

  async quantityOf(productId: string): Promise<number> {
    return minorUnits(this.line(productId).getByTestId('line-quantity'));
  }

  async increase(productId: string): Promise<void> {
    const before = await this.quantityOf(productId);
    await this.line(productId)
      .getByRole('button', { name: /^Increase quantity/ })
      .click();
    await expect(this.line(productId).getByTestId('line-quantity')).toHaveAttribute('data-value', String(before + 1));
  }

  async decrease(productId: string): Promise<void> {
    const before = await this.quantityOf(productId);
    await this.line(productId)
      .getByRole('button', { name: /^Decrease quantity/ })
      .click();
    await expect(this.line(productId).getByTestId('line-quantity')).toHaveAttribute('data-value', String(before - 1));
  }

  /** Types a quantity into the line's field and presses its Update button. */
  async setQuantity(productId: string, quantity: number): Promise<void> {
    const line = this.line(productId);
    await line.getByRole('spinbutton', { name: /^Quantity of / }).fill(String(quantity));
    await line.getByRole('button', { name: /^Update quantity/ }).click();
    await expect(line.getByTestId('line-quantity')).toHaveAttribute('data-value', String(quantity));
  }

  /** Presses Undo on the "Removed …" notice and waits until the line is back. */
  async undoRemove(productId: string): Promise<void> {
    await this.undoButton.click();
    await expect(this.line(productId)).toHaveCount(1);
  }

  async remove(productId: string): Promise<void> {
    await this.line(productId)
      .getByRole('button', { name: /^Remove / })
      .click();
    await expect(this.line(productId)).toHaveCount(0);
  }

  async checkout(): Promise<void> {
    await this.checkoutButton.click();
    await this.page.waitForURL('**/checkout');
  }
}
