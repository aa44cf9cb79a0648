import { expect, type Locator, type Page } from '@playwright/test';

/** `/admin/orders`: the search form and the list. */
export class AdminOrdersPage {
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('order-row');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/admin/orders${query ? `?${query}` : ''}`);
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Order number or email').fill(text);
    await this.page.getByRole('button', { name: 'Search' }).click();
    await this.page.waitForURL(/\/admin\/orders\?/);
  }

  row(orderNumber: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: `#${orderNumber}`, exact: true }) });
  }

  async open(orderNumber: string): Promise<AdminOrderPage> {
    await this.row(orderNumber)
      .getByRole('link', { name: `#${orderNumber}`, exact: true })
      .click();
    const detail = new AdminOrderPage(this.page);
    await expect(detail.heading).toHaveText(`Order #${orderNumber}`);
    return detail;
  }
}

/** `/admin/orders/:id`: the order in full and its refund form. */
export class AdminOrderPage {
  readonly heading: Locator;
  readonly status: Locator;
  readonly refundForm: Locator;
  readonly refunded: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.status = page.getByTestId('order-status').first();
    this.refundForm = page.getByRole('form', { name: 'Refund' });
    this.refunded = page.getByTestId('order-refunded');
  }

  async refund(options: { amount?: string; releaseCodes?: boolean; restoreCredit?: boolean; note?: string } = {}) {
    const form = this.refundForm;
    if (options.amount !== undefined) await form.getByLabel('Amount').fill(options.amount);
    if (options.note) await form.getByLabel('Note (optional)').fill(options.note);
    if (options.releaseCodes) await form.getByLabel(/Release its discount codes/).check();
    if (options.restoreCredit) await form.getByLabel(/Give back the store credit/).check();
    await form.getByRole('button', { name: 'Refund' }).click();
    await expect(this.page.getByTestId('refund-done')).toBeVisible();
  }
}

/** The pages of the console, for the accessibility sweep. */
export const ADMIN_PAGES = ['/admin/orders', '/admin/customers', '/admin/reports', '/admin/promotions'] as const;
