import { expect, type Locator, type Page } from '@playwright/test';

/** The header's "Sign in" / "Account" link (streamed in per request, like the cart count). */
export function accountLink(page: Page): Locator {
  return page.getByTestId('account-link').filter({ visible: true });
}

/** `/account/sign-in`: a password form and an "Email me a link" form. */
export class SignInPage {
  readonly passwordForm: Locator;
  readonly linkForm: Locator;
  readonly error: Locator;
  readonly linkSent: Locator;

  constructor(readonly page: Page) {
    this.passwordForm = page.locator('form').filter({ has: page.getByRole('heading', { name: 'With your password' }) });
    this.linkForm = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Or without a password' }) });
    this.error = this.passwordForm.getByTestId('form-error');
    this.linkSent = this.linkForm.getByTestId('form-sent');
  }

  async goto(returnTo?: string): Promise<void> {
    await this.page.goto(returnTo ? `/account/sign-in?returnTo=${encodeURIComponent(returnTo)}` : '/account/sign-in');
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.passwordForm.getByLabel('Email').fill(email);
    await this.passwordForm.getByLabel('Password').fill(password);
    await this.passwordForm.getByRole('button', { name: 'Sign in' }).click();
  }

  async emailMeALink(email: string): Promise<void> {
    await this.linkForm.getByLabel('Email').fill(email);
    await this.linkForm.getByRole('button', { name: 'Email me a link' }).click();
    await expect(this.linkSent).toBeVisible();
  }
}

/** `/account/sign-up`. */
export class SignUpPage {
  readonly sent: Locator;

  constructor(readonly page: Page) {
    this.sent = page.getByTestId('form-sent');
  }

  async goto(): Promise<void> {
    await this.page.goto('/account/sign-up');
  }

  async signUp(account: { name?: string; email: string; password: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Create an account' });
    if (account.name) await form.getByLabel('Name (optional)').fill(account.name);
    await form.getByLabel('Email').fill(account.email);
    await form.getByLabel('Password').fill(account.password);
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(this.sent).toContainText(account.email);
  }
}

/** `/account`: order history and saved addresses. */
export class AccountPage {
  readonly email: Locator;
  readonly orderLinks: Locator;
  readonly savedAddresses: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByTestId('account-email');
    this.orderLinks = page.getByTestId('order-link');
    this.savedAddresses = page.getByTestId('saved-addresses').getByRole('listitem');
  }

  async goto(): Promise<void> {
    await this.page.goto('/account');
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await this.page.waitForURL((url) => url.pathname === '/');
  }
}

/** `/dev/outbox`: the mail the store wrote locally (emulator mode). */
export class OutboxPage {
  constructor(readonly page: Page) {}

  /** Opens the newest message to `to` whose subject matches, then follows the link in it. */
  async followLatestLink(to: string, subject: RegExp): Promise<void> {
    await this.page.goto('/dev/outbox');
    const message = this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByTestId('outbox-to').getByText(to, { exact: true }) })
      .filter({ has: this.page.getByRole('link', { name: subject }) })
      .first();
    await message.getByRole('link').click();
    await this.page.getByTestId('outbox-message').getByRole('link').first().click();
  }
}
