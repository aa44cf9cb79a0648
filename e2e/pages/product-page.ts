import { expect, type Locator, type Page } from '@playwright/test';
import { cartBadge } from './cart-badge';
import { minorUnits } from './money';

export class ProductPage {
  readonly heading: Locator;
  readonly price: Locator;
  readonly quantity: Locator;
  readonly addButton: Locator;
  readonly success: Locator;
  readonly error: Locator;
  readonly cartBadge: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.price = page.getByTestId('product-price').filter({ visible: true });
    this.quantity = page.getByLabel('Quantity');
    this.addButton = page.getByRole('button', { name: 'Add to cart' });
    this.success = page.getByTestId('add-to-cart-success').filter({ visible: true });
    this.error = page.locator('main form').getByRole('alert');
    this.cartBadge = cartBadge(page);
  }

  async goto(productId: string): Promise<void> {
    await this.page.goto(`/products/${encodeURIComponent(productId)}`);
  }

  async unitPrice(): Promise<number> {
    return minorUnits(this.price);
  }

  /** Fills the quantity and presses Add to cart, without waiting for any outcome (with JavaScript off the browser posts the form). */
  async submitAdd(quantity = 1): Promise<void> {
    await this.quantity.fill(String(quantity));
    await this.addButton.click();
  }

  /** Adds to the cart and waits until the header badge shows the new count (read by the server after refresh). */
  async addToCart(quantity = 1): Promise<void> {
    const before = Number(await this.cartBadge.getAttribute('data-value'));
    await this.quantity.fill(String(quantity));
    await this.addButton.click();
    await expect(this.success).toBeVisible();
    await expect(this.cartBadge).toHaveAttribute('data-value', String(before + quantity));
  }
}
