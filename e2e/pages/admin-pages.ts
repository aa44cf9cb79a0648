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
    // Its result, or — after a refund of all that was left — the form gone (the page re-renders without it, which can
    // come before the result shows).
    const done = this.page.getByTestId('refund-done');
    await expect.poll(async () => (await done.isVisible()) || (await form.count()) === 0).toBe(true);
  }
}

/** `/admin/promotions`: the rules with their uses, and the form that creates one. */
export class AdminPromotionsPage {
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('promotion-row');
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/promotions');
  }

  row(label: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: label, exact: true }) });
  }

  /** Creates a percent-off code from the "New promotion" page; back on the list once created. */
  async createCode(rule: { id: string; code: string; label: string; percent: string }): Promise<void> {
    await this.goto();
    await this.page.getByRole('link', { name: 'New promotion' }).click();
    const form = this.page.getByRole('form', { name: 'New promotion' });
    await form.getByLabel('Id', { exact: true }).fill(rule.id);
    await form.getByLabel('Kind').selectOption('code');
    await form.getByLabel('Code', { exact: true }).fill(rule.code);
    await form.getByLabel('Label', { exact: true }).fill(rule.label);
    await form.getByLabel('Effect').selectOption('percent_off');
    await form.getByLabel('Percent off', { exact: true }).fill(rule.percent);
    await form.getByLabel('Combines with other promotions').check();
    await form.getByRole('button', { name: 'Create promotion' }).click();
    await expect(this.page.getByTestId('promotion-done')).toContainText(`Created ${rule.label}.`);
  }
}

/** The pages of the console, for the accessibility sweep. */
export const ADMIN_PAGES = [
  '/admin/orders',
  '/admin/customers',
  '/admin/reports',
  '/admin/promotions',
  '/admin/promotions/new',
  '/admin/promotions/welcome-10',
  '/admin/catalog',
] as const;
