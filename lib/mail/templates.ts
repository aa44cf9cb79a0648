import { STORE_NAME } from '@/components/shop/store-info';
import type { MailMessage } from '@/lib/mail/mailer';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One short message with one link, as plain text and simple HTML. */
function linkMail(to: string, subject: string, intro: string, action: string, url: string, outro: string): MailMessage {
  const text = `${intro}\n\n${action}: ${url}\n\n${outro}\n\n— ${STORE_NAME}\n`;
  const html = `<!doctype html><html><body style="font-family: system-ui, sans-serif; color: #1c1917; line-height: 1.5">
<p>${escapeHtml(intro)}</p>
<p><a href="${escapeHtml(url)}" style="color: #1c4336; font-weight: 600">${escapeHtml(action)}</a></p>
<p style="color: #57534e; font-size: 14px">${escapeHtml(outro)}</p>
<p>— ${escapeHtml(STORE_NAME)}</p>
</body></html>`;
  return { to, subject: `${subject} · ${STORE_NAME}`, text, html };
}

export function magicLinkMail(to: string, url: string): MailMessage {
  return linkMail(
    to,
    'Your sign-in link',
    `Use this link to sign in to your ${STORE_NAME} account. It works once, for 15 minutes.`,
    'Sign in',
    url,
    'If you did not ask for it, you can ignore this email.',
  );
}

export function verifyEmailMail(to: string, url: string): MailMessage {
  return linkMail(
    to,
    'Confirm your email',
    `Welcome to ${STORE_NAME}. Confirm that this is your email address to finish creating your account.`,
    'Confirm my email',
    url,
    'If you did not create an account, you can ignore this email.',
  );
}

export function resetPasswordMail(to: string, url: string): MailMessage {
  return linkMail(
    to,
    'Reset your password',
    `Someone (we hope you) asked to reset the password of your ${STORE_NAME} account. The link works once, for 1 hour.`,
    'Choose a new password',
    url,
    'If you did not ask for it, your password stays as it is; you can ignore this email.',
  );
}

export function existingAccountMail(to: string, signInUrl: string): MailMessage {
  return linkMail(
    to,
    'You already have an account',
    `Someone tried to create a ${STORE_NAME} account with this email address, which already has one. Sign in instead, or reset your password if you have forgotten it.`,
    'Sign in',
    signInUrl,
    'If it was not you, your account is unchanged; you can ignore this email.',
  );
}
