import { expect, type Locator, type Page } from '@playwright/test';
import { minorUnits, type ShownLine, shownLines, taxAddedBy } from './money';

/** The return page `/checkout/complete?session_id=…`. */
export class OrderPage {
  readonly heading: Locator;
  readonly orderNumber: Locator;
  readonly status: Locator;
  readonly total: Locator;
  readonly subtotal: Locator;
  readonly shipping: Locator;
  readonly discount: Locator;
  readonly lines: Locator;
  readonly email: Locator;
  readonly address: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.orderNumber = page.getByTestId('order-number');
    this.status = page.getByTestId('order-status');
    this.total = page.getByTestId('order-total');
    this.subtotal = page.getByTestId('order-subtotal');
    this.shipping = page.getByTestId('order-shipping');
    this.discount = page.getByTestId('order-discount');
    this.lines = page.getByTestId('order-line');
    this.email = page.getByTestId('order-email');
    this.address = page.getByTestId('order-address');
  }

  async waitForArrival(): Promise<void> {
    await this.page.waitForURL(/\/checkout\/complete\?session_id=cs_/, { timeout: 30_000 });
    await expect(this.heading).toBeVisible();
  }

  async totalAmount(): Promise<number> {
    return minorUnits(this.total);
  }

  async shownLines(): Promise<ShownLine[]> {
    return shownLines(this.lines);
  }

  async amounts(): Promise<{ subtotal: number; shipping: number; discount: number; taxAdded: number; total: number }> {
    return {
      subtotal: await minorUnits(this.subtotal),
      shipping: await minorUnits(this.shipping),
      discount: (await this.discount.count()) > 0 ? await minorUnits(this.discount) : 0,
      taxAdded: await taxAddedBy(this.page.getByTestId('order-tax')),
      total: await minorUnits(this.total),
    };
  }
}
