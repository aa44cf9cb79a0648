import type { Locator, Page } from '@playwright/test';

/** The storefront chrome (header, banner) and the product grid on `/`. */
export class StorePage {
  readonly productCards: Locator;
  readonly cartBadge: Locator;
  readonly testModeBanner: Locator;

  constructor(readonly page: Page) {
    this.productCards = page.getByTestId('product-card');
    this.cartBadge = page.getByTestId('cart-badge');
    this.testModeBanner = page.getByTestId('test-mode-banner');
  }

  async goto(categoryId?: string): Promise<void> {
    await this.page.goto(categoryId ? `/?category=${encodeURIComponent(categoryId)}` : '/');
  }

  async chooseCategory(name: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Filter by category' }).getByRole('link', { name }).click();
  }

  card(productId: string): Locator {
    return this.page.locator(`[data-testid="product-card"][data-product-id="${productId}"]`);
  }

  async openProduct(productId: string): Promise<void> {
    await this.card(productId).getByRole('link').click();
    await this.page.waitForURL(`**/products/${productId}`);
  }

  async cartCount(): Promise<number> {
    return Number(await this.cartBadge.getAttribute('data-value'));
  }

  async openCart(): Promise<void> {
    await this.page.getByRole('link', { name: /^Cart, / }).click();
    await this.page.waitForURL('**/cart');
  }
}
