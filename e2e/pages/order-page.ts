import { expect, type Locator, type Page } from '@playwright/test';
import { minorUnits } from './money';

/** The return page `/checkout/complete?session_id=…`. */
export class OrderPage {
  readonly heading: Locator;
  readonly orderNumber: Locator;
  readonly status: Locator;
  readonly total: Locator;
  readonly lines: Locator;
  readonly email: Locator;
  readonly address: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.orderNumber = page.getByTestId('order-number');
    this.status = page.getByTestId('order-status');
    this.total = page.getByTestId('order-total');
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
}
