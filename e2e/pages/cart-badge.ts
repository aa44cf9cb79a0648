import type { Locator, Page } from '@playwright/test';

/**
 * The header's cart count, as the shopper sees it: inside the visible Cart link. While React swaps streamed or
 * refreshed content in, the previous header can still be in the DOM, hidden; a role query skips hidden elements.
 */
export function cartBadge(page: Page): Locator {
  return page.getByRole('link', { name: /^Cart/ }).getByTestId('cart-badge');
}
