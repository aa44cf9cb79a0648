import type { Locator, Page } from '@playwright/test';
import { cartBadge } from './cart-badge';

/**
 * The storefront chrome (header, banner) and the product grid on `/`. Locators keep to what is visible: after a
 * client-side navigation Next keeps the previous pages in the document, hidden (React's Activity), to restore them.
 */
export class StorePage {
  readonly productCards: Locator;
  readonly cartBadge: Locator;
  readonly testModeBanner: Locator;

  constructor(readonly page: Page) {
    this.productCards = page.getByTestId('product-card').filter({ visible: true });
    this.cartBadge = cartBadge(page);
    this.testModeBanner = page.getByTestId('test-mode-banner').filter({ visible: true });
  }

  async goto(categoryId?: string): Promise<void> {
    await this.page.goto(categoryId ? `/categories/${encodeURIComponent(categoryId)}` : '/');
  }

  async chooseCategory(name: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Filter by category' }).getByRole('link', { name }).click();
  }

  card(productId: string): Locator {
    return this.productCards.and(this.page.locator(`[data-product-id="${productId}"]`));
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
